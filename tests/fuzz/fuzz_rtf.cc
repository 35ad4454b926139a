// libFuzzer target: the RTF reader on any bytes, with the file's code pages and
// with a forced multi-byte encoding (Shift-JIS), which takes the other path
// through the code-page decoder. It may refuse them (tema::Error); it must not
// crash, hang or break a promise of check_document.h. See README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check_document.h"
#include "import/rtf.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const std::string_view encoding : {std::string_view(), std::string_view("Shift_JIS")}) {
        try {
            tema::fuzz::check_document(tema::import::read_rtf(bytes, encoding, "fuzz.rtf"));
        } catch (const tema::Error&) {
            // A clear refusal is a right answer.
        }
    }
    return 0;
}
