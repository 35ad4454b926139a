// Norwegian collation, for sorting and comparing names (æ ø å after z).
#pragma once

#include <string>
#include <string_view>

namespace tema::text {

// <0, 0 or >0 as `a` sorts before, with or after `b` in Norwegian Bokmål order.
int compare_norwegian(std::string_view a, std::string_view b);

// True when two names are the same for a person: case is ignored, letters and
// accents are not ("Arbeidsgiver" = "arbeidsgiver"; "for" != "fór"; "ø" != "o").
bool same_name(std::string_view a, std::string_view b);

// A byte string whose memcmp order is the Norwegian order (for SQL ORDER BY).
std::string norwegian_sort_key(std::string_view utf8);

}  // namespace tema::text
