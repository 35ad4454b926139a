// What an importer makes of a file, before it becomes a source in a project.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/source.h"

namespace tema::import {

using tema::Turn;

struct Document {
    std::string text;      // NFC, LF line ends: what the source will hold, forever
    std::string encoding;  // what the file's bytes were ("UTF-8", "windows-1252", ...)
    std::string format;    // "txt", "md", ...
    std::vector<Turn> turns;  // empty unless the file is read as a transcript
    std::optional<std::int64_t> page_count;
    // Paged formats (PDF): the code-point offset in `text` where each page
    // begins, one per page, non-decreasing; empty for other formats.
    std::vector<std::uint32_t> page_starts;
    std::int64_t file_size = 0;  // of the file as read
    std::string file_sha256;     // of the file's bytes
};

}  // namespace tema::import
