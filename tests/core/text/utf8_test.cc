#include "text/utf8.h"

#include <catch2/catch.hpp>
#include <string>

using tema::text::count_codepoints;

TEST_CASE("count_codepoints counts characters, not bytes", "[text][utf8]") {
    CHECK(count_codepoints("") == 0);
    CHECK(count_codepoints("a") == 1);
    CHECK(count_codepoints("Hei, verden") == 11);
    CHECK(count_codepoints("æøå") == 3);  // 2 bytes each
    CHECK(count_codepoints("€") == 1);    // 3 bytes
    CHECK(count_codepoints("😀") == 1);    // 4 bytes
    CHECK(count_codepoints("aæ€😀b") == 5);
    CHECK(count_codepoints("Jobbspesialisten sa: «Vi må være ærlige» – det var én av dem.") == 61);
}

TEST_CASE("count_codepoints across the eight-byte blocks", "[text][utf8]") {
    std::string text;
    std::size_t expected = 0;
    for (int i = 0; i < 50; ++i) {
        text += (i % 3 == 0) ? "æ" : (i % 5 == 0) ? "😀" : (i % 7 == 0) ? "€" : "x";
        ++expected;
        INFO("length " << text.size());
        CHECK(count_codepoints(text) == expected);
    }
}
