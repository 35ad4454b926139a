// Reading Word documents (.docx, Office Open XML).
#pragma once

#include <string>
#include <string_view>

#include "import/document.h"

namespace tema::import {

// Turns the bytes of a .docx file into a Document. The text is the main
// document's body, read as office_text.h describes (paragraphs, line breaks,
// tables, notes, bold speaker labels); tracked changes are taken as accepted
// (insertions kept, deletions dropped); comments, headers, footers, hidden
// text, field codes, pictures and equations are dropped; text boxes follow the
// paragraph they are anchored in. `encoding` is ignored: the XML says its own.
// Throws tema::Error naming `file_name` for a file that is not a zip archive
// ("is not a Word document (not a zip archive)"), has no word/document.xml
// ("is not a Word document (no word/document.xml)"), is damaged or hostile
// (zip bombs, bad entry names, XML entities, deep nesting), or holds no text.
Document read_docx(std::string_view bytes, std::string_view encoding, const std::string& file_name);

}  // namespace tema::import
