#include "args.h"

#include <charconv>
#include <limits>
#include <string_view>

#include "context.h"

namespace tema::cli {

namespace {

template <typename Number>
bool parse_number(std::string_view digits, Number& value) {
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return ec == std::errc() && end == digits.data() + digits.size() && !digits.empty();
}

}  // namespace

std::pair<std::int64_t, std::int64_t> parse_line_range(const std::string& range,
                                                       const std::string& flag) {
    if (range.empty()) {
        return {1, std::numeric_limits<std::int64_t>::max()};
    }
    auto number = [&](std::string_view digits) {
        std::int64_t value = 0;
        if (!parse_number(digits, value) || value < 1) {
            throw UsageError(flag + " " + range + ": expected A-B, with line numbers from 1");
        }
        return value;
    };
    const auto dash = range.find('-');
    if (dash == std::string::npos) {
        const auto line = number(range);
        return {line, line};
    }
    return {number(std::string_view(range).substr(0, dash)),
            number(std::string_view(range).substr(dash + 1))};
}

std::pair<std::uint32_t, std::uint32_t> parse_codepoint_range(const std::string& range) {
    const auto colon = range.find(':');
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    if (colon == std::string::npos ||
        !parse_number(std::string_view(range).substr(0, colon), start) ||
        !parse_number(std::string_view(range).substr(colon + 1), end)) {
        throw UsageError("--range " + range +
                         ": expected START:END in characters (code points), end exclusive");
    }
    return {start, end};
}

std::int64_t parse_id(const std::string& text, const std::string& what) {
    std::int64_t value = 0;
    if (!parse_number(std::string_view(text), value) || value < 1) {
        throw UsageError(what + " " + text + ": expected a number");
    }
    return value;
}

}  // namespace tema::cli
