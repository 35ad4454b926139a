// Marking the words of a passage that a query matched, and the snippet shown
// for a hit. The same term pipeline decides what matches, so the words marked
// are the words the index found.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>


namespace tema::search {

// What a query's words (those not under NOT) match: the forms they were
// looked up under, and the beginnings of words with *.
struct MatchSet {
    std::unordered_set<std::string> words;  // normalized, as the index holds them
    std::vector<std::string> prefixes;      // wildcards
    std::vector<std::string> fold_prefixes;  // wildcards with --fold: of accent-folded words

    bool matches(const std::string& word) const;
};

struct Highlighted {
    std::vector<std::uint32_t> mark_starts;  // code points of the source text
    std::vector<std::uint32_t> mark_ends;
    std::vector<std::int64_t> lines;  // lines with a mark, in order
    std::string snippet;              // around the first mark, marks as **word**
};

// Finds the marked words of a passage. `passage` is its text, which begins at
// code point `start` of the source, on line `first_line`.
Highlighted highlight(std::string_view passage, std::uint32_t start, std::int64_t first_line,
                      const MatchSet& matches);

// Longest snippet, in code points, before it is cut around the first mark.
inline constexpr std::size_t kSnippetLength = 200;

}  // namespace tema::search
