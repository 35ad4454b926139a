#include "import/pdf.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <unordered_set>

#include "import/pdf_apart.h"
#include "import/turns.h"
#include "text/letters.h"
#include "text/normalize.h"
#include "text/positions.h"
#include "text/utf8.h"
#include "util/error.h"

namespace tema::import {

namespace {

using pdf::Box;
using pdf::Line;
using pdf::overlap_x;
using pdf::same_row;

// A line of the document with the page it is on.
struct Item {
    const Line* line;
    std::size_t page;
};

// Geometry (in shares of a line's height, which scales with the type).
constexpr double kExtraGap = 0.3;    // more space than usual above a line: a new paragraph
constexpr double kIndent = 0.6;      // further in than the line above: a first-line indent
constexpr double kCluster = 3.0;     // lines starting this close share a column
constexpr double kSpaceWidth = 1.0;  // room for a space and for error in guessing a word's width
// More lines than this on a page and its columns are not looked for.
constexpr std::size_t kMaxColumnLines = 1000;

double height_of(const Box& b) {
    return std::max(b.height(), 0.01);
}

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::string_view first_token(std::string_view s) {
    s = trim(s);
    return s.substr(0, std::min(s.find(' '), s.size()));
}

std::string_view last_token(std::string_view s) {
    s = trim(s);
    const auto space = s.rfind(' ');
    return space == std::string_view::npos ? s : s.substr(space + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Quotes, brackets and sentence punctuation around a word: "«Ja,»" is "Ja".
std::string_view strip_punctuation(std::string_view word) {
    static constexpr std::array<std::string_view, 22> kMarks = {
        "\"", "'", "(", ")", "[", "]", ",", ".", ";", ":", "!",
        "?",  "«", "»", "“", "”", "‘", "’", "„", "…", "*", "/"};
    for (bool changed = true; changed && !word.empty();) {
        changed = false;
        for (std::string_view mark : kMarks) {
            if (starts_with(word, mark)) {
                word.remove_prefix(mark.size());
                changed = true;
            }
            if (ends_with(word, mark)) {
                word.remove_suffix(mark.size());
                changed = true;
            }
        }
    }
    return word;
}

// The line ends a sentence: . ! ? … or : last, perhaps inside quotes or brackets.
bool ends_sentence(std::string_view line) {
    line = trim(line);
    static constexpr std::array<std::string_view, 8> kClosers = {"\"", "'", ")", "]",
                                                                 "»",  "”", "’", "*"};
    for (bool changed = true; changed && !line.empty();) {
        changed = false;
        for (std::string_view closer : kClosers) {
            if (ends_with(line, closer)) {
                line.remove_suffix(closer.size());
                changed = true;
            }
        }
    }
    for (std::string_view end : {".", "!", "?", ":", "…"}) {
        if (ends_with(line, end)) {
            return true;
        }
    }
    return false;
}

bool starts_with_bullet(std::string_view line) {
    // Bullets as fonts set them; U+F0B7 and U+F0A7 are Symbol and Wingdings
    // bullets that Word's PDFs leave in the private use area.
    static constexpr std::array<std::string_view, 14> kBullets = {
        "•", "◦", "▪", "▫", "‣", "●", "○", "■", "□", "➢", "►", "✓", "\uF0B7", "\uF0A7"};
    line = trim(line);
    return std::any_of(kBullets.begin(), kBullets.end(),
                       [&](std::string_view bullet) { return starts_with(line, bullet); });
}

bool starts_small(std::string_view line) {
    return text::case_of_first(trim(line)) == text::LetterCase::lower;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

// "12", "- 12 -", "[12]", "Side 12", "s. 12", "Page 12 of 40", "12 av 40",
// "12/40", or the page's own label ("iv") in these forms.
bool is_page_number(std::string_view line, std::string_view label, std::size_t number) {
    std::string s = ascii_lower(trim(line));
    std::string words;  // `s` with decoration turned to spaces and "/" set apart
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view rest = std::string_view(s).substr(i);
        if (starts_with(rest, "–") || starts_with(rest, "—")) {
            words += ' ';
            i += 2;
        } else if (s[i] == '-' || s[i] == '[' || s[i] == ']' || s[i] == '(' || s[i] == ')' ||
                   s[i] == '|') {
            words += ' ';
        } else if (s[i] == '/') {
            words += " / ";
        } else {
            words += s[i];
        }
    }
    std::vector<std::string_view> tokens;
    for (std::string_view rest = words; !(rest = trim(rest)).empty();) {
        const std::string_view token = first_token(rest);
        tokens.push_back(token);
        rest.remove_prefix(token.size());
    }
    std::size_t at = 0;
    if (at < tokens.size()) {
        for (std::string_view word : {"page", "side", "sida", "s.", "p.", "pg.", "seite"}) {
            if (tokens[at] == word) {
                ++at;
                break;
            }
        }
    }
    if (at >= tokens.size()) {
        return false;
    }
    const std::string_view page = tokens[at++];
    const bool matches =
        page == std::to_string(number) || (!label.empty() && page == ascii_lower(label));
    if (!matches) {
        return false;
    }
    if (at == tokens.size()) {
        return true;
    }
    const bool total =
        at + 2 == tokens.size() && (tokens[at] == "of" || tokens[at] == "av" || tokens[at] == "/" ||
                                    tokens[at] == "de" || tokens[at] == "von");
    return total && std::all_of(tokens[at + 1].begin(), tokens[at + 1].end(),
                                [](char c) { return c >= '0' && c <= '9'; });
}

// The lines of all pages in order, page numbers left out.
std::vector<Item> items_of(const std::vector<pdf::Page>& pages) {
    std::vector<Item> items;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& lines = pages[p].lines;
        std::size_t first = 0;
        std::size_t end = lines.size();
        if (end > first && is_page_number(lines[first].text, pages[p].label, p + 1)) {
            ++first;
        }
        if (end > first && is_page_number(lines[end - 1].text, pages[p].label, p + 1)) {
            --end;
        }
        for (std::size_t i = first; i < end; ++i) {
            if (!trim(lines[i].text).empty()) {
                items.push_back({&lines[i], p});
            }
        }
    }
    return items;
}

// How wide the first word of `line` is, guessed from the line's width shared
// out over its characters, a space counted as half a letter.
double first_word_width(const Line& line) {
    const std::string_view text = trim(line.text);
    const auto spaces = static_cast<double>(std::count(text.begin(), text.end(), ' '));
    const double letters = static_cast<double>(text::count_codepoints(text)) - spaces;
    const double first = static_cast<double>(text::count_codepoints(first_token(text)));
    return line.box.width() * first / std::max(letters + spaces / 2, 1.0);
}

bool ends_with_hyphen(std::string_view line) {
    const std::string_view end = last_token(line);
    return end.size() > 1 &&
           (ends_with(end, "-") || ends_with(end, "\u00AD") || ends_with(end, "\u2010"));
}

// Measures of the document that the paragraph rules compare against.
class Geometry {
public:
    explicit Geometry(const std::vector<Item>& items) : items_(items) {
        // How far apart the lines of a paragraph usually are, in line heights:
        // the lower quartile of the steps between lines of one column, which
        // are mostly steps inside paragraphs.
        std::vector<double> steps;
        for (std::size_t i = 1; i < items.size(); ++i) {
            const double step =
                (line(i).box.top - line(i - 1).box.top) / height_of(line(i - 1).box);
            if (stacked(i) && std::abs(line(i - 1).font_size - line(i).font_size) <= 0.5 &&
                step > 0.5 && step < 3.0) {
                steps.push_back(step);
            }
        }
        if (!steps.empty()) {
            const auto quartile = steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 4);
            std::nth_element(steps.begin(), quartile, steps.end());
            line_step_ = *quartile;
        }
        find_columns();
        find_indent();
    }

    // Line `i` sits right below line `i - 1` in the same column.
    bool stacked(std::size_t i) const {
        const Line& a = line(i - 1);
        const Line& b = line(i);
        return items_[i - 1].page == items_[i].page && a.rotation == b.rotation &&
               overlap_x(a.box, b.box) && b.box.top > a.box.top;
    }

    // Line `i - 1` stops short of its column's right edge, with room for the
    // first word of line `i`.
    bool short_before(std::size_t i) const {
        const double room = right_edges_[i - 1] - line(i - 1).box.right;
        return room > first_word_width(line(i)) + kSpaceWidth * height_of(line(i).box);
    }

    // How far in from its column's left edge line `i` starts.
    double indent_of(std::size_t i) const { return line(i).box.left - left_edges_[i]; }

    // Line `i` starts as this document's paragraphs do, when they are marked
    // by a first-line indent.
    bool indented_start(std::size_t i) const {
        return indent_ > 0 && std::abs(indent_of(i) - indent_) <= 0.15 * height_of(line(i).box);
    }
    // The document marks paragraphs by a first-line indent.
    bool indents_paragraphs() const { return indent_ > 0; }
    double line_step() const { return line_step_; }

private:
    const Line& line(std::size_t i) const { return *items_[i].line; }

    // Each line's column: the lines of its page and direction in the same font
    // size whose left edges are near its own. The column's right edge is where
    // its long lines end: the longest line's end, or for ten lines or more the
    // end of the line a tenth from the longest, so that one heading running
    // across two columns does not widen the left one. Its left edge likewise.
    void find_columns() {
        right_edges_.resize(items_.size());
        left_edges_.resize(items_.size());
        std::size_t page_begin = 0;
        while (page_begin < items_.size()) {
            std::size_t page_end = page_begin;
            while (page_end < items_.size() && items_[page_end].page == items_[page_begin].page) {
                ++page_end;
            }
            if (page_end - page_begin > kMaxColumnLines) {
                page_wide_edges(page_begin, page_end);
                page_begin = page_end;
                continue;
            }
            for (std::size_t i = page_begin; i < page_end; ++i) {
                const Line& a = line(i);
                std::vector<double> rights;
                std::vector<double> lefts;
                for (std::size_t j = page_begin; j < page_end; ++j) {
                    const Line& b = line(j);
                    if (b.rotation == a.rotation && std::abs(b.font_size - a.font_size) <= 0.5 &&
                        std::abs(b.box.left - a.box.left) <= kCluster * height_of(a.box)) {
                        rights.push_back(b.box.right);
                        lefts.push_back(b.box.left);
                    }
                }
                std::sort(rights.begin(), rights.end(), std::greater<>());
                std::sort(lefts.begin(), lefts.end());
                right_edges_[i] = rights.empty() ? a.box.right : rights[rights.size() / 10];
                left_edges_[i] = lefts.empty() ? a.box.left : lefts[lefts.size() / 10];
            }
            page_begin = page_end;
        }
    }

    // A page of more lines than prose has (a table, a listing) in one column:
    // finding each line's column would cost the square of the lines.
    void page_wide_edges(std::size_t begin, std::size_t end) {
        std::vector<double> rights;
        std::vector<double> lefts;
        for (std::size_t i = begin; i < end; ++i) {
            rights.push_back(line(i).box.right);
            lefts.push_back(line(i).box.left);
        }
        std::sort(rights.begin(), rights.end(), std::greater<>());
        std::sort(lefts.begin(), lefts.end());
        for (std::size_t i = begin; i < end; ++i) {
            right_edges_[i] = rights[rights.size() / 10];
            left_edges_[i] = lefts[lefts.size() / 10];
        }
    }

    // A document marks paragraphs by a first-line indent when most lines that
    // follow a short line ending a sentence are indented, by one amount.
    void find_indent() {
        std::vector<double> indents;
        std::size_t flush = 0;
        for (std::size_t i = 1; i < items_.size(); ++i) {
            if (!stacked(i) || !short_before(i) || !ends_sentence(line(i - 1).text)) {
                continue;
            }
            const double indent = indent_of(i);
            if (indent > kIndent * height_of(line(i).box) && indent < 6 * height_of(line(i).box)) {
                indents.push_back(std::round(indent * 2) / 2);
            } else {
                ++flush;
            }
        }
        if (indents.size() < 3 || indents.size() < 2 * flush) {
            return;
        }
        std::sort(indents.begin(), indents.end());
        std::size_t best = 0;
        for (std::size_t i = 0, run = 0; i < indents.size(); ++i) {
            run = i > 0 && indents[i] - indents[i - 1] <= 1.0 ? run + 1 : 1;
            if (run > best) {
                best = run;
                indent_ = indents[i];
            }
        }
        if (2 * best < indents.size()) {
            indent_ = 0;
        }
    }

    const std::vector<Item>& items_;
    double line_step_ = 1.2;  // when no two lines of one column are found
    double indent_ = 0;       // the first-line indent of paragraphs; 0: not used
    std::vector<double> right_edges_;
    std::vector<double> left_edges_;
};

// Whether line `i` continues the paragraph of line `i - 1`.
bool continues(const std::vector<Item>& items, const Geometry& geometry, std::size_t i) {
    const Item& ia = items[i - 1];
    const Item& ib = items[i];
    const Line& a = *ia.line;
    const Line& b = *ib.line;
    const double h = height_of(a.box);
    const bool same_size = std::abs(a.font_size - b.font_size) <=
                           std::max(0.5, 0.08 * std::max(a.font_size, b.font_size));
    const bool same_flow = ia.page == ib.page && a.rotation == b.rotation;
    if (same_flow && same_row(a.box, b.box) && b.box.left >= a.box.right - 0.25 * h) {
        return true;  // a piece of the same line (a wide gap in a table or form)
    }
    if (!same_size || starts_with_bullet(b.text) || geometry.indented_start(i)) {
        return false;
    }
    if (!geometry.stacked(i)) {
        // A new page or column: the paragraph runs on only when it visibly
        // does: a hyphen ends the line; or paragraphs are marked by indents and
        // this line has none; or no sentence ends and either the next line
        // begins with a small letter or the line is full. A line that begins
        // a speaker's turn ("Deltaker 5: ...") never runs on from the last.
        if (!find_turns(b.text).empty()) {
            return false;
        }
        if (ends_with_hyphen(a.text)) {
            return true;
        }
        if (geometry.indents_paragraphs()) {
            return geometry.indent_of(i) <= kIndent * height_of(b.box);
        }
        return !ends_sentence(a.text) && (starts_small(b.text) || !geometry.short_before(i));
    }
    if ((b.box.top - a.box.top) / h > geometry.line_step() + kExtraGap) {
        return false;
    }
    if (b.box.left > a.box.left + kIndent * h) {
        return false;
    }
    return !geometry.short_before(i);
}

// The words written inside lines (not first or last on one): evidence of how
// the document spells a compound.
std::unordered_set<std::string> inner_words(const std::vector<Item>& items) {
    std::unordered_set<std::string> words;
    for (const Item& item : items) {
        std::string_view rest = trim(item.line->text);
        const std::string_view first = first_token(rest);
        rest.remove_prefix(first.size());
        rest = trim(rest);
        const std::string_view last = last_token(rest);
        rest.remove_suffix(last.size());
        while (!(rest = trim(rest)).empty()) {
            const std::string_view token = first_token(rest);
            const std::string_view word = strip_punctuation(token);
            if (!word.empty()) {
                words.emplace(word);
            }
            rest.remove_prefix(token.size());
        }
    }
    return words;
}

enum class Join { space, hyphen_dropped, hyphen_kept };

// How the paragraph so far, `a`, and its next line `b` are joined.
Join join_of(std::string_view a, std::string_view b, const std::unordered_set<std::string>& inner) {
    const std::string_view end = last_token(a);
    std::string_view hyphen;
    for (std::string_view h : {"-", "\u00AD", "\u2010"}) {
        if (end.size() > h.size() && ends_with(end, h)) {
            hyphen = h;
        }
    }
    if (hyphen.empty()) {
        return Join::space;
    }
    const std::string_view next = first_token(b);
    if (!starts_small(next)) {
        return Join::hyphen_kept;  // "Nord-" + "Norge", "2019-" + "2021"
    }
    const std::string_view next_word = strip_punctuation(next);
    for (std::string_view conjunction :
         {"og", "eller", "samt", "enn", "til", "and", "or", "nor", "to"}) {
        if (next_word == conjunction) {
            return Join::space;  // "helse- og omsorgssenter": a suspended hyphen
        }
    }
    if (hyphen == "\u00AD") {
        return Join::hyphen_dropped;
    }
    const std::string_view before = end.substr(0, end.size() - hyphen.size());
    const std::string_view stem = strip_punctuation(before);
    if (text::case_of_last(before) != text::LetterCase::lower || text::count_codepoints(stem) < 2) {
        return Join::hyphen_kept;  // "NAV-", "B. T.-", "e-", "2025-"
    }
    const std::string joined = std::string(stem) + std::string(next_word);
    const std::string hyphenated = std::string(stem) + "-" + std::string(next_word);
    if (inner.count(hyphenated) != 0 && inner.count(joined) == 0) {
        return Join::hyphen_kept;
    }
    return Join::hyphen_dropped;
}

// Removes the hyphen `text` ends with: "-" (one byte), U+00AD (two), U+2010 (three).
void drop_last_hyphen(std::string& text) {
    for (std::string_view hyphen : {"-", "\u00AD", "\u2010"}) {
        if (ends_with(text, hyphen)) {
            text.resize(text.size() - hyphen.size());
            return;
        }
    }
}

}  // namespace

PdfText text_of_pages(const std::vector<pdf::Page>& pages) {
    const std::vector<Item> items = items_of(pages);
    const Geometry geometry(items);
    const std::unordered_set<std::string> inner = inner_words(items);

    std::string text;
    std::vector<std::size_t> page_bytes(pages.size(), 0);  // where each page starts, in bytes
    std::size_t next_page = 0;                             // the first page not yet begun
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view line = trim(items[i].line->text);
        if (i > 0 && continues(items, geometry, i)) {
            const std::string_view paragraph = std::string_view(text).substr(text.rfind('\n') + 1);
            switch (join_of(paragraph, line, inner)) {
                case Join::space:
                    text += ' ';
                    break;
                case Join::hyphen_dropped:
                    drop_last_hyphen(text);
                    break;
                case Join::hyphen_kept:
                    break;
            }
        } else if (i > 0) {
            text += '\n';
        }
        for (; next_page <= items[i].page; ++next_page) {
            page_bytes[next_page] = text.size();
        }
        text += line;
    }
    if (!text.empty()) {
        text += '\n';
    }
    for (; next_page < pages.size(); ++next_page) {
        page_bytes[next_page] = text.size();
    }

    PdfText result;
    result.text = std::move(text);
    // Words are NFC and are joined by spaces, LFs, or directly to a word that
    // begins with a small letter, which never composes with what precedes it:
    // the whole is NFC, and byte offsets map to code points unchanged.
    const text::PositionMap positions(result.text);
    result.page_starts.reserve(pages.size());
    for (const std::size_t byte : page_bytes) {
        result.page_starts.push_back(static_cast<std::uint32_t>(positions.codepoint_of_byte(byte)));
    }
    return result;
}

Document read_pdf(std::string_view bytes, std::string_view /*encoding*/, const std::string& name) {
    return read_pdf_apart(bytes, name, pdf_reader_path());
}

Document read_pdf_here(std::string_view bytes, const std::string& name, const pdf::Limits& limits,
                       const pdf::PageDone& on_page) {
    const std::vector<pdf::Page> pages = pdf::read_pages(bytes, name, limits, on_page);
    PdfText text = text_of_pages(pages);
    if (text.text.empty()) {
        throw Error(name, "has no text to import");
    }
    Document document;
    document.encoding = "PDF";
    document.format = "pdf";
    document.text = std::move(text.text);
    document.page_count = static_cast<std::int64_t>(pages.size());
    document.page_starts = std::move(text.page_starts);
    return document;
}

}  // namespace tema::import
