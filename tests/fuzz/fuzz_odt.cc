// libFuzzer target: the .odt reader. Input that begins like a zip is read as
// an .odt file; any other input is split at a NUL byte into content.xml and
// styles.xml and packed into a stored zip, so that mutations reach the XML and
// the text builder. It may refuse them (tema::Error); it must not crash, hang
// or break a promise of check_document.h. See README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "archive/zip_reader.h"
#include "check_document.h"
#include "import/odt.h"
#include "stored_zip.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string packed;
    if (!tema::archive::looks_like_zip(bytes)) {
        auto parts = tema::fuzz::split_parts(bytes, 2);
        packed = tema::fuzz::stored_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                         {"content.xml", std::move(parts[0])},
                                         {"styles.xml", std::move(parts[1])}});
    }
    try {
        tema::fuzz::check_document(
            tema::import::read_odt(packed.empty() ? bytes : packed, "", "fuzz.odt"));
    } catch (const tema::Error&) {
        // A clear refusal is a right answer.
    }
    return 0;
}
