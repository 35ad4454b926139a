// Character properties the importers ask about, and UTF-16 from other
// libraries: the Unicode database answers, so "ø" and "Å" are letters too.
#pragma once

#include <string>
#include <string_view>

namespace tema::text {

enum class LetterCase { none, lower, upper };  // none: not a cased letter

// The case of the first / last code point of valid UTF-8 `utf8`: lower for
// "æ" and "a", upper for "Ø" and "Ǆ" (title case counts as upper), none for a
// digit, a mark, punctuation, or an empty string.
LetterCase case_of_first(std::string_view utf8);
LetterCase case_of_last(std::string_view utf8);

// UTF-16 as another library hands it over, in UTF-8. An unpaired surrogate
// becomes U+FFFD, so the result is always valid UTF-8.
std::string utf16_to_utf8(std::u16string_view utf16);

}  // namespace tema::text
