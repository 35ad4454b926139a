#include <catch2/catch.hpp>
#include <string>

#include "text/positions.h"

using tema::text::CodepointCursor;
using tema::text::PositionMap;

TEST_CASE("CodepointCursor agrees with PositionMap at every position", "[text]") {
    // ASCII runs longer and shorter than eight bytes, two-, three- and
    // four-byte characters, one of them across an eight-byte boundary.
    const std::string text =
        "Deltaker 1: Vi må være ærlige med arbeidsgiveren på Østre Åsen – «ja» 😀.\n"
        "abcdefgæøå€𝄞xyz";
    const PositionMap map(text);
    for (std::size_t step = 1; step <= 9; ++step) {
        CodepointCursor cursor(text);
        for (std::size_t cp = 0; cp <= map.codepoints() + 2; cp += step) {
            INFO("step " << step << ", code point " << cp);
            CHECK(cursor.byte_of(cp) == map.byte_of_codepoint(cp));
        }
    }
    CodepointCursor empty("");
    CHECK(empty.byte_of(0) == 0);
    CHECK(empty.byte_of(5) == 0);
}
