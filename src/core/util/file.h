// Reading and writing whole files, with errors that name the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace tema {

// Reads the whole file. Throws tema::Error naming the file when it is missing,
// a directory, unreadable, or larger than `max_bytes`.
std::string read_file(const std::filesystem::path& path,
                      std::uintmax_t max_bytes = std::uintmax_t{1} << 31);

}  // namespace tema
