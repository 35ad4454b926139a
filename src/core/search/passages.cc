#include "search/passages.h"

#include <algorithm>

namespace tema::search {

namespace {

struct Line {
    std::uint32_t start = 0;
    std::uint32_t end = 0;  // LF excluded
    bool blank = true;
    std::optional<std::size_t> turn;
};

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::vector<Line> read_lines(std::string_view text, const std::vector<std::uint32_t>& starts) {
    std::vector<Line> lines(starts.size());
    std::size_t byte = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& line = lines[i];
        line.start = starts[i];
        std::uint32_t cp = starts[i];
        while (byte < text.size() && text[byte] != '\n') {
            const char c = text[byte++];
            if (!is_continuation(c)) {
                ++cp;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                line.blank = false;
            }
        }
        line.end = cp;
        ++byte;  // the LF
    }
    return lines;
}

}  // namespace

std::vector<Passage> split_passages(std::string_view text,
                                    const std::vector<std::uint32_t>& line_starts,
                                    const std::vector<store::TurnInfo>& turns) {
    std::vector<Line> lines = read_lines(text, line_starts);
    for (std::size_t t = 0; t < turns.size(); ++t) {
        const auto first = static_cast<std::size_t>(std::max<std::int64_t>(turns[t].first_line, 1));
        const auto last = std::min(static_cast<std::size_t>(turns[t].last_line), lines.size());
        for (std::size_t n = first; n <= last; ++n) {
            lines[n - 1].turn = t;
        }
    }

    std::vector<Passage> passages;
    std::optional<Passage> open;
    std::int64_t open_lines = 0;
    const auto close = [&] {
        if (open && open->start < open->end) {
            passages.push_back(*open);
        }
        open.reset();
        open_lines = 0;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        const auto n = static_cast<std::int64_t>(i) + 1;
        if (line.turn) {
            const store::TurnInfo& turn = turns[*line.turn];
            if (open && (open->turn != line.turn || open_lines >= kMaxTurnPassageLines)) {
                close();
            }
            if (!open) {
                std::uint32_t start = line.start;
                if (turn.first_line == n) {  // the words begin after the label
                    start = std::clamp(turn.turn.body_start, line.start, line.end);
                }
                open = Passage{start, line.end, n, line.turn};
            }
            open->end = std::min(line.end, std::max(turn.turn.end, open->start));
            ++open_lines;
            continue;
        }
        if (open && (open->turn || line.blank || open_lines >= kMaxParagraphLines)) {
            close();
        }
        if (line.blank) {
            continue;
        }
        if (!open) {
            open = Passage{line.start, line.end, n, std::nullopt};
        }
        open->end = line.end;
        ++open_lines;
    }
    close();
    return passages;
}

}  // namespace tema::search
