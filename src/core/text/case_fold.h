// Comparing text the way people read it: case folding and accent folding.
#pragma once

#include <string>
#include <string_view>

namespace tema::text {

// Full Unicode case folding ("ÆRLIG" and "ærlig" fold alike; "Straße" to "strasse").
std::string fold_case(std::string_view utf8);

// Case folding plus accents removed and Nordic letters spelt out, for matching
// that forgives missing accents: æ→ae, ø→o, å→a, ä→a, ö→o, é→e, ü→u.
// Used only when the user asks for it: æ ø å are real letters in Norwegian.
std::string fold_accents(std::string_view utf8);

}  // namespace tema::text
