#include "search/autocode.h"

#include "coding/codebook.h"

namespace tema::search {

AutocodeResult autocode(store::Project& project, const store::Coder& coder, SearchIndex& index,
                        SearchRequest request, std::int64_t code_id, AutocodeUnit unit) {
    request.offset = 0;
    request.limit = 0;
    request.order = SearchRequest::Order::document;
    const SearchResult found = index.search(request);
    std::vector<coding::SourceRange> ranges;
    for (const Hit& hit : found.hits) {
        if (unit == AutocodeUnit::turn) {
            ranges.push_back({hit.source_id, {hit.start, hit.end}});
            continue;
        }
        for (std::int64_t line : hit.lines) {
            ranges.push_back(
                {hit.source_id, coding::line_range(project.db(), hit.source_id, line, line)});
        }
    }
    AutocodeResult result;
    result.hits = found.hits.size();
    const std::string summary = "auto-coded " + std::to_string(found.hits.size()) +
                                (found.hits.size() == 1 ? " hit" : " hits") + " of '" +
                                request.query + "' with '" +
                                coding::code_path(project.db(), code_id) + "'";
    result.applied = coding::apply_code_to_ranges(project, coder, code_id, ranges, summary);
    return result;
}

}  // namespace tema::search
