// Normalisation of text on its way in: NFC and LF line endings.
#pragma once

#include <string>
#include <string_view>

namespace tema::text {

// True when valid UTF-8 `utf8` is already in Unicode Normalization Form C.
bool is_nfc(std::string_view utf8);

// `utf8` in NFC. Cheap when the text is already NFC (the usual case).
std::string to_nfc(std::string_view utf8);

// CRLF and lone CR become LF. Nothing else changes.
std::string normalize_line_endings(std::string_view utf8);

}  // namespace tema::text
