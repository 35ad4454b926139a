// The passages a source is indexed in: what a search hit is. A passage is a
// speaker turn (its words, without the label), or, outside turns, a
// paragraph (lines up to a blank line). Long ones are cut at line ends, so a
// hit always points at a few lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/sources.h"

namespace tema::search {

struct Passage {
    std::uint32_t start = 0;  // code points of the source text, end exclusive
    std::uint32_t end = 0;
    std::int64_t first_line = 0;  // the line holding `start`, from 1
    std::optional<std::size_t> turn;  // index into the source's turns
};

inline constexpr std::int64_t kMaxTurnPassageLines = 40;
inline constexpr std::int64_t kMaxParagraphLines = 12;

// The passages of a source, in text order. `line_starts` as stored; `turns`
// as load_turns gives them.
std::vector<Passage> split_passages(std::string_view text,
                                    const std::vector<std::uint32_t>& line_starts,
                                    const std::vector<store::TurnInfo>& turns);

}  // namespace tema::search
