// The words of one PDF page put into lines and into reading order. Geometry
// only: no poppler here, so the rules can be tested with boxes made by hand.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tema::pdf {

// A rectangle on the page in points, y growing downwards (top < bottom).
struct Box {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;

    double width() const { return right - left; }
    double height() const { return bottom - top; }
};

// The boxes share some of their horizontal extent.
bool overlap_x(const Box& a, const Box& b);
// The boxes stand on one baseline: they overlap vertically by at least half
// the height of the lower one.
bool same_row(const Box& a, const Box& b);

// A word as the PDF library found it.
struct Word {
    std::string text;          // UTF-8, NFC, no control characters
    Box box;                   // as drawn on the page
    int rotation = 0;          // quarter turns clockwise of the writing direction, 0..3
    bool space_after = false;  // a space follows it on its line
    double font_size = 0;      // points
};

// One line of text in one column: words joined by single spaces.
struct Line {
    std::string text;
    Box box;  // upright: turned so that this line reads left to right
    int rotation = 0;
    double font_size = 0;  // the size most of its characters have
};

// More line pieces than this on one page and the reading-order rules below,
// which cost the cube of the count, are skipped: the page keeps the order the
// PDF library gave (a page of prose has well under a hundred lines).
inline constexpr std::size_t kMaxOrderedPieces = 600;

// The page's lines in reading order. `words` come in the order the PDF library
// found them. The rules:
//   - Text written in one direction is laid out together, the direction most
//     of the page's text has first (a page turned on its side reads upright).
//   - Words on one baseline with less than about half a line's height between
//     them form a line piece; wider gaps (column gutters) split pieces.
//   - Pieces are ordered as in Breuel's "topological sort of text lines" (2003):
//     a piece comes before another below it that it overlaps horizontally; and
//     before one entirely to its right, unless a piece between them vertically
//     overlaps both (a title or figure spanning the columns). So columns read
//     one after the other, a heading across them comes first, and a band of
//     columns below a full-width line starts after it.
//   - Consecutive pieces on one baseline are joined into one line.
std::vector<Line> lay_out(const std::vector<Word>& words);

}  // namespace tema::pdf
