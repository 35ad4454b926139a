// Reading Rich Text Format files (.rtf): the text a reader of the document
// sees, one line per paragraph. Speakers are then found in that text as in
// plain text (the reader makes no turns).
//
// Kept: paragraphs (\par, \sect, \page) and line breaks (\line) as lines;
// tabs; table rows as lines with their cells separated by tabs; list numbers
// and bullets as written (\listtext, \pntext); field results (the text of a
// hyperlink, not its address); special characters (\~ no-break space, \_
// non-breaking hyphen, \emdash, \endash, quotes, \bullet, ...).
//
// Dropped: formatting; the font, colour, style, list and revision tables;
// document information; pictures and embedded objects; shapes and text boxes;
// headers and footers; footnotes and endnotes (their text would break the
// sentence it hangs on); comments (annotations); index and contents entries;
// field instructions; hidden text (\v); bookmarks; optional hyphens (\-); and
// every \* destination Tema does not know.
//
// Characters: \uN (with \ucN fallbacks skipped, negative N for values above
// 32767, surrogate pairs joined) and \'hh bytes in the code page of
// \ansicpgN (default Windows-1252; \mac, \pc and \pca too) or of the font's
// \fcharset, multi-byte code pages (Shift-JIS, GBK, Big5, ...) included. A
// byte the code page leaves undefined becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

#include "import/document.h"

namespace tema::import {

// Groups deeper than this are refused: no writer nests so deep, so the file
// is damaged or made to harm.
constexpr int kMaxRtfDepth = 200;

// Reads the bytes of an RTF file. A non-empty `encoding` forces the code page
// of every \'hh byte (for a file whose \ansicpg is wrong). Time and memory
// are linear in the size of the file. Throws tema::Error naming `name` when
// the bytes are not RTF, when groups nest deeper than kMaxRtfDepth, when the
// file ends inside a group (it is incomplete), when the forced encoding is
// unknown, or when the document holds no text.
Document read_rtf(std::string_view bytes, std::string_view encoding, const std::string& name);

}  // namespace tema::import
