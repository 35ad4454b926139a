#include "pdf/layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace tema::pdf {

namespace {

// Two boxes share a baseline when they overlap vertically by at least this
// share of the lower one's height.
constexpr double kSameRowOverlap = 0.5;
// A horizontal gap wider than this share of the line height ends a line piece:
// wider than any word space, narrower than a column gutter (LaTeX's 10 pt at
// 10 pt type is 0.75 of a line height).
constexpr double kPieceGap = 0.6;
// A gap between two words of a piece wider than this share of the height is a
// space even when the PDF library did not say so.
constexpr double kSpaceGap = 0.15;

struct Piece {
    std::vector<const Word*> words;
    Box box;  // upright
};

// `box` turned so that text written with `rotation` reads left to right, top
// to bottom. Rotation 1 is text running downwards, its lines stacked right to
// left; 2 is upside down; 3 runs upwards, lines stacked left to right.
Box upright(const Box& b, int rotation) {
    switch (rotation) {
        case 1:
            return {b.top, -b.right, b.bottom, -b.left};
        case 2:
            return {-b.right, -b.bottom, -b.left, -b.top};
        case 3:
            return {-b.bottom, b.left, -b.top, b.right};
        default:
            return b;
    }
}

double height_of(const Box& b) {
    return std::max(b.height(), 0.01);
}

double center_y(const Box& b) {
    return (b.top + b.bottom) / 2;
}

void extend(Box& box, const Box& more) {
    box.left = std::min(box.left, more.left);
    box.top = std::min(box.top, more.top);
    box.right = std::max(box.right, more.right);
    box.bottom = std::max(box.bottom, more.bottom);
}

// Splits the words of one writing direction into line pieces, in the order given.
std::vector<Piece> make_pieces(const std::vector<const Word*>& words, int rotation) {
    std::vector<Piece> pieces;
    Box last;
    for (const Word* word : words) {
        const Box box = upright(word->box, rotation);
        bool joins = false;
        if (!pieces.empty()) {
            const double height = std::max(height_of(last), height_of(box));
            const double gap = box.left - last.right;
            joins = same_row(last, box) && gap >= -0.25 * height && gap <= kPieceGap * height;
        }
        if (joins) {
            pieces.back().words.push_back(word);
            extend(pieces.back().box, box);
        } else {
            pieces.push_back({{word}, box});
        }
        last = box;
    }
    return pieces;
}

// A wide gap inside a row is a column gutter only when a row near it has a
// wide gap at the same place, the strip empty on both as wide as a gutter: a
// justified line can stretch a space wider than a gutter, but not the same
// space on the lines around it. Pieces split
// at a gap no other row confirms are joined again.
void join_unconfirmed_gaps(std::vector<Piece>& pieces) {
    const std::size_t n = pieces.size();
    if (n < 2 || n > kMaxOrderedPieces) {
        return;
    }
    // Each piece's nearest neighbour to the right on its row.
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> right(n, kNone);
    for (std::size_t i = 0; i < n; ++i) {
        const Box& a = pieces[i].box;
        for (std::size_t j = 0; j < n; ++j) {
            const Box& b = pieces[j].box;
            if (j != i && same_row(a, b) && b.left >= a.right &&
                (right[i] == kNone || b.left < pieces[right[i]].box.left)) {
                right[i] = j;
            }
        }
    }
    auto confirmed = [&](std::size_t i) {
        const Box& a = pieces[i].box;
        const double gap_left = a.right;
        const double gap_right = pieces[right[i]].box.left;
        const double reach = 3 * height_of(a);
        for (std::size_t k = 0; k < n; ++k) {
            if (k == i || right[k] == kNone || same_row(pieces[k].box, a) ||
                std::abs(center_y(pieces[k].box) - center_y(a)) > reach) {
                continue;
            }
            // The strip empty on both rows must be as wide as a gutter.
            const double common = std::min(gap_right, pieces[right[k]].box.left) -
                                  std::max(gap_left, pieces[k].box.right);
            if (common >= kPieceGap * height_of(a)) {
                return true;
            }
        }
        return false;
    };
    std::vector<bool> join(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        join[i] = right[i] != kNone && !confirmed(i);
    }
    // Join along each chain of unconfirmed gaps, left to right.
    std::vector<bool> absorbed(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (absorbed[i]) {
            continue;
        }
        for (std::size_t j = i; join[j] && !absorbed[right[j]] && right[j] != i;) {
            const std::size_t next = right[j];
            Piece& into = pieces[i];
            into.words.insert(into.words.end(), pieces[next].words.begin(),
                              pieces[next].words.end());
            extend(into.box, pieces[next].box);
            absorbed[next] = true;
            j = next;
        }
    }
    std::vector<Piece> kept;
    kept.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!absorbed[i]) {
            kept.push_back(std::move(pieces[i]));
        }
    }
    pieces = std::move(kept);
}

// The order of `pieces` by the rules in layout.h (Breuel's topological sort).
std::vector<std::size_t> reading_order(const std::vector<Piece>& pieces) {
    const std::size_t n = pieces.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = i;
    }
    if (n < 2 || n > kMaxOrderedPieces) {
        return order;
    }
    std::vector<std::vector<std::size_t>> after(n);  // after[i]: pieces that must follow i
    std::vector<std::size_t> waiting_for(n, 0);      // how many must come before
    for (std::size_t i = 0; i < n; ++i) {
        const Box& a = pieces[i].box;
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j) {
                continue;
            }
            const Box& b = pieces[j].box;
            bool before = false;
            if (overlap_x(a, b)) {
                before = center_y(a) < center_y(b);
            } else if (a.right <= b.left) {
                const double low = std::min(center_y(a), center_y(b));
                const double high = std::max(center_y(a), center_y(b));
                before = std::none_of(pieces.begin(), pieces.end(), [&](const Piece& c) {
                    const double y = center_y(c.box);
                    return y > low && y < high && overlap_x(c.box, a) && overlap_x(c.box, b);
                });
            }
            if (before) {
                after[i].push_back(j);
                ++waiting_for[j];
            }
        }
    }
    // Kahn's algorithm; of the pieces free to come next, the topmost (then
    // leftmost) does. A cycle (overlapping boxes can make one) is broken the
    // same way: the topmost remaining piece comes next.
    order.clear();
    std::vector<bool> done(n, false);
    auto earlier = [&](std::size_t x, std::size_t y) {
        const Box& a = pieces[x].box;
        const Box& b = pieces[y].box;
        return std::pair(center_y(a), a.left) < std::pair(center_y(b), b.left);
    };
    while (order.size() < n) {
        std::size_t best = n;
        std::size_t fallback = n;
        for (std::size_t i = 0; i < n; ++i) {
            if (done[i]) {
                continue;
            }
            if (fallback == n || earlier(i, fallback)) {
                fallback = i;
            }
            if (waiting_for[i] == 0 && (best == n || earlier(i, best))) {
                best = i;
            }
        }
        const std::size_t next = best != n ? best : fallback;
        done[next] = true;
        order.push_back(next);
        for (std::size_t j : after[next]) {
            if (waiting_for[j] > 0) {
                --waiting_for[j];
            }
        }
    }
    return order;
}

std::string piece_text(const Piece& piece, int rotation) {
    std::string text;
    const Word* previous = nullptr;
    Box previous_box;
    for (const Word* word : piece.words) {
        const Box box = upright(word->box, rotation);
        if (previous != nullptr) {
            const double gap = box.left - previous_box.right;
            if (previous->space_after || gap > kSpaceGap * height_of(box)) {
                text += ' ';
            }
        }
        text += word->text;
        previous = word;
        previous_box = box;
    }
    return text;
}

// The font size that most of the characters of `line_words` have.
double main_font_size(const std::vector<const Word*>& line_words) {
    std::vector<std::pair<double, std::size_t>> sizes;  // size, characters
    for (const Word* word : line_words) {
        auto found = std::find_if(sizes.begin(), sizes.end(),
                                  [&](const auto& s) { return s.first == word->font_size; });
        if (found == sizes.end()) {
            sizes.emplace_back(word->font_size, word->text.size());
        } else {
            found->second += word->text.size();
        }
    }
    double best = 0;
    std::size_t most = 0;
    for (const auto& [size, count] : sizes) {
        if (count > most) {
            best = size;
            most = count;
        }
    }
    return best;
}

}  // namespace

bool overlap_x(const Box& a, const Box& b) {
    return std::min(a.right, b.right) > std::max(a.left, b.left);
}

bool same_row(const Box& a, const Box& b) {
    const double overlap = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
    return overlap >= kSameRowOverlap * std::min(height_of(a), height_of(b));
}

std::vector<Line> lay_out(const std::vector<Word>& words) {
    // Words by writing direction, and how many characters each direction has.
    std::array<std::vector<const Word*>, 4> by_rotation;
    std::array<std::size_t, 4> characters{};
    for (const Word& word : words) {
        if (word.text.empty()) {
            continue;
        }
        const auto rotation = static_cast<std::size_t>(word.rotation & 3);
        by_rotation[rotation].push_back(&word);
        characters[rotation] += word.text.size();
    }
    std::array<int, 4> rotations = {0, 1, 2, 3};
    std::stable_sort(rotations.begin(), rotations.end(), [&](int a, int b) {
        return characters[static_cast<std::size_t>(a)] > characters[static_cast<std::size_t>(b)];
    });

    std::vector<Line> lines;
    for (const int rotation : rotations) {
        const auto& group = by_rotation[static_cast<std::size_t>(rotation)];
        if (group.empty()) {
            continue;
        }
        std::vector<Piece> pieces = make_pieces(group, rotation);
        join_unconfirmed_gaps(pieces);
        const std::vector<std::size_t> order = reading_order(pieces);
        std::vector<const Word*> line_words;  // of lines.back()
        bool open = false;                    // lines.back() is of this direction
        for (const std::size_t index : order) {
            const Piece& piece = pieces[index];
            const bool continues =
                open && same_row(lines.back().box, piece.box) &&
                piece.box.left >= lines.back().box.right - 0.25 * height_of(piece.box);
            if (continues) {
                Line& line = lines.back();
                line.text += ' ';
                line.text += piece_text(piece, rotation);
                extend(line.box, piece.box);
            } else {
                if (open) {
                    lines.back().font_size = main_font_size(line_words);
                    line_words.clear();
                }
                lines.push_back({piece_text(piece, rotation), piece.box, rotation, 0});
                open = true;
            }
            line_words.insert(line_words.end(), piece.words.begin(), piece.words.end());
        }
        if (open) {
            lines.back().font_size = main_font_size(line_words);
        }
    }
    return lines;
}

}  // namespace tema::pdf
