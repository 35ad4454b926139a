#include "coding/segments.h"

#include <catch2/catch.hpp>

#include "coding/retrieval.h"
#include "core/coding/coding_fixture.h"
#include "util/error.h"

using tema::test::CodingFixture;
using tema::test::fixture;
namespace coding = tema::coding;

namespace {

// What a researcher sees of a code: each segment's lines and words.
std::vector<std::string> seen(CodingFixture& f, std::int64_t code) {
    std::vector<std::string> rows;
    for (const auto& s : coding::retrieve(f.db(), code)) {
        rows.push_back(std::to_string(s.start_line) + "-" + std::to_string(s.end_line) + " " +
                       s.text);
    }
    return rows;
}

using Rows = std::vector<std::string>;

}  // namespace

TEST_CASE("Line-by-line coding codes whole lines, LF excluded, and undoes", "[coding]") {
    CodingFixture f;
    const auto file = CodingFixture::sample("fokusgruppe-1-jobbspesialister-bergvik");
    const auto source = f.import(file);
    const auto code = f.add("Bakgrunn");
    const auto range = coding::line_range(f.db(), source, 14, 16);
    const auto applied = coding::apply_code(*f.project, f.coder, code, source, range);
    CHECK(applied.created);
    CHECK(applied.changed);
    CHECK(applied.start_line == 14);
    CHECK(applied.end_line == 16);
    const std::string expected =
        CodingFixture::line_of(file, 14) + "\n\n" + CodingFixture::line_of(file, 16);
    CHECK(seen(f, code) == Rows{"14-16 " + expected});
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "coded fokusgruppe-1-jobbspesialister-bergvik l. 14-16 with 'Bakgrunn'");
    // The last line of a text ending in LF ends before it.
    const auto last = coding::line_range(f.db(), source, 1028, 1028);
    coding::apply_code(*f.project, f.coder, code, source, last);
    CHECK(coding::retrieve(f.db(), code).back().text == CodingFixture::line_of(file, 1028));

    f.undo();
    f.undo();
    CHECK(seen(f, code).empty());
    f.redo();
    CHECK(seen(f, code) == Rows{"14-16 " + expected});
}

TEST_CASE("Ranges are code points of the NFC text", "[coding]") {
    CodingFixture f;
    // The file is NFD: "må" and "Åsen" are stored composed.
    const auto source = f.import(fixture("import/nfd-norwegian.txt"));
    const auto code = f.add("Ærlighet");
    coding::apply_code(*f.project, f.coder, code, source, {23, 29}, {"memo", "honest"});
    const auto rows = coding::retrieve(f.db(), code);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text == "ærlige");
    CHECK(rows[0].memo == "memo");
    CHECK(rows[0].translation == "honest");
    CHECK(rows[0].speaker == "Deltaker 1");
    CHECK(rows[0].start_line == 1);
}

TEST_CASE("The same coder's overlapping or touching coding extends one segment", "[coding]") {
    CodingFixture f;
    const auto file = CodingFixture::sample("fokusgruppe-1-jobbspesialister-bergvik");
    const auto source = f.import(file);
    const auto code = f.add("Bakgrunn");
    auto lines = [&](std::int64_t a, std::int64_t b) {
        return coding::apply_code(*f.project, f.coder, code, source,
                                  coding::line_range(f.db(), source, a, b));
    };
    const auto first = lines(10, 12);
    const auto second = lines(16, 18);
    CHECK(f.count("segments") == 2);
    // Overlapping: one segment, the union.
    const auto overlap = lines(12, 14);
    CHECK_FALSE(overlap.created);
    CHECK(overlap.segment == first.segment);
    CHECK(overlap.start_line == 10);
    CHECK(overlap.end_line == 14);
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "extended fokusgruppe-1-jobbspesialister-bergvik l. 10-14 with 'Bakgrunn'");
    // Bridging two segments joins them.
    const auto bridge = lines(14, 16);
    CHECK(bridge.segment == first.segment);
    CHECK(bridge.joined == 2);
    CHECK(f.count("segments") == 1);
    CHECK(seen(f, code).at(0).substr(0, 6) == "10-18 ");
    // Touching: [end, ...) extends too.
    const auto end = coding::line_range(f.db(), source, 18, 18).end;
    const auto touching = coding::apply_code(*f.project, f.coder, code, source, {end, end + 1});
    CHECK(touching.segment == first.segment);
    CHECK(touching.end == end + 1);
    // Coding what is already coded changes nothing and records nothing.
    const auto actions = f.count("actions");
    const auto again = lines(11, 12);
    CHECK_FALSE(again.changed);
    CHECK(again.segment == first.segment);
    CHECK(f.count("actions") == actions);
    // Another coder's coding stays apart.
    const auto ola = f.project->coder_named("Ola");
    const auto theirs = coding::apply_code(*f.project, ola, code, source,
                                           coding::line_range(f.db(), source, 12, 12));
    CHECK(theirs.created);
    CHECK(f.count("segments") == 2);

    // Undo goes back one step at a time: the bridge, then the overlap.
    f.undo();  // Ola's
    f.undo();  // touching
    f.undo();  // bridge
    CHECK(f.count("segments") == 2);
    CHECK(seen(f, code) ==
          Rows{"10-14 " + CodingFixture::line_of(file, 10) + "\n\n" +
                   CodingFixture::line_of(file, 12) + "\n\n" + CodingFixture::line_of(file, 14),
               "16-18 " + CodingFixture::line_of(file, 16) + "\n\n" +
                   CodingFixture::line_of(file, 18)});
    CHECK(coding::get_segment(f.db(), second.segment).start ==
          coding::line_range(f.db(), source, 16, 16).start);
    f.redo();
    CHECK(f.count("segments") == 1);
}

TEST_CASE("Applying refuses what cannot be coded, and changes nothing", "[coding]") {
    CodingFixture f;
    const auto source = f.import(fixture("import/timestamps-brackets.txt"));
    const auto code = f.add("Kode");
    coding::NewCode folder;
    folder.name = "Mappe";
    folder.codable = false;
    const auto m = coding::add_code(*f.project, f.coder, folder);
    const auto chars = tema::store::find_source(f.db(), std::to_string(source)).chars;
    const auto actions = f.count("actions");
    auto apply = [&](std::int64_t c, std::int64_t s, std::uint32_t a, std::uint32_t b) {
        coding::apply_code(*f.project, f.coder, c, s, {a, b});
    };
    CHECK_THROWS_WITH(apply(code, source, 5, 5),
                      "source timestamps-brackets: the range 5:5 is empty; nothing to code");
    CHECK_THROWS_WITH(apply(code, source, 9, 3),
                      "source timestamps-brackets: the range 9:3 is empty; nothing to code");
    CHECK_THROWS_WITH(apply(code, source, 0, static_cast<std::uint32_t>(chars) + 1),
                      "source timestamps-brackets: the range 0:" + std::to_string(chars + 1) +
                          " is outside the text (it has " + std::to_string(chars) + " characters)");
    CHECK_THROWS_WITH(apply(99, source, 0, 5), "code 99: no such code");
    CHECK_THROWS_WITH(apply(code, 42, 0, 5), "source 42: no such source in the project");
    CHECK_THROWS_WITH(apply(m, source, 0, 5),
                      "code Mappe: is a folder (not codable); apply one of its codes, or make it "
                      "codable");
    CHECK_THROWS_WITH(coding::line_range(f.db(), source, 4, 9),
                      "source timestamps-brackets: has no lines 4-9 (it has 5 lines)");
    CHECK_THROWS_WITH(coding::line_range(f.db(), source, 0, 1),
                      "source timestamps-brackets: has no lines 0-1 (it has 5 lines)");
    CHECK(f.count("segments") == 0);
    CHECK(f.count("actions") == actions);
    apply(code, source, 0, static_cast<std::uint32_t>(chars));  // the whole text is fine
}

TEST_CASE("A blank line has nothing to code", "[coding]") {
    CodingFixture f;
    const auto source = f.import(CodingFixture::sample("fokusgruppe-1-jobbspesialister-bergvik"));
    CHECK_THROWS_WITH(coding::line_range(f.db(), source, 5, 5),
                      "source fokusgruppe-1-jobbspesialister-bergvik: line 5 is blank; nothing "
                      "to code");
    // Ending on a blank line takes the LF before it, not the blank line's own.
    CHECK(coding::line_range(f.db(), source, 4, 5).end ==
          coding::line_range(f.db(), source, 4, 4).end + 1);
}

TEST_CASE("In-vivo coding: the participant's words become a code and are coded", "[coding]") {
    CodingFixture f;
    const auto source = f.import_focus_group_1();
    const auto parent = f.add("Åpenhet");
    const auto result = coding::invivo(*f.project, f.coder, source, "  være ærlige ", 2, parent);
    CHECK(result.code_created);
    CHECK(result.code_name == "være ærlige");
    const auto code = coding::get_code(f.db(), result.code_id);
    CHECK(code.path == "Åpenhet/være ærlige");
    CHECK(code.origin == coding::Origin::invivo);
    CHECK(result.applied.start_line == 758);
    const auto rows = coding::retrieve(f.db(), result.code_id);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text == "være ærlige");
    CHECK(rows[0].participant == "P01");
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "in-vivo coded fokusgruppe-1-jobbspesialister-bergvik l. 758 with 'Åpenhet/være "
          "ærlige'");
    // The first occurrence codes with the same code.
    const auto again = coding::invivo(*f.project, f.coder, source, "være ærlige", 1, parent);
    CHECK_FALSE(again.code_created);
    CHECK(again.code_id == result.code_id);
    CHECK(again.applied.start_line == 656);
    CHECK(coding::get_code(f.db(), result.code_id).segments == 2);

    // Words typed in NFD find the NFC text, and name the code in NFC.
    const auto nfd = coding::invivo(*f.project, f.coder, source, "A\u030Atte ma\u030Aneder");
    CHECK(nfd.code_name == "Åtte måneder");
    CHECK(nfd.applied.start_line == 14);
    CHECK(coding::retrieve(f.db(), nfd.code_id).at(0).text == "Åtte måneder");

    // Undo takes back the code and its segment in one step.
    f.undo();
    CHECK(f.paths() == std::vector<std::string>{"Åpenhet", "Åpenhet/være ærlige"});
    f.undo();
    f.undo();
    CHECK(f.paths() == std::vector<std::string>{"Åpenhet"});
    CHECK(f.count("segments") == 0);
    f.redo();
    CHECK(coding::retrieve(f.db(), coding::find_code(f.db(), "være ærlige").id).at(0).text ==
          "være ærlige");
}

TEST_CASE("In-vivo coding of a selected range: its words name the code", "[coding]") {
    CodingFixture f;
    const auto source = f.import_focus_group_1();
    // Line 758: "Deltaker 1: Av oss også, kanskje. Hvis vi skal være ærlige."
    const coding::Range line = coding::line_range(f.db(), source, 758, 758);
    const std::uint32_t words = 12;  // "være ærlige." in code points
    // Selected with the space before and the line's LF after: both left out.
    const auto result =
        coding::invivo_range(*f.project, f.coder, source, {line.end - words - 1, line.end + 1});
    CHECK(result.code_created);
    CHECK(result.code_name == "være ærlige.");
    CHECK(coding::get_code(f.db(), result.code_id).origin == coding::Origin::invivo);
    CHECK(result.applied.start == line.end - words);
    CHECK(result.applied.end == line.end);
    CHECK(result.applied.start_line == 758);
    CHECK(coding::retrieve(f.db(), result.code_id).at(0).text == "være ærlige.");
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "in-vivo coded fokusgruppe-1-jobbspesialister-bergvik l. 758 with 'være ærlige.'");

    // Refusals change nothing.
    const std::string name = "source fokusgruppe-1-jobbspesialister-bergvik: ";
    CHECK_THROWS_WITH(
        coding::invivo_range(*f.project, f.coder, source, {line.end - words - 1, line.end - words}),
        "in-vivo code: the range " + std::to_string(line.end - words - 1) + ":" +
            std::to_string(line.end - words) + " holds no words");
    CHECK_THROWS_WITH(coding::invivo_range(*f.project, f.coder, source, {5, 5}),
                      name + "the range 5:5 is empty; nothing to code");
    CHECK_THROWS_WITH(coding::invivo_range(*f.project, f.coder, source, {0, 10'000'000}),
                      Catch::Contains("is outside the text"));
    CHECK_THROWS_WITH(coding::invivo_range(*f.project, f.coder, source,
                                           coding::line_range(f.db(), source, 14, 14)),
                      Catch::StartsWith("in-vivo code: the words are ") &&
                          Catch::Contains("a code name holds at most 80"));
    CHECK(f.count("codes") == 1);

    // One undo takes back the code and its segment.
    f.undo();
    CHECK(f.count("codes") == 0);
    CHECK(f.count("segments") == 0);
}

TEST_CASE("A new code and its first coding are one action, undone together", "[coding]") {
    CodingFixture f;
    const std::int64_t source = f.import_focus_group_1();
    coding::NewCode code;
    code.name = "Tillit";
    const auto before = tema::store::list_history(f.db()).size();
    const auto applied = coding::apply_new_code(*f.project, f.coder, code, source,
                                                coding::line_range(f.db(), source, 970, 972));
    CHECK(coding::code_path(f.db(), applied.code_id) == "Tillit");
    CHECK(applied.start_line == 970);
    CHECK(applied.end_line == 972);
    const auto log = tema::store::list_history(f.db());
    REQUIRE(log.size() == before + 1);
    CHECK(log.front().summary ==
          "made the code 'Tillit' and coded fokusgruppe-1-jobbspesialister-bergvik l. 970-972");
    tema::store::undo(*f.project, f.coder);
    CHECK(f.count("codes") == 0);
    CHECK(f.count("segments") == 0);
    // A range outside the text makes no code either.
    CHECK_THROWS(coding::apply_new_code(*f.project, f.coder, code, source, {0, 10'000'000}));
    CHECK(f.count("codes") == 0);
}

TEST_CASE("In-vivo coding finds whole words, not the middle of others", "[coding]") {
    CodingFixture f;
    const std::int64_t source = f.import_focus_group_1();
    // Line 52 has "kjærlighet"; the word "ærlig" first stands alone on line 236.
    const auto result = coding::invivo(*f.project, f.coder, source, "ærlig");
    CHECK(result.applied.start_line == 236);
    CHECK(coding::invivo(*f.project, f.coder, source, "ærlig", 2).applied.start_line == 284);
}

TEST_CASE("In-vivo coding refuses words not there, and names too long", "[coding]") {
    CodingFixture f;
    const auto source = f.import(CodingFixture::sample("fokusgruppe-1-jobbspesialister-bergvik"));
    const std::string name = "source fokusgruppe-1-jobbspesialister-bergvik: ";
    CHECK_THROWS_WITH(coding::invivo(*f.project, f.coder, source, "VÆRE ÆRLIGE"),
                      name +
                          "\"VÆRE ÆRLIGE\" is not in the text (the search is exact: case, "
                          "letters and accents count)");
    CHECK_THROWS_WITH(coding::invivo(*f.project, f.coder, source, "være ærlige", 3),
                      name + "\"være ærlige\" occurs 2 times, not 3");
    CHECK_THROWS_WITH(coding::invivo(*f.project, f.coder, source, "   "),
                      "in-vivo code: no words given");
    const std::string long_words =
        "Det finnes ingen riktige eller gale svar, og dere må gjerne være uenige med hverandre.";
    CHECK_THROWS_WITH(coding::invivo(*f.project, f.coder, source, long_words),
                      "in-vivo code: the words are 86 characters long; a code name holds at most "
                      "80 (code the range with a shorter name instead)");
    // A phrase up to 80 characters is kept whole.
    const std::string phrase = long_words.substr(0, long_words.find(", og"));
    const auto kept = coding::invivo(*f.project, f.coder, source, phrase);
    CHECK(kept.code_name == phrase);
    CHECK(f.count("codes") == 1);
}

TEST_CASE("Unapply and segment notes are undoable", "[coding]") {
    CodingFixture f;
    const auto source = f.import(fixture("import/timestamps-brackets.txt"));
    const auto code = f.add("Yrke");
    const auto applied = coding::apply_code(*f.project, f.coder, code, source,
                                            coding::line_range(f.db(), source, 2, 2));
    coding::annotate_segment(*f.project, f.coder, applied.segment, std::string("Rollen"),
                             std::nullopt);
    coding::annotate_segment(*f.project, f.coder, applied.segment, std::nullopt,
                             std::string("I am a NAV counsellor."));
    auto segment = coding::get_segment(f.db(), applied.segment);
    CHECK(segment.memo == "Rollen");
    CHECK(segment.translation == "I am a NAV counsellor.");
    f.undo();
    CHECK(coding::get_segment(f.db(), applied.segment).translation.empty());
    CHECK(coding::get_segment(f.db(), applied.segment).memo == "Rollen");

    coding::unapply(*f.project, f.coder, applied.segment);
    CHECK(f.count("segments") == 0);
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "removed 'Yrke' from timestamps-brackets l. 2");
    CHECK_THROWS_WITH(coding::unapply(*f.project, f.coder, applied.segment),
                      "segment " + std::to_string(applied.segment) + ": no such segment");
    f.undo();
    segment = coding::get_segment(f.db(), applied.segment);
    CHECK(segment.memo == "Rollen");
    CHECK(coding::retrieve(f.db(), code).at(0).text == "[00:00:12] Person 1: Jeg er NAV-veileder.");
    f.redo();
    CHECK(f.count("segments") == 0);
}
