// The text of a PDF, page by page: Tema's one door to poppler. No poppler type
// leaves src/core/pdf/.
#pragma once

#include <chrono>
#include <cstddef>
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
// and the file is refused. A page that never returns (a poppler bug) is not
// caught and hangs its import worker.
//
// We chose not to run pages on a watchdog thread that is abandoned when late:
// the abandoned thread keeps the poppler document (and the file's bytes) alive
// and a CPU busy until the process ends, and it may still be inside poppler
// while the process exits and poppler's globals are destroyed, a crash at exit.
// The sound fix for hostile files is to read PDFs in a helper process that can
// be killed; poppler's own protection (it is fuzzed continuously by OSS-Fuzz,
// which reports timeouts as bugs) is what we rely on until then.
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
std::vector<Page> read_pages(std::string_view bytes, const std::string& name,
                             const Limits& limits = {});

}  // namespace tema::pdf
