#include "pdf/pdf_text.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "support/test_support.h"
#include "util/error.h"

using tema::pdf::Limits;
using tema::pdf::Page;
using tema::pdf::read_pages;
using tema::test::fixture;
using tema::test::read_bytes;

namespace {

std::string pdf_bytes(const std::string& name) {
    return read_bytes(fixture("import/pdf/" + name));
}

std::vector<Page> pages_of(const std::string& name, const Limits& limits = {}) {
    return read_pages(pdf_bytes(name), name, limits);
}

std::vector<std::string> texts(const Page& page) {
    std::vector<std::string> out;
    for (const auto& line : page.lines) {
        out.push_back(line.text);
    }
    return out;
}

// The message read_pages refuses the file with, or "" when it reads it.
std::string refusal(const std::string& bytes, const std::string& name, const Limits& limits = {}) {
    try {
        read_pages(bytes, name, limits);
    } catch (const tema::Error& error) {
        return error.what();
    }
    return "";
}

// Everything written to stderr (file descriptor 2) while `work` runs.
template <typename Work>
std::string stderr_of(Work work) {
    tema::test::TempDir dir;
    const std::string path = (dir / "stderr.txt").string();
    std::fflush(stderr);
    const int saved = dup(2);
    const int file = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(file >= 0);
    dup2(file, 2);
    close(file);
    work();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    return read_bytes(path);
}

}  // namespace

TEST_CASE("A LibreOffice PDF gives each page's lines in reading order", "[pdf]") {
    const auto pages = pages_of("feltnotat-vestdal.pdf");
    REQUIRE(pages.size() == 12);
    CHECK(pages[0].label == "1");
    CHECK(pages[11].label == "12");
    const auto first = texts(pages[0]);
    REQUIRE(first.size() == 28);
    CHECK(first[0] == "Feltnotat – vekemøte i IPS-teamet, Vestdal");
    CHECK(first[2] == "Møterommet i andre etasje på Vestdal helse- og");
    CHECK(first[4] == "Skrive ned same kveld etter handnotat frå mø-");  // hyphens as printed
    CHECK(first[7] == "Bakgrunn og rammer");
    CHECK(first[26] == "Vestdal tysdag, onsdag og fredag. Ho er tilsett i");
    CHECK(first[27] == "1");  // the footer's page number: the importer decides about it
    // Headings are set larger; boxes are in points from the top left corner.
    CHECK(pages[0].lines[7].font_size == Approx(10.5));
    CHECK(pages[0].lines[8].font_size == Approx(9));
    CHECK(pages[0].lines[0].box.left == Approx(37).margin(0.5));
    CHECK(pages[0].lines[0].box.top < pages[0].lines[1].box.top);
    CHECK(texts(pages[1])[0] == "den kommunale tenesta og ikkje i NAV, og ho");
    CHECK(texts(pages[1])[2] == "mellom arbeidsgjevarar enn på kontoret. NAV-");
}

TEST_CASE("Two columns read one after the other, a stretched space splits nothing", "[pdf]") {
    const auto pages = pages_of("two-columns.pdf");
    REQUIRE(pages.size() == 1);
    const auto lines = texts(pages[0]);
    REQUIRE(lines.size() == 57);
    CHECK(lines[0] == "Opne spørsmål å følgje opp");
    CHECK(lines[1] == "Korleis opplever B. T. sjølv at");
    CHECK(lines[27] == "gangen før møtet?");  // the end of the left column
    CHECK(lines[28] == "Kva rolle spelar DPS-et når psykolo-");
    // Justified lines whose spaces LibreOffice stretched wider than a gutter.
    CHECK(lines[30] == "fell ut? Er samarbeidet med");
    CHECK(lines[31] == "spesialisthelsetenesta reelt i");
    CHECK(lines[55] == "ser og det eg kjenner.");
    CHECK(lines[56] == "Side 1 av 1");
}

TEST_CASE("Pages turned a quarter either way read as if upright", "[pdf]") {
    const auto upright = pages_of("feltnotat-vestdal.pdf");
    const auto turned = pages_of("rotated.pdf");
    REQUIRE(turned.size() == 3);
    for (std::size_t p = 0; p < 3; ++p) {
        INFO("page " << p + 1);
        CHECK(texts(turned[p]) == texts(upright[p]));
    }
    CHECK(turned[1].lines[0].rotation == 1);
    CHECK(turned[2].lines[0].rotation == 3);
}

TEST_CASE("A PDF with an owner password only reads like any other", "[pdf]") {
    const auto pages = pages_of("owner-only.pdf");
    REQUIRE(pages.size() == 12);
    CHECK(texts(pages[0]) == texts(pages_of("feltnotat-vestdal.pdf")[0]));
}

TEST_CASE("PDFs Tema cannot read are refused in words, naming the file", "[pdf]") {
    struct Case {
        std::string file;
        std::string problem;
    };
    const std::vector<Case> cases = {
        {"encrypted.pdf",
         "is password-protected; Tema cannot read it — save an unprotected copy and import that"},
        {"scanned.pdf", "has no text layer (a scanned PDF?); run OCR on it first"},
        {"truncated.pdf",
         "is damaged or incomplete; Tema cannot read it as a PDF (was the download or copy cut "
         "short?)"},
        {"not-a-pdf.pdf",
         "is not a PDF (its bytes do not begin like one); was another kind of file given a .pdf "
         "name?"},
    };
    for (const auto& c : cases) {
        INFO(c.file);
        CHECK(refusal(pdf_bytes(c.file), "mappe/" + c.file) ==
              "mappe/" + c.file + ": " + c.problem);
    }
    CHECK_THAT(refusal("", "tom.pdf"), Catch::Contains("is not a PDF"));
    CHECK_THAT(refusal("%PDF-1.7\n", "kort.pdf"), Catch::Contains("is damaged or incomplete"));
    CHECK_THAT(refusal("%PDF-1.7\n" + std::string(5000, 'x'), "rot.pdf"),
               Catch::Contains("is damaged or incomplete"));
}

TEST_CASE("The limits stop a PDF between pages, with the reason", "[pdf]") {
    const std::string bytes = pdf_bytes("feltnotat-vestdal.pdf");
    Limits pages;
    pages.max_pages = 5;
    CHECK(refusal(bytes, "f.pdf", pages) ==
          "f.pdf: has 12 pages; Tema reads PDFs of at most 5 pages: split it first");
    Limits page_time;
    page_time.page_budget = std::chrono::milliseconds(0);
    CHECK(refusal(bytes, "f.pdf", page_time) ==
          "f.pdf: page 1 took more than 0 s to read; the PDF may be damaged or built to stall "
          "readers");
    Limits document_time;
    document_time.document_budget = std::chrono::milliseconds(0);
    CHECK(refusal(bytes, "f.pdf", document_time) ==
          "f.pdf: took more than 0 s to read (stopped at page 1 of 12)");
    Limits text;
    text.max_text_bytes = 1000;
    CHECK(refusal(bytes, "f.pdf", text) ==
          "f.pdf: holds more text than Tema imports from one file (1000 bytes)");
    CHECK(Limits{}.max_pages == 5000);
}

TEST_CASE("Poppler's complaints about broken files never reach stderr", "[pdf]") {
    const std::string err = stderr_of([] {
        for (const std::string name : {"truncated.pdf", "not-a-pdf.pdf", "encrypted.pdf"}) {
            CHECK_FALSE(refusal(pdf_bytes(name), name).empty());
        }
        // Past the header check, so poppler itself meets the junk.
        CHECK_FALSE(
            refusal("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n", "x.pdf").empty());
    });
    CHECK(err.empty());
}
