// Reading plain-text files (.txt, .md): charset, line ends, NFC.
#pragma once

#include <string>
#include <string_view>

#include "import/document.h"

namespace tema::import {

// Turns the bytes of a plain-text file into a Document (no turns yet).
// `encoding` forces a charset; empty detects it. Throws tema::Error naming
// `file_name` for binary data, undecodable bytes, or a file with no text.
Document read_plain_text(std::string_view bytes, std::string_view encoding,
                         const std::string& file_name, std::string format);

}  // namespace tema::import
