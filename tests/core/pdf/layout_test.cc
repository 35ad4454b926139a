#include "pdf/layout.h"

#include <catch2/catch.hpp>

using tema::pdf::Box;
using tema::pdf::lay_out;
using tema::pdf::Line;
using tema::pdf::Word;

namespace {

// Type of 9 pt: boxes 11.7 pt high, lines 10.5 pt apart, as LibreOffice sets them.
constexpr double kHeight = 11.7;
constexpr double kStep = 10.5;

// The words of `text` set from `left` on row `row`, each character 5 pt wide
// and spaces 3 pt, or `space` pt where the text has two spaces in a row.
std::vector<Word> row(const std::string& text, double left, int row_index, double space = 3) {
    std::vector<Word> words;
    const double top = 30 + kStep * row_index;
    double x = left;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        Word word;
        word.text = text.substr(at, end - at);
        word.box = {x, top, x + 5.0 * static_cast<double>(word.text.size()), top + kHeight};
        word.font_size = 9;
        x = word.box.right;
        at = end;
        std::size_t spaces = 0;
        for (; at < text.size() && text[at] == ' '; ++at) {
            ++spaces;
        }
        const double gap = spaces == 0 ? 0 : spaces == 1 ? 3 : space;
        word.space_after = spaces > 0;
        x += gap;
        words.push_back(std::move(word));
    }
    return words;
}

void add(std::vector<Word>& page, const std::vector<Word>& more) {
    page.insert(page.end(), more.begin(), more.end());
}

std::vector<std::string> texts(const std::vector<Line>& lines) {
    std::vector<std::string> out;
    for (const Line& line : lines) {
        out.push_back(line.text);
    }
    return out;
}

}  // namespace

TEST_CASE("Words on one baseline make a line, lines keep their order", "[pdf]") {
    std::vector<Word> page;
    add(page, row("Dette var det andre", 37, 0));
    add(page, row("vekemøtet eg observerte.", 37, 1));
    const auto lines = lay_out(page);
    CHECK(texts(lines) ==
          std::vector<std::string>{"Dette var det andre", "vekemøtet eg observerte."});
    CHECK(lines[0].box.left == 37);
    CHECK(lines[0].box.top == 30);
    CHECK(lines[0].font_size == 9);
}

TEST_CASE("Two columns are read one after the other, under a title across both", "[pdf]") {
    std::vector<Word> page;
    // The PDF library may hand the words over row by row across the columns.
    add(page, row("Opne spørsmål å følgje opp i teamet og elles", 37, 0));
    for (int r = 1; r <= 3; ++r) {
        add(page, row("venstre linje " + std::to_string(r), 37, r));
        add(page, row("høgre linje " + std::to_string(r), 160, r));
    }
    add(page, row("venstre linje 4", 37, 4));
    CHECK(texts(lay_out(page)) ==
          std::vector<std::string>{"Opne spørsmål å følgje opp i teamet og elles",
                                   "venstre linje 1", "venstre linje 2", "venstre linje 3",
                                   "venstre linje 4", "høgre linje 1", "høgre linje 2",
                                   "høgre linje 3"});
}

TEST_CASE("A line across the columns in the middle of a page ends the band above it", "[pdf]") {
    std::vector<Word> page;
    add(page, row("a1", 37, 0));
    add(page, row("b1", 160, 0));
    add(page, row("a2", 37, 1));
    add(page, row("b2", 160, 1));
    add(page, row("Figur 1: ei tverrgåande linje over begge spaltene", 37, 3));
    add(page, row("a3", 37, 5));
    add(page, row("b3", 160, 5));
    add(page, row("a4", 37, 6));
    add(page, row("b4", 160, 6));
    CHECK(texts(lay_out(page)) ==
          std::vector<std::string>{"a1", "a2", "b1", "b2",
                                   "Figur 1: ei tverrgåande linje over begge spaltene", "a3", "a4",
                                   "b3", "b4"});
}

TEST_CASE("A space stretched wide by justification does not split a line into columns", "[pdf]") {
    std::vector<Word> page;
    add(page, row("deltakarane er fordelt i teamet, og at", 37, 0));
    // One space of 12 pt: wider than a gutter, but on this row only.
    add(page, row("spesialisten ikkje  alltid har tilgang", 37, 1, 12));
    add(page, row("sjukepleiaren veit.", 37, 2));
    CHECK(texts(lay_out(page)) == std::vector<std::string>{"deltakarane er fordelt i teamet, og at",
                                                           "spesialisten ikkje alltid har tilgang",
                                                           "sjukepleiaren veit."});
}

TEST_CASE("Pieces of one row that are read one after the other make one line", "[pdf]") {
    std::vector<Word> page;
    add(page, row("Namn:", 37, 0));
    add(page, row("Kari Nordmann", 200, 0));
    CHECK(texts(lay_out(page)) == std::vector<std::string>{"Namn: Kari Nordmann"});
}

TEST_CASE("Text turned a quarter is laid out upright, the page's main direction first", "[pdf]") {
    // Rotation 1: written downwards, lines stacked from right to left.
    auto turned = [](const std::string& text, double x, double y) {
        Word word;
        word.text = text;
        word.box = {x, y, x + kHeight, y + 5.0 * static_cast<double>(text.size())};
        word.rotation = 1;
        word.space_after = true;
        word.font_size = 9;
        return word;
    };
    std::vector<Word> page = {turned("første", 300, 40), turned("linje", 300, 73),
                              turned("andre", 289.5, 40), turned("linje", 289.5, 68)};
    add(page, row("sidetal", 37, 30));  // less text upright than turned
    const auto lines = lay_out(page);
    CHECK(texts(lines) == std::vector<std::string>{"første linje", "andre linje", "sidetal"});
    CHECK(lines[0].rotation == 1);
    CHECK(lines[2].rotation == 0);
}

TEST_CASE("A word split by a change of font is one word, a gap makes a space", "[pdf]") {
    Word bold{"NAV", {37, 30, 52, 41.7}, 0, false, 9};
    Word rest{"-rettleiaren", {52, 30, 110, 41.7}, 0, false, 9};
    Word next{"sa", {114, 30, 124, 41.7}, 0, false, 9};  // no space said, but a gap
    CHECK(texts(lay_out({bold, rest, next})) == std::vector<std::string>{"NAV-rettleiaren sa"});
}

TEST_CASE("Degenerate boxes and empty words are no trouble", "[pdf]") {
    std::vector<Word> page = {{"", {0, 0, 0, 0}, 0, false, 0},
                              {"x", {5, 5, 5, 5}, 0, false, 0},
                              {"y", {5, 5, 5, 5}, 3, true, 0},
                              {"z", {-1e9, 1e9, 1e9, -1e9}, 2, false, 0}};
    const auto lines = lay_out(page);
    CHECK(lines.size() == 3);
}
