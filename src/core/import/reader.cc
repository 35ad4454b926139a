#include "import/reader.h"

#include <algorithm>

#include "import/plain_text.h"
#include "util/error.h"
#include "util/file.h"
#include "util/sha256.h"

namespace tema::import {

namespace {

// Large enough for any transcript; small enough to refuse a disk image.
constexpr std::uintmax_t kMaxTextFileBytes = std::uintmax_t{256} << 20;

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
    static const std::vector<std::string> kExtensions = {"txt", "text", "md", "markdown"};
    return kExtensions;
}

Document read_document(const std::filesystem::path& path, std::string_view encoding) {
    const std::string name = path.string();
    const std::string extension = lower_extension(path);
    const auto& known = supported_extensions();
    if (std::find(known.begin(), known.end(), extension) == known.end()) {
        std::string list;
        for (const auto& e : known) {
            list += (list.empty() ? "." : ", .") + e;
        }
        throw Error(name, "cannot import files of type '" +
                              (extension.empty() ? std::string("(none)") : "." + extension) +
                              "' (Tema imports " + list + ")");
    }
    const std::string bytes = read_file(path, kMaxTextFileBytes);
    const bool markdown = extension == "md" || extension == "markdown";
    Document document = read_plain_text(bytes, encoding, name, markdown ? "md" : "txt");
    document.file_size = static_cast<std::int64_t>(bytes.size());
    document.file_sha256 = sha256_hex(bytes);
    return document;
}

}  // namespace tema::import
