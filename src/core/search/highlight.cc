#include "search/highlight.h"

#include <algorithm>

#include "search/terms.h"

namespace tema::search {

namespace {

bool has_prefix(const std::vector<std::string>& prefixes, const std::string& word) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& prefix) { return word.starts_with(prefix); });
}

bool is_lead_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Code points in [begin, end) bytes of `text`.
std::uint32_t codepoints(std::string_view text, std::size_t begin, std::size_t end) {
    return static_cast<std::uint32_t>(
        std::count_if(text.begin() + static_cast<std::ptrdiff_t>(begin),
                      text.begin() + static_cast<std::ptrdiff_t>(end), is_lead_byte));
}

// The byte `count` code points away from `at` (negative: backwards), within `text`.
std::size_t step(std::string_view text, std::size_t at, long count) {
    while (count > 0 && at < text.size()) {
        ++at;
        while (at < text.size() && !is_lead_byte(text[at])) {
            ++at;
        }
        --count;
    }
    while (count < 0 && at > 0) {
        --at;
        while (at > 0 && !is_lead_byte(text[at])) {
            --at;
        }
        ++count;
    }
    return at;
}

}  // namespace

bool MatchSet::matches(const std::string& word) const {
    return words.contains(word) || has_prefix(prefixes, word) ||
           (!fold_prefixes.empty() && has_prefix(fold_prefixes, fold_key(word)));
}

Highlighted highlight(std::string_view passage, std::uint32_t start, std::int64_t first_line,
                      const MatchSet& matches) {
    Highlighted out;
    std::vector<Token> marked;
    std::size_t counted_to = 0;
    std::uint32_t cp = start;
    std::int64_t line = first_line;
    std::size_t newline_scan = 0;
    for (Token& token : tokenize(passage)) {
        if (!matches.matches(token.word)) {
            continue;
        }
        cp += codepoints(passage, counted_to, token.begin);
        const std::uint32_t length = codepoints(passage, token.begin, token.end);
        out.mark_starts.push_back(cp);
        out.mark_ends.push_back(cp + length);
        cp += length;
        counted_to = token.end;
        line += std::count(passage.begin() + static_cast<std::ptrdiff_t>(newline_scan),
                           passage.begin() + static_cast<std::ptrdiff_t>(token.begin), '\n');
        newline_scan = token.begin;
        if (out.lines.empty() || out.lines.back() != line) {
            out.lines.push_back(line);
        }
        marked.push_back(std::move(token));
    }
    if (marked.empty()) {
        return out;
    }

    // The snippet: the line of the first mark, cut around it when long.
    const Token& first = marked.front();
    const std::size_t line_begin = [&] {
        const std::size_t lf = passage.rfind('\n', first.begin);
        return lf == std::string_view::npos ? 0 : lf + 1;
    }();
    const std::size_t line_end = std::min(passage.find('\n', first.begin), passage.size());
    std::size_t from = line_begin;
    std::size_t to = line_end;
    if (codepoints(passage, line_begin, line_end) > kSnippetLength) {
        from = std::max(line_begin, step(passage, first.begin, -static_cast<long>(kSnippetLength) / 3));
        to = std::min(line_end, step(passage, from, static_cast<long>(kSnippetLength)));
        // Cut at spaces, not inside words.
        if (from > line_begin) {
            const std::size_t space = passage.find(' ', from);
            if (space != std::string_view::npos && space < first.begin) {
                from = space + 1;
            }
        }
        if (to < line_end) {
            const std::size_t space = passage.rfind(' ', to);
            if (space != std::string_view::npos && space > first.end) {
                to = space;
            }
        }
    }
    if (from > line_begin) {
        out.snippet += "…";
    }
    std::size_t at = from;
    for (const Token& token : marked) {
        if (token.begin < from || token.end > to) {
            continue;
        }
        out.snippet.append(passage.substr(at, token.begin - at));
        out.snippet += "**";
        out.snippet.append(passage.substr(token.begin, token.end - token.begin));
        out.snippet += "**";
        at = token.end;
    }
    out.snippet.append(passage.substr(at, to - at));
    if (to < line_end) {
        out.snippet += "…";
    }
    return out;
}

}  // namespace tema::search
