#include "pdf/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include "text/letters.h"
#include "text/normalize.h"
#include "util/error.h"

// For a font a PDF names but does not embed (Helvetica, Times), poppler finds
// a stand-in through fontconfig, which while parsing its configuration loses
// about 300 bytes once per process; LeakSanitizer reports it at exit and fails
// the sanitizer builds (tests, fuzzing). The leak is fontconfig's own, so it
// alone is suppressed. (GCC says __SANITIZE_ADDRESS__, clang __has_feature.)
#if defined(__SANITIZE_ADDRESS__)
#define TEMA_PDF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEMA_PDF_ASAN 1
#endif
#endif
#ifdef TEMA_PDF_ASAN
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}
// Without a report of the suppression at exit either, which would land in the
// stderr that tests of `tema` compare.
extern "C" const char* __lsan_default_options();
extern "C" const char* __lsan_default_options() {
    return "print_suppressions=0";
}
#endif

namespace tema::pdf {

namespace {

// Poppler reports what it stumbles over (a broken cross-reference table, an
// unknown font) on stderr unless told otherwise. What matters reaches the user
// as our own error; the rest is noise in a command-line tool. The function is
// process-wide in poppler, so it is set once, before any document is opened.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// A PDF starts with "%PDF-" within its first 1024 bytes (the readers allow
// some junk before it).
bool looks_like_pdf(std::string_view bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

// Appends the ligature's letters, or returns false when `unit` is none.
bool spell_ligature(char16_t unit, std::u16string& out) {
    static constexpr const char* kLetters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    if (unit < 0xFB00 || unit > 0xFB06) {
        return false;
    }
    for (const char* c = kLetters[unit - 0xFB00]; *c != '\0'; ++c) {
        out.push_back(static_cast<char16_t>(*c));
    }
    return true;
}

// A word's text as Tema keeps text: control characters, line and paragraph
// separators and byte-order marks dropped; a soft hyphen kept only at the end
// (where it marks a word broken across lines); ligatures spelt out; NFC.
std::string clean_word(const poppler::ustring& text) {
    std::u16string units;
    units.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto unit = static_cast<char16_t>(text[i]);
        const bool control = unit < 0x20 || (unit >= 0x7F && unit <= 0x9F);
        const bool separator = unit == 0x2028 || unit == 0x2029 || unit == 0xFEFF;
        const bool inner_soft_hyphen = unit == 0x00AD && i + 1 < text.size();
        if (control || separator || inner_soft_hyphen || spell_ligature(unit, units)) {
            continue;
        }
        units.push_back(unit);
    }
    return text::to_nfc(text::utf16_to_utf8(units));
}

std::string to_utf8(const poppler::ustring& text) {
    return text::utf16_to_utf8(std::u16string(text.begin(), text.end()));
}

// Coordinates and sizes as the layout rules can compute with: finite, and in
// the range a page can have (the PDF standard allows 14 400 units a side).
double finite(double value) {
    return std::isfinite(value) ? std::clamp(value, -1e6, 1e6) : 0.0;
}

std::string seconds(std::chrono::milliseconds duration) {
    return std::to_string((duration.count() + 999) / 1000) + " s";
}

std::string amount(std::size_t bytes) {
    constexpr std::size_t kMegabyte = std::size_t{1} << 20;
    return bytes % kMegabyte == 0 ? std::to_string(bytes / kMegabyte) + " MB"
                                  : std::to_string(bytes) + " bytes";
}

std::vector<Page> read_document(const poppler::document& document, const std::string& name,
                                const Limits& limits, const PageDone& on_page) {
    const int count = document.pages();
    if (count <= 0) {
        throw Error(name, "has no pages");
    }
    if (count > limits.max_pages) {
        throw Error(name, "has " + std::to_string(count) + " pages; Tema reads PDFs of at most " +
                              std::to_string(limits.max_pages) + " pages: split it first");
    }
    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    std::size_t text_bytes = 0;
    bool any_text = false;
    std::vector<Page> pages;
    pages.reserve(static_cast<std::size_t>(count));
    for (int index = 0; index < count; ++index) {
        const std::string number = std::to_string(index + 1);
        const Clock::time_point page_started = Clock::now();
        const std::unique_ptr<poppler::page> page(document.create_page(index));
        if (!page) {
            throw Error(name, "is damaged: page " + number + " of " + std::to_string(count) +
                                  " cannot be read");
        }
        Page& out = pages.emplace_back();
        out.label = to_utf8(page->label());
        std::vector<Word> words;
        for (const poppler::text_box& box :
             page->text_list(poppler::page::text_list_include_font)) {
            Word word;
            word.text = clean_word(box.text());
            if (word.text.find_first_not_of(' ') == std::string::npos) {
                continue;  // nothing left, or only spaces
            }
            const poppler::rectf r = box.bbox();
            word.box = {finite(r.left()), finite(r.top()), finite(r.right()), finite(r.bottom())};
            word.rotation = (box.rotation() % 4 + 4) % 4;  // quarter turns
            word.space_after = box.has_space_after();
            word.font_size = finite(box.get_font_size());
            text_bytes += word.text.size() + 1;
            words.push_back(std::move(word));
        }
        if (text_bytes > limits.max_text_bytes) {
            throw Error(name, "holds more text than Tema imports from one file (" +
                                  amount(limits.max_text_bytes) + ")");
        }
        out.lines = lay_out(words);
        any_text = any_text || !out.lines.empty();

        const Clock::time_point now = Clock::now();
        if (now - page_started >= limits.page_budget) {
            throw Error(name, "page " + number + " took more than " + seconds(limits.page_budget) +
                                  " to read; the PDF may be damaged or built to stall readers");
        }
        if (now - started >= limits.document_budget) {
            throw Error(name, "took more than " + seconds(limits.document_budget) +
                                  " to read (stopped at page " + number + " of " +
                                  std::to_string(count) + ")");
        }
        if (on_page) {
            on_page(index + 1, count);
        }
    }
    if (!any_text) {
        throw Error(name, "has no text layer (a scanned PDF?); run OCR on it first");
    }
    return pages;
}

}  // namespace

std::vector<Page> read_pages(std::string_view bytes, const std::string& name,
                             const Limits& limits, const PageDone& on_page) {
    silence_poppler();
    if (!looks_like_pdf(bytes)) {
        throw Error(name,
                    "is not a PDF (its bytes do not begin like one); was another kind of "
                    "file given a .pdf name?");
    }
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw Error(name, "is too large for Tema's PDF reader");
    }
    try {
        // The document reads `bytes` in place; they outlive it.
        const std::unique_ptr<poppler::document> document(
            poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
        if (!document) {
            throw Error(name,
                        "is damaged or incomplete; Tema cannot read it as a PDF (was the "
                        "download or copy cut short?)");
        }
        // Ask nothing else of a locked document: poppler-cpp dereferences its
        // missing parts (is_encrypted() and pages() crash on it).
        if (document->is_locked()) {
            throw Error(name,
                        "is password-protected; Tema cannot read it — save an unprotected "
                        "copy and import that");
        }
        return read_document(*document, name, limits, on_page);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& error) {
        // poppler is C++ and may throw (std::bad_alloc on a huge image, ...).
        throw Error(name, std::string("could not be read as a PDF (") + error.what() + ")");
    }
}

}  // namespace tema::pdf
