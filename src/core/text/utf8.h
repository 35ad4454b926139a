// Small UTF-8 helpers that need no ICU objects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tema::text {

// Number of code points in valid UTF-8.
std::size_t count_codepoints(std::string_view utf8);

// Appends code point `c` (a scalar value: no surrogates) as UTF-8.
void append_utf8(std::string& out, char32_t c);

}  // namespace tema::text
