#include "import/docx.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "support/project_fixture.h"
#include "support/refusals.h"
#include "import/plain_text.h"
#include "import/turns.h"
#include "support/test_support.h"
#include "text/positions.h"
#include "util/error.h"

namespace fs = std::filesystem;
using tema::import::Document;
using tema::import::read_docx;
using tema::test::fixture;
using tema::test::read_bytes;

namespace {

Document docx(const std::string& name) {
    const std::string bytes = read_bytes(fixture("import/docx/" + name));
    return read_docx(bytes, "", name);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The words of a turn and its whole span, label included.
std::string body(const std::string& text, const tema::Turn& turn) {
    const tema::text::PositionMap map(text);
    const auto begin = map.byte_of_codepoint(turn.body_start);
    return text.substr(begin, map.byte_of_codepoint(turn.end) - begin);
}

std::string whole(const std::string& text, const tema::Turn& turn) {
    const tema::text::PositionMap map(text);
    const auto begin = map.byte_of_codepoint(turn.start);
    return text.substr(begin, map.byte_of_codepoint(turn.end) - begin);
}

}  // namespace

TEST_CASE("A focus group saved as .docx reads as the same lines as the text it came from",
          "[docx]") {
    // LibreOffice made the .docx from the first 40 lines of the sample focus group.
    std::string original;
    {
        std::istringstream in(read_bytes(tema::test::repo_file(
            "sample-projects/ips-study/sources/fokusgruppe-1-jobbspesialister-bergvik.txt")));
        std::string line;
        for (int n = 0; n < 40 && std::getline(in, line); ++n) {
            original += line + "\n";
        }
    }
    const Document expected = tema::import::read_plain_text(original, "", "original.txt", "txt");
    const Document document = docx("fokusgruppe-bergvik.docx");
    CHECK(document.text == expected.text);
    CHECK(document.format == "docx");
    CHECK(document.encoding == "UTF-8");
    // Speakers come from the text as they would from a .txt.
    const auto turns = tema::import::find_turns(expected.text);
    REQUIRE(document.turns.size() == turns.size());
    REQUIRE(turns.size() == 18);
    for (std::size_t i = 0; i < turns.size(); ++i) {
        CHECK(document.turns[i].speaker == turns[i].speaker);
        CHECK(document.turns[i].start == turns[i].start);
        CHECK(document.turns[i].body_start == turns[i].body_start);
        CHECK(document.turns[i].end == turns[i].end);
    }
}

TEST_CASE("A rich interview: bold speakers, notes, a table, a text box, tracked changes",
          "[docx]") {
    const Document document = docx("intervju-rik.docx");
    const std::vector<std::string> expected = {
        "Intervju 3 – leder, Fjordheim",                // the heading; the page header is gone
        "Dato: 2. april 2025[1], kl. 12 i Fjordheim.",  // a no-break space became a space
        "",
        "Intervjuer Kan du fortelle litt om din rolle?",
        "Leder Ja. Jeg er leder for\tenheten, og vi har hatt IPS i veldig mange år.",  // inserted
        "Intervjuer Og hvordan startet det?",
        "Leder Det begynte i 2019.",                // a line break ...
        "Vi var tre den gangen, og det var lett.",  // ... "ikke " was deleted, the comment dropped
        "Intervjuer Mm,  ja. Hvem var med?",
        "Leder Det ser du her:",
        "Rolle\tAntall",  // a table row is a line, its cells apart by tabs
        "Jobbspesialist\t6",
        "Leder (nestleder)\t1",  // two paragraphs in a cell
        "Hun sa det slik: ",
        "Sitat fra boksen",  // the text box, after its paragraph
        "Intervjuer Takk. En siste ting[2]: hva ville du endret?",
        "Leder Mer tid til hver deltaker.",  // the footer is gone
        "",
        "[1] Intervjuet ble gjort på Teams.",                  // the footnote ...
        "[2] Spørsmålet ble lagt til etter pilotintervjuet.",  // ... and the endnote
    };
    CHECK(lines_of(document.text) == expected);
    CHECK(document.text.find("Konfidensielt") == std::string::npos);
    CHECK(document.text.find("Sjekk") == std::string::npos);
    CHECK(document.text.find("ikke") == std::string::npos);

    // Bold names with no colon begin turns; the notes belong to none.
    const auto& turns = document.turns;
    REQUIRE(turns.size() == 8);
    std::vector<std::string> speakers;
    for (const auto& turn : turns) {
        speakers.push_back(turn.speaker);
    }
    CHECK(speakers == std::vector<std::string>{"Intervjuer", "Leder", "Intervjuer", "Leder",
                                               "Intervjuer", "Leder", "Intervjuer", "Leder"});
    CHECK(whole(document.text, turns[0]) == "Intervjuer Kan du fortelle litt om din rolle?");
    CHECK(body(document.text, turns[0]) == "Kan du fortelle litt om din rolle?");
    CHECK(body(document.text, turns[3]) ==
          "Det begynte i 2019.\nVi var tre den gangen, og det var lett.");
    CHECK(body(document.text, turns[7]) == "Mer tid til hver deltaker.");
    CHECK_FALSE(turns[0].time_ms);
}

TEST_CASE("What Word writes beyond LibreOffice is read as Word shows it", "[docx]") {
    const Document document = docx("word-features.docx");
    const std::vector<std::string> expected = {
        "Intervju 7",                                   // heading style "heading 1", bold
        "Kari Hei, jeg heter Kari[1].",                 // bold through a character style
        "Ola Og jeg er Ola.",                           // hidden text dropped
        "Kari Se nav.no den 3.4.2025.",                 // hyperlink, field result; comment dropped
        "Ola Side 2, ikke-brytende og mykbindestrek.",  // field code dropped; hyphens
        "Første del",                                   // a page break inside a paragraph
        "etter sideskift.",
        "Ny side.",                     // page breaks at either end: nothing
        "Slått sammen.",                // a deleted paragraph mark joins
        "Her: Flyttet hit. Satt inn.",  // moved and inserted kept, deleted gone
        "I en innholdskontroll.",
        "Fjordheim og Bergvik[2]*",  // a custom mark follows the number
        "Kari\tOla",
        "Ny linje.",                      // w:cr
        "A1\tB1",                         // the deleted row is gone
        "A3 indre tabell\tB3 to linjer",  // a table in a cell, a break in a cell
        "",
        "[1] Første fotnote.",
        "Andre avsnitt i fotnoten.",
        "[2] Stjernefotnote.",
    };
    CHECK(lines_of(document.text) == expected);
    // "Kari" and "Ola" take turns twice each: speakers, though neither is a role.
    REQUIRE(document.turns.size() == 4);
    CHECK(document.turns[0].speaker == "Kari");
    CHECK(document.turns[1].speaker == "Ola");
    CHECK(body(document.text, document.turns[0]) == "Hei, jeg heter Kari[1].");
    // The last turn runs to the end of the body, not into the notes.
    CHECK(body(document.text, document.turns[3]).ends_with("A3 indre tabell\tB3 to linjer"));
}

TEST_CASE("ISO strict Word documents, with the main part named elsewhere", "[docx]") {
    const Document document = docx("strict.docx");
    CHECK(document.text == "Moderator Streng XML.\nDeltaker 1 Ja.\n");
    REQUIRE(document.turns.size() == 2);
    CHECK(document.turns[1].speaker == "Deltaker 1");
    CHECK(body(document.text, document.turns[1]) == "Ja.");
}

TEST_CASE("A .docx imports into a project as a transcript with its speakers", "[docx][import]") {
    tema::test::ProjectFixture f;
    const auto reports = f.import_files({fixture("import/docx/intervju-rik.docx")});
    REQUIRE(reports.size() == 1);
    const auto& report = reports[0];
    INFO(report.error);
    REQUIRE(report.ok);
    CHECK(report.source == "intervju-rik");
    CHECK(report.kind == tema::SourceKind::transcript);
    CHECK(report.lang == tema::text::Language::nb);
    CHECK(report.lines == 20);
    CHECK(report.turns == 8);
    CHECK(report.speakers == std::vector<std::string>{"Intervjuer", "Leder"});
    const auto lines = f.lines(report.source_id);
    CHECK(lines[3].text == "Intervjuer Kan du fortelle litt om din rolle?");
    CHECK(lines[3].speaker == "Intervjuer");
    CHECK(lines[3].turn_start);
    CHECK(lines[7].speaker == "Leder");
    CHECK_FALSE(lines[7].turn_start);
    CHECK(lines[18].speaker == std::nullopt);  // a note
    const auto source = tema::store::find_source(f.project->db(), "intervju-rik");
    CHECK(source.file_format == "docx");
    CHECK(source.file_size ==
          static_cast<std::int64_t>(fs::file_size(fixture("import/docx/intervju-rik.docx"))));
}

TEST_CASE("Hostile and broken .docx files are refused in words and change nothing",
          "[docx][import]") {
    tema::test::ProjectFixture f;
    tema::test::expect_refused(f, {
        {fixture("import/docx/bomb.docx"),  // 1 GB of document.xml in 2 KB
         "entry 'word/document.xml' holds more than 256 MB when unpacked: refusing a possible zip "
         "bomb"},
        {fixture("import/docx/bomb-deflate.docx"),
         "entry 'word/document.xml' unpacks to more than 200 times its packed size: refusing a "
         "possible zip bomb"},
        {fixture("import/docx/bomb-lying-size.docx"),  // says 2,000 bytes, holds 50 MB
         "entry 'word/document.xml' unpacks to more than 200 times its packed size: refusing a "
         "possible zip bomb"},
        {fixture("import/docx/zip-slip.docx"),
         "holds an entry named '../../../tmp/evil.sh' that points outside its folder: refusing it"},
        {fixture("import/docx/truncated.docx"), "is not a valid zip archive (truncated?)"},
        {fixture("import/docx/png-renamed.docx"), "is not a Word document (not a zip archive)"},
        {fixture("import/docx/text-renamed.docx"), "is not a Word document (not a zip archive)"},
        {fixture("import/docx/doc-renamed.docx"), "is not a Word document in the .docx format (an older .doc file"},
        {fixture("import/docx/no-document.docx"), "is not a Word document (no word/document.xml)"},
        {fixture("import/docx/not-word.docx"), "is not a Word document (word/document.xml holds no Word text)"},
        {fixture("import/docx/malformed.docx"),
         "word/document.xml is not well-formed XML (line 2, column 298: an end tag that does not "
         "match its start tag, or an element never closed)"},
        {fixture("import/docx/xxe.docx"), "word/document.xml declares entities in its DOCTYPE"},
        {fixture("import/docx/billion-laughs.docx"), "word/document.xml declares entities in its DOCTYPE"},
        {fixture("import/docx/deep-nesting.docx"),  // 100,000 levels
         "word/document.xml nests elements more than 256 levels deep (line 2, column 1362): "
         "refusing it"},
        {fixture("import/docx/only-pictures.docx"), "holds no text to import"},
        {fixture("import/docx/empty.docx"), "is empty"},
    });
}
