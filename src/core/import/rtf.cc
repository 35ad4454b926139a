#include "import/rtf.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/encoding.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "util/error.h"

// How the reader works: one pass over the bytes, no recursion. An explicit
// stack holds what each open group changed (a destination to skip, hidden
// text, the \uc count, the font); '{' pushes a copy, '}' pops it. Control
// words act on the top of the stack. Bytes of \'hh escapes wait in a small
// buffer until something else comes, so that the two bytes of a Shift-JIS or
// Big5 character are decoded together; single-byte code pages are decoded
// through a table made once per code page.

namespace tema::import {

namespace {

constexpr char32_t kReplacement = U'\uFFFD';

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int hex_value(char c) {
    if (is_digit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// ---------------------------------------------------------------------------
// Code pages

// The Windows code page of an RTF \fcharset; 0 for the document's own.
int charset_code_page(std::int64_t charset) {
    switch (charset) {
        case 77:
            return 10000;  // Mac Roman
        case 128:
            return 932;  // Shift-JIS
        case 129:
            return 949;  // Korean
        case 130:
            return 1361;  // Johab
        case 134:
            return 936;  // GBK
        case 136:
            return 950;  // Big5
        case 161:
            return 1253;  // Greek
        case 162:
            return 1254;  // Turkish
        case 163:
            return 1258;  // Vietnamese
        case 177:
            return 1255;  // Hebrew
        case 178:
            return 1256;  // Arabic
        case 186:
            return 1257;  // Baltic
        case 204:
            return 1251;  // Cyrillic
        case 222:
            return 874;  // Thai
        case 238:
            return 1250;  // Central European
        case 254:
            return 437;  // PC-437
        case 255:
            return 850;  // OEM
        default:
            return 0;  // ANSI (0), default (1), symbol (2): the document's
    }
}

// `bytes` decoded with the ICU encoding `icu_name`, without control
// characters other than tab (line breaks are RTF's to make); nothing when the
// bytes cannot be decoded.
std::optional<std::string> decode(const std::string& icu_name, std::string_view bytes) {
    std::string utf8;
    try {
        utf8 = text::decode_text(bytes, icu_name, {}).utf8;
    } catch (const Error&) {
        return std::nullopt;
    }
    std::string clean;
    clean.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7F) {
            continue;
        }
        if (byte == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0) {
            ++i;  // U+0080-U+009F
            continue;
        }
        clean += utf8[i];
    }
    return clean;
}

// What the bytes 80-FF of an encoding are, each alone.
struct CodePage {
    std::string name;    // as ICU knows it
    bool known = false;  // ICU knows the name
    bool multibyte = false;
    std::array<std::string, 128> high;  // bytes 80-FF alone, in UTF-8 (U+FFFD: none)
    std::array<bool, 128> lead{};       // bytes 80-FF that are no character alone
};

// The code page of the ICU encoding `icu_name`. Making one takes 129
// conversions, so each thread keeps those it made (a few kB each), and the
// names ICU does not know. Both are bounded, for a process that sees many.
const CodePage& code_page_of(const std::string& icu_name) {
    thread_local std::map<std::string, CodePage, std::less<>> made;
    thread_local std::map<std::string, CodePage, std::less<>> unknown;
    if (const auto found = made.find(icu_name); found != made.end()) {
        return found->second;
    }
    if (const auto found = unknown.find(icu_name); found != unknown.end()) {
        return found->second;
    }
    CodePage page;
    page.name = icu_name;
    page.known = decode(icu_name, "a").has_value();
    if (!page.known) {
        if (unknown.size() >= 1024) {
            unknown.clear();
        }
        return unknown.emplace(icu_name, std::move(page)).first->second;
    }
    if (made.size() >= 64) {
        made.clear();
    }
    std::size_t undefined = 0;
    for (unsigned byte = 0x80; byte <= 0xFF && page.known; ++byte) {
        std::string& utf8 = page.high.at(byte - 0x80U);
        if (auto decoded = decode(icu_name, std::string(1, static_cast<char>(byte)));
            decoded && !decoded->empty()) {
            utf8 = std::move(*decoded);
        } else {
            text::append_utf8(utf8, kReplacement);
            page.lead.at(byte - 0x80U) = true;
            ++undefined;
        }
    }
    // A single-byte code page leaves a handful of bytes undefined at most; in
    // a multi-byte one, most high bytes begin a character.
    page.multibyte = undefined > 32;
    return made.emplace(icu_name, std::move(page)).first->second;
}

// Decodes the bytes of \'hh escapes in the code pages of one document.
class CodePages {
public:
    CodePages(std::string_view forced, const std::string& file_name) : forced_(forced) {
        if (!forced_.empty()) {
            // Refuses an encoding ICU does not know, as plain text does.
            text::decode_text("a", forced_, file_name);
        }
    }

    // The name of the encoding `code_page` is decoded with (the forced one
    // when there is one; Windows-1252 for a code page ICU does not know).
    const std::string& name(int code_page) { return page(code_page).name; }
    bool multibyte(int code_page) { return page(code_page).multibyte; }
    // A byte that needs the byte after it (multi-byte code pages only).
    bool is_lead(int code_page, unsigned char byte) {
        return byte >= 0x80 && page(code_page).lead.at(byte - 0x80U);
    }

    // Appends the UTF-8 of `byte` in a single-byte code page.
    void append_byte(int code_page, unsigned char byte, std::string& out) {
        if (byte < 0x80) {
            append_ascii(byte, out);
            return;
        }
        out += page(code_page).high.at(byte - 0x80U);
    }

    // Appends the UTF-8 of `bytes` in a multi-byte code page: the whole run if
    // it decodes, else character by character, U+FFFD for what does not.
    void append_run(int code_page, std::string_view bytes, std::string& out) {
        const CodePage& p = page(code_page);
        if (auto decoded = decode(p.name, bytes)) {
            out += *decoded;
            return;
        }
        std::size_t i = 0;
        while (i < bytes.size()) {
            const auto byte = static_cast<unsigned char>(bytes[i]);
            if (byte >= 0x80 && p.lead.at(byte - 0x80U) && i + 1 < bytes.size()) {
                out += pair(code_page, p, bytes.substr(i, 2));
                i += 2;
            } else if (byte >= 0x80) {
                out += p.high.at(byte - 0x80U);
                ++i;
            } else {
                append_ascii(byte, out);
                ++i;
            }
        }
    }

private:
    // A byte below 80 is ASCII in every code page; control characters other
    // than tab are dropped, as decode() drops them (found by fuzzing: \'16
    // after a Shift-JIS lead byte and a change of font).
    static void append_ascii(unsigned char byte, std::string& out) {
        if ((byte >= 0x20 && byte != 0x7F) || byte == '\t') {
            out += static_cast<char>(byte);
        }
    }

    static constexpr int kForced = -1;
    // At most this many code pages are set up for one file; more fall back to
    // Windows-1252 (a real document uses two or three).
    static constexpr std::size_t kMaxPages = 12;

    static std::string icu_name(int code_page) {
        return code_page == 10000 ? "macintosh" : "windows-" + std::to_string(code_page);
    }

    const CodePage& page(int code_page) {
        if (!forced_.empty()) {
            code_page = kForced;
        } else if (code_page <= 0) {
            code_page = 1252;
        }
        if (const auto found = pages_.find(code_page); found != pages_.end()) {
            return found->second;
        }
        if (code_page != 1252 && code_page != kForced && pages_.size() >= kMaxPages) {
            return pages_.emplace(code_page, page(1252)).first->second;
        }
        const CodePage& made = code_page_of(code_page == kForced ? forced_ : icu_name(code_page));
        if (!made.known) {
            return pages_.emplace(code_page, page(1252)).first->second;  // unknown: 1252
        }
        return pages_.emplace(code_page, made).first->second;  // a copy: the cache may go
    }

    // The UTF-8 of a lead byte and the byte after it (U+FFFD when they are
    // no character), each pair decoded once per document.
    const std::string& pair(int code_page, const CodePage& p, std::string_view bytes) {
        const auto key =
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(code_page)) << 16U) |
            (static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[0])) << 8U) |
            static_cast<unsigned char>(bytes[1]);
        if (const auto found = pairs_.find(key); found != pairs_.end()) {
            return found->second;
        }
        std::string utf8;
        if (auto decoded = decode(p.name, bytes)) {
            utf8 = std::move(*decoded);
        } else {
            text::append_utf8(utf8, kReplacement);
        }
        return pairs_.emplace(key, std::move(utf8)).first->second;
    }

    std::string forced_;
    std::map<int, CodePage> pages_;
    std::unordered_map<std::uint64_t, std::string> pairs_;
};

// ---------------------------------------------------------------------------
// Control words

// What a control word does, for the words the reader acts on.
enum class Action {
    none,            // formatting and everything else: nothing to do
    code_page,       // \ansicpgN
    ansi,            // \ansi, \mac, \pc, \pca: the document's code page (in `code_page`)
    default_font,    // \deffN
    unicode_skip,    // \ucN
    font_table,      // \fonttbl
    font,            // \fN
    font_charset,    // \fcharsetN (in the font table)
    font_code_page,  // \cpgN (in the font table)
    skipped,         // a destination whose text is not the document's
    container,       // \upr, \object: a part inside holds the text
    contents,        // \ud, \result: that part
    hidden,          // \v, \htmlrtf
    plain,           // \plain
    unicode,         // \uN
    list_label,      // \listtext, \pntext
    line_break,      // \par, \sect, \page, \line
    cell,            // \cell, \nestcell
    row,             // \row, \nestrow
    character,       // \tab, \emdash, ...: a character (in `character`)
};

struct Word {
    Action action = Action::none;
    char32_t character = 0;  // for Action::character
    int code_page = 0;       // for Action::ansi
};

const Word& word_of(std::string_view name) {
    static const std::unordered_map<std::string_view, Word> kWords = [] {
        std::unordered_map<std::string_view, Word> words = {
            {"ansicpg", {Action::code_page}},
            {"ansi", {Action::ansi, 0, 1252}},
            {"mac", {Action::ansi, 0, 10000}},
            {"pc", {Action::ansi, 0, 437}},
            {"pca", {Action::ansi, 0, 850}},
            {"deff", {Action::default_font}},
            {"uc", {Action::unicode_skip}},
            {"fonttbl", {Action::font_table}},
            {"f", {Action::font}},
            {"fcharset", {Action::font_charset}},
            {"cpg", {Action::font_code_page}},
            {"upr", {Action::container}},
            {"object", {Action::container}},
            {"ud", {Action::contents}},
            {"result", {Action::contents}},
            {"v", {Action::hidden}},
            {"htmlrtf", {Action::hidden}},
            {"plain", {Action::plain}},
            {"u", {Action::unicode}},
            {"listtext", {Action::list_label}},
            {"pntext", {Action::list_label}},
            {"par", {Action::line_break}},
            {"sect", {Action::line_break}},
            {"page", {Action::line_break}},
            {"line", {Action::line_break}},
            {"cell", {Action::cell}},
            {"nestcell", {Action::cell}},
            {"row", {Action::row}},
            {"nestrow", {Action::row}},
            {"tab", {Action::character, U'\t'}},
            {"emdash", {Action::character, U'\u2014'}},
            {"endash", {Action::character, U'\u2013'}},
            {"lquote", {Action::character, U'\u2018'}},
            {"rquote", {Action::character, U'\u2019'}},
            {"ldblquote", {Action::character, U'\u201C'}},
            {"rdblquote", {Action::character, U'\u201D'}},
            {"bullet", {Action::character, U'\u2022'}},
            {"emspace", {Action::character, U'\u2003'}},
            {"enspace", {Action::character, U'\u2002'}},
            {"qmspace", {Action::character, U'\u2005'}},
            {"zwj", {Action::character, U'\u200D'}},
            {"zwnj", {Action::character, U'\u200C'}},
            {"zwbo", {Action::character, U'\u200B'}},
        };
        // Groups whose text is not the document's: tables, metadata,
        // pictures, headers and footers, notes, comments, field instructions,
        // index entries, shapes. (Any \* destination is skipped too.)
        for (const std::string_view skipped :
             {"aftncn",     "aftnsep",   "aftnsepc",   "annotation", "atnauthor",
              "atndate",    "atnicn",    "atnid",      "atnref",     "atntime",
              "atrfend",    "atrfstart", "author",     "bkmkend",    "bkmkstart",
              "colortbl",   "comment",   "datafield",  "do",         "doccomm",
              "docvar",     "falt",      "fldinst",    "filetbl",    "footer",
              "footerf",    "footerl",   "footerr",    "footnote",   "ftncn",
              "ftnsep",     "ftnsepc",   "header",     "headerf",    "headerl",
              "headerr",    "info",      "keywords",   "listtable",  "listoverridetable",
              "nonshppict", "objdata",   "operator",   "pict",       "pn",
              "pntxta",     "pntxtb",    "revtbl",     "rxe",        "shp",
              "shpinst",    "shprslt",   "stylesheet", "subject",    "tc",
              "template",   "title",     "xe"}) {
            words.emplace(skipped, Word{Action::skipped});
        }
        return words;
    }();
    static const Word kNone{};
    const auto found = kWords.find(name);
    return found == kWords.end() ? kNone : found->second;
}

// ---------------------------------------------------------------------------
// The reader

class RtfReader {
public:
    RtfReader(std::string_view bytes, std::string_view encoding, const std::string& name)
        : bytes_(bytes), name_(name), code_pages_(encoding, name) {}

    Document read();

private:
    enum class Destination { body, font_table };

    // What a group changes; the groups inside it start from a copy.
    struct Group {
        bool skip = false;        // a destination whose text is not the document's
        bool hidden = false;      // \v, \htmlrtf
        bool container = false;   // \upr or \object: a part inside holds the text
        bool outer_skip = false;  // `skip` outside the container
        bool list_label = false;  // \listtext, \pntext: a list item's number or bullet
        Destination destination = Destination::body;
        std::int64_t uc = 1;  // fallback characters after \uN
        std::int64_t font = -1;
    };

    Group& group() { return stack_.back(); }
    bool visible() const { return !stack_.back().skip && !stack_.back().hidden; }

    void open_group();
    void close_group();
    void read_control();
    void control_word(std::string_view name, std::optional<std::int64_t> param);
    void control_symbol(char c);
    void unicode(std::int64_t value);
    void text_byte(unsigned char byte);
    void text_ascii(char c);
    void emit(char32_t c);
    void flush();
    void end_list_label();
    int code_page() const;
    bool symbol_font() const;

    std::string_view bytes_;
    const std::string& name_;
    CodePages code_pages_;
    std::size_t pos_ = 0;
    std::vector<Group> stack_;
    std::string out_;

    std::int64_t fallback_ = 0;  // \uN fallback characters still to skip
    bool star_ = false;          // \* came: the next control word is an optional destination
    char32_t high_surrogate_ = 0;
    std::string pending_;  // bytes of a multi-byte code page, not yet decoded
    int pending_code_page_ = 0;
    bool expect_trail_ = false;                 // pending_ ends with a lead byte
    std::size_t cell_end_ = std::string::npos;  // out_.size() right after a \cell

    int document_code_page_ = 1252;
    std::int64_t default_font_ = -1;
    std::int64_t font_in_table_ = -1;
    std::map<std::int64_t, int> font_code_pages_;
    std::vector<std::int64_t> symbol_fonts_;  // \fcharset2: Symbol, Wingdings
    std::size_t label_start_ = 0;             // where the list label in hand began in out_
};

bool RtfReader::symbol_font() const {
    const std::int64_t font = stack_.back().font;
    return font >= 0 &&
           std::find(symbol_fonts_.begin(), symbol_fonts_.end(), font) != symbol_fonts_.end();
}

int RtfReader::code_page() const {
    const std::int64_t font = stack_.back().font;
    if (font >= 0) {
        if (const auto found = font_code_pages_.find(font);
            found != font_code_pages_.end() && found->second > 0) {
            return found->second;
        }
    }
    return document_code_page_;
}

void RtfReader::open_group() {
    if (stack_.size() >= static_cast<std::size_t>(kMaxRtfDepth)) {
        throw Error(name_, "nests groups more than " + std::to_string(kMaxRtfDepth) +
                               " deep: it is damaged, or not a real RTF document");
    }
    stack_.push_back(stack_.back());
}

void RtfReader::close_group() {
    const bool label = stack_.back().list_label;
    stack_.pop_back();
    if (label && (stack_.empty() || !stack_.back().list_label)) {
        end_list_label();
    }
}

// A list label shows as written and one space: "1. ", "a) ", "• ". Bullets
// from symbol fonts (Symbol, Wingdings, OpenSymbol's private-use characters)
// become "•"; a label with nothing to show (a heading's tab) goes.
void RtfReader::end_list_label() {
    flush();
    std::string_view label = std::string_view(out_).substr(std::min(label_start_, out_.size()));
    while (!label.empty() && (label.front() == ' ' || label.front() == '\t')) {
        label.remove_prefix(1);
    }
    while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) {
        label.remove_suffix(1);
    }
    std::string shown;
    for (std::size_t i = 0; i < label.size(); ++i) {
        // U+F000-U+F0FF, the private-use characters of symbol fonts: EF 80 80 - EF 83 BF.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(label[k]); };
        if (byte(i) == 0xEF && i + 2 < label.size() && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x83) {
            text::append_utf8(shown, U'\u2022');
            i += 2;
        } else {
            shown += label[i];
        }
    }
    out_.resize(std::min(label_start_, out_.size()));
    if (!shown.empty()) {
        out_ += shown;
        out_ += ' ';
    }
}

// Decodes what waits in pending_, and ends a lone high surrogate.
void RtfReader::flush() {
    if (!pending_.empty()) {
        code_pages_.append_run(pending_code_page_, pending_, out_);
        pending_.clear();
        expect_trail_ = false;
    }
    if (high_surrogate_ != 0) {
        text::append_utf8(out_, kReplacement);
        high_surrogate_ = 0;
    }
}

// A character of the text (not of a code page byte).
void RtfReader::emit(char32_t c) {
    flush();
    if (c == U'\t' || c == U'\n') {
        out_ += static_cast<char>(c);
        return;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return;  // control characters; surrogates are paired in unicode()
    }
    text::append_utf8(out_, c);
}

void RtfReader::text_ascii(char c) {
    if (expect_trail_) {
        // The second byte of a multi-byte character, written as itself.
        pending_ += c;
        expect_trail_ = false;
        return;
    }
    emit(static_cast<char32_t>(static_cast<unsigned char>(c)));
}

void RtfReader::text_byte(unsigned char byte) {
    if (byte < 0x80 && !expect_trail_) {
        if (byte >= 0x20 || byte == '\t') {
            emit(byte);
        }
        return;
    }
    if (group().list_label && symbol_font()) {
        emit(U'\u2022');  // a bullet in the Symbol or Wingdings font
        return;
    }
    const int page = code_page();
    if (!code_pages_.multibyte(page)) {
        flush();
        code_pages_.append_byte(page, byte, out_);
        return;
    }
    if (!pending_.empty() && pending_code_page_ != page) {
        flush();
    }
    if (high_surrogate_ != 0) {
        flush();
    }
    pending_ += static_cast<char>(byte);
    pending_code_page_ = page;
    if (expect_trail_) {
        expect_trail_ = false;
    } else {
        expect_trail_ = code_pages_.is_lead(page, byte);
    }
}

void RtfReader::unicode(std::int64_t value) {
    fallback_ = group().uc;
    if (!visible()) {
        return;
    }
    const std::int64_t u = value < 0 ? value + 65536 : value;
    if (u <= 0 || u > 0x10FFFF) {
        emit(u == 0 ? U'\0' : kReplacement);
        return;
    }
    const auto c = static_cast<char32_t>(u);
    if (c >= 0xD800 && c <= 0xDBFF) {
        flush();
        high_surrogate_ = c;
        return;
    }
    if (c >= 0xDC00 && c <= 0xDFFF) {
        if (high_surrogate_ != 0) {
            const char32_t joined = 0x10000 + ((high_surrogate_ - 0xD800) << 10U) + (c - 0xDC00);
            high_surrogate_ = 0;
            emit(joined);
        } else {
            emit(kReplacement);
        }
        return;
    }
    emit(c);
}

void RtfReader::control_symbol(char c) {
    switch (c) {
        case '*':
            star_ = true;
            return;
        case '\\':
        case '{':
        case '}':
            if (visible()) {
                text_ascii(c);
            }
            return;
        default:
            break;
    }
    if (!visible()) {
        return;
    }
    switch (c) {
        case '~':
            emit(U'\u00A0');
            break;
        case '_':
            emit(U'\u2011');
            break;
        case '\n':
        case '\r':
            emit(U'\n');  // "\" at the end of a line is \par
            break;
        default:
            break;  // \- optional hyphen, \: index subentry, \| formula: nothing to show
    }
}

void RtfReader::control_word(std::string_view name, std::optional<std::int64_t> param) {
    Group& g = group();
    const bool starred = star_;
    star_ = false;
    const Word& word = word_of(name);
    const auto code_page_param = [&] {
        return param && *param > 0 && *param < 100000 ? static_cast<int>(*param) : 0;
    };

    // Code pages and fonts count wherever they are.
    switch (word.action) {
        case Action::code_page:
            if (code_page_param() > 0) {
                document_code_page_ = code_page_param();
            }
            return;
        case Action::ansi:
            document_code_page_ = word.code_page;
            return;
        case Action::default_font:
            if (param) {
                default_font_ = *param;
                g.font = *param;  // text before any \f is in the default font
            }
            return;
        case Action::unicode_skip:
            g.uc = std::max<std::int64_t>(0, param.value_or(1));
            return;
        case Action::font_table:
            g.destination = Destination::font_table;
            g.skip = true;
            return;
        default:
            break;
    }
    if (g.destination == Destination::font_table) {
        if (word.action == Action::font && param) {
            font_in_table_ = *param;
        } else if (word.action == Action::font_charset && param && font_in_table_ >= 0) {
            font_code_pages_[font_in_table_] = charset_code_page(*param);
            if (*param == 2) {
                symbol_fonts_.push_back(font_in_table_);
            }
        } else if (word.action == Action::font_code_page && code_page_param() > 0 &&
                   font_in_table_ >= 0) {
            font_code_pages_[font_in_table_] = code_page_param();
        } else if (starred || word.action == Action::skipped) {
            g.skip = true;
        }
        return;
    }

    // Destinations.
    if (word.action == Action::container) {
        g.outer_skip = g.skip;
        g.container = true;
        g.skip = true;
        return;
    }
    if (word.action == Action::contents && g.container) {
        g.skip = g.outer_skip;
        g.container = false;
        return;
    }
    if (starred || word.action == Action::skipped) {
        g.skip = true;
        return;
    }
    if (g.skip) {
        return;
    }

    switch (word.action) {
        // Character formatting that hides text or changes the font.
        case Action::hidden:
            g.hidden = param.value_or(1) != 0;
            return;
        case Action::plain:
            g.hidden = false;
            g.font = default_font_;
            return;
        case Action::font:
            if (param) {
                g.font = *param;
            }
            return;
        case Action::unicode:
            if (param) {
                unicode(*param);
            }
            return;
        case Action::list_label:
            if (!g.list_label) {
                flush();
                g.list_label = true;
                label_start_ = out_.size();
            }
            return;
        // Breaks count in hidden text too: a hidden run at a paragraph's end
        // must not join two paragraphs.
        case Action::line_break:
            emit(U'\n');
            return;
        case Action::cell:
            emit(U'\t');
            cell_end_ = out_.size();
            return;
        case Action::row:
            flush();
            if (out_.size() == cell_end_ && !out_.empty() && out_.back() == '\t') {
                out_.pop_back();  // no tab after the last cell of a row
            }
            emit(U'\n');
            return;
        case Action::character:
            if (!g.hidden) {
                emit(word.character);
            }
            return;
        default:
            return;
    }
}

// Reads what follows a backslash: a control word with its parameter, a hex
// byte, or a control symbol; and acts on it unless it is an \uN fallback.
void RtfReader::read_control() {
    ++pos_;  // the backslash
    if (pos_ >= bytes_.size()) {
        return;
    }
    const char first = bytes_[pos_];
    if (is_letter(first)) {
        const std::size_t start = pos_;
        while (pos_ < bytes_.size() && is_letter(bytes_[pos_])) {
            ++pos_;
        }
        const std::string_view word = bytes_.substr(start, pos_ - start);
        std::optional<std::int64_t> param;
        bool negative = false;
        if (pos_ + 1 < bytes_.size() && bytes_[pos_] == '-' && is_digit(bytes_[pos_ + 1])) {
            negative = true;
            ++pos_;
        }
        if (pos_ < bytes_.size() && is_digit(bytes_[pos_])) {
            std::int64_t value = 0;
            while (pos_ < bytes_.size() && is_digit(bytes_[pos_])) {
                value = std::min<std::int64_t>(value * 10 + (bytes_[pos_] - '0'), 1'000'000'000);
                ++pos_;
            }
            param = negative ? -value : value;
        }
        if (pos_ < bytes_.size() && bytes_[pos_] == ' ') {
            ++pos_;  // the space that ends a control word is no text
        }
        if (word == "bin") {
            // Binary data: skipped wherever it is, without looking into it.
            const auto length =
                static_cast<std::size_t>(std::max<std::int64_t>(0, param.value_or(0)));
            pos_ += std::min(length, bytes_.size() - pos_);
            fallback_ = std::max<std::int64_t>(0, fallback_ - 1);
            return;
        }
        if (fallback_ > 0) {
            --fallback_;
            return;
        }
        control_word(word, param);
        return;
    }
    ++pos_;
    if (first == '\'') {
        int value = 0;
        int digits = 0;
        while (digits < 2 && pos_ < bytes_.size() && hex_value(bytes_[pos_]) >= 0) {
            value = value * 16 + hex_value(bytes_[pos_]);
            ++pos_;
            ++digits;
        }
        if (fallback_ > 0) {
            --fallback_;
            return;
        }
        if (digits == 2 && visible()) {
            text_byte(static_cast<unsigned char>(value));
        }
        return;
    }
    if (fallback_ > 0) {
        --fallback_;
        return;
    }
    control_symbol(first);
}

Document RtfReader::read() {
    // "{\rtf", perhaps after white space or a UTF-8 byte-order mark.
    std::size_t begin = 0;
    if (bytes_.starts_with("\xEF\xBB\xBF")) {
        begin = 3;
    }
    while (begin < bytes_.size() && (bytes_[begin] == ' ' || bytes_[begin] == '\t' ||
                                     bytes_[begin] == '\r' || bytes_[begin] == '\n')) {
        ++begin;
    }
    if (!bytes_.substr(begin).starts_with("{\\rtf")) {
        throw Error(name_, "is not an RTF document (it does not begin with {\\rtf)");
    }
    pos_ = begin + 1;
    stack_.push_back(Group{});

    while (pos_ < bytes_.size() && !stack_.empty()) {
        const char c = bytes_[pos_];
        switch (c) {
            case '{':
                flush();
                fallback_ = 0;
                star_ = false;
                open_group();
                ++pos_;
                break;
            case '}':
                flush();
                fallback_ = 0;
                star_ = false;
                close_group();
                ++pos_;
                break;
            case '\\':
                read_control();
                break;
            case '\r':
            case '\n':
                ++pos_;  // line ends in the file are no text
                break;
            default:
                ++pos_;
                if (fallback_ > 0) {
                    --fallback_;
                } else if (visible()) {
                    const auto byte = static_cast<unsigned char>(c);
                    if (byte >= 0x20 && byte < 0x7F) {
                        text_ascii(c);
                    } else if (byte >= 0x80 || byte == '\t') {
                        text_byte(byte);  // raw bytes in the document's code page
                    }
                }
                break;
        }
    }
    if (!stack_.empty()) {
        throw Error(name_, "ends inside " + std::to_string(stack_.size()) +
                               (stack_.size() == 1 ? " group" : " groups") +
                               ": the file is incomplete (cut short) or damaged");
    }
    flush();

    // Lines without trailing white space; no blank lines at either end.
    std::string lines;
    lines.reserve(out_.size() + 1);
    std::size_t start = 0;
    while (start < out_.size()) {
        std::size_t end = out_.find('\n', start);
        if (end == std::string::npos) {
            end = out_.size();
        }
        std::size_t last = end;
        while (last > start && (out_[last - 1] == ' ' || out_[last - 1] == '\t')) {
            --last;
        }
        if (!(lines.empty() && last == start)) {
            lines.append(out_, start, last - start);
            lines += '\n';
        }
        start = end + 1;
    }
    while (!lines.empty() && lines.back() == '\n') {
        lines.pop_back();
    }
    const bool blank = std::all_of(lines.begin(), lines.end(),
                                   [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
    if (blank) {
        throw Error(name_, "holds no text to import");
    }
    lines += '\n';

    Document document;
    document.text = text::to_nfc(lines);
    document.encoding = code_pages_.name(document_code_page_);
    document.format = "rtf";
    return document;
}

}  // namespace

Document read_rtf(std::string_view bytes, std::string_view encoding, const std::string& name) {
    return RtfReader(bytes, encoding, name).read();
}

}  // namespace tema::import
