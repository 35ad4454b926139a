// The text of a word-processor document (.docx, .odt) as Tema's lines, with
// speaker turns. The .docx and .odt readers walk their XML and tell this
// builder what they meet; it decides what becomes a line:
//
//   - a paragraph (or heading, or list item) is one line; an empty one is a
//     blank line; blank lines at the very end are dropped;
//   - a line break inside a paragraph (Shift+Enter) starts a new line; a page
//     or column break does too, except at the start or end of a paragraph;
//   - a tab is a tab; non-breaking spaces (U+00A0, U+202F) become plain spaces
//     so that search and speaker labels see one kind of space; control
//     characters and U+FEFF are dropped;
//   - a table row is one line, its cells separated by tabs; the paragraphs of
//     a cell (and any table inside it) are joined by spaces;
//   - notes (footnotes and endnotes, numbered together in order of first
//     reference) are marked "[1]", "[2]" where they are referenced and follow
//     the text after a blank line, each starting with its mark: "[1] Note.".
//
// Speakers: a paragraph that begins with a bold label ("**Interviewer** Yes,
// ...", the habit of transcription services) is read as though a colon
// followed the label; then the same rules as for plain text decide what is a
// turn (find_turns in turns.h: known labels at once, other names when they
// begin two turns or more). Headings never begin turns. Notes are never part
// of a turn.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/zip_reader.h"
#include "import/document.h"
#include "xml/xml_document.h"

namespace tema::import {

// Reads the XML part `part` (say "word/document.xml") of a package, found
// regardless of case. Returns nullopt when the package has no such part.
// Throws tema::Error naming `file_name` and the part when it cannot be read
// ("word/document.xml is not well-formed XML (line 2, column 5: ...)").
std::optional<xml::XmlDocument> read_xml_part(archive::ZipReader& package, std::string_view part,
                                              const std::string& file_name);

class OfficeText {
public:
    // `file_name` names the file in messages.
    explicit OfficeText(std::string file_name);

    void begin_paragraph(bool heading = false);
    // Characters as the file holds them (valid UTF-8). Line feeds and carriage
    // returns inside are spaces. `bold` is whether they are shown bold.
    void text(std::string_view utf8, bool bold = false);
    void tab();
    void line_break();
    void page_break();
    // `joins_next`: the paragraph mark was deleted (tracked changes), so this
    // paragraph and the next are one.
    void end_paragraph(bool joins_next = false);

    // Tables nest; inside a cell, only the outermost table's rows and cells
    // make lines and tabs.
    void begin_table();
    void begin_row();
    void begin_cell();
    void end_cell();
    void end_row();
    void end_table();

    // "[n]" in the text where a note is referenced.
    void note_mark(int n);
    // After the body: the paragraphs of note `n` follow, the first marked "[n] ".
    void begin_note(int n);

    // Bytes of text so far; the builder refuses more than a limit itself.
    std::size_t size() const { return size_; }

    // The finished document (NFC, LF line ends, turns in code points). Throws
    // tema::Error naming the file when there is no text at all.
    Document finish(std::string format);

private:
    struct Line {
        std::string text;
        std::size_t label_end = 0;  // bytes: end of a bold label at the start, or 0
        bool heading = false;
    };
    enum class Label { leading, bold, done };

    void append(std::string_view utf8);
    void flush_page_break();
    void push_line(Line line);
    std::vector<Line>& target() { return in_notes_ ? notes_ : body_; }

    std::string file_name_;
    std::vector<Line> body_;
    std::vector<Line> notes_;
    bool in_notes_ = false;
    std::string pending_note_mark_;
    bool after_note_mark_ = false;  // white space right after "[n] " is dropped

    bool open_ = false;     // a paragraph is being built
    bool joining_ = false;  // the last paragraph continues into the next
    Line current_;
    Label label_ = Label::leading;
    bool page_break_pending_ = false;

    int table_depth_ = 0;
    bool row_open_ = false;
    bool pending_cell_space_ = false;  // a space goes before the cell's next text
    std::size_t cells_in_row_ = 0;
    std::string row_;
    bool cell_has_text_ = false;

    std::size_t size_ = 0;
};

}  // namespace tema::import
