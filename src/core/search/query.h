// The search query language, parsed into a tree before any index is touched,
// so that a bad query is refused with the place of the problem instead of
// quietly finding nothing.
//
//   jobbspesialist                 a word; stemmed unless the search is exact
//   "fast i jobb"                  a phrase: these words, in this order
//   støtt*                         words beginning so
//   a b   a AND b   a OR b         both (the default), either
//   NOT a   -a                     without
//   a NEAR b   a NEAR/5 b          within 10 (5) words of each other
//   ( ... )                        grouping
//   field:value  field:"a b"       filters: speaker, participant, source, code,
//                                  lang, kind, or a participant attribute (role:...)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tema::search {

struct QueryNode {
    enum class Kind { word, phrase, wildcard, filter, all_of, any_of, none_of, near };
    Kind kind = Kind::word;
    std::string text;                // word or wildcard prefix (normalized); filter value
    std::string field;               // filter: the field's name, case-folded
    std::vector<std::string> words;  // phrase: its words, normalized
    std::vector<QueryNode> children;  // all_of, any_of, near; none_of has one
    unsigned window = 10;             // near: within this many words of each other
    std::size_t column = 0;           // where the node starts in the query, from 1 (0: not in it)
    std::size_t length = 0;           // word, wildcard: its length in the query, in code points
};

inline constexpr unsigned kDefaultNearWindow = 10;

// Parses a query. Throws tema::Error("query", ...) naming the problem and its
// column: an empty query, an unbalanced quote or parenthesis, an operator
// with nothing to join, a field with no value.
QueryNode parse_query(std::string_view query);

// The query's column `column` (from 1) as a message suffix: " at column 7";
// empty for 0 (a filter given as an option, not in the query).
std::string at_column(std::size_t column);

}  // namespace tema::search
