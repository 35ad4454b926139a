#include "import/reader.h"

#include <algorithm>

#include "import/docx.h"
#include "import/odt.h"
#include "import/pdf.h"
#include "import/plain_text.h"
#include "import/rtf.h"
#include "import/subtitles.h"
#include "util/error.h"
#include "util/file.h"
#include "util/sha256.h"

namespace tema::import {

namespace {

// Large enough for any transcript or report; small enough to refuse a disk image.
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{256} << 20;

// Reads a file's bytes into a Document. `name` is the file's path, for messages.
using FormatReader = Document (*)(std::string_view bytes, const ReadOptions& options,
                                  const std::string& name);

struct Format {
    std::vector<std::string> extensions;  // lower case, no dot
    FormatReader read;
};

// Every format Tema imports. A new format is one entry here and one file pair.
const std::vector<Format>& formats() {
    static const std::vector<Format> kFormats = {
        {{"txt", "text"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_plain_text(bytes, options.encoding, name, "txt");
         }},
        {{"md", "markdown"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_plain_text(bytes, options.encoding, name, "md");
         }},
        {{"srt"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_srt(bytes, options.encoding, name, {options.merge_cues});
         }},
        {{"vtt"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_vtt(bytes, options.encoding, name, {options.merge_cues});
         }},
        {{"rtf"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_rtf(bytes, options.encoding, name);
         }},
        {{"docx"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_docx(bytes, options.encoding, name);
         }},
        {{"odt"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_odt(bytes, options.encoding, name);
         }},
        {{"pdf"},
         [](std::string_view bytes, const ReadOptions& options, const std::string& name) {
             return read_pdf(bytes, options.encoding, name);
         }},
    };
    return kFormats;
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    if (!extension.empty()) {
        extension.erase(0, 1);
    }
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return extension;
}

}  // namespace

const std::vector<std::string>& supported_extensions() {
    static const std::vector<std::string> kExtensions = [] {
        std::vector<std::string> all;
        for (const Format& format : formats()) {
            all.insert(all.end(), format.extensions.begin(), format.extensions.end());
        }
        return all;
    }();
    return kExtensions;
}

Document read_document(const std::filesystem::path& path, const ReadOptions& options) {
    const std::string name = path.string();
    const std::string extension = lower_extension(path);
    const auto format = std::find_if(formats().begin(), formats().end(), [&](const Format& f) {
        return std::find(f.extensions.begin(), f.extensions.end(), extension) != f.extensions.end();
    });
    if (format == formats().end()) {
        std::string list;
        for (const auto& e : supported_extensions()) {
            list += (list.empty() ? "." : ", .") + e;
        }
        throw Error(name, "cannot import files of type '" +
                              (extension.empty() ? std::string("(none)") : "." + extension) +
                              "' (Tema imports " + list + ")");
    }
    const std::string bytes = read_file(path, kMaxFileBytes);
    if (bytes.empty()) {
        throw Error(name, "is empty: there is no text to import");
    }
    Document document = format->read(bytes, options, name);
    document.file_size = static_cast<std::int64_t>(bytes.size());
    document.file_sha256 = sha256_hex(bytes);
    return document;
}

}  // namespace tema::import
