// libFuzzer target: the zip reader on any bytes. It may refuse them
// (tema::Error); it must not crash, hang, read past a limit, or hand out an
// entry name that climbs out of its folder. See README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "archive/zip_reader.h"
#include "util/error.h"

namespace {

void require(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "broken promise: %s\n", what);
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Small limits, so that a bomb the fuzzer finds costs milliseconds.
    tema::archive::ZipLimits limits;
    limits.max_total_bytes = 8U << 20;
    limits.max_entry_bytes = 4U << 20;
    limits.ratio_grace_bytes = 1U << 20;
    limits.max_entries = 1000;
    try {
        tema::archive::ZipReader zip(bytes, "fuzz.zip", limits);
        require(zip.entries().size() <= limits.max_entries, "no more entries than the limit");
        for (const auto& entry : zip.entries()) {
            require(tema::archive::is_safe_entry_name(entry.name), "entry names are safe");
            try {
                require(zip.find(entry.name, tema::archive::NameMatch::ignore_case) != nullptr,
                        "every entry is found by its name");
                const std::string content = zip.read(entry);
                require(content.size() <= limits.max_entry_bytes, "an entry is within its limit");
                require(content.size() == entry.size, "an entry is as large as it says");
            } catch (const tema::Error&) {
                // This entry is refused; the others may still be read.
            }
            require(zip.total_read() <= limits.max_total_bytes + 1, "the total is within its limit");
        }
    } catch (const tema::Error&) {
        // A clear refusal is a right answer.
    }
    return 0;
}
