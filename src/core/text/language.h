// The languages Tema knows, and detection of the language of a text.
#pragma once

#include <optional>
#include <string_view>

namespace tema::text {

enum class Language { nb, nn, en, other };

// "nb", "nn", "en", "other".
std::string_view language_code(Language language);
// Inverse of language_code; nullopt for anything else.
std::optional<Language> parse_language(std::string_view code);

// Bokmål, Nynorsk or English from the frequency of each language's common
// words ("ikke/jeg/hva" against "ikkje/eg/kva" against "the/and/not");
// `other` when too few of them appear to tell.
Language detect_language(std::string_view utf8);

}  // namespace tema::text
