// Snowball's stemmers (libstemmer, the algorithms of Xapian::Stem), for words the
// dictionaries do not know and for English.
#pragma once

#include <string>
#include <string_view>

#include "text/language.h"

namespace tema::stem {

// The Snowball stem of a case-folded UTF-8 word: "norwegian" for nb and nn, "english"
// for en; the word itself for other. Thread-safe (one stemmer per thread and language).
std::string snowball_stem(text::Language language, std::string_view word);

}  // namespace tema::stem
