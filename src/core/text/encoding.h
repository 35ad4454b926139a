// Turning the bytes of a file into UTF-8 text: charset detection and conversion.
#pragma once

#include <string>
#include <string_view>

namespace tema::text {

struct DecodedText {
    std::string utf8;      // valid UTF-8 with any byte-order mark removed; not yet NFC
    std::string encoding;  // what the bytes were: "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE",
                           // "windows-1252", "ISO-8859-1", "ISO-8859-15", or the forced name
};

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// Decodes `bytes`. With an empty `forced_encoding` it detects: a UTF-8 or
// UTF-16 byte-order mark; valid UTF-8 (checked first, cheaply, since it is by far
// the most common); otherwise a single-byte Western encoding (windows-1252,
// ISO-8859-15 or ISO-8859-1) chosen from the bytes present. `forced_encoding` may
// be any charset name ICU knows ("latin1", "cp1252", "utf-16le", ...).
// Throws tema::Error with `file_name` as subject when the bytes are binary data
// (NUL bytes outside UTF-16, control characters), or cannot be decoded with
// the forced encoding, or the forced encoding is unknown.
DecodedText decode_text(std::string_view bytes, std::string_view forced_encoding,
                        const std::string& file_name);

}  // namespace tema::text
