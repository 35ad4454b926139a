// Reading OpenDocument text (.odt, LibreOffice Writer and others).
#pragma once

#include <string>
#include <string_view>

#include "import/document.h"

namespace tema::import {

// Turns the bytes of an .odt file into a Document. The text is content.xml's
// office:text, read as office_text.h describes (paragraphs, headings, lists,
// line breaks, text:s spaces, tables, notes, bold speaker labels); white space
// in the XML collapses as ODF says; tracked changes are taken as accepted
// (the deleted text ODF keeps aside is dropped); comments (annotations),
// headers, footers (they live in styles.xml), hidden sections and pictures are
// dropped; text boxes and frames follow the paragraph they are anchored in.
// `encoding` is ignored: the XML says its own. Throws tema::Error naming
// `file_name` for a file that is not a zip archive ("is not an OpenDocument
// text (not a zip archive)"), has no content.xml ("is not an OpenDocument
// text (no content.xml)"), is damaged or hostile, or holds no text.
Document read_odt(std::string_view bytes, std::string_view encoding, const std::string& file_name);

}  // namespace tema::import
