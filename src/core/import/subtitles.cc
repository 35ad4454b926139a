#include "import/subtitles.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "import/turns.h"
#include "model/source.h"
#include "text/encoding.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "util/error.h"

namespace tema::import {

namespace {

enum class Flavor { srt, vtt };

constexpr auto npos = std::string_view::npos;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
    return c == ' ' || c == '\t';
}
bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
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

bool is_blank(std::string_view line) {
    return trim(line).empty();
}

bool is_number(std::string_view line) {
    line = trim(line);
    if (line.empty()) {
        return false;
    }
    for (const char c : line) {
        if (!is_digit(c)) {
            return false;
        }
    }
    return true;
}

std::uint32_t codepoints(std::string_view utf8) {
    return static_cast<std::uint32_t>(text::count_codepoints(utf8));
}

// Byte offset of code point `n` in valid UTF-8 (the size when there are fewer).
std::size_t byte_of_codepoint(std::string_view utf8, std::uint32_t n) {
    std::size_t i = 0;
    for (std::uint32_t k = 0; k < n && i < utf8.size(); ++k) {
        ++i;
        while (i < utf8.size() && is_continuation(utf8[i])) {
            ++i;
        }
    }
    return i;
}

// The start of a line, for a message: at most 40 characters of it.
std::string snippet(std::string_view line) {
    line = trim(line);
    const std::size_t cut = byte_of_codepoint(line, 40);
    std::string shown(line.substr(0, cut));
    if (cut < line.size()) {
        shown += "...";
    }
    return shown;
}

std::string at_line(const std::string& name, std::size_t line) {
    return name + ", line " + std::to_string(line);
}

std::string example_time_line(Flavor flavor) {
    return flavor == Flavor::srt ? "00:00:01,000 --> 00:00:04,000"
                                 : "00:00:01.000 --> 00:00:04.000";
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == npos) {
            end = text.size();
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// ---------------------------------------------------------------------------
// Times

// Reads at most `max` digits at s[pos] into `value`; returns how many it read.
std::size_t read_digits(std::string_view s, std::size_t& pos, std::size_t max,
                        std::int64_t& value) {
    value = 0;
    std::size_t count = 0;
    while (pos < s.size() && is_digit(s[pos]) && count < max) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++count;
    }
    return count;
}

// A time at s[pos]: "hh:mm:ss,mmm", "hh:mm:ss.mmm" or "mm:ss.mmm"; hours may
// have any number of digits up to seven, the fraction one to three digits or
// none. Advances `pos` past it.
std::optional<std::int64_t> read_time(std::string_view s, std::size_t& pos) {
    std::size_t p = pos;
    std::array<std::int64_t, 3> parts{};
    std::size_t count = 0;
    std::int64_t value = 0;
    if (read_digits(s, p, 7, value) == 0) {
        return std::nullopt;
    }
    parts.at(count++) = value;
    while (count < 3 && p < s.size() && s[p] == ':') {
        ++p;
        if (read_digits(s, p, 2, value) != 2) {
            return std::nullopt;
        }
        parts.at(count++) = value;
    }
    if (count < 2 || (p < s.size() && (s[p] == ':' || is_digit(s[p])))) {
        return std::nullopt;
    }
    std::int64_t millis = 0;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
        ++p;
        const std::size_t digits = read_digits(s, p, 3, millis);
        if (digits == 0 || (p < s.size() && is_digit(s[p]))) {
            return std::nullopt;
        }
        for (std::size_t d = digits; d < 3; ++d) {
            millis *= 10;
        }
    }
    const std::int64_t hours = count == 3 ? parts[0] : 0;
    const std::int64_t minutes = count == 3 ? parts[1] : parts[0];
    const std::int64_t seconds = count == 3 ? parts[2] : parts[1];
    if (minutes > 59 || seconds > 59) {
        return std::nullopt;
    }
    pos = p;
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

// A line meant as a cue's time line: it has the arrow, or begins with a time.
bool looks_like_time_line(std::string_view line) {
    line = trim(line);
    std::size_t pos = 0;
    return line.find("-->") != npos || read_time(line, pos).has_value();
}

// The start time of the time line `line` ("start --> end", perhaps followed by
// cue settings); or why it is none.
struct TimeLine {
    std::optional<std::int64_t> start_ms;
    std::string problem;
};

TimeLine read_time_line(std::string_view line) {
    line = trim(line);
    std::size_t pos = 0;
    const auto start = read_time(line, pos);
    if (!start) {
        return {std::nullopt, "cannot read the start time"};
    }
    while (pos < line.size() && is_space(line[pos])) {
        ++pos;
    }
    if (line.substr(pos, 3) != "-->") {
        return {std::nullopt, "expected '-->' after the start time"};
    }
    pos += 3;
    while (pos < line.size() && is_space(line[pos])) {
        ++pos;
    }
    if (!read_time(line, pos)) {
        return {std::nullopt, "cannot read the end time"};
    }
    // What follows the end time are cue settings ("align:start", "X1:40"): ignored.
    if (pos < line.size() && !is_space(line[pos])) {
        return {std::nullopt, "cannot read the end time"};
    }
    return {start, {}};
}

// ---------------------------------------------------------------------------
// Cues

struct Cue {
    std::int64_t start_ms = 0;
    std::vector<std::string_view> lines;  // the words, as written
};

bool begins_block(std::string_view line, std::string_view keyword) {
    return line.starts_with(keyword) &&
           (line.size() == keyword.size() || is_space(line[keyword.size()]));
}

std::vector<Cue> read_cues(std::string_view text, const std::string& name, Flavor flavor) {
    const std::vector<std::string_view> lines = split_lines(text);
    std::vector<Cue> cues;
    std::size_t i = 0;
    // The WebVTT header: "WEBVTT" and the lines up to the first blank one.
    if (!lines.empty() && lines[0].starts_with("WEBVTT")) {
        flavor = Flavor::vtt;
        ++i;
        while (i < lines.size() && !is_blank(lines[i]) && lines[i].find("-->") == npos) {
            ++i;
        }
    }
    const std::string example = "(a time line looks like " + example_time_line(flavor) + ")";
    auto read_start = [&](std::size_t at) {
        const TimeLine time = read_time_line(lines[at]);
        if (!time.start_ms) {
            throw Error(at_line(name, at + 1),
                        time.problem + " in '" + snippet(lines[at]) + "' " + example);
        }
        return *time.start_ms;
    };

    bool in_cue = false;
    while (i < lines.size()) {
        const std::string_view line = lines[i];
        if (is_blank(line)) {
            in_cue = false;
            ++i;
            continue;
        }
        if (in_cue) {
            // A time line among a cue's words begins the next cue: the blank
            // line between them was left out (and the line before it, when a
            // number, is that cue's number).
            if (line.find("-->") != npos && read_time_line(line).start_ms) {
                Cue& last = cues.back();
                if (!last.lines.empty() && is_number(last.lines.back())) {
                    last.lines.pop_back();
                }
                cues.push_back({read_start(i), {}});
            } else {
                cues.back().lines.push_back(line);
            }
            ++i;
            continue;
        }
        if (flavor == Flavor::vtt && (begins_block(line, "NOTE") || begins_block(line, "STYLE") ||
                                      begins_block(line, "REGION"))) {
            while (i < lines.size() && !is_blank(lines[i])) {
                ++i;
            }
            continue;
        }
        if (looks_like_time_line(line)) {
            cues.push_back({read_start(i), {}});
            in_cue = true;
            ++i;
            continue;
        }
        if (i + 1 < lines.size() && looks_like_time_line(lines[i + 1])) {
            ++i;  // the cue's number or identifier
            continue;
        }
        if (is_number(line)) {
            const std::string number(trim(line));
            if (i + 1 < lines.size() && !is_blank(lines[i + 1])) {
                throw Error(at_line(name, i + 2), "expected the times of cue " + number +
                                                      ", found '" + snippet(lines[i + 1]) + "' " +
                                                      example);
            }
            throw Error(at_line(name, i + 1), "cue " + number + " has no times " + example);
        }
        if (!cues.empty()) {
            // Words after a blank line in a cue are still that cue's words.
            cues.back().lines.push_back(line);
            in_cue = true;
            ++i;
            continue;
        }
        throw Error(at_line(name, i + 1),
                    "expected a subtitle cue, found '" + snippet(line) + "' " + example);
    }
    return cues;
}

// ---------------------------------------------------------------------------
// A cue's words: tags, character references, speakers

// A run of a cue's words with one speaker: a cue line, or the part of one
// after a voice tag.
struct Piece {
    std::size_t cue = 0;
    bool cue_start = false;   // the first piece of its cue
    std::string speaker;      // named here (voice tag or label); empty: nobody
    bool label_only = false;  // the line held a label and no words ("Moderator:")
    std::string text;         // single spaces, no tags, NFC
};

// HTML character references that subtitles use.
std::optional<char32_t> named_reference(std::string_view name) {
    static const std::map<std::string_view, char32_t> kNames = {
        {"amp", U'&'},         {"lt", U'<'},          {"gt", U'>'},          {"quot", U'"'},
        {"apos", U'\''},       {"nbsp", U'\u00A0'},   {"lrm", U'\u200E'},    {"rlm", U'\u200F'},
        {"ndash", U'\u2013'},  {"mdash", U'\u2014'},  {"hellip", U'\u2026'}, {"lsquo", U'\u2018'},
        {"rsquo", U'\u2019'},  {"ldquo", U'\u201C'},  {"rdquo", U'\u201D'},  {"laquo", U'\u00AB'},
        {"raquo", U'\u00BB'},  {"aelig", U'\u00E6'},  {"AElig", U'\u00C6'},  {"oslash", U'\u00F8'},
        {"Oslash", U'\u00D8'}, {"aring", U'\u00E5'},  {"Aring", U'\u00C5'},  {"eacute", U'\u00E9'},
        {"Eacute", U'\u00C9'}, {"egrave", U'\u00E8'}, {"agrave", U'\u00E0'}, {"auml", U'\u00E4'},
        {"Auml", U'\u00C4'},   {"ouml", U'\u00F6'},   {"Ouml", U'\u00D6'},   {"uuml", U'\u00FC'},
        {"Uuml", U'\u00DC'},   {"szlig", U'\u00DF'},  {"euro", U'\u20AC'},   {"copy", U'\u00A9'},
        {"reg", U'\u00AE'},    {"trade", U'\u2122'},  {"deg", U'\u00B0'},    {"middot", U'\u00B7'},
        {"bull", U'\u2022'},   {"times", U'\u00D7'},  {"shy", U'\u00AD'},    {"ensp", U'\u2002'},
        {"emsp", U'\u2003'},   {"thinsp", U'\u2009'}, {"zwj", U'\u200D'},    {"zwnj", U'\u200C'},
    };
    const auto found = kNames.find(name);
    if (found == kNames.end()) {
        return std::nullopt;
    }
    return found->second;
}

// "#233" or "#xE9".
std::optional<char32_t> numeric_reference(std::string_view name) {
    if (name.size() < 2 || name[0] != '#') {
        return std::nullopt;
    }
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) {
        return std::nullopt;
    }
    std::uint32_t value = 0;
    for (const char c : digits) {
        if (hex ? !is_hex_digit(c) : !is_digit(c)) {
            return std::nullopt;
        }
        const std::uint32_t digit = is_digit(c) ? static_cast<std::uint32_t>(c - '0')
                                                : static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
        value = value * (hex ? 16U : 10U) + digit;
    }
    if (value == 0 || value > 0x10FFFFU || (value >= 0xD800U && value <= 0xDFFFU)) {
        return std::nullopt;
    }
    return static_cast<char32_t>(value);
}

void append_space(std::string& out) {
    if (!out.empty() && out.back() != ' ') {
        out += ' ';
    }
}

// Trims spaces and no-break spaces at both ends.
std::string trim_words(std::string_view s) {
    constexpr std::string_view kNbsp = "\xC2\xA0";
    for (;;) {
        if (!s.empty() && s.front() == ' ') {
            s.remove_prefix(1);
        } else if (s.starts_with(kNbsp)) {
            s.remove_prefix(kNbsp.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (!s.empty() && s.back() == ' ') {
            s.remove_suffix(1);
        } else if (s.ends_with(kNbsp)) {
            s.remove_suffix(kNbsp.size());
        } else {
            break;
        }
    }
    return std::string(s);
}

// Single spaces between the words of a label, none around it, and no
// control characters.
std::string clean_label(std::string_view label) {
    std::string out;
    for (const char c : label) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_space(c) || byte < 0x20 || byte == 0x7F) {
            append_space(out);
        } else {
            out += c;
        }
    }
    return trim_words(out);
}

// True for what between < and > is a tag: <i>, </b>, <c.name>, <v Kari>,
// <font color="...">, or a time stamp <00:00:01.000>. "<3" is no tag.
bool is_tag(std::string_view tag) {
    if (tag.empty()) {
        return false;
    }
    if (is_ascii_alpha(tag[0]) || tag[0] == '/') {
        return true;
    }
    std::size_t pos = 0;
    return read_time(tag, pos).has_value() && pos == tag.size();
}

// The speaker a voice tag names ("v Kari", "v.loud Kari Nordmann"), or "".
std::optional<std::string> voice_of(std::string_view tag) {
    if (tag.empty() || tag[0] != 'v' || (tag.size() > 1 && !is_space(tag[1]) && tag[1] != '.')) {
        return std::nullopt;
    }
    std::size_t pos = 1;
    while (pos < tag.size() && !is_space(tag[pos])) {
        ++pos;  // classes: ".loud.first"
    }
    return clean_label(tag.substr(pos));
}

// Adds the words of one cue line to `pieces`, starting a new piece; a voice
// tag in the middle of the line starts another.
void read_cue_line(std::string_view line, std::size_t cue, bool cue_start,
                   std::vector<Piece>& pieces) {
    pieces.push_back({cue, cue_start, {}, false, {}});
    // Where the next '>' and '}' are, looked up once per run of text, so that
    // a line of many '<' without '>' costs no more than its length.
    std::size_t next_gt = 0;
    bool gt_known = false;
    std::size_t next_brace = 0;
    bool brace_known = false;
    auto find_from = [&line](char c, std::size_t from, std::size_t& cached, bool& known) {
        if (!known || (cached != npos && cached < from)) {
            cached = line.find(c, from);
            known = true;
        }
        return cached;
    };

    std::size_t i = 0;
    while (i < line.size()) {
        std::string& out = pieces.back().text;
        const char c = line[i];
        if (c == '<') {
            const std::size_t close = find_from('>', i + 1, next_gt, gt_known);
            const std::string_view tag =
                close == npos ? std::string_view() : line.substr(i + 1, close - i - 1);
            if (close != npos && is_tag(tag)) {
                if (const auto voice = voice_of(tag); voice && !voice->empty()) {
                    if (trim_words(out).empty()) {
                        pieces.back().speaker = *voice;
                    } else {
                        pieces.push_back({cue, false, *voice, false, {}});
                    }
                } else if (tag == "br" || tag == "br/" || tag == "br /") {
                    append_space(out);
                }
                i = close + 1;
                continue;
            }
        } else if (c == '{' && i + 1 < line.size() && line[i + 1] == '\\') {
            // An override tag of the ASS subtitle format that SubRip files carry: {\an8}.
            const std::size_t close = find_from('}', i + 1, next_brace, brace_known);
            if (close != npos) {
                i = close + 1;
                continue;
            }
        } else if (c == '&') {
            std::size_t end = i + 1;
            while (end < line.size() && end - i <= 32 &&
                   (is_ascii_alpha(line[end]) || is_digit(line[end]) || line[end] == '#')) {
                ++end;
            }
            if (end < line.size() && line[end] == ';') {
                const std::string_view name = line.substr(i + 1, end - i - 1);
                std::optional<char32_t> decoded = named_reference(name);
                if (!decoded) {
                    decoded = numeric_reference(name);
                }
                if (decoded) {
                    if (*decoded < 0x20 || (*decoded >= 0x7F && *decoded <= 0x9F)) {
                        append_space(out);
                    } else {
                        text::append_utf8(out, *decoded);
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            if (is_space(c) || c == '\f' || c == '\v' || c == '\r') {
                append_space(out);
            }
        } else if (c == ' ') {
            append_space(out);
        } else {
            out += c;
        }
        ++i;
    }
}

// Normalises the pieces' words and speakers: NFC, no space at the ends.
void finish_pieces(std::vector<Piece>& pieces) {
    for (Piece& piece : pieces) {
        piece.text = text::to_nfc(trim_words(piece.text));
        piece.speaker = text::to_nfc(piece.speaker);
    }
}

// True when `label` is a role or a numbered label ("Moderator", "SPEAKER_00",
// "P07"): find_turns takes such a label at once, a name only when it recurs.
bool is_known_label(const std::string& label, std::map<std::string, bool, std::less<>>& known) {
    const auto found = known.find(label);
    if (found != known.end()) {
        return found->second;
    }
    const bool is_known = !find_turns(label + ": -").empty();
    known.emplace(label, is_known);
    return is_known;
}

// "[SPEAKER_00] words" and "[Moderator]: words", as speech-to-text tools write
// them; only for roles and numbered labels, since "[Music]" and "[ler]" are
// sounds, not speakers.
void read_bracketed_labels(std::vector<Piece>& pieces) {
    std::map<std::string, bool, std::less<>> known;
    for (Piece& piece : pieces) {
        const std::string_view text = piece.text;
        if (!piece.speaker.empty() || !text.starts_with('[')) {
            continue;
        }
        const std::size_t close = text.substr(0, 48).find(']');
        if (close == npos) {
            continue;
        }
        std::size_t after = close + 1;
        if (after < text.size() && text[after] == ':') {
            ++after;
        }
        if (after < text.size() && text[after] != ' ') {
            continue;
        }
        const std::string label = clean_label(text.substr(1, close - 1));
        if (label.empty() || !is_known_label(label, known)) {
            continue;
        }
        piece.speaker = label;
        piece.text = trim_words(text.substr(after));
        piece.label_only = piece.text.empty();
    }
}

// "Name: words" at the start of a piece, by the rules plain text is read by:
// find_turns gets the pieces one per paragraph (a blank line between them, so
// that no piece counts as a label standing alone above its words).
void read_colon_labels(std::vector<Piece>& pieces) {
    std::string probe;
    std::vector<std::pair<std::uint32_t, std::size_t>> starts;  // code point, piece
    std::uint32_t at = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const Piece& piece = pieces[k];
        if (!piece.speaker.empty() || piece.text.empty()) {
            continue;
        }
        starts.emplace_back(at, k);
        probe += piece.text;
        probe += "\n\n";
        at += codepoints(piece.text) + 2;
    }
    std::size_t s = 0;
    for (const Turn& turn : find_turns(probe)) {
        while (s < starts.size() && starts[s].first < turn.start) {
            ++s;
        }
        if (s == starts.size() || starts[s].first != turn.start) {
            continue;
        }
        Piece& piece = pieces[starts[s].second];
        const std::uint32_t body = turn.body_start - turn.start;
        piece.speaker = turn.speaker;
        if (body >= codepoints(piece.text)) {
            piece.label_only = true;  // "Moderator:" and the words on the next line
            piece.text.clear();
        } else {
            piece.text.erase(0, byte_of_codepoint(piece.text, body));
        }
    }
}

// ---------------------------------------------------------------------------
// Lines and turns

// What becomes one line of the source.
struct Segment {
    std::int64_t time_ms = 0;
    std::string named;    // the speaker the cue names; empty: none
    std::string speaker;  // the speaker: named, or the one before
    std::string text;
};

std::vector<Segment> make_segments(const std::vector<Cue>& cues, const std::vector<Piece>& pieces,
                                   bool merge) {
    std::vector<Segment> segments;
    for (const Piece& piece : pieces) {
        const bool new_speaker =
            !piece.speaker.empty() && (segments.empty() || piece.speaker != segments.back().named);
        if (piece.cue_start || new_speaker) {
            segments.push_back({cues[piece.cue].start_ms, piece.speaker, {}, {}});
        }
        Segment& segment = segments.back();
        if (!piece.text.empty()) {
            if (!segment.text.empty()) {
                segment.text += ' ';
            }
            segment.text += piece.text;
        }
    }
    // A cue that names nobody is said by the last speaker named.
    std::string last;
    std::vector<Segment> kept;
    for (Segment& segment : segments) {
        if (!segment.named.empty()) {
            last = segment.named;
        }
        segment.speaker = last;
        if (segment.text.empty()) {
            continue;
        }
        if (merge && !kept.empty() && !segment.speaker.empty() &&
            segment.speaker == kept.back().speaker) {
            kept.back().text += ' ';
            kept.back().text += segment.text;
            continue;
        }
        kept.push_back(std::move(segment));
    }
    return kept;
}

Document read_subtitles(std::string_view bytes, std::string_view encoding, const std::string& name,
                        const SubtitleOptions& options, Flavor flavor) {
    text::DecodedText decoded = text::decode_text(bytes, encoding, name);
    const std::string utf8 = text::normalize_line_endings(decoded.utf8);
    const std::vector<Cue> cues = read_cues(utf8, name, flavor);
    if (cues.empty()) {
        throw Error(name, "has no subtitle cues (times such as " + example_time_line(flavor) +
                              " and the words below them)");
    }
    std::vector<Piece> pieces;
    for (std::size_t c = 0; c < cues.size(); ++c) {
        for (std::size_t l = 0; l < cues[c].lines.size(); ++l) {
            read_cue_line(cues[c].lines[l], c, l == 0, pieces);
        }
    }
    finish_pieces(pieces);
    read_bracketed_labels(pieces);
    read_colon_labels(pieces);
    const std::vector<Segment> segments = make_segments(cues, pieces, options.merge_cues);
    if (segments.empty()) {
        throw Error(name, "has subtitle cues but no words in them: there is no text to import");
    }

    Document document;
    document.encoding = std::move(decoded.encoding);
    document.format = flavor == Flavor::srt ? "srt" : "vtt";
    std::uint32_t at = 0;
    for (const Segment& segment : segments) {
        std::string prefix = "[";
        prefix += format_time(segment.time_ms);
        prefix += "] ";
        if (!segment.named.empty()) {
            prefix += segment.named + ": ";
        }
        const std::uint32_t body = at + codepoints(prefix);
        const std::uint32_t end = body + codepoints(segment.text);
        if (!segment.speaker.empty()) {
            document.turns.push_back({segment.speaker, segment.time_ms, at, body, end});
        }
        document.text += prefix;
        document.text += segment.text;
        document.text += '\n';
        at = end + 1;
    }
    return document;
}

}  // namespace

Document read_srt(std::string_view bytes, std::string_view encoding, const std::string& name,
                  const SubtitleOptions& options) {
    return read_subtitles(bytes, encoding, name, options, Flavor::srt);
}

Document read_vtt(std::string_view bytes, std::string_view encoding, const std::string& name,
                  const SubtitleOptions& options) {
    return read_subtitles(bytes, encoding, name, options, Flavor::vtt);
}

}  // namespace tema::import
