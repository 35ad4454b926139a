#include "import/plain_text.h"

#include <algorithm>

#include "text/encoding.h"
#include "text/normalize.h"
#include "util/error.h"

namespace tema::import {

Document read_plain_text(std::string_view bytes, std::string_view encoding,
                         const std::string& file_name, std::string format) {
    if (bytes.empty()) {
        throw Error(file_name, "is empty: there is no text to import");
    }
    text::DecodedText decoded = text::decode_text(bytes, encoding, file_name);
    Document document;
    document.encoding = std::move(decoded.encoding);
    document.format = std::move(format);
    document.text = text::to_nfc(text::normalize_line_endings(decoded.utf8));
    const bool blank = std::all_of(document.text.begin(), document.text.end(), [](char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\v';
    });
    if (blank) {
        throw Error(file_name, "holds only white space: there is no text to import");
    }
    return document;
}

}  // namespace tema::import
