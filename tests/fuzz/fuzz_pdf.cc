// libFuzzer target: the PDF reader (poppler through src/core/pdf/, then the
// paragraph and page rules of import/pdf.cc) on any bytes. It may refuse them
// (tema::Error); it must not crash, hang or break a promise of
// check_document.h, and its page starts must fit the text. A crash inside
// poppler is poppler's to fix (report it upstream); ours is to survive what
// poppler gives back or throws. See README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_document.h"
#include "import/pdf.h"
#include "text/utf8.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        const tema::import::Document document = tema::import::read_pdf_here(bytes, "fuzz.pdf");
        tema::fuzz::check_document(document);
        using tema::fuzz::require;
        require(document.page_count.has_value() && *document.page_count > 0, "a PDF has pages");
        require(document.page_starts.size() == static_cast<std::size_t>(*document.page_count),
                "one page start per page");
        const std::size_t length = tema::text::count_codepoints(document.text);
        std::uint32_t previous = 0;
        for (const std::uint32_t start : document.page_starts) {
            require(start >= previous, "page starts do not go back");
            require(start <= length, "page starts are inside the text");
            previous = start;
        }
        require(document.page_starts.front() == 0, "the first page starts the text");
    } catch (const tema::Error&) {
        // A clear refusal is a right answer.
    }
    return 0;
}
