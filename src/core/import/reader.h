// Reading any supported file into a Document, by its format.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "import/document.h"

namespace tema::import {

// The file extensions Tema imports, without the dot.
const std::vector<std::string>& supported_extensions();

// What the user asked of an import that changes how a file is read.
struct ReadOptions {
    std::string encoding;     // forces a charset for text formats; empty: detected
    bool merge_cues = false;  // subtitles: consecutive cues of one speaker make one turn
};

// Reads the file at `path` as the format its extension names. Throws
// tema::Error naming the file for a missing file, a folder, an unsupported
// format, or content that cannot be read.
Document read_document(const std::filesystem::path& path, const ReadOptions& options);

}  // namespace tema::import
