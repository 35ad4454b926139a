// A project with the search fixtures imported and indexed.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "search/index.h"
#include "support/project_fixture.h"

namespace tema::test {

struct SearchFixture : ProjectFixture {
    std::int64_t focus_group = import(fixture("search/fokusgruppe-sok.txt"));
    std::int64_t fieldnote = import(fixture("search/feltnotat-nn.txt"));
    std::int64_t interview = import(fixture("search/interview-en.txt"));
    std::int64_t slides = import(fixture("search/ocr-lysark.txt"));
    std::unique_ptr<search::SearchIndex> index;

    SearchFixture() {
        import_participants(fixture("search/participants.csv"));
        for (int n = 1; n <= 3; ++n) {
            map_speaker(focus_group, "Deltaker " + std::to_string(n), "P0" + std::to_string(n));
        }
        index = std::make_unique<search::SearchIndex>(*project);
        sync();
    }

    search::SyncReport sync() {
        NoProgress progress;
        return index->sync(progress);
    }

    search::SearchResult find(const std::string& query, search::SearchRequest request = {}) {
        request.query = query;
        request.limit = 0;
        request.order = search::SearchRequest::Order::document;
        return index->search(request);
    }

    // The marked words of every hit, in order, as written in the text.
    std::vector<std::string> marked(const std::string& query, search::SearchRequest request = {}) {
        std::vector<std::string> words;
        for (const search::Hit& hit : find(query, request).hits) {
            std::string snippet = hit.snippet;
            for (std::size_t open = snippet.find("**"); open != std::string::npos;
                 open = snippet.find("**", open)) {
                const std::size_t close = snippet.find("**", open + 2);
                words.push_back(snippet.substr(open + 2, close - open - 2));
                open = close + 2;
            }
        }
        return words;
    }

    // "source:line" of every hit.
    std::vector<std::string> places(const std::string& query, search::SearchRequest request = {}) {
        std::vector<std::string> out;
        for (const search::Hit& hit : find(query, request).hits) {
            out.push_back(hit.source + ":" + std::to_string(hit.line));
        }
        return out;
    }

    std::string query_error(const std::string& query, search::SearchRequest request = {}) {
        return error_of_call([&] { find(query, request); });
    }
};

inline bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace tema::test
