// Small helpers shared by the theme tree, fields, memos and maps: names as the
// researcher types them, and ids given as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tema::coding {

// `name` in NFC with surrounding white space removed. Throws tema::Error
// "`what`: ..." when nothing is left, or when `no_slash` and the name holds a
// '/' (which separates the parts of a path).
std::string clean_name(std::string_view name, std::string_view what, bool no_slash = false);

// Text in NFC (definitions, values, memo text); line ends become LF.
std::string clean_text(std::string_view text);

// The number `text` spells, when it is nothing but decimal digits.
std::optional<std::int64_t> parse_id(std::string_view text);

// `text` without surrounding spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace tema::coding
