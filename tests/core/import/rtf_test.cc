#include "import/rtf.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "import/importer.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "support/test_support.h"
#include "text/normalize.h"
#include "util/error.h"

namespace fs = std::filesystem;
using tema::import::Document;
using tema::import::ImportOptions;
using tema::import::ImportReport;
using tema::import::read_rtf;
using tema::test::fixture;

namespace {

fs::path rtf(const std::string& name) {
    return fixture("import/rtf/" + name);
}

Document read(const std::string& name, const std::string& encoding = {}) {
    return read_rtf(tema::test::read_bytes(rtf(name)), encoding, name);
}

std::string error_of(const std::string& name) {
    return tema::test::error_of_call([&] { read(name); });
}

std::string error_of_bytes(const std::string& bytes) {
    return tema::test::error_of_call([&] { read_rtf(bytes, {}, "inline.rtf"); });
}

std::string first_lines(const fs::path& path, std::size_t count) {
    const std::string text = tema::test::read_bytes(path);
    std::size_t end = 0;
    for (std::size_t n = 0; n < count; ++n) {
        end = text.find('\n', end) + 1;
    }
    return text.substr(0, end);
}

}  // namespace

TEST_CASE("A transcript LibreOffice saved as RTF reads back as the text it was made from",
          "[import][rtf]") {
    // libreoffice-fokusgruppe.rtf is the first 40 lines of the sample focus
    // group, opened in LibreOffice Writer 7.4 and saved as RTF.
    const Document d = read("libreoffice-fokusgruppe.rtf");
    CHECK(d.format == "rtf");
    CHECK(d.encoding == "windows-1252");
    CHECK(d.turns.empty());  // the importer finds them in the text
    CHECK(d.text == first_lines(tema::test::repo_file("sample-projects/ips-study/sources/"
                                                      "fokusgruppe-1-jobbspesialister-bergvik.txt"),
                                40));
}

TEST_CASE(
    "LibreOffice RTF: headers, footers, footnotes and comments go, lists, links and "
    "tables stay",
    "[import][rtf]") {
    // Made in LibreOffice 7.4 from a document with a header and footer, a
    // footnote, a comment, a bullet list, a hyperlink and a table.
    CHECK(read("libreoffice-intervju-tabell.rtf").text ==
          "Intervju 3 – leder i Øvre Ås kommune\n"
          "Intervjuet ble gjort på Teams 3. april 2025.\n"
          "Intervjuer: Hvordan begynte samarbeidet med NAV?\n"
          "Leder: Det var vel i 2019. Vi hadde «ingen erfaring» – null. Og så ringte "
          "jobbspesialisten oss.\n"
          "Intervjuer: Hva skjedde da?\n"
          "Leder: Vi møttes på kafeen.\n"
          "Det var første gang.\n"
          "• Første punkt: tillit\n"
          "• Andre punkt: tid\n"
          "Mer på nettsiden til IPS-senteret.\n"
          "Tid\tTaler\tTema\n"
          "00:01:10\tLeder\tOppstart og «første møte»\n"
          "Slutt på utdraget.\n");
}

TEST_CASE("Word-style RTF: theme data, revision ids and Symbol bullets are no text",
          "[import][rtf]") {
    CHECK(read("word-stil.rtf").text ==
          "Intervjuer: Hva betyr jobben for deg?\n"
          "Informant: Den betyr at jeg har et sted å gå til om morran. Og kolleger – ekte "
          "kolleger.\n"
          "Intervjuer: Hva er viktigst?\n"
          "• Lønna\n"
          "• “Gutta” på jobben\n"
          "Informant: Det er vel det.\n"
          "Varighet\t42 min\n");
}

TEST_CASE("Unicode escapes (backslash-u N): uc N fallbacks skipped, negative N, surrogate pairs",
          "[import][rtf]") {
    CHECK(read("unicode-escapes.rtf").text ==
          "Moderator: Blåbær og øl på Øvre Ås.\n"
          "Deltaker 1: Smørbrød? Nei – “ikke” i dag.\n"
          "Deltaker 2: Skikkelig 😀 bra!\n"
          "Deltaker 1: Over 32767: 가, € og en ensom surrogat: \uFFFD.\n");
}

TEST_CASE("Hex-escaped bytes in the code page of ansicpg, or of the font's character set",
          "[import][rtf]") {
    CHECK(read("cp1252-hex.rtf").text ==
          "Moderator: Blåbær og øl på Øvre Ås.\n"
          "Deltaker 1: Ærlig talt – det koster 5 € “hver gang”.\n");
    // Cyrillic (\fcharset204) and Shift-JIS (\fcharset128), whose second byte
    // may be a backslash written as \\.
    CHECK(read("font-charsets.rtf").text ==
          "Latin: æøå\n"
          "Kyrillisk: Привет\n"
          "Japansk: 日本 テスト ソ slutt\n"
          "Tilbake: æ\n");
    // A control byte after a Shift-JIS lead byte and a change of font is
    // dropped, as everywhere else (found by fuzzing).
    CHECK(read_rtf("{\\rtf1{\\fonttbl{\\f2\\fnil\\fcharset128 Mincho;}}\\f2 a\\'83\\plain "
                   "\\'16b}",
                   {}, "sjis.rtf")
              .text.find('\x16') == std::string::npos);
    // DOS (\pc: code page 437) and old Macintosh (\mac) files.
    CHECK(read_rtf("{\\rtf1\\pc Bl\\'86b\\'91r og \\'94l}", {}, "dos.rtf").text ==
          "Blåbær og öl\n");
    CHECK(read_rtf("{\\rtf1\\mac Bl\\'8cb\\'ber og \\'bfl}", {}, "mac.rtf").text ==
          "Blåbær og øl\n");
    // A forced encoding overrides the file's code page.
    const Document forced = read("cp1252-hex.rtf", "windows-1250");
    CHECK(forced.encoding == "windows-1250");
    CHECK(forced.text.starts_with("Moderator: Blĺbćr og řl pĺ Řvre Ĺs.\n"));
    CHECK(error_of_bytes("{\\rtf1 x}") == "(no error)");
    try {
        read("cp1252-hex.rtf", "no-such-encoding");
        FAIL("an unknown encoding was accepted");
    } catch (const tema::Error& error) {
        CHECK(std::string(error.what()) == "cp1252-hex.rtf: unknown encoding 'no-such-encoding'");
    }
}

TEST_CASE("Groups, destinations and special characters", "[import][rtf]") {
    // Skipped: font, colour and style tables, document information, unknown
    // \* destinations, header and footer, bookmarks, field instructions,
    // hidden text, a footnote, pictures, an embedded object's data, a
    // comment, binary data. Kept: a field's result, an object's result, list
    // labels, \ud's Unicode text, table cells and rows.
    CHECK(read("nestede-grupper.rtf").text ==
          "Moderator: Velkommen til nettsiden.\n"
          "Deltaker 1: Jeg er her\u00A0nå, selvstendig\u2011nok—og glad–ja.\n"
          "Deltaker 2: ‘Sitat’ og “mer”\tmed tab\n"
          "og ny linje.\n"
          "Objektets tekst\n"
          "• Et punkt\n"
          "2. Et nummerert punkt\n"
          "Unicode-tekst ø\n"
          "Celle 1\tCelle 2\n"
          "Tid\tTaler\n"
          "Data: etter\n"
          "Siste linje.\n");
}

TEST_CASE("The text is NFC", "[import][rtf]") {
    // "a" and a combining ring, in a \u escape, become "å".
    const Document d = read_rtf("{\\rtf1\\ansi P\\u229?l og pa\\u778?l\\par}", {}, "nfd.rtf");
    CHECK(d.text == "Pål og pål\n");
    CHECK(tema::text::is_nfc(d.text));
}

TEST_CASE("Damaged and hostile RTF is refused with a clear message", "[import][rtf]") {
    CHECK(error_of("dyp-nesting.rtf") ==
          "dyp-nesting.rtf: nests groups more than 200 deep: it is damaged, or not a real RTF "
          "document");
    CHECK(error_of("avkuttet.rtf") ==
          "avkuttet.rtf: ends inside 1 group: the file is incomplete (cut short) or damaged");
    CHECK(error_of("binaer.rtf") ==
          "binaer.rtf: is not an RTF document (it does not begin with {\\rtf)");
    CHECK(error_of("bare-bilde.rtf") == "bare-bilde.rtf: holds no text to import");

    // The depth limit is exact: 200 groups are read, 201 are not.
    const auto nested = [](std::size_t depth) {
        return "{\\rtf1 " + std::string(depth - 1, '{') + "x" + std::string(depth - 1, '}') + "}";
    };
    CHECK(read_rtf(nested(200), {}, "200.rtf").text == "x\n");
    CHECK_THAT(error_of_bytes(nested(201)), Catch::Contains("more than 200 deep"));
    // Cut anywhere, in a control word, a \'hh escape or a \bin, never a crash.
    CHECK_THAT(error_of_bytes("{\\rtf1 abc\\par"), Catch::Contains("ends inside 1 group"));
    CHECK_THAT(error_of_bytes("{\\rtf1 {\\b abc\\'e"), Catch::Contains("ends inside 2 groups"));
    CHECK_THAT(error_of_bytes("{\\rtf1 abc\\bin999999 xyz}"), Catch::Contains("ends inside"));
    CHECK_THAT(error_of_bytes("{\\rtf1 abc\\"), Catch::Contains("ends inside"));
    CHECK(error_of_bytes("") ==
          "inline.rtf: is not an RTF document (it does not begin with {\\rtf)");
    CHECK(error_of_bytes("{\\rtf1 }") == "inline.rtf: holds no text to import");
    // Text after the document's last brace is no part of it.
    using namespace std::string_literals;
    CHECK(read_rtf("{\\rtf1 Hei.}\r\n\0\0garbage"s, {}, "tail.rtf").text == "Hei.\n");
}

TEST_CASE("Large input is read in one pass", "[import][rtf]") {
    // A megabyte of open-and-close groups and escapes: linear work, no stack.
    std::string bytes = "{\\rtf1\\ansi ";
    for (int i = 0; i < 40'000; ++i) {
        bytes += "{\\b x}{{{\\u229?}}}\\'e6\\par ";
    }
    bytes += "}";
    const Document d = read_rtf(bytes, {}, "stor.rtf");
    CHECK(d.text.size() == 40'000 * std::string("xåæ\n").size());
}

// ---------------------------------------------------------------------------
// Through the importer into a project

namespace {

using Project = tema::test::ProjectFixture;

}  // namespace

TEST_CASE("An RTF transcript imports with the speakers found in its text", "[import][rtf]") {
    Project p;
    const auto reports = p.import_files({rtf("libreoffice-fokusgruppe.rtf"), rtf("word-stil.rtf")});
    REQUIRE(reports.size() == 2);
    const ImportReport& report = reports[0];
    INFO(report.error);
    REQUIRE(report.ok);
    CHECK(report.kind == tema::SourceKind::transcript);
    CHECK(report.lang == tema::text::Language::nb);
    CHECK(report.encoding == "windows-1252");
    CHECK(report.lines == 40);
    CHECK(report.speakers == std::vector<std::string>{"Moderator", "Deltaker 1", "Deltaker 2",
                                                      "Deltaker 3", "Deltaker 4", "Deltaker 5",
                                                      "Deltaker 6"});
    auto& db = p.project->db();
    const auto source = tema::store::find_source(db, "libreoffice-fokusgruppe");
    CHECK(source.file_format == "rtf");
    const auto line = tema::store::read_lines(db, source, 8, 8).at(0);
    CHECK(line.text == "Deltaker 1: Uenige blir vi nok.");
    CHECK(line.speaker == "Deltaker 1");

    REQUIRE(reports[1].ok);
    CHECK(reports[1].speakers == std::vector<std::string>{"Intervjuer", "Informant"});
}

TEST_CASE("A bad RTF file is reported by name and changes nothing", "[import][rtf]") {
    Project p;
    p.import_files({rtf("cp1252-hex.rtf")});
    const std::string before = p.state();
    const auto reports = p.import_files(
        {rtf("dyp-nesting.rtf"), rtf("avkuttet.rtf"), rtf("binaer.rtf"), rtf("bare-bilde.rtf")});
    REQUIRE(reports.size() == 4);
    CHECK(reports[0].error == rtf("dyp-nesting.rtf").string() +
                                  ": nests groups more than 200 deep: it is damaged, or not a "
                                  "real RTF document");
    CHECK(reports[1].error == rtf("avkuttet.rtf").string() +
                                  ": ends inside 1 group: the file is incomplete (cut short) "
                                  "or damaged");
    CHECK(reports[2].error ==
          rtf("binaer.rtf").string() + ": is not an RTF document (it does not begin with {\\rtf)");
    CHECK(reports[3].error == rtf("bare-bilde.rtf").string() + ": holds no text to import");
    for (const auto& report : reports) {
        CHECK_FALSE(report.ok);
    }
    CHECK(p.state() == before);
}
