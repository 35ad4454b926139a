#include "import/pdf_apart.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "import/pdf.h"
#include "util/error.h"
#include "util/process.h"

namespace tema::import {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kReaderName = "tema-pdf-reader";

// What the reader writes, line by line:
//   page N M                  after each page N of M
//   ok PAGES BYTES            then one line of page starts, then BYTES of text
//   refused PROBLEM           when it refuses the file
// Anything else, or nothing, means it did not finish.

std::string seconds(std::chrono::milliseconds duration) {
    return std::to_string((duration.count() + 999) / 1000) + " s";
}

}  // namespace

fs::path pdf_reader_path() {
    if (const char* set = std::getenv("TEMA_PDF_READER"); set != nullptr && *set != '\0') {
        return set;
    }
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path beside = self.parent_path() / kReaderName;
        if (fs::exists(beside)) {
            return beside;
        }
    }
    return TEMA_PDF_READER_BUILT;
}

int serve_pdf_reader(std::string_view bytes, const std::string& name, std::FILE* out) {
    try {
        const Document document = read_pdf_here(bytes, name, {}, [out](int page, int count) {
            std::fprintf(out, "page %d %d\n", page, count);
            std::fflush(out);
        });
        std::fprintf(out, "ok %lld %zu\n", static_cast<long long>(document.page_count.value_or(0)),
                     document.text.size());
        for (std::size_t i = 0; i < document.page_starts.size(); ++i) {
            std::fprintf(out, i == 0 ? "%u" : " %u", document.page_starts[i]);
        }
        std::fputc('\n', out);
        std::fwrite(document.text.data(), 1, document.text.size(), out);
        std::fflush(out);
        return 0;
    } catch (const Error& error) {
        std::fprintf(out, "refused %s\n", error.problem().c_str());
        std::fflush(out);
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(out, "refused could not be read as a PDF (%s)\n", error.what());
        std::fflush(out);
        return 1;
    }
}

Document read_pdf_apart(std::string_view bytes, const std::string& name, const fs::path& reader,
                        const pdf::Limits& limits) {
    // The reader keeps the budgets itself; these are for when it cannot.
    const auto slack = std::min<std::chrono::milliseconds>(limits.page_budget,
                                                           std::chrono::seconds(5));
    const Watch watch{limits.page_budget + slack, limits.document_budget + slack};
    const WatchedResult run = [&] {
        try {
            return run_program_watched(reader.string(), {reader.string(), name}, bytes, watch);
        } catch (const Error& error) {
            throw Error(name, "cannot be read: Tema's PDF reader " + error.subject() + " " +
                                  error.problem());
        }
    }();
    std::istringstream out(run.out);
    std::string line;
    int pages_read = 0;
    int pages = 0;
    while (std::getline(out, line)) {
        std::istringstream words(line);
        std::string word;
        words >> word;
        if (word == "page") {
            words >> pages_read >> pages;
        } else if (word == "refused") {
            throw Error(name, line.substr(word.size() + 1));
        } else if (word == "ok") {
            long long page_count = 0;
            std::size_t text_bytes = 0;
            words >> page_count >> text_bytes;
            std::string starts;
            std::getline(out, starts);
            Document document;
            document.encoding = "PDF";
            document.format = "pdf";
            document.page_count = page_count;
            std::istringstream numbers(starts);
            for (std::uint32_t start = 0; numbers >> start;) {
                document.page_starts.push_back(start);
            }
            document.text.resize(text_bytes);
            out.read(document.text.data(), static_cast<std::streamsize>(text_bytes));
            if (words.fail() || static_cast<std::size_t>(out.gcount()) != text_bytes ||
                document.page_starts.size() != static_cast<std::size_t>(page_count)) {
                break;  // cut short: reported below
            }
            return document;
        } else {
            break;
        }
    }
    const std::string where =
        pages > 0 ? " (at page " + std::to_string(pages_read + 1) + " of " + std::to_string(pages) + ")"
                  : std::string();
    if (run.stopped) {
        throw Error(name, "took too long to read" + where + ": more than " +
                              seconds(limits.page_budget) +
                              " on one page; the PDF may be damaged or built to stall readers");
    }
    throw Error(name, "made the PDF reader fail" + where +
                          "; the PDF may be damaged or built to crash readers");
}

}  // namespace tema::import
