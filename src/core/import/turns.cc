#include "import/turns.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace tema::import {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || is_ascii_upper(c);
}
// Lead byte of a multi-byte UTF-8 character: in a label, a letter (æ, Ø, é, ...).
bool is_utf8_lead(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0xC0;
}
bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::uint32_t count_codepoints(std::string_view bytes) {
    std::uint32_t n = 0;
    for (const char c : bytes) {
        n += is_utf8_continuation(c) ? 0U : 1U;
    }
    return n;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

// Reads up to `max_digits` digits at `s[pos]`.
std::optional<int> read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
    int value = 0;
    std::size_t digits = 0;
    while (pos < s.size() && is_digit(s[pos]) && digits < max_digits) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++digits;
    }
    if (digits == 0) {
        return std::nullopt;
    }
    return value;
}

// "h:mm:ss", "mm:ss", with optional ".mmm" or ",mmm"; at the start of `s`.
// Sets `length` to the bytes it took.
std::optional<std::int64_t> read_clock(std::string_view s, std::size_t& length) {
    std::size_t pos = 0;
    std::array<int, 3> parts{};
    std::size_t count = 0;
    while (count < 3) {
        const std::size_t before = pos;
        const auto number = read_number(s, pos, count == 0 ? 2 : 2);
        if (!number || (count > 0 && pos - before != 2)) {
            return std::nullopt;
        }
        parts.at(count++) = *number;
        if (pos < s.size() && s[pos] == ':' && pos + 1 < s.size() && is_digit(s[pos + 1])) {
            ++pos;
            continue;
        }
        break;
    }
    if (count < 2) {
        return std::nullopt;
    }
    std::int64_t millis = 0;
    if (pos + 1 < s.size() && (s[pos] == '.' || s[pos] == ',') && is_digit(s[pos + 1])) {
        ++pos;
        const std::size_t before = pos;
        const auto fraction = read_number(s, pos, 3);
        millis = *fraction;
        for (std::size_t d = pos - before; d < 3; ++d) {
            millis *= 10;
        }
    }
    const int hours = count == 3 ? parts[0] : 0;
    const int minutes = count == 3 ? parts[1] : parts[0];
    const int seconds = count == 3 ? parts[2] : parts[1];
    if (minutes > 59 || seconds > 59) {
        return std::nullopt;
    }
    length = pos;
    return ((std::int64_t{hours} * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

// A time stamp at the start of `s`: "[00:12:31]", "(00:12)", "00:12:31".
// Returns it and the bytes taken, including the space after it.
std::optional<std::int64_t> read_time_stamp(std::string_view s, std::size_t& length) {
    std::size_t pos = 0;
    char close = 0;
    if (!s.empty() && (s[0] == '[' || s[0] == '(')) {
        close = s[0] == '[' ? ']' : ')';
        pos = 1;
    }
    std::size_t clock_length = 0;
    const auto time = read_clock(s.substr(pos), clock_length);
    if (!time) {
        return std::nullopt;
    }
    pos += clock_length;
    if (close != 0) {
        if (pos >= s.size() || s[pos] != close) {
            return std::nullopt;
        }
        ++pos;
    }
    // Must be followed by a space, a dash separator, or the end of the line.
    if (pos < s.size() && !is_space(s[pos]) && s[pos] != '-') {
        return std::nullopt;
    }
    while (pos < s.size() && (is_space(s[pos]) || s[pos] == '-')) {
        ++pos;
    }
    length = pos;
    return time;
}

std::string ascii_lower(std::string_view s) {
    std::string lower(s);
    for (char& c : lower) {
        if (is_ascii_upper(c)) {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return lower;
}

// Roles and numbered participants that real transcripts use as labels.
bool is_known_label(std::string_view label) {
    static const std::set<std::string, std::less<>> kRoles = {
        "moderator",   "mod",         "m",           "i",          "r",         "int",
        "intervjuer",  "intervjuar",  "interviewer", "respondent", "informant", "interviewee",
        "facilitator", "fasilitator", "forsker",     "researcher", "observer",  "observatør",
        "q",           "a",           "ip",          "deltaker",   "deltakar",  "participant"};
    const std::string lower = ascii_lower(label);
    if (kRoles.contains(lower)) {
        return true;
    }
    // A role word or letter followed by a number: "Deltaker 3", "P07", "IP3".
    static const std::array<std::string_view, 14> kNumbered = {
        "deltaker",  "deltakar",   "person",         "participant", "speaker", "taler", "talar",
        "informant", "respondent", "intervjuobjekt", "ip",          "p",       "d",     "r"};
    std::size_t digits_at = lower.size();
    while (digits_at > 0 && is_digit(lower[digits_at - 1])) {
        --digits_at;
    }
    if (digits_at == lower.size() || digits_at == 0 || lower.size() - digits_at > 4) {
        return false;
    }
    std::string_view word = std::string_view(lower).substr(0, digits_at);
    while (!word.empty() && (word.back() == ' ' || word.back() == '-' || word.back() == '_')) {
        word.remove_suffix(1);
    }
    return std::find(kNumbered.begin(), kNumbered.end(), word) != kNumbered.end();
}

// A label that could be a name: up to three words, each starting with a capital
// letter or a digit ("Kari", "Ola N.", "Dr. Hansen", "Speaker 2").
bool is_name_like(std::string_view label) {
    std::size_t words = 0;
    bool at_word_start = true;
    for (const char c : label) {
        if (c == ' ') {
            at_word_start = true;
            continue;
        }
        if (at_word_start) {
            ++words;
            // Non-ASCII letters are let through: a capital cannot be told cheaply here.
            if (!is_ascii_upper(c) && !is_digit(c) && !is_utf8_lead(c)) {
                return false;
            }
            at_word_start = false;
        }
    }
    return words >= 1 && words <= 3;
}

// A label is at most 40 bytes of letters, digits, spaces and . - ' _ ( ), and
// begins with a letter.
bool is_label_shaped(std::string_view label) {
    if (label.empty() || label.size() > 40) {
        return false;
    }
    if (!is_ascii_alpha(label[0]) && !is_utf8_lead(label[0])) {
        return false;
    }
    for (const char c : label) {
        const bool ok = is_ascii_alpha(c) || is_digit(c) || c == ' ' || c == '.' || c == '-' ||
                        c == '\'' || c == '_' || c == '(' || c == ')' ||
                        (static_cast<unsigned char>(c) & 0x80) != 0;
        if (!ok) {
            return false;
        }
    }
    return label.find("  ") == std::string_view::npos;
}

struct LabelLine {
    std::string label;
    std::optional<std::int64_t> time_ms;
    std::size_t body_offset = 0;  // bytes into the line where the words begin
    bool standalone = false;      // the label is alone on its line
    bool known = false;
};

std::optional<LabelLine> parse_label_line(std::string_view line) {
    std::size_t pos = 0;
    while (pos < line.size() && is_space(line[pos])) {
        ++pos;
    }
    LabelLine result;
    std::size_t stamp_length = 0;
    if (auto time = read_time_stamp(line.substr(pos), stamp_length)) {
        result.time_ms = time;
        pos += stamp_length;
    }
    // Markdown bold around the label: **Moderator:** or **Moderator**:
    bool bold = false;
    if (line.substr(pos, 2) == "**" || line.substr(pos, 2) == "__") {
        bold = true;
        pos += 2;
    }
    const std::string_view rest = line.substr(pos);
    const std::size_t colon = rest.substr(0, 48).find(':');
    if (colon != std::string_view::npos) {
        std::string_view label = rest.substr(0, colon);
        std::size_t after = colon + 1;
        if (bold && label.size() >= 2 && (label.ends_with("**") || label.ends_with("__"))) {
            label.remove_suffix(2);
        } else if (bold && (rest.substr(after, 2) == "**" || rest.substr(after, 2) == "__")) {
            after += 2;
        }
        label = trim(label);
        // "kl. 12:30" or "http://" are no labels: a label's colon ends the word.
        const bool colon_ends_label = after >= rest.size() || is_space(rest[after]);
        if (colon_ends_label && is_label_shaped(label)) {
            while (after < rest.size() && is_space(rest[after])) {
                ++after;
            }
            result.label = std::string(label);
            result.body_offset = pos + after;
            result.known = is_known_label(label);
            return result;
        }
    }
    // A label alone on its line, perhaps with a time stamp after it:
    // "Interviewer  00:00:04", "Deltaker 3 (00:12:31)", "Moderator".
    std::string_view alone = trim(rest);
    if (alone.size() > 64) {
        return std::nullopt;  // prose, not a label (and no scan of a huge line)
    }
    if (bold && (alone.ends_with("**") || alone.ends_with("__"))) {
        alone.remove_suffix(2);
    }
    for (std::size_t i = 0; i < alone.size(); ++i) {
        if (alone[i] != ' ' && alone[i] != '\t') {
            continue;
        }
        std::size_t length = 0;
        const std::string_view tail = trim(alone.substr(i));
        if (auto time = read_time_stamp(tail, length); time && length == tail.size()) {
            result.time_ms = time;
            alone = trim(alone.substr(0, i));
            break;
        }
    }
    if (!alone.empty() && alone.back() == ':') {
        alone.remove_suffix(1);
    }
    if (!is_label_shaped(alone) || alone.find_first_of(".'") != std::string_view::npos) {
        return std::nullopt;
    }
    result.label = std::string(alone);
    result.standalone = true;
    result.known = is_known_label(alone);
    result.body_offset = line.size();
    return result;
}

struct Line {
    std::size_t byte_start;
    std::uint32_t cp_start;
    std::string_view bytes;
};

bool is_blank(std::string_view line) {
    return trim(line).empty();
}

}  // namespace

std::vector<Turn> find_turns(std::string_view text) {
    std::vector<Line> lines;
    {
        std::size_t start = 0;
        std::uint32_t cp = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) {
                end = text.size();
            }
            const std::string_view bytes = text.substr(start, end - start);
            lines.push_back({start, cp, bytes});
            cp += count_codepoints(bytes) + 1;
            start = end + 1;
        }
    }

    // First pass: every line that looks like a turn start.
    std::vector<std::optional<LabelLine>> candidates(lines.size());
    std::map<std::string, int, std::less<>> inline_uses;
    std::map<std::string, int, std::less<>> standalone_uses;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto parsed = parse_label_line(lines[i].bytes);
        if (!parsed) {
            continue;
        }
        if (parsed->standalone) {
            // A label alone on its line must have words after it.
            const bool followed = i + 1 < lines.size() && !is_blank(lines[i + 1].bytes);
            if (!followed) {
                continue;
            }
            if (!parsed->known && !is_name_like(parsed->label)) {
                continue;
            }
            ++standalone_uses[parsed->label];
        } else {
            if (!parsed->known && !is_name_like(parsed->label)) {
                continue;
            }
            ++inline_uses[parsed->label];
        }
        candidates[i] = std::move(parsed);
    }

    // Second pass: keep known labels, and name-like ones used at least twice.
    auto accepted = [&](const LabelLine& line) {
        if (line.known) {
            return true;
        }
        const auto& uses = line.standalone ? standalone_uses : inline_uses;
        const auto found = uses.find(line.label);
        return found != uses.end() && found->second >= 2;
    };
    std::set<std::string, std::less<>> speakers;
    for (auto& candidate : candidates) {
        if (candidate && accepted(*candidate)) {
            speakers.insert(candidate->label);
        } else {
            candidate.reset();
        }
    }
    const bool any_known = std::any_of(candidates.begin(), candidates.end(),
                                       [](const auto& c) { return c && c->known; });
    if (speakers.size() < 2 && !any_known) {
        return {};  // One recurring "Merk:" is a habit of the writer, not a speaker.
    }

    // Third pass: turns run from one accepted line to the next.
    std::vector<Turn> turns;
    auto close_turn = [&](std::size_t last_line) {
        if (turns.empty()) {
            return;
        }
        // The turn ends after its last non-blank line.
        std::size_t i = last_line;
        while (i > 0 && is_blank(lines[i].bytes) && lines[i].cp_start > turns.back().start) {
            --i;
        }
        const Line& line = lines[i];
        const std::string_view content = trim(line.bytes);
        const std::size_t content_end =
            static_cast<std::size_t>(content.data() - line.bytes.data()) + content.size();
        turns.back().end =
            std::max(turns.back().body_start,
                     line.cp_start + count_codepoints(line.bytes.substr(0, content_end)));
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!candidates[i]) {
            continue;
        }
        if (i > 0) {
            close_turn(i - 1);
        }
        const LabelLine& label = *candidates[i];
        Turn turn;
        turn.speaker = label.label;
        turn.time_ms = label.time_ms;
        turn.start = lines[i].cp_start;
        if (label.standalone || label.body_offset >= lines[i].bytes.size()) {
            // Words begin on the next non-blank line.
            std::size_t next = i + 1;
            while (next < lines.size() && is_blank(lines[next].bytes) && !candidates[next]) {
                ++next;
            }
            turn.body_start = next < lines.size() && !candidates[next]
                                  ? lines[next].cp_start
                                  : lines[i].cp_start + count_codepoints(lines[i].bytes);
        } else {
            turn.body_start =
                lines[i].cp_start + count_codepoints(lines[i].bytes.substr(0, label.body_offset));
        }
        turns.push_back(std::move(turn));
    }
    if (!lines.empty()) {
        close_turn(lines.size() - 1);
    }
    return turns;
}

}  // namespace tema::import
