#include "text/normalize.h"

#include <catch2/catch.hpp>
#include <string>

#include "core/text/text_fixtures.h"
#include "text/encoding.h"

using tema::text::is_nfc;
using tema::text::normalize_line_endings;
using tema::text::to_nfc;
using tema::text::testing::fixture;

TEST_CASE("is_nfc tells composed text from decomposed", "[text][normalize]") {
    CHECK(is_nfc(""));
    CHECK(is_nfc("plain ASCII"));
    CHECK(is_nfc("Blåbærsyltetøy på Åsen, sa René 😀"));
    CHECK_FALSE(is_nfc("a\u030a"));  // a + combining ring
    CHECK_FALSE(is_nfc("\u212B"));   // ANGSTROM SIGN, NFC is Å
    CHECK_FALSE(is_nfc(fixture("nfd-norwegian.txt")));
}

TEST_CASE("to_nfc composes NFD text", "[text][normalize]") {
    const std::string nfd = fixture("nfd-norwegian.txt");
    REQUIRE(tema::text::is_valid_utf8(nfd));
    CHECK(nfd.find("a\u030a") != std::string::npos);  // the fixture really is decomposed

    const std::string nfc = to_nfc(nfd);
    CHECK(nfc == "Skål vi gå til Åsen? Ja, sa René. Blåbær og ø.\n");
    CHECK(is_nfc(nfc));
    CHECK(nfc.size() < nfd.size());

    CHECK(to_nfc("\u212B") == "Å");
    CHECK(to_nfc("e\u0301") == "é");
}

TEST_CASE("is_nfc and to_nfc see marks after any kind of character", "[text][normalize]") {
    // A mark right after a long ASCII run, after a two-byte letter, after a
    // three-byte character, at the very start, and Hangul jamo that compose.
    const std::string ascii_then_mark = "Dette er en lang tekst, og til slutt: a\u030a";
    CHECK_FALSE(is_nfc(ascii_then_mark));
    CHECK(to_nfc(ascii_then_mark) == "Dette er en lang tekst, og til slutt: å");

    CHECK_FALSE(is_nfc("Blåbæ\u0301r"));  // æ + acute is ǽ
    CHECK(to_nfc("Blåbæ\u0301r") == "Blåbǽr");

    CHECK_FALSE(is_nfc("\u1EB9\u0302"));  // ẹ (three bytes) + circumflex is ệ
    CHECK(to_nfc("\u1EB9\u0302") == "\u1EC7");

    CHECK(is_nfc("– «sitat» – 200 €"));
    CHECK(is_nfc("\u0301 a lone mark at the start"));  // nothing to compose with
    CHECK_FALSE(is_nfc("\u1100\u1161"));
    CHECK(to_nfc("\u1100\u1161") == "\uAC00");

    // Marks in canonical order are NFC; out of order are not.
    CHECK(is_nfc("a\u0323\u0302 x") == false);  // ậ composes
    CHECK_FALSE(is_nfc("x\u0302\u0323"));       // ccc 230 before 220: misordered
    CHECK(is_nfc("x\u0323\u0302"));
    CHECK(to_nfc("x\u0302\u0323") == "x\u0323\u0302");
}

TEST_CASE("to_nfc returns NFC text unchanged", "[text][normalize]") {
    CHECK(to_nfc("").empty());
    CHECK(to_nfc("ASCII only") == "ASCII only");
    const std::string text = "Jobbspesialisten sa: «Vi må være ærlige» – det var én av dem. 😀";
    CHECK(to_nfc(text) == text);
}

TEST_CASE("normalize_line_endings turns CRLF and CR into LF", "[text][normalize]") {
    CHECK(normalize_line_endings(fixture("crlf.txt")) == "Linje 1\nLinje 2\n\nLinje 4\n");
    CHECK(normalize_line_endings(fixture("cr-only.txt")) == "Linje 1\nLinje 2\n\nLinje 4\n");
    CHECK(normalize_line_endings("").empty());
    CHECK(normalize_line_endings("no breaks") == "no breaks");
    CHECK(normalize_line_endings("a\nb\n") == "a\nb\n");
    CHECK(normalize_line_endings("\r") == "\n");
    CHECK(normalize_line_endings("\r\n") == "\n");
    CHECK(normalize_line_endings("\n\r") == "\n\n");
    CHECK(normalize_line_endings("\r\r\n") == "\n\n");
    CHECK(normalize_line_endings("a\r\n\rb\n\r") == "a\n\nb\n\n");
    CHECK(normalize_line_endings("æ\r\nø\rå") == "æ\nø\nå");
}
