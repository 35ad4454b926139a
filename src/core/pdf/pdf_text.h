// The text of a PDF, page by page: Tema's one door to poppler. No poppler type
// leaves src/core/pdf/.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/layout.h"

namespace tema::pdf {

struct Page {
    std::vector<Line> lines;  // in reading order (see layout.h); none on a page without text
    std::string label;        // the page's label ("iv", "12"); its number when the PDF has none
};

// Guards against PDFs that would take the importer's time or memory.
//
// poppler-cpp 22.12 gives no way to interrupt the reading of a page: the page
// renderer is handed no abort callback, and a thread cannot be stopped from
// outside. So the guards are checked between pages: a page that took longer
// than `page_budget`, or a document past `document_budget`, stops the reading
// and the file is refused. A page that never returns (a poppler bug) is caught
// one level up: the importer reads PDFs in a process of its own
// (import/pdf_apart.h), which it kills when it overruns these budgets.
struct Limits {
    int max_pages = 5000;
    std::chrono::milliseconds page_budget{30'000};
    std::chrono::milliseconds document_budget{300'000};
    std::size_t max_text_bytes = std::size_t{64} << 20;  // of words, all pages together
};

// The pages of the PDF in `bytes`, each with its lines in reading order. Words
// are NFC UTF-8 without control characters; the ligatures ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ
// are spelt out, so that search finds "find" in "ﬁnd". A page without text
// (a picture, a blank page) is returned without lines. `name` names the file
// in messages. Throws tema::Error naming `name` when the bytes are not a PDF,
// the PDF is damaged, password-protected, has no pages, has no text on any
// page (a scan), or is over a limit. Poppler's warnings are silenced. Safe to
// call from several threads at once, for different files.
// `on_page`, when given, is told after each page (from 1) of how many.
using PageDone = std::function<void(int page, int count)>;
std::vector<Page> read_pages(std::string_view bytes, const std::string& name,
                             const Limits& limits = {}, const PageDone& on_page = {});

}  // namespace tema::pdf
