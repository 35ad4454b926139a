#include "text/encoding.h"

#include <catch2/catch.hpp>
#include <string>

#include "core/text/text_fixtures.h"

using tema::text::decode_text;
using tema::text::DecodedText;
using tema::text::is_valid_utf8;
using tema::text::testing::error_of;
using tema::text::testing::fixture;

namespace {

std::string bytes(std::initializer_list<unsigned char> list) {
    std::string out;
    for (const unsigned char b : list) {
        out += static_cast<char>(b);
    }
    return out;
}

DecodedText detect(const std::string& name) {
    return decode_text(fixture(name), "", name);
}

}  // namespace

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8", "[text][encoding]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII text, long enough for the eight-byte path"));
    CHECK(is_valid_utf8("Blåbærsyltetøy"));                         // 2 bytes
    CHECK(is_valid_utf8("200 € – “sitat”"));                        // 3 bytes
    CHECK(is_valid_utf8("emoji 😀 and U+10FFFF \xF4\x8F\xBF\xBF"));  // 4 bytes
    CHECK(is_valid_utf8(bytes({0xEF, 0xBF, 0xBD})));                // U+FFFD itself is valid
    CHECK(is_valid_utf8(bytes({0xED, 0x9F, 0xBF})));  // U+D7FF, just below the surrogates
    CHECK(is_valid_utf8(bytes({0xEE, 0x80, 0x80})));  // U+E000, just above them
}

TEST_CASE("is_valid_utf8 refuses malformed UTF-8", "[text][encoding]") {
    CHECK_FALSE(is_valid_utf8(bytes({0x80})));                    // lone continuation byte
    CHECK_FALSE(is_valid_utf8(bytes({0xC3})));                    // truncated at the end
    CHECK_FALSE(is_valid_utf8(bytes({0xC3, 0x28})));              // bad continuation
    CHECK_FALSE(is_valid_utf8(bytes({0xC0, 0x80})));              // overlong NUL
    CHECK_FALSE(is_valid_utf8(bytes({0xC1, 0xBF})));              // overlong
    CHECK_FALSE(is_valid_utf8(bytes({0xE0, 0x80, 0x80})));        // overlong 3-byte
    CHECK_FALSE(is_valid_utf8(bytes({0xE0, 0x9F, 0xBF})));        // overlong 3-byte
    CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xA0, 0x80})));        // surrogate U+D800
    CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xBF, 0xBF})));        // surrogate U+DFFF
    CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x80, 0x80, 0x80})));  // overlong 4-byte
    CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x8F, 0xBF, 0xBF})));  // overlong 4-byte
    CHECK_FALSE(is_valid_utf8(bytes({0xF4, 0x90, 0x80, 0x80})));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8(bytes({0xF5, 0x80, 0x80, 0x80})));  // no such lead byte
    CHECK_FALSE(is_valid_utf8(bytes({0xFF})));
    CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x9F, 0x98})));  // emoji cut short
    CHECK_FALSE(is_valid_utf8("Latin-1 p\xE5 ASCII"));
}

TEST_CASE("is_valid_utf8 finds a bad byte at every position of the fast path", "[text][encoding]") {
    const std::string clean(40, 'a');
    for (std::size_t at = 0; at < clean.size(); ++at) {
        std::string text = clean;
        text[at] = static_cast<char>(0xE5);  // a Latin-1 å
        INFO("bad byte at " << at);
        CHECK_FALSE(is_valid_utf8(text));
        text.replace(at, 1, "å");
        CHECK(is_valid_utf8(text));
    }
}

TEST_CASE("decode_text reads UTF-8 as it is", "[text][encoding]") {
    const DecodedText plain = decode_text("Hei, verden.\n", "", "a.txt");
    CHECK(plain.utf8 == "Hei, verden.\n");
    CHECK(plain.encoding == "UTF-8");

    const DecodedText norwegian = decode_text("Blåbær – «sitat» 😀\n", "", "b.txt");
    CHECK(norwegian.utf8 == "Blåbær – «sitat» 😀\n");
    CHECK(norwegian.encoding == "UTF-8");

    const DecodedText empty = decode_text("", "", "empty.txt");
    CHECK(empty.utf8.empty());
    CHECK(empty.encoding == "UTF-8");
}

TEST_CASE("decode_text drops a UTF-8 byte-order mark", "[text][encoding]") {
    const DecodedText text = detect("utf8-bom.txt");
    CHECK(text.utf8 == "Blåbær og «syltetøy»\nÆØÅ æøå\n");
    CHECK(text.encoding == "UTF-8-BOM");
}

TEST_CASE("decode_text reads UTF-16 with a byte-order mark", "[text][encoding]") {
    const std::string expected =
        "Fokusgruppe 2 – Fjordheim\nPerson 1: Jeg er enig 😀 – helt «enig».\n";

    const DecodedText le = detect("utf16le-bom.txt");
    CHECK(le.utf8 == expected);
    CHECK(le.encoding == "UTF-16LE");

    const DecodedText be = detect("utf16be-bom.txt");
    CHECK(be.utf8 == expected);
    CHECK(be.encoding == "UTF-16BE");
}

TEST_CASE("decode_text recognises UTF-16LE without a byte-order mark", "[text][encoding]") {
    const DecodedText text = detect("utf16le-nobom.txt");
    CHECK(text.utf8 == "Fokusgruppe 2 – Fjordheim\nPerson 1: Jeg er enig 😀 – helt «enig».\n");
    CHECK(text.encoding == "UTF-16LE");

    const DecodedText be = decode_text(std::string("\0H\0e\0i\0!", 8), "", "be.txt");
    CHECK(be.utf8 == "Hei!");
    CHECK(be.encoding == "UTF-16BE");
}

TEST_CASE("decode_text reports bad UTF-16 with its byte offset", "[text][encoding]") {
    CHECK(error_of([] { detect("utf16le-bad-surrogate.txt"); }) ==
          "utf16le-bad-surrogate.txt: is not valid UTF-16LE (at byte 8)");
    // An odd number of bytes: the last unit is cut short.
    CHECK(error_of([] { decode_text(std::string("\xFF\xFEH\0i", 5), "", "odd.txt"); }) ==
          "odd.txt: is not valid UTF-16LE (at byte 4)");
}

TEST_CASE("decode_text reads windows-1252", "[text][encoding]") {
    const DecodedText text = detect("cp1252-norwegian.txt");
    CHECK(text.utf8 ==
          "Jobbspesialisten sa: «Vi må være ærlige» – det var én av dem.\n"
          "“Kurset koster 200 €”, sa hun… Ærlig talt.\n");
    CHECK(text.encoding == "windows-1252");
}

TEST_CASE("decode_text reads ISO-8859-1", "[text][encoding]") {
    const DecodedText text = detect("latin1-norwegian.txt");
    CHECK(text.utf8 ==
          "Ærlig talt, sa Øystein: «Vi må få på plass en ordning før påske.»\n"
          "Det var 21 °C ute, og møtet varte i 1½ time.\n");
    CHECK(text.encoding == "ISO-8859-1");
}

TEST_CASE("decode_text reads ISO-8859-15 when € stands by a number", "[text][encoding]") {
    const DecodedText text = detect("latin9-euro.txt");
    CHECK(text.utf8 ==
          "Kurset koster 450 € per deltaker, og reisen 1200 €.\n"
          "Økonomien er stram, sa Åse.\n");
    CHECK(text.encoding == "ISO-8859-15");
}

TEST_CASE("decode_text weighs the bytes where ISO-8859-15 and Latin-1 differ", "[text][encoding]") {
    // Œ and œ in words: ISO-8859-15.
    const DecodedText oeuvre = decode_text("\xBCuvre, c\xBDur og s\xF8ster", "", "fr.txt");
    CHECK(oeuvre.utf8 == "Œuvre, cœur og søster");
    CHECK(oeuvre.encoding == "ISO-8859-15");

    // Š and ž in a name: ISO-8859-15.
    const DecodedText name = decode_text("Intervju med \xA6ime Jane\xB8i\xE6", "", "name.txt");
    CHECK(name.utf8 == "Intervju med Šime Janežiæ");
    CHECK(name.encoding == "ISO-8859-15");

    // ½ after a digit and ´ as an apostrophe: Latin-1.
    const DecodedText half = decode_text("Det tok 2\xBD time, sa han. Don\xB4t ask.", "", "h.txt");
    CHECK(half.utf8 == "Det tok 2½ time, sa han. Don´t ask.");
    CHECK(half.encoding == "ISO-8859-1");

    // None of those bytes: Latin-1.
    const DecodedText plain = decode_text(
        "Bl\xE5"
        "b\xE6r",
        "", "p.txt");
    CHECK(plain.utf8 == "Blåbær");
    CHECK(plain.encoding == "ISO-8859-1");
}

TEST_CASE("decode_text refuses bytes that windows-1252 leaves undefined", "[text][encoding]") {
    for (const char* undefined : {"\x81", "\x8D", "\x8F", "\x90", "\x9D"}) {
        const std::string text = std::string("Bl") + undefined + "b\x91r og \x93sitat\x94";
        INFO("byte " << static_cast<int>(static_cast<unsigned char>(undefined[0])));
        CHECK(error_of([&] { decode_text(text, "", "dos.txt"); }) ==
              "dos.txt: is not text in any supported encoding");
    }
}

TEST_CASE("decode_text refuses UTF-32 unless it is forced", "[text][encoding]") {
    const std::string utf32le("\xFF\xFE\0\0H\0\0\0i\0\0\0", 12);
    CHECK(error_of([&] { decode_text(utf32le, "", "u32.txt"); }) ==
          "u32.txt: is not text in any supported encoding");
    CHECK(decode_text(utf32le, "UTF-32LE", "u32.txt").utf8 == "Hi");
}

TEST_CASE("decode_text refuses binary data", "[text][encoding]") {
    CHECK(error_of([] { detect("binary.png"); }) ==
          "binary.png: is not a text file (it holds binary data)");
    // A NUL byte in otherwise plain text.
    CHECK(error_of([] { decode_text(std::string("Hei\0du", 6), "", "nul.txt"); }) ==
          "nul.txt: is not a text file (it holds binary data)");
    // Many control characters, no NUL.
    CHECK(error_of([] {
              decode_text("ab\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F cd", "", "c.txt");
          }) == "c.txt: is not a text file (it holds binary data)");
    // Tab, LF, CR and FF are text; so is a stray control character in a long text.
    const std::string long_text = std::string(200, 'x') + "\x1A" + "\t\n\r\f";
    CHECK(decode_text(long_text, "", "ok.txt").utf8 == long_text);
    // Binary behind a UTF-8 byte-order mark is still binary.
    CHECK(error_of([] {
              decode_text(std::string("\xEF\xBB\xBF"
                                      "a\0b",
                                      6),
                          "", "bom.txt");
          }) == "bom.txt: is not a text file (it holds binary data)");
}

TEST_CASE("decode_text refuses UTF-8 with stray bytes instead of guessing", "[text][encoding]") {
    CHECK(error_of([] { detect("invalid-utf8.txt"); }) ==
          "invalid-utf8.txt: is not valid UTF-8 (at byte 39)");
    // Broken UTF-8 after a byte-order mark: the offset counts the mark.
    CHECK(error_of([] {
              decode_text(
                  "\xEF\xBB\xBF"
                  "ab\xC3(",
                  "", "bom.txt");
          }) == "bom.txt: is not valid UTF-8 (at byte 5)");
}

TEST_CASE("decode_text with a forced encoding", "[text][encoding]") {
    const DecodedText cp1252 = decode_text(fixture("cp1252-norwegian.txt"), "cp1252", "f.txt");
    CHECK(cp1252.utf8 ==
          "Jobbspesialisten sa: «Vi må være ærlige» – det var én av dem.\n"
          "“Kurset koster 200 €”, sa hun… Ærlig talt.\n");
    CHECK(cp1252.encoding == "cp1252");

    // Latin-1 bytes read as forced ISO-8859-15: A4 is €, whatever the heuristic says.
    const DecodedText latin9 = decode_text("\xA4 5", "ISO-8859-15", "f.txt");
    CHECK(latin9.utf8 == "€ 5");

    const DecodedText utf16 = decode_text(fixture("utf16le-bom.txt"), "utf-16le", "f.txt");
    CHECK(utf16.utf8 == "Fokusgruppe 2 – Fjordheim\nPerson 1: Jeg er enig 😀 – helt «enig».\n");
    CHECK(utf16.encoding == "utf-16le");

    // What detection reports can be forced again.
    const DecodedText bom = decode_text(fixture("utf8-bom.txt"), "UTF-8-BOM", "f.txt");
    CHECK(bom.utf8 == "Blåbær og «syltetøy»\nÆØÅ æøå\n");
    CHECK(bom.encoding == "UTF-8-BOM");
}

TEST_CASE("decode_text stops at bad input for a forced encoding", "[text][encoding]") {
    CHECK(error_of([] { decode_text(fixture("invalid-utf8.txt"), "UTF-8", "bad.txt"); }) ==
          "bad.txt: is not valid UTF-8 (at byte 39)");
    CHECK(error_of([] { decode_text(fixture("cp1252-norwegian.txt"), "utf-8", "bad.txt"); }) ==
          "bad.txt: is not valid utf-8 (at byte 21)");  // « in windows-1252
    CHECK(error_of([] {
              decode_text(fixture("utf16le-bad-surrogate.txt"), "UTF-16LE", "s.txt");
          }) == "s.txt: is not valid UTF-16LE (at byte 8)");
    // Curly quotes of windows-1252 read as Latin-1 would be C1 control characters.
    CHECK(error_of([] { decode_text("Hun sa \x93ja\x94.", "latin1", "q.txt"); }) ==
          "q.txt: is not valid latin1 (at byte 7)");
    // Binary data stays binary whatever the encoding.
    CHECK(error_of([] { decode_text(fixture("binary.png"), "latin1", "b.png"); }) ==
          "b.png: is not a text file (it holds binary data)");
}

TEST_CASE("decode_text of empty input", "[text][encoding]") {
    CHECK(decode_text("", "latin1", "e.txt").utf8.empty());
    CHECK(decode_text("", "UTF-16LE", "e.txt").utf8.empty());
    CHECK(decode_text(std::string_view(), "", "e.txt").utf8.empty());
}

TEST_CASE("decode_text refuses an unknown forced encoding", "[text][encoding]") {
    CHECK(error_of([] { decode_text("abc", "xyz", "f.txt"); }) == "f.txt: unknown encoding 'xyz'");
}

TEST_CASE("decode_text never substitutes U+FFFD", "[text][encoding]") {
    // Every refusal above stops; here, the U+FFFD that a file really holds is kept.
    const std::string replacement = bytes({0xEF, 0xBF, 0xBD});
    CHECK(decode_text("a" + replacement, "", "r.txt").utf8 == "a\xEF\xBF\xBD");
    for (const char* name : {"cp1252-norwegian.txt", "latin1-norwegian.txt", "latin9-euro.txt",
                             "utf16le-bom.txt", "utf16be-bom.txt", "utf8-bom.txt"}) {
        INFO(name);
        CHECK(detect(name).utf8.find("\xEF\xBF\xBD") == std::string::npos);
    }
}
