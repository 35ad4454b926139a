#include "text/lines.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using tema::text::line_starts;
using tema::text::LineIndex;
using Starts = std::vector<std::uint32_t>;

TEST_CASE("line_starts of texts with and without a final LF", "[text][lines]") {
    CHECK(line_starts("").empty());
    CHECK(line_starts("one line") == Starts{0});
    CHECK(line_starts("one line\n") == Starts{0});  // a final LF starts no line
    CHECK(line_starts("\n") == Starts{0});          // one empty line
    CHECK(line_starts("\n\n") == Starts{0, 1});
    CHECK(line_starts("a\nb") == Starts{0, 2});
    CHECK(line_starts("a\nb\n") == Starts{0, 2});
    CHECK(line_starts("a\n\nb\n") == Starts{0, 2, 3});  // a blank line
    CHECK(line_starts("a\r\nb") == Starts{0, 3});       // CR is an ordinary character
}

TEST_CASE("line_starts counts code points, not bytes", "[text][lines]") {
    // "Blåbær" is 6 code points and 8 bytes; "€ 😀" 3 code points and 8 bytes.
    CHECK(line_starts("Blåbær\n€ 😀\nslutt") == Starts{0, 7, 11});
    std::string many;
    Starts expected;
    for (std::uint32_t i = 0; i < 100; ++i) {
        expected.push_back(i * 4);
        many += "æøå\n";
    }
    CHECK(line_starts(many) == expected);
}

TEST_CASE("LineIndex finds the line of a position", "[text][lines]") {
    // Line 1 "Første" [0, 6), LF at 6; line 2 "" [7, 7), LF at 7; line 3 "tredje" [8, 14).
    const std::string text = "Første\n\ntredje";
    const LineIndex index(text);
    REQUIRE(index.count() == 3);
    CHECK(index.starts() == Starts{0, 7, 8});

    CHECK(index.line_of(0) == 1);
    CHECK(index.line_of(5) == 1);
    CHECK(index.line_of(6) == 1);  // the LF belongs to the line it ends
    CHECK(index.line_of(7) == 2);  // the blank line
    CHECK(index.line_of(8) == 3);
    CHECK(index.line_of(13) == 3);
    CHECK(index.line_of(14) == 3);  // the very end belongs to the last line
    CHECK(index.line_of(1000) == 3);

    CHECK(index.start_of(1) == 0);
    CHECK(index.end_of(1) == 6);
    CHECK(index.start_of(2) == 7);
    CHECK(index.end_of(2) == 7);
    CHECK(index.start_of(3) == 8);
    CHECK(index.end_of(3) == 14);
}

TEST_CASE("LineIndex and a final LF", "[text][lines]") {
    const std::string text = "én\nto\n";
    SECTION("built from the text, the final LF is excluded") {
        const LineIndex index(text);
        REQUIRE(index.count() == 2);
        CHECK(index.start_of(2) == 3);
        CHECK(index.end_of(2) == 5);
        CHECK(index.line_of(5) == 2);  // the final LF
        CHECK(index.line_of(6) == 2);  // the end
    }
    SECTION("built from starts and told of the final LF") {
        const LineIndex index(line_starts(text), 6, true);
        CHECK(index.end_of(2) == 5);
    }
    SECTION("built from starts alone, the text is taken to end without LF") {
        const LineIndex index(line_starts(text), 6);
        CHECK(index.end_of(2) == 6);
    }
    SECTION("a text that is one LF is one empty line") {
        const LineIndex index(std::string_view("\n"));
        REQUIRE(index.count() == 1);
        CHECK(index.start_of(1) == 0);
        CHECK(index.end_of(1) == 0);
        CHECK(index.line_of(0) == 1);
        CHECK(index.line_of(1) == 1);
    }
}

TEST_CASE("LineIndex of the empty text and bad line numbers", "[text][lines]") {
    const LineIndex empty(std::string_view(""));
    CHECK(empty.count() == 0);
    CHECK(empty.line_of(0) == 0);
    CHECK_THROWS_AS(empty.start_of(1), std::out_of_range);

    const LineIndex index(Starts{0, 4}, 8);
    CHECK_THROWS_AS(index.start_of(0), std::out_of_range);
    CHECK_THROWS_AS(index.end_of(0), std::out_of_range);
    CHECK_THROWS_AS(index.start_of(3), std::out_of_range);
    CHECK_THROWS_AS(index.end_of(3), std::out_of_range);
    CHECK(index.end_of(1) == 3);
    CHECK(index.end_of(2) == 8);
}
