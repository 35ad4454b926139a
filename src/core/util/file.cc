#include "util/file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "util/error.h"

namespace tema {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        throw Error(name, "no such file");
    }
    if (fs::is_directory(status)) {
        throw Error(name, "is a folder, not a file");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        throw Error(name, "cannot read: " + ec.message());
    }
    if (size > max_bytes) {
        throw Error(name, "too large (" + std::to_string(size / (1024 * 1024)) +
                              " MB; the limit is " + std::to_string(max_bytes / (1024 * 1024)) +
                              " MB)");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(name, std::string("cannot open: ") + std::strerror(errno));
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) {
        throw Error(name, "could not read the whole file");
    }
    return bytes;
}

}  // namespace tema
