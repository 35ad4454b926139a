#include "import/turns.h"

#include <catch2/catch.hpp>

#include "import/plain_text.h"
#include "support/test_support.h"
#include "text/positions.h"

using tema::import::find_turns;
using tema::import::Turn;

namespace {

// The words of a turn, from its body start to its end.
std::string body(const std::string& text, const Turn& turn) {
    const tema::text::PositionMap map(text);
    const auto begin = map.byte_of_codepoint(turn.body_start);
    return text.substr(begin, map.byte_of_codepoint(turn.end) - begin);
}

std::string whole(const std::string& text, const Turn& turn) {
    const tema::text::PositionMap map(text);
    const auto begin = map.byte_of_codepoint(turn.start);
    return text.substr(begin, map.byte_of_codepoint(turn.end) - begin);
}

std::string read_fixture(const std::string& name) {
    const std::string bytes = tema::test::read_bytes(tema::test::fixture("import/" + name));
    return tema::import::read_plain_text(bytes, {}, name, "txt").text;
}

}  // namespace

TEST_CASE("Moderator and Deltaker N labels make turns but the header is no turn",
          "[import][turns]") {
    const std::string text = read_fixture("fokusgruppe-deltaker.txt");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 6);
    CHECK(turns[0].speaker == "Moderator");
    CHECK(body(text, turns[0]) == "Velkommen, alle sammen. Kan dere si litt om hva dere gjør?");
    CHECK(turns[1].speaker == "Deltaker 1");
    CHECK(turns[2].speaker == "Deltaker 2");
    // A turn runs over its following lines until the next label.
    CHECK(body(text, turns[2]) ==
          "Ja, og jeg har vært jobbspesialisten her i to år.\n"
          "Det er ærlig talt den beste jobben jeg har hatt.");
    CHECK(turns[3].speaker == "Moderator");
    CHECK(whole(text, turns[5]) == "Deltaker 3: Mm.");
    CHECK_FALSE(turns[0].time_ms.has_value());
}

TEST_CASE("Bracketed time stamps are read to milliseconds", "[import][turns]") {
    const std::string text = read_fixture("timestamps-brackets.txt");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 4);
    CHECK(turns[0].speaker == "Moderator");
    CHECK(turns[0].time_ms == 5'000);
    CHECK(turns[1].speaker == "Person 1");
    CHECK(turns[1].time_ms == 12'000);
    CHECK(turns[2].time_ms == 100'000);
    CHECK(body(text, turns[2]) == "Og jeg er psykolog ved DPS-en.\nJeg har jobbet der lenge.");
    CHECK(turns[3].time_ms == 3'723'000);
    // "Kort svar: ja." keeps its colon: only the label's colon is taken.
    CHECK(body(text, turns[3]) == "Kort svar: ja.");
}

TEST_CASE("Bare time stamps before the label", "[import][turns]") {
    const std::string text = read_fixture("timestamps-bare.txt");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 3);
    CHECK(turns[0].speaker == "Deltaker 3");
    CHECK(turns[0].time_ms == 751'000);
    CHECK(body(text, turns[0]) == "Vi møtes hver uke.");
    CHECK(turns[1].speaker == "Moderator");
}

TEST_CASE("(mm:ss) stamps with first names that recur", "[import][turns]") {
    const std::string text = read_fixture("timestamps-parens-names.txt");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 4);
    CHECK(turns[0].speaker == "Kari");
    CHECK(turns[0].time_ms == 12'000);
    CHECK(turns[1].speaker == "Ola");
    CHECK(turns[2].time_ms == 80'000);
    CHECK(body(text, turns[3]) == "Det stemmer.");
}

TEST_CASE("A speaker alone on a line, with a time stamp, then the turn", "[import][turns]") {
    const std::string text = read_fixture("interview-standalone.txt");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 3);
    CHECK(turns[0].speaker == "Interviewer");
    CHECK(turns[0].time_ms == 4'000);
    CHECK(body(text, turns[0]) == "Thanks for taking the time.");
    CHECK(turns[1].speaker == "Respondent");
    CHECK(turns[1].time_ms == 11'000);
    CHECK(body(text, turns[1]) == "Sure. We have about ninety people.\n\nWe work in three shifts.");
    CHECK(whole(text, turns[2]) == "Interviewer  00:01:02\nHow did it start?");
}

TEST_CASE("Short role labels: M, INT, Intervjuer, P07", "[import][turns]") {
    const std::string text = read_fixture("roles-short.txt");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 5);
    CHECK(turns[0].speaker == "M");
    CHECK(turns[1].speaker == "INT");
    CHECK(turns[2].speaker == "Intervjuer");
    CHECK(turns[3].speaker == "P07");
    CHECK(body(text, turns[3]) == "Jeg er P07.");
}

TEST_CASE("Markdown bold labels", "[import][turns]") {
    const std::string text = read_fixture("markdown-bold.md");
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].speaker == "Moderator");
    CHECK(body(text, turns[0]) == "Velkommen.");
    CHECK(turns[1].speaker == "Deltaker 1");
    CHECK(body(text, turns[1]) == "Takk.\n\nVanlig tekst her.");
}

TEST_CASE("Colons in prose make no speakers", "[import][turns]") {
    CHECK(find_turns(read_fixture("fieldnote-with-colons.txt")).empty());
    CHECK(find_turns("Dato: 3. mars\nTranskribert av: K. N.\n\nSå begynte vi.\n").empty());
    CHECK(find_turns("Se https://example.org/x for mer.\nKlokka 12:30 startet vi.\n").empty());
}

TEST_CASE("Positions are code points, not bytes", "[import][turns]") {
    const std::string text = "Innledning med æøå\nDeltaker 1: Blåbær\nDeltaker 2: Øl\n";
    const auto turns = find_turns(text);
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].start == 19);  // "Innledning med æøå\n" is 19 code points
    CHECK(turns[0].body_start == 31);
    CHECK(turns[0].end == 37);
    CHECK(body(text, turns[1]) == "Øl");
}

TEST_CASE("A huge line with no breaks is no label and does not hang", "[import][turns]") {
    const std::string text(5'000'000, 'a');
    CHECK(find_turns(text).empty());
    const std::string spaced = std::string(1'000'000, ' ') + "x";
    CHECK(find_turns(spaced).empty());
}
