// Hard lines of a text. Lines are split at LF and numbered from 1; a final LF
// does not start an empty last line. Positions are code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tema::text {

// Code-point offset where each line starts; element 0 is line 1 and is 0.
// An empty text has no lines.
std::vector<std::uint32_t> line_starts(std::string_view utf8);

// Looks up lines over the starts computed above.
class LineIndex {
public:
    LineIndex(std::vector<std::uint32_t> starts, std::uint32_t text_codepoints);
    // Addition: the starts alone cannot tell whether the text ends with LF, so
    // the two-argument form takes it that it does not (end_of(count()) is then
    // `text_codepoints`). Say so here and the final LF is excluded as well.
    LineIndex(std::vector<std::uint32_t> starts, std::uint32_t text_codepoints, bool ends_with_lf);
    // Addition: the index of `utf8`, built in one pass (line_starts and the
    // length and final LF of the text).
    explicit LineIndex(std::string_view utf8);

    std::size_t count() const { return starts_.size(); }
    // Line (1-based) that holds code point `cp`; a position at the very end
    // belongs to the last line. Requires count() > 0.
    std::size_t line_of(std::uint32_t cp) const;
    // [start, end) of line `n` (1-based), the LF excluded. `n` must be in
    // [1, count()]; otherwise std::out_of_range is thrown.
    std::uint32_t start_of(std::size_t n) const;
    std::uint32_t end_of(std::size_t n) const;
    const std::vector<std::uint32_t>& starts() const { return starts_; }

private:
    std::vector<std::uint32_t> starts_;
    std::uint32_t text_codepoints_;
    bool ends_with_lf_ = false;
};

}  // namespace tema::text
