// PDFs are read in a process of their own, which is stopped when it stalls and
// whose crash takes nothing else down.
#include <catch2/catch.hpp>

#include "import/pdf.h"
#include "import/pdf_apart.h"
#include "support/project_fixture.h"
#include "support/refusals.h"
#include "support/test_support.h"

using tema::test::error_of_call;
using tema::test::fixture;
using tema::test::read_bytes;

namespace {

tema::pdf::Limits quick() {
    tema::pdf::Limits limits;
    limits.page_budget = std::chrono::seconds(1);
    limits.document_budget = std::chrono::seconds(3);
    return limits;
}

}  // namespace

TEST_CASE("The PDF reader process reads a PDF as the importer would in-process", "[pdf][import]") {
    const std::string bytes = read_bytes(fixture("import/pdf/interview-en.pdf"));
    const auto apart = tema::import::read_pdf_apart(bytes, "intervju.pdf",
                                                    tema::import::pdf_reader_path());
    const auto here = tema::import::read_pdf_here(bytes, "intervju.pdf");
    CHECK(apart.text == here.text);
    CHECK(apart.page_starts == here.page_starts);
    CHECK(apart.page_count == here.page_count);
    CHECK(apart.format == "pdf");
}

TEST_CASE("A PDF that stalls the reader is stopped and refused by name", "[pdf][import]") {
    CHECK(error_of_call([] {
              tema::import::read_pdf_apart("%PDF-1.4", "slides.pdf",
                                           fixture("import/pdf/readers/stalls.sh"), quick());
          }) == "slides.pdf: took too long to read (at page 2 of 3): more than 1 s on one page; "
                "the PDF may be damaged or built to stall readers");
}

TEST_CASE("A PDF that crashes the reader is refused by name, and Tema goes on", "[pdf][import]") {
    CHECK(error_of_call([] {
              tema::import::read_pdf_apart("%PDF-1.4", "notat.pdf",
                                           fixture("import/pdf/readers/crashes.sh"), quick());
          }) == "notat.pdf: made the PDF reader fail (at page 2 of 2); the PDF may be damaged "
                "or built to crash readers");
    CHECK(error_of_call([] {
              tema::import::read_pdf_apart("%PDF-1.4", "notat.pdf", "/nowhere/tema-pdf-reader",
                                           quick());
          }).starts_with("notat.pdf: cannot be read: Tema's PDF reader /nowhere/tema-pdf-reader "
                         "cannot start"));
}

TEST_CASE("A refusal from the reader process reaches the importer's report unchanged",
          "[pdf][import]") {
    tema::test::ProjectFixture f;
    tema::test::expect_refused(
        f, {{fixture("import/pdf/encrypted.pdf"),
             "is password-protected; Tema cannot read it — save an unprotected copy"},
            {fixture("import/pdf/not-a-pdf.pdf"), "is not a PDF"}});
}
