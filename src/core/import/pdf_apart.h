// Reading a PDF in a process of its own. poppler gives no way to interrupt a
// page, and a hostile file can make it loop or crash; in its own process
// (tema-pdf-reader) it can be killed, and a crash takes only that process
// with it. The file is then refused, naming the problem, and Tema goes on.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "import/document.h"
#include "pdf/pdf_text.h"

namespace tema::import {

// Where tema-pdf-reader is: $TEMA_PDF_READER when set; else beside the running
// program; else where the build put it.
std::filesystem::path pdf_reader_path();

// Reads the PDF in `bytes` with the reader at `reader`, as read_pdf_here would,
// and kills the reader when a page takes longer than limits.page_budget or
// the whole longer than limits.document_budget. Throws tema::Error naming
// `name`: the reader's own refusal, or that it was stopped or crashed.
Document read_pdf_apart(std::string_view bytes, const std::string& name,
                        const std::filesystem::path& reader, const pdf::Limits& limits = {});

// The reader's side: reads the PDF in this process and writes what
// read_pdf_apart reads back to `out`, a line after each page as it goes.
// Returns the exit status: 0 read, 1 refused.
int serve_pdf_reader(std::string_view bytes, const std::string& name, std::FILE* out);

}  // namespace tema::import
