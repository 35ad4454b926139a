// libFuzzer target: the .docx reader. Input that begins like a zip is read as
// a .docx file; any other input is split at NUL bytes into word/document.xml,
// styles.xml, footnotes.xml and endnotes.xml and packed into a stored zip, so
// that mutations reach the XML and the text builder. It may refuse them
// (tema::Error); it must not crash, hang or break a promise of
// check_document.h. See README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "archive/zip_reader.h"
#include "check_document.h"
#include "import/docx.h"
#include "stored_zip.h"
#include "util/error.h"

namespace {

constexpr std::string_view kRels =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
    "Target=\"footnotes.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes\" "
    "Target=\"endnotes.xml\"/></Relationships>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string packed;
    if (!tema::archive::looks_like_zip(bytes)) {
        auto parts = tema::fuzz::split_parts(bytes, 4);
        packed = tema::fuzz::stored_zip({{"word/document.xml", std::move(parts[0])},
                                         {"word/_rels/document.xml.rels", std::string(kRels)},
                                         {"word/styles.xml", std::move(parts[1])},
                                         {"word/footnotes.xml", std::move(parts[2])},
                                         {"word/endnotes.xml", std::move(parts[3])}});
    }
    try {
        tema::fuzz::check_document(
            tema::import::read_docx(packed.empty() ? bytes : packed, "", "fuzz.docx"));
    } catch (const tema::Error&) {
        // A clear refusal is a right answer.
    }
    return 0;
}
