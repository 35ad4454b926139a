#include "import/odt.h"

#include <catch2/catch.hpp>

#include "support/project_fixture.h"
#include "support/refusals.h"
#include "import/docx.h"
#include "support/test_support.h"
#include "text/positions.h"
#include "util/error.h"

namespace fs = std::filesystem;
using tema::import::Document;
using tema::import::read_odt;
using tema::test::fixture;
using tema::test::read_bytes;

namespace {

Document odt(const std::string& name) {
    const std::string bytes = read_bytes(fixture("import/odt/" + name));
    return read_odt(bytes, "", name);
}

Document docx(const std::string& name) {
    const std::string bytes = read_bytes(fixture("import/docx/" + name));
    return tema::import::read_docx(bytes, "", name);
}

std::string body(const std::string& text, const tema::Turn& turn) {
    const tema::text::PositionMap map(text);
    const auto begin = map.byte_of_codepoint(turn.body_start);
    return text.substr(begin, map.byte_of_codepoint(turn.end) - begin);
}

}  // namespace

TEST_CASE("The same document as .odt and .docx gives the same text and turns", "[odt]") {
    for (const std::string name : {"fokusgruppe-bergvik", "intervju-rik"}) {
        INFO(name);
        const Document from_odt = odt(name + ".odt");
        const Document from_docx = docx(name + ".docx");
        CHECK(from_odt.format == "odt");
        CHECK(from_odt.text == from_docx.text);
        REQUIRE(from_odt.turns.size() == from_docx.turns.size());
        for (std::size_t i = 0; i < from_odt.turns.size(); ++i) {
            CHECK(from_odt.turns[i].speaker == from_docx.turns[i].speaker);
            CHECK(from_odt.turns[i].start == from_docx.turns[i].start);
            CHECK(from_odt.turns[i].body_start == from_docx.turns[i].body_start);
            CHECK(from_odt.turns[i].end == from_docx.turns[i].end);
        }
    }
}

TEST_CASE("A rich interview in .odt: what is kept and what is dropped", "[odt]") {
    const Document document = odt("intervju-rik.odt");
    const std::string& text = document.text;
    CHECK(
        text.starts_with("Intervju 3 – leder, Fjordheim\n"
                         "Dato: 2. april 2025[1], kl. 12 i Fjordheim.\n\n"));
    CHECK(
        text.find("Leder Ja. Jeg er leder for\tenheten, og vi har hatt IPS i veldig mange år.\n") !=
        std::string::npos);  // a tab, an insertion
    CHECK(text.find("Intervjuer Mm,  ja. Hvem var med?\n") != std::string::npos);  // <text:s/>
    CHECK(text.find("Rolle\tAntall\nJobbspesialist\t6\nLeder (nestleder)\t1\n") !=
          std::string::npos);
    CHECK(text.find("Hun sa det slik: \nSitat fra boksen\n") != std::string::npos);
    CHECK(
        text.ends_with("Leder Mer tid til hver deltaker.\n\n"
                       "[1] Intervjuet ble gjort på Teams.\n"
                       "[2] Spørsmålet ble lagt til etter pilotintervjuet.\n"));
    for (const char* gone : {"Konfidensielt", "Side", "Sjekk årstallet", "ikke "}) {
        CHECK(text.find(gone) == std::string::npos);  // header, footer, comment, deletion
    }
    REQUIRE(document.turns.size() == 8);
    CHECK(document.turns[1].speaker == "Leder");
    CHECK(body(text, document.turns[3]) ==
          "Det begynte i 2019.\nVi var tre den gangen, og det var lett.");
}

TEST_CASE("An .odt imports into a project as a transcript", "[odt][import]") {
    tema::test::ProjectFixture f;
    const auto reports = f.import_files({fixture("import/odt/fokusgruppe-bergvik.odt")});
    REQUIRE(reports[0].ok);
    CHECK(reports[0].kind == tema::SourceKind::transcript);
    CHECK(reports[0].lines == 40);
    CHECK(reports[0].turns == 18);
    CHECK(reports[0].speakers == std::vector<std::string>{"Moderator", "Deltaker 1", "Deltaker 2",
                                                          "Deltaker 3", "Deltaker 4", "Deltaker 5",
                                                          "Deltaker 6"});
    const auto lines = f.lines(reports[0].source_id);
    CHECK(lines[7].text == "Deltaker 1: Uenige blir vi nok.");
    CHECK(lines[7].speaker == "Deltaker 1");
    // The same text from a .docx is the same source.
    const auto again = f.import_files({fixture("import/docx/fokusgruppe-bergvik.docx")});
    CHECK(again[0].duplicate);
    CHECK(again[0].source_id == reports[0].source_id);
}

TEST_CASE("A huge space count is capped, not obeyed", "[odt]") {
    // Twenty <text:s text:c="1000000000"/>: a thousand spaces each, not twenty billion.
    const Document document = odt("many-spaces.odt");
    CHECK(document.text == "Moderator:" + std::string(20'000, ' ') + "hei\n");
}

TEST_CASE("Hostile and broken .odt files are refused in words and change nothing",
          "[odt][import]") {
    tema::test::ProjectFixture f;
    tema::test::expect_refused(f, {
        {fixture("import/odt/bomb.odt"),
         "entry 'content.xml' holds more than 256 MB when unpacked: refusing a possible zip bomb"},
        {fixture("import/odt/xxe.odt"), "content.xml declares entities in its DOCTYPE"},
        {fixture("import/odt/deep-nesting.odt"),
         "content.xml nests elements more than 256 levels deep (line 2, column 2956): refusing it"},
        {fixture("import/odt/no-content.odt"), "is not an OpenDocument text (no content.xml)"},
        {fixture("import/odt/spreadsheet-renamed.odt"),
         "is not an OpenDocument text (content.xml holds no text document)"},
        {fixture("import/odt/truncated.odt"), "is not a valid zip archive (truncated?)"},
        {fixture("import/odt/text-renamed.odt"), "is not an OpenDocument text (not a zip archive)"},
    });
}
