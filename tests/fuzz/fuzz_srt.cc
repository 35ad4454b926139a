// libFuzzer target: the SubRip reader on any bytes, with and without merged cues.
// It may refuse them (tema::Error); it must not crash, hang or break a promise
// of check_document.h. See README.md for how to build and run it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_document.h"
#include "import/subtitles.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const bool merge : {false, true}) {
        try {
            tema::fuzz::check_document(tema::import::read_srt(
                bytes, {}, "fuzz.srt", tema::import::SubtitleOptions{merge}));
        } catch (const tema::Error&) {
            // A clear refusal is a right answer.
        }
    }
    return 0;
}
