#include "import/office_text.h"

#include <algorithm>

#include "import/turns.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "util/error.h"

namespace tema::import {

namespace {

// Far more than any transcript or report; a file that unpacks to more text is
// refused rather than filling memory.
constexpr std::size_t kMaxTextBytes = std::size_t{128} << 20;

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

// Appends `in` (valid UTF-8) to `out`: LF and CR become spaces, other control
// characters and U+FEFF go, non-breaking and line/paragraph separators become
// spaces. Tabs stay unless `tab_is_space`.
void clean_into(std::string_view in, std::string& out, bool tab_is_space) {
    const auto byte = [&](std::size_t i) -> unsigned char {
        return i < in.size() ? static_cast<unsigned char>(in[i]) : static_cast<unsigned char>(0);
    };
    for (std::size_t i = 0; i < in.size(); ++i) {
        const unsigned char c = byte(i);
        if (c == '\t') {
            out += tab_is_space ? ' ' : '\t';
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else if (c < 0x20 || c == 0x7F) {
            // dropped
        } else if (c == 0xC2 && byte(i + 1) == 0xA0) {
            out += ' ';  // U+00A0 NO-BREAK SPACE
            i += 1;
        } else if (c == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) {
            i += 1;  // C1 control
        } else if (c == 0xE2 && byte(i + 1) == 0x80 &&
                   (byte(i + 2) == 0xAF || byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) {
            out += ' ';  // U+202F NARROW NO-BREAK SPACE, U+2028, U+2029
            i += 2;
        } else if (c == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) {
            i += 2;  // U+FEFF ZERO WIDTH NO-BREAK SPACE
        } else {
            out += static_cast<char>(c);
        }
    }
}

}  // namespace

std::optional<xml::XmlDocument> read_xml_part(archive::ZipReader& package, std::string_view part,
                                              const std::string& file_name) {
    const archive::ZipEntry* entry = package.find(part, archive::NameMatch::ignore_case);
    if (entry == nullptr || entry->is_directory) {
        return std::nullopt;
    }
    const std::string bytes = package.read(*entry);
    try {
        return xml::XmlDocument(bytes, file_name);
    } catch (const Error& error) {
        throw Error(file_name, entry->name + " " + error.problem());
    }
}

OfficeText::OfficeText(std::string file_name) : file_name_(std::move(file_name)) {}

void OfficeText::append(std::string_view utf8) {
    if (utf8.empty()) {
        return;
    }
    size_ += utf8.size();
    if (size_ > kMaxTextBytes) {
        throw Error(file_name_, "holds more than " + std::to_string(kMaxTextBytes >> 20) +
                                    " MB of text, more than Tema imports from one file");
    }
    if (table_depth_ > 0) {
        if (pending_cell_space_ && cell_has_text_) {
            row_ += ' ';
        }
        pending_cell_space_ = false;
        row_ += utf8;
        cell_has_text_ = true;
        return;
    }
    if (!open_) {
        begin_paragraph();
    }
    flush_page_break();
    current_.text += utf8;
}

void OfficeText::flush_page_break() {
    if (page_break_pending_) {
        page_break_pending_ = false;
        current_.text += '\n';
        label_ = Label::done;
    }
}

void OfficeText::push_line(Line line) {
    target().push_back(std::move(line));
}

void OfficeText::begin_paragraph(bool heading) {
    if (table_depth_ > 0) {
        return;  // a cell's paragraphs run on, separated by spaces (end_paragraph)
    }
    if (joining_) {
        joining_ = false;
        if (open_) {
            return;
        }
    }
    if (open_) {
        end_paragraph();
    }
    open_ = true;
    current_ = Line{};
    current_.heading = heading;
    label_ = heading || in_notes_ ? Label::done : Label::leading;
    page_break_pending_ = false;
    if (!pending_note_mark_.empty()) {
        const std::string mark = std::move(pending_note_mark_);
        pending_note_mark_.clear();
        append(mark);
        after_note_mark_ = true;
    }
}

void OfficeText::text(std::string_view utf8, bool bold) {
    std::string cleaned;
    clean_into(utf8, cleaned, table_depth_ > 0);
    if (after_note_mark_) {
        cleaned.erase(0, std::min(cleaned.find_first_not_of(" \t"), cleaned.size()));
        after_note_mark_ = cleaned.empty();
    }
    if (cleaned.empty()) {
        return;
    }
    if (table_depth_ == 0) {
        if (!open_) {
            begin_paragraph();
        }
        flush_page_break();
        // A bold label: bold characters from the start, spaces aside, until the
        // first character that is not bold.
        if (label_ != Label::done) {
            for (std::size_t i = 0; i < cleaned.size(); ++i) {
                if (cleaned[i] == ' ' || cleaned[i] == '\t') {
                    continue;
                }
                if (!bold) {
                    label_ = Label::done;
                    break;
                }
                label_ = Label::bold;
                current_.label_end = current_.text.size() + i + 1;
            }
        }
    }
    append(cleaned);
}

void OfficeText::tab() {
    if (after_note_mark_) {
        return;
    }
    if (table_depth_ > 0) {
        pending_cell_space_ = true;
        return;
    }
    append("\t");
}

void OfficeText::line_break() {
    if (table_depth_ > 0) {
        pending_cell_space_ = true;
        return;
    }
    if (!open_) {
        begin_paragraph();
    }
    page_break_pending_ = false;
    label_ = Label::done;
    append("\n");
}

void OfficeText::page_break() {
    if (table_depth_ == 0 && open_ && !current_.text.empty()) {
        page_break_pending_ = true;  // a new line only if more text follows
    }
}

void OfficeText::end_paragraph(bool joins_next) {
    after_note_mark_ = false;
    if (table_depth_ > 0) {
        pending_cell_space_ = true;
        return;
    }
    if (!open_) {
        return;
    }
    if (joins_next) {
        joining_ = true;
        return;
    }
    joining_ = false;
    open_ = false;
    page_break_pending_ = false;
    if (label_ == Label::leading) {
        current_.label_end = 0;
    }
    push_line(std::move(current_));
    current_ = Line{};
}

void OfficeText::begin_table() {
    if (table_depth_ == 0) {
        joining_ = false;
        end_paragraph();
    } else {
        pending_cell_space_ = true;
    }
    ++table_depth_;
}

void OfficeText::begin_row() {
    if (table_depth_ != 1) {
        pending_cell_space_ = true;
        return;
    }
    row_.clear();
    row_open_ = true;
    cells_in_row_ = 0;
    cell_has_text_ = false;
    pending_cell_space_ = false;
    if (!pending_note_mark_.empty()) {
        row_ = std::move(pending_note_mark_);
        pending_note_mark_.clear();
        after_note_mark_ = true;
    }
}

void OfficeText::begin_cell() {
    if (table_depth_ != 1) {
        pending_cell_space_ = true;
        return;
    }
    if (!row_open_) {
        begin_row();
    }
    if (cells_in_row_ > 0) {
        row_ += '\t';
    }
    ++cells_in_row_;
    cell_has_text_ = false;
    pending_cell_space_ = false;
}

void OfficeText::end_cell() {
    pending_cell_space_ = true;
}

void OfficeText::end_row() {
    if (table_depth_ != 1) {
        pending_cell_space_ = true;
        return;
    }
    if (row_open_) {
        push_line(Line{std::move(row_), 0, false});
        row_.clear();
        row_open_ = false;
    }
}

void OfficeText::end_table() {
    if (table_depth_ == 0) {
        return;
    }
    if (table_depth_ == 1) {
        end_row();
    } else {
        pending_cell_space_ = true;
    }
    --table_depth_;
}

void OfficeText::note_mark(int n) {
    std::string mark = "[";
    mark += std::to_string(n);
    mark += ']';
    text(mark);
}

void OfficeText::begin_note(int n) {
    while (table_depth_ > 0) {
        end_table();
    }
    joining_ = false;
    end_paragraph();
    if (!pending_note_mark_.empty()) {
        // The previous note had no paragraphs: its mark stands alone.
        std::string mark = std::move(pending_note_mark_);
        pending_note_mark_.clear();
        mark.pop_back();
        in_notes_ = true;
        push_line(Line{std::move(mark), 0, false});
    }
    in_notes_ = true;
    std::string mark(1, '[');
    mark += std::to_string(n);
    mark += "] ";
    pending_note_mark_ = std::move(mark);
}

Document OfficeText::finish(std::string format) {
    while (table_depth_ > 0) {
        end_table();
    }
    joining_ = false;
    end_paragraph();
    if (!pending_note_mark_.empty()) {
        std::string mark = std::move(pending_note_mark_);
        pending_note_mark_.clear();
        mark.pop_back();
        notes_.push_back(Line{std::move(mark), 0, false});
    }
    const auto drop_trailing_blanks = [](std::vector<Line>& lines) {
        while (!lines.empty() && is_blank(lines.back().text)) {
            lines.pop_back();
        }
    };
    drop_trailing_blanks(body_);
    drop_trailing_blanks(notes_);
    if (body_.empty() && notes_.empty()) {
        throw Error(file_name_, "holds no text to import");
    }

    // The text, and a probe copy of it in which a colon follows each bold
    // label, for find_turns. `colons` are the probe positions of those colons.
    std::string text;
    std::string probe;
    std::vector<std::uint32_t> colons;
    std::uint32_t codepoints = 0;
    for (std::size_t i = 0; i < body_.size(); ++i) {
        const Line& line = body_[i];
        if (i > 0) {
            text += '\n';
            probe += '\n';
            ++codepoints;
        }
        // A colon goes after a bold label followed, on its line, by words.
        std::size_t colon_at = std::string::npos;
        if (!line.heading && line.label_end > 0 && line.text[line.label_end - 1] != ':') {
            const std::string_view rest = std::string_view(line.text).substr(line.label_end);
            const std::string_view first_line = rest.substr(0, rest.find('\n'));
            const std::size_t words = first_line.find_first_not_of(" \t");
            if (!first_line.empty() && (first_line[0] == ' ' || first_line[0] == '\t') &&
                words != std::string_view::npos && first_line[words] != ':') {
                colon_at = line.label_end;
            }
        }
        if (colon_at == std::string::npos) {
            const std::string nfc = text::to_nfc(line.text);
            text += nfc;
            probe += nfc;
            codepoints += static_cast<std::uint32_t>(text::count_codepoints(nfc));
        } else {
            // A label ends before a space, which composes with nothing: NFC
            // of the parts is NFC of the whole.
            const std::string label = text::to_nfc(std::string_view(line.text).substr(0, colon_at));
            const std::string words = text::to_nfc(std::string_view(line.text).substr(colon_at));
            const auto label_cps = static_cast<std::uint32_t>(text::count_codepoints(label));
            colons.push_back(codepoints + label_cps + static_cast<std::uint32_t>(colons.size()));
            text += label;
            text += words;
            probe += label;
            probe += ':';
            probe += words;
            codepoints += label_cps + static_cast<std::uint32_t>(text::count_codepoints(words));
        }
    }

    Document document;
    document.turns = find_turns(probe);
    const auto unprobe = [&](std::uint32_t position) {
        const auto before = std::lower_bound(colons.begin(), colons.end(), position);
        return position - static_cast<std::uint32_t>(before - colons.begin());
    };
    for (Turn& turn : document.turns) {
        turn.start = unprobe(turn.start);
        turn.body_start = unprobe(turn.body_start);
        turn.end = unprobe(turn.end);
    }

    if (!notes_.empty()) {
        if (!body_.empty()) {
            text += "\n\n";
        }
        for (std::size_t i = 0; i < notes_.size(); ++i) {
            if (i > 0) {
                text += '\n';
            }
            text += text::to_nfc(notes_[i].text);
        }
    }
    text += '\n';
    document.text = std::move(text);
    document.encoding = "UTF-8";
    document.format = std::move(format);
    return document;
}

}  // namespace tema::import
