#include "import/pdf.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "import/importer.h"
#include "store/project.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "support/refusals.h"
#include "support/test_support.h"
#include "text/positions.h"
#include "util/error.h"
#include "util/progress.h"

namespace fs = std::filesystem;
using tema::import::Document;
using tema::import::PdfText;
using tema::import::read_pdf;
using tema::import::text_of_pages;
using tema::pdf::Line;
using tema::pdf::Page;
using tema::test::fixture;
using tema::test::read_bytes;

namespace {

Document pdf(const std::string& name) {
    return read_pdf(read_bytes(fixture("import/pdf/" + name)), "", name);
}

// The non-blank lines of a sample source, lines `first` to `last` (from 1),
// each ending in LF: what a PDF made from them must read back as.
std::string sample_paragraphs(const std::string& source, int first, int last) {
    std::istringstream in(
        read_bytes(tema::test::repo_file("sample-projects/ips-study/sources/" + source)));
    std::string out;
    std::string line;
    for (int n = 1; std::getline(in, line) && n <= last; ++n) {
        if (n >= first && !line.empty()) {
            out += line + "\n";
        }
    }
    return out;
}

// The text from code point `start` on.
std::string from(const std::string& text, std::uint32_t start) {
    return text.substr(tema::text::PositionMap(text).byte_of_codepoint(start));
}

// Lines set as LibreOffice sets 9 pt type in a column from 37 to 260 pt.
struct Setter {
    Page page;
    double top = 34;

    Setter& line(const std::string& text, double right = 260, double left = 37,
                 double font_size = 9) {
        const double height = 1.3 * font_size;
        page.lines.push_back({text, {left, top, right, top + height}, 0, font_size});
        top += 1.1667 * font_size;
        return *this;
    }
    Setter& space(double points) {
        top += points;
        return *this;
    }
};

std::string text_of(const std::vector<Page>& pages) {
    return text_of_pages(pages).text;
}

// A fresh project to import into.
}  // namespace

TEST_CASE("A field note saved as PDF reads back as the paragraphs it was typed as",
          "[pdf][import]") {
    const Document document = pdf("feltnotat-vestdal.pdf");
    CHECK(document.text == sample_paragraphs("feltnotat-teammote-vestdal.txt", 1, 80));
    CHECK(document.format == "pdf");
    CHECK(document.encoding == "PDF");
    CHECK(document.page_count == 12);
    CHECK(document.page_starts == std::vector<std::uint32_t>{0, 1159, 2441, 3806, 5244, 6572, 8006,
                                                             9404, 10605, 11929, 13135, 14517});
    // Page 2 starts inside the paragraph that runs over the page break; page 5
    // with a name after "Sjukepleiaren sa at"; the page number "1" is gone.
    const std::string& text = document.text;
    CHECK(from(text, document.page_starts[1]).starts_with("den kommunale tenesta og ikkje i NAV"));
    CHECK(from(text, document.page_starts[1] - 16).starts_with("Ho er tilsett i den kommunale"));
    CHECK(
        from(text, document.page_starts[4] - 20).starts_with("Sjukepleiaren sa at H. K. har vore"));
    // Hyphens: "mø-" + "tet" joined, "NAV-" + "rettleiaren" kept, æøå intact.
    CHECK(text.find("handnotat frå møtet. Alle") != std::string::npos);
    CHECK(text.find("enn på kontoret. NAV-rettleiaren har vore") != std::string::npos);
    CHECK(text.find("vekemøtet eg observerte i Vestdal") != std::string::npos);
    CHECK(text.find("NAVrettleiaren") == std::string::npos);
}

TEST_CASE("An English interview with indented paragraphs reads back as its turns",
          "[pdf][import]") {
    const Document document = pdf("interview-en.pdf");
    CHECK(document.text == sample_paragraphs("interview-01-team-leader.txt", 1, 80));
    CHECK(document.page_count == 6);
    REQUIRE(document.page_starts.size() == 6);
    // Page 6 begins "Nurses, ...": a new sentence, but no indent, so no new paragraph.
    CHECK(from(document.text, document.page_starts[5] - 12)
              .starts_with("background. Nurses, social workers"));
}

TEST_CASE("Two columns and a footer: the columns in order, the page number dropped",
          "[pdf][import]") {
    const Document document = pdf("two-columns.pdf");
    CHECK(document.text == sample_paragraphs("feltnotat-teammote-vestdal.txt", 81, 97));
    CHECK(document.page_count == 1);
    CHECK(document.page_starts == std::vector<std::uint32_t>{0});
}

TEST_CASE("Pages turned sideways give the text and page starts of upright ones", "[pdf][import]") {
    const Document upright = pdf("feltnotat-vestdal.pdf");
    const Document turned = pdf("rotated.pdf");
    CHECK(turned.page_count == 3);
    CHECK(turned.page_starts ==
          std::vector<std::uint32_t>(upright.page_starts.begin(), upright.page_starts.begin() + 3));
    // The last paragraph of page 3 runs on to page 4, which this copy lacks:
    // it ends with the hyphen the upright text drops when it joins page 4.
    const std::size_t end =
        tema::text::PositionMap(upright.text).byte_of_codepoint(upright.page_starts[3]);
    CHECK(turned.text == upright.text.substr(0, end) + "-\n");
}

TEST_CASE("Hyphens at line ends: joined, kept, or a suspended hyphen", "[pdf][import]") {
    Setter s;
    s.line("Arbeidsgjevaren, eller arbeids-")
        .line("giveren som det heiter, og NAV-")
        .line("rettleiaren, DPS-")
        .line("et og B. T.-")
        .line("saka. Helse-")
        .line("og omsorgssenteret i Nord-")
        .line("Norge har e-")
        .line("post frå 2019-")
        .line("2021. Ordet ikkje-medlemmer står slik, og ikkje-")
        .line("medlemmer òg. Eit mjukt binde\u00AD")
        .line("strek går. «Sam-")
        .line("arbeid» òg.", 90);
    CHECK(text_of({s.page}) ==
          "Arbeidsgjevaren, eller arbeidsgiveren som det heiter, og NAV-rettleiaren, DPS-et og "
          "B. T.-saka. Helse- og omsorgssenteret i Nord-Norge har e-post frå 2019-2021. Ordet "
          "ikkje-medlemmer står slik, og ikkje-medlemmer òg. Eit mjukt bindestrek går. «Samarbeid» "
          "òg.\n");
}

TEST_CASE("Paragraphs end at space, indents, bullets, headings and short lines", "[pdf][import]") {
    Setter s;
    s.line("Bakgrunn", 100, 37, 12)
        .line("Første avsnitt går over to")
        .line("linjer og sluttar her.", 150)
        .space(6)
        .line("Andre avsnitt etter luft.", 150)
        .line("Tredje avsnitt med innrykk og ei", 260, 51)
        .line("linje til.", 90)
        .line("• eitt punkt")
        .line("• eit punkt til som er langt nok")
        .line("til å gå over to linjer.", 120)
        .line("Dato: 5. mai 2025", 120)
        .line("Varigheit: 52 min", 120)
        .line("eit kort ord og", 110)
        .line("så vidare.", 80);
    CHECK(text_of({s.page}) ==
          "Bakgrunn\n"
          "Første avsnitt går over to linjer og sluttar her.\n"
          "Andre avsnitt etter luft.\n"
          "Tredje avsnitt med innrykk og ei linje til.\n"
          "• eitt punkt\n"
          "• eit punkt til som er langt nok til å gå over to linjer.\n"
          "Dato: 5. mai 2025\n"
          "Varigheit: 52 min\n"
          "eit kort ord og\n"  // short with room to spare: a line break the writer made
          "så vidare.\n");
}

TEST_CASE("Page starts: inside a paragraph that runs on, at a new one, and for empty pages",
          "[pdf][import]") {
    Setter one;
    one.line("Søknaden går til dei som har rett på").line("- 1 -", 152, 140);
    Setter two;
    two.line("Side 2 av 5", 170, 120)
        .line("støtte. Neste avsnitt startar ikkje på", 260)
        .line("ei ny side.", 90);
    Setter three;  // a picture: no text
    Setter four;
    four.line("iv", 145, 140).line("Eit nytt avsnitt på sida med merket «iv».", 250);
    four.page.label = "iv";
    Setter five;
    five.line("Page 5").line("2025", 150, 140);  // a year is no page number
    Setter six;                                  // a blank last page
    const PdfText result =
        text_of_pages({one.page, two.page, three.page, four.page, five.page, six.page});
    CHECK(
        result.text ==
        "Søknaden går til dei som har rett på støtte. Neste avsnitt startar ikkje på ei ny side.\n"
        "Eit nytt avsnitt på sida med merket «iv».\n"
        "2025\n");
    const std::uint32_t page2 = 37;  // "Søknaden går til dei som har rett på " in code points
    const std::uint32_t page4 = 88;  // after the first line and its LF
    const std::uint32_t page5 = page4 + 42;
    CHECK(result.page_starts ==
          std::vector<std::uint32_t>{0, page2, page4, page4, page5, page5 + 5});
    CHECK(from(result.text, page2).starts_with("støtte."));
    CHECK(from(result.text, page4).starts_with("Eit nytt avsnitt"));
    CHECK(from(result.text, page5) == "2025\n");
}

TEST_CASE("A turn that ends a page without a full stop does not run into the next speaker",
          "[pdf][import]") {
    Setter one;
    one.line("Deltaker 6: Vi lo av det hele, og så gikk vi videre til det")
        .line("neste punktet på lista, som var lønn og sånt [latter]");
    Setter two;
    two.line("Deltaker 5: Ja, det var en god dag. Vi hadde det fint sammen.");
    Setter three;
    three.line("og så gikk vi hjem etter møtet, alle sammen, sånn var det.");
    CHECK(text_of({one.page, two.page}) ==
          "Deltaker 6: Vi lo av det hele, og så gikk vi videre til det neste punktet på lista, "
          "som var lønn og sånt [latter]\n"
          "Deltaker 5: Ja, det var en god dag. Vi hadde det fint sammen.\n");
    // Text that begins no turn still runs on over the page.
    CHECK(text_of({one.page, three.page}) ==
          "Deltaker 6: Vi lo av det hele, og så gikk vi videre til det neste punktet på lista, "
          "som var lønn og sånt [latter] og så gikk vi hjem etter møtet, alle sammen, sånn var "
          "det.\n");
}

TEST_CASE("A PDF imports into a project with its pages, as a transcript when it is one",
          "[pdf][import]") {
    tema::test::ProjectFixture f;
    const auto reports = f.import_files({fixture("import/pdf/feltnotat-vestdal.pdf"),
                                   fixture("import/pdf/interview-en.pdf"),
                                   fixture("import/fokusgruppe-deltaker.txt")});
    REQUIRE(reports.size() == 3);
    for (const auto& report : reports) {
        INFO(report.error);
        REQUIRE(report.ok);
    }
    CHECK(reports[0].kind == tema::SourceKind::fieldnote);  // "feltnotat" in the name
    CHECK(reports[0].lang == tema::text::Language::nn);
    CHECK(reports[0].lines == 40);
    CHECK(reports[1].kind == tema::SourceKind::transcript);
    CHECK(reports[1].lang == tema::text::Language::en);
    CHECK(reports[1].speakers == std::vector<std::string>{"INT", "P18"});

    auto& db = f.project->db();
    const auto source = tema::store::find_source(db, "feltnotat-vestdal");
    CHECK(source.page_count == 12);
    CHECK(source.file_format == "pdf");
    CHECK(source.file_size ==
          static_cast<std::int64_t>(fs::file_size(fixture("import/pdf/feltnotat-vestdal.pdf"))));
    const auto lines = f.lines(reports[0].source_id);
    CHECK(lines[3].text ==
          "Skrive ned same kveld etter handnotat frå møtet. Alle deltakarar er omtalte med "
          "oppdikta initialar, og tilsette er omtalte med rolle.");
    tema::store::Statement query(db, "SELECT page_starts FROM sources WHERE id = ?");
    query.bind(1, reports[0].source_id);
    REQUIRE(query.step());
    CHECK(tema::store::decode_uint32s(query.blob(0)) == pdf("feltnotat-vestdal.pdf").page_starts);
    tema::store::Statement text_source(db, "SELECT page_starts IS NULL FROM sources WHERE id = ?");
    text_source.bind(1, reports[2].source_id);
    REQUIRE(text_source.step());
    CHECK(text_source.int64(0) == 1);  // a text file has no pages

    // The same PDF again is the same source.
    const std::string before = f.state();
    const auto again = f.import_files({fixture("import/pdf/feltnotat-vestdal.pdf")});
    CHECK(again[0].duplicate);
    CHECK(f.state() == before);
}

TEST_CASE("Bad PDFs are refused by name with the problem, and change nothing", "[pdf][import]") {
    tema::test::ProjectFixture f;
    tema::test::expect_refused(f, {
        {fixture("import/pdf/encrypted.pdf"), "is password-protected; Tema cannot read it — save an unprotected copy"},
        {fixture("import/pdf/scanned.pdf"), "has no text layer (a scanned PDF?); run OCR on it first"},
        {fixture("import/pdf/truncated.pdf"), "is damaged or incomplete"},
        {fixture("import/pdf/not-a-pdf.pdf"), "is not a PDF"},
    });
}

TEST_CASE("A PDF that names a standard font without embedding it is read", "[pdf][import]") {
    // Poppler finds a stand-in for Helvetica through fontconfig.
    const Document document = pdf("standard-font.pdf");
    CHECK(document.text ==
          "Referat frå møtet i Bergvik, 12. mars 2025. Til stades: teamleiar, jobbspesialist og "
          "NAV-rettleiar. Møtet vart leia av teamleiaren.\n"
          "Side to.\n");
    CHECK(document.page_starts == std::vector<std::uint32_t>{0, 132});
}
