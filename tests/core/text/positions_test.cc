#include "text/positions.h"

#include <array>
#include <catch2/catch.hpp>
#include <string>

#include "text/utf8.h"

using tema::text::PositionMap;

TEST_CASE("PositionMap of ASCII text maps one to one", "[text][positions]") {
    const PositionMap map("Hei, verden");
    CHECK(map.codepoints() == 11);
    CHECK(map.utf16_units() == 11);
    CHECK(map.bytes() == 11);
    for (std::size_t i = 0; i <= 11; ++i) {
        CHECK(map.byte_of_codepoint(i) == i);
        CHECK(map.utf16_of_codepoint(i) == i);
        CHECK(map.codepoint_of_byte(i) == i);
        CHECK(map.codepoint_of_utf16(i) == i);
    }
}

TEST_CASE("PositionMap of the empty text", "[text][positions]") {
    const PositionMap map("");
    CHECK(map.codepoints() == 0);
    CHECK(map.byte_of_codepoint(0) == 0);
    CHECK(map.byte_of_codepoint(5) == 0);
    CHECK(map.codepoint_of_byte(3) == 0);
    CHECK(map.codepoint_of_utf16(3) == 0);
}

TEST_CASE("PositionMap converts across 2-, 3- and 4-byte characters", "[text][positions]") {
    // code point:  a=0  æ=1  €=2  😀=3  b=4  end=5
    // byte:        0    1    3    6     10   11
    // UTF-16:      0    1    2    3     5    6
    const PositionMap map("aæ€😀b");
    CHECK(map.codepoints() == 5);
    CHECK(map.utf16_units() == 6);
    CHECK(map.bytes() == 11);

    const std::array<std::size_t, 6> cps = {0, 1, 2, 3, 4, 5};
    const std::array<std::size_t, 6> bytes = {0, 1, 3, 6, 10, 11};
    const std::array<std::size_t, 6> units = {0, 1, 2, 3, 5, 6};
    for (std::size_t i = 0; i < 6; ++i) {
        INFO("code point " << cps[i]);
        CHECK(map.byte_of_codepoint(cps[i]) == bytes[i]);
        CHECK(map.utf16_of_codepoint(cps[i]) == units[i]);
        CHECK(map.codepoint_of_byte(bytes[i]) == cps[i]);
        CHECK(map.codepoint_of_utf16(units[i]) == cps[i]);
    }

    SECTION("a byte inside a character maps to that character") {
        CHECK(map.codepoint_of_byte(2) == 1);  // second byte of æ
        CHECK(map.codepoint_of_byte(4) == 2);  // inside €
        CHECK(map.codepoint_of_byte(5) == 2);
        CHECK(map.codepoint_of_byte(7) == 3);  // inside 😀
        CHECK(map.codepoint_of_byte(8) == 3);
        CHECK(map.codepoint_of_byte(9) == 3);
    }
    SECTION("the low surrogate maps to its character") {
        CHECK(map.codepoint_of_utf16(4) == 3);
    }
    SECTION("positions past the end are clamped") {
        CHECK(map.byte_of_codepoint(6) == 11);
        CHECK(map.byte_of_codepoint(1000) == 11);
        CHECK(map.utf16_of_codepoint(1000) == 6);
        CHECK(map.codepoint_of_byte(12) == 5);
        CHECK(map.codepoint_of_byte(1000) == 5);
        CHECK(map.codepoint_of_utf16(7) == 5);
        CHECK(map.codepoint_of_utf16(1000) == 5);
    }
}

TEST_CASE("PositionMap agrees with counting on a longer text", "[text][positions]") {
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "Ærlig talt, ";
        text += (i % 4 == 0) ? "😀 " : (i % 4 == 1) ? "200 € " : (i % 4 == 2) ? "blåbær " : "ok ";
    }
    const PositionMap map(text);
    std::size_t cp = 0;
    std::size_t utf16 = 0;
    for (std::size_t byte = 0; byte < text.size();) {
        const auto lead = static_cast<unsigned char>(text[byte]);
        const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        REQUIRE(map.byte_of_codepoint(cp) == byte);
        REQUIRE(map.utf16_of_codepoint(cp) == utf16);
        for (std::size_t k = 0; k < len; ++k) {
            REQUIRE(map.codepoint_of_byte(byte + k) == cp);
        }
        REQUIRE(map.codepoint_of_utf16(utf16) == cp);
        byte += len;
        utf16 += len == 4 ? 2 : 1;
        ++cp;
    }
    CHECK(map.codepoints() == cp);
    CHECK(map.codepoints() == tema::text::count_codepoints(text));
    CHECK(map.utf16_units() == utf16);
    CHECK(map.byte_of_codepoint(cp) == text.size());
}

TEST_CASE("PositionMap survives malformed UTF-8", "[text][positions]") {
    // Not a valid input, but it must not read out of bounds or crash.
    const PositionMap map("ab\xC3");
    CHECK(map.bytes() == 3);
    CHECK(map.codepoints() == 3);
    CHECK(map.codepoint_of_byte(3) == 3);
    const PositionMap cut("a\xF0\x9F");
    CHECK(cut.codepoints() == 2);
    CHECK(cut.byte_of_codepoint(2) == 3);
}
