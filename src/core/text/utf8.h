// Small UTF-8 helpers that need no ICU objects.
#pragma once

#include <cstddef>
#include <string_view>

namespace tema::text {

// Number of code points in valid UTF-8.
std::size_t count_codepoints(std::string_view utf8);

}  // namespace tema::text
