// Parsing the small argument forms several commands share. Malformed input is
// a usage error (exit status 2).
#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace tema::cli {

// "A-B" or "A" (line numbers from 1) into a line range; the whole source
// (1 to the largest number) when empty. `flag` names the option in messages.
std::pair<std::int64_t, std::int64_t> parse_line_range(const std::string& range,
                                                       const std::string& flag = "--lines");

// "START:END" (code points, end exclusive).
std::pair<std::uint32_t, std::uint32_t> parse_codepoint_range(const std::string& range);

// A positive whole number such as a segment id; `what` names it in messages.
std::int64_t parse_id(const std::string& text, const std::string& what);

}  // namespace tema::cli
