// What a search hit is: a speaker's turn, or a paragraph outside turns.
#include <catch2/catch.hpp>

#include "search/passages.h"
#include "store/sources.h"
#include "support/project_fixture.h"

namespace {

struct Split {
    std::string text;
    std::vector<tema::search::Passage> passages;
};

Split split(const std::filesystem::path& file) {
    tema::test::ProjectFixture f;
    const std::int64_t id = f.import(file);
    const auto content = tema::store::load_source_text(f.db(), id);
    return {content.text, tema::search::split_passages(content.text, content.line_starts,
                                                       tema::store::load_turns(f.db(), id))};
}

// The text of a passage (the fixtures are ASCII where it matters here).
std::string words(const Split& s, std::size_t n) {
    const auto& p = s.passages.at(n);
    return tema::test::slice_codepoints(s.text, p.start, p.end);
}

}  // namespace

TEST_CASE("a transcript's passages are its turns, without the speaker labels",
          "[search][passages]") {
    const Split s = split(tema::test::fixture("search/fokusgruppe-sok.txt"));
    // The heading line, then one passage per turn.
    REQUIRE(s.passages.size() == 9);
    CHECK(words(s, 0) == "Fokusgruppe om IPS – søketest");
    CHECK_FALSE(s.passages[0].turn);
    CHECK(words(s, 1).starts_with("Velkommen."));
    CHECK(s.passages[1].first_line == 3);
    CHECK(s.passages[1].turn == 0u);
    // A turn over two lines is one passage.
    CHECK(s.passages[4].first_line == 9);
    CHECK(words(s, 4) ==
          "For meg var det viktig å få fast jobb. Jeg fikk en fast jobb i en barnehage etter et "
          "halvt år.\nLønn betyr mye, men det er ikke det eneste.");
}

TEST_CASE("text outside turns is split into paragraphs at blank lines", "[search][passages]") {
    const Split s = split(tema::test::fixture("search/feltnotat-nn.txt"));
    REQUIRE(s.passages.size() == 4);
    CHECK(words(s, 0) == "Feltnotat frå teammøte");
    CHECK(s.passages[1].first_line == 3);
    CHECK(s.passages[2].first_line == 5);
    CHECK(s.passages[3].first_line == 7);
}

TEST_CASE("long paragraphs and turns are cut at line ends", "[search][passages]") {
    std::string text;
    std::vector<std::uint32_t> starts;
    for (int n = 0; n < 30; ++n) {
        starts.push_back(static_cast<std::uint32_t>(text.size()));
        text += "linje " + std::to_string(n) + "\n";
    }
    const auto passages = tema::search::split_passages(text, starts, {});
    REQUIRE(passages.size() == 3);  // 12 + 12 + 6 lines
    CHECK(passages[0].first_line == 1);
    CHECK(passages[1].first_line == 1 + tema::search::kMaxParagraphLines);
    CHECK(passages[2].first_line == 1 + 2 * tema::search::kMaxParagraphLines);
    CHECK(passages[2].end == text.size() - 1);  // the last LF is not part of it
}

TEST_CASE("an empty text has no passages", "[search][passages]") {
    CHECK(tema::search::split_passages("", {}, {}).empty());
}
