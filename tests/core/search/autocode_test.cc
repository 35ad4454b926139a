// Auto-coding the hits of a search: one action, undoable.
#include <catch2/catch.hpp>

#include "coding/codebook.h"
#include "coding/retrieval.h"
#include "core/search/search_fixture.h"
#include "search/autocode.h"
#include "store/history.h"

using tema::test::SearchFixture;

namespace {

std::int64_t add_code(SearchFixture& f, const std::string& name) {
    tema::coding::NewCode code;
    code.name = name;
    return tema::coding::add_code(*f.project, f.coder, code);
}

std::vector<std::string> coded_lines(SearchFixture& f, std::int64_t code) {
    std::vector<std::string> out;
    for (const auto& s : tema::coding::retrieve(f.db(), code)) {
        out.push_back(s.source + ":" + std::to_string(s.start_line) + "-" +
                      std::to_string(s.end_line));
    }
    return out;
}

tema::search::SearchRequest query(const std::string& text) {
    tema::search::SearchRequest request;
    request.query = text;
    request.limit = 1;  // paging does not limit auto-coding
    return request;
}

}  // namespace

TEST_CASE("auto-coding by line codes each line with a hit, as one undoable action",
          "[search][autocode]") {
    SearchFixture f;
    const std::int64_t code = add_code(f, "Støtte");
    auto request = query("støtte");
    request.fold = true;  // the OCR'd slide reads "stgtte"
    const auto result = tema::search::autocode(*f.project, f.coder, *f.index, request, code,
                                               tema::search::AutocodeUnit::line);
    CHECK(result.hits == 3);  // the focus group's two turns and the slide
    CHECK(coded_lines(f, code) ==
          std::vector<std::string>{"fokusgruppe-sok:16-16", "fokusgruppe-sok:18-18",
                                   "ocr-lysark:3-3"});
    CHECK(result.applied.created == 3);
    const auto log = tema::store::list_history(f.db(), 1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].summary == "auto-coded 3 hits of 'støtte' with 'Støtte'");
    tema::store::undo(*f.project, f.coder);
    CHECK(coded_lines(f, code).empty());
}

TEST_CASE("auto-coding by turn codes the speaker's whole turn", "[search][autocode]") {
    SearchFixture f;
    const std::int64_t code = add_code(f, "Lønn");
    tema::search::autocode(*f.project, f.coder, *f.index, query("lønn"), code,
                           tema::search::AutocodeUnit::turn);
    const auto segments = tema::coding::retrieve(f.db(), code);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].start_line == 9);
    CHECK(segments[0].end_line == 10);
    CHECK(segments[0].text.starts_with("For meg var det viktig"));  // the words, not the label
    CHECK(segments[0].text.ends_with("det eneste."));
}

TEST_CASE("auto-coding twice changes nothing the second time", "[search][autocode]") {
    SearchFixture f;
    const std::int64_t code = add_code(f, "Leder");
    tema::search::autocode(*f.project, f.coder, *f.index, query("lederen"), code,
                           tema::search::AutocodeUnit::line);
    const auto before = tema::store::list_history(f.db()).size();
    const auto again = tema::search::autocode(*f.project, f.coder, *f.index, query("lederen"),
                                              code, tema::search::AutocodeUnit::line);
    CHECK(again.applied.created == 0);
    CHECK(again.applied.unchanged == 2);
    CHECK(tema::store::list_history(f.db()).size() == before);
}

TEST_CASE("auto-coding with a bad query or a folder code changes nothing", "[search][autocode]") {
    SearchFixture f;
    const std::int64_t code = add_code(f, "Kode");
    const auto before = tema::store::list_history(f.db()).size();
    CHECK(tema::test::error_of_call([&] {
              tema::search::autocode(*f.project, f.coder, *f.index, query("(lønn"), code,
                                     tema::search::AutocodeUnit::line);
          }) == "query: the opening parenthesis at column 1 is never closed");
    CHECK(tema::store::list_history(f.db()).size() == before);
}
