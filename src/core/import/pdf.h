// Reading PDFs (.pdf): the text a reader of the document sees, one line per
// paragraph, and where each page begins so that a quote can cite its page.
//
// A PDF has no paragraphs or lines of its own, only words placed on pages.
// src/core/pdf/ finds the words' visual lines in reading order (columns one
// after the other); this file rebuilds the text the author typed:
//
//   - Paragraphs. One paragraph is one line of the source: the visual lines of
//     the page are joined with spaces. A paragraph ends where the next visual
//     line is set apart by more space above it than the lines of a paragraph
//     have, is indented further than the line above (or by the first-line
//     indent the document's paragraphs have), starts with a bullet, has
//     another font size (a heading), or where a line stops short of the
//     column's right edge with room left for the next line's first word (so
//     the writer ended it there). No blank lines are put between paragraphs:
//     every line number is a paragraph, which is what a citation wants.
//   - Pages. The text holds no page markers: a marker would become part of the
//     source, be searched, coded and counted, and would cut in two a paragraph
//     that runs over a page break. Instead Document::page_starts gives the
//     code-point offset where each page's text begins, so any position, and so
//     any quote, has its page ("pp. 3–4"). A paragraph that runs on over a page
//     or column break stays one line, and its page start falls inside it. It
//     runs on when the line before ends with a hyphen; or, in a document whose
//     paragraphs are marked by a first-line indent, when the next line has
//     none; otherwise when the line before ends no sentence and either is full
//     or is followed by a small letter. An empty page (a picture, a blank page)
//     starts where the next page's text does.
//   - Page numbers. The first or last line of a page that only repeats the
//     page's number ("12", "- 12 -", "Side 12 av 40", "Page 12", "12/40") is
//     dropped: page_starts carries it, and left in the text it would split
//     paragraphs running over the page break. Running headers and footnotes
//     stay, as lines of their own.
//   - Hyphens. A line ending in a hyphen is joined to the next without a
//     space. The hyphen is dropped ("arbeids-" + "giveren" is "arbeidsgiveren")
//     when it follows at least two letters ending in a small one and the next
//     line begins with a small letter, unless the document writes the
//     hyphenated form inside a line elsewhere and never the joined one. It is
//     kept after capitals, digits and points ("NAV-" + "rettleiaren" is
//     "NAV-rettleiaren", "B. T.-" + "saka"), and before a capital; before "og",
//     "eller", "and", "or" and the like it is a suspended hyphen and a space
//     follows ("helse- og omsorgssenter"). A soft hyphen (U+00AD) at a line end
//     always goes. Hyphens inside a line are never touched.
//
// The text is NFC with LF line ends and ends with an LF.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/document.h"
#include "pdf/pdf_text.h"

namespace tema::import {

// Reads the bytes of a PDF. `encoding` is not used: the text in a PDF is
// Unicode by way of its fonts, and no charset applies. Sets page_count and
// page_starts. Throws tema::Error naming `name` for a file that is not a PDF,
// is damaged, password-protected, has no text layer (a scan), or is over the
// limits of pdf::Limits.
// The reading happens in tema-pdf-reader, a process of its own that is killed
// when it overruns pdf::Limits (see pdf_apart.h).
Document read_pdf(std::string_view bytes, std::string_view encoding, const std::string& name);

// The same, in this process: what tema-pdf-reader and the fuzz target run.
Document read_pdf_here(std::string_view bytes, const std::string& name,
                       const pdf::Limits& limits = {}, const pdf::PageDone& on_page = {});

// The text of pages laid out by pdf::read_pages, by the rules above; what
// read_pdf stores. Exposed for tests with pages made by hand.
struct PdfText {
    std::string text;
    std::vector<std::uint32_t> page_starts;  // one per page, code points, non-decreasing
};
PdfText text_of_pages(const std::vector<pdf::Page>& pages);

}  // namespace tema::import
