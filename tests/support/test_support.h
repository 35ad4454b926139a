// Shared helpers for tests: temporary folders, fixtures, and running `tema`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/error.h"

namespace tema::test {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// A file under tests/fixtures.
std::filesystem::path fixture(const std::string& relative);
// A file under the repository root (sample-projects/...).
std::filesystem::path repo_file(const std::string& relative);

std::string read_bytes(const std::filesystem::path& path);
void write_bytes(const std::filesystem::path& path, const std::string& bytes);

struct CliResult {
    int status = -1;
    std::string out;
    std::string err;
};

// Runs the built `tema` with `args` (no shell), stdin closed, and the extra
// environment entries NAME=VALUE.
CliResult run_tema(const std::vector<std::string>& args,
                   const std::vector<std::string>& environment = {});
// Runs `program` (a path; a script with #! works) the same way.
CliResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& environment = {});

// The message of the tema::Error that `action` throws, or "(no error)".
template <typename Action>
std::string error_of_call(Action&& action) {
    try {
        action();
    } catch (const tema::Error& error) {
        return error.what();
    }
    return "(no error)";
}

// Code points [start, end) of a UTF-8 text.
std::string slice_codepoints(const std::string& utf8, std::size_t start, std::size_t end);

// Starts the built `tema` with `args` in the background; returns its pid.
int start_tema(const std::vector<std::string>& args);

}  // namespace tema::test
