#include "coding/memos.h"

#include <catch2/catch.hpp>

#include "coding/themes.h"
#include "import/participants_csv.h"
#include "themes_fixture.h"
#include "util/error.h"

using tema::coding::MemoKind;
using tema::test::ThemesFixture;
namespace coding = tema::coding;

namespace {

std::vector<std::string> shown(const std::vector<coding::Memo>& memos) {
    std::vector<std::string> lines;
    for (const auto& memo : memos) {
        lines.push_back(std::string(coding::memo_kind_name(memo.kind)) + " on " + memo.on + ": " +
                        memo.text);
    }
    return lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("Memos on every kind of object, listed and filtered", "[memos]") {
    ThemesFixture f;
    const auto source = f.import("timestamps-brackets.txt");
    tema::import::import_participants(*f.project, f.coder,
                                      tema::test::fixture("participants/participants.csv"));
    const auto parent = f.add_code("Arbeidsgiver");
    const auto code = f.add_code("Kontakt", parent);
    const auto segment = f.add_segment(code, source, 0, 10);
    const auto theme = coding::add_theme(*f.project, f.coder, "Samarbeid");
    coding::add_theme(*f.project, f.coder, "Tillit", theme.id);
    auto& db = f.db();

    auto add = [&](MemoKind kind, const std::string& on, const std::string& text) {
        return coding::add_memo(*f.project, f.coder, kind, coding::parse_target(db, on), text);
    };
    const auto journal = add(MemoKind::journal, "project", "Jeg merker at jeg er skeptisk.");
    add(MemoKind::familiarisation, "source:timestamps-brackets", "Kort og konkret.");
    add(MemoKind::analytic, "code:Arbeidsgiver/Kontakt", "Kontakt betyr «å bli sett».");
    add(MemoKind::note, "theme:samarbeid/tillit", "Slå sammen med Samarbeid?");
    add(MemoKind::note, "segment:" + std::to_string(segment), "Godt sitat.");
    add(MemoKind::note, "participant:p07", "Sa \"hei\".");

    CHECK(journal.author == "Kari");
    CHECK(journal.created.size() == 20);
    CHECK(journal.on == "project");
    CHECK(shown(coding::list_memos(db)) ==
          Lines{"journal on project: Jeg merker at jeg er skeptisk.",
                "familiarisation on source:timestamps-brackets: Kort og konkret.",
                "analytic on code:Arbeidsgiver/Kontakt: Kontakt betyr «å bli sett».",
                "note on theme:Samarbeid/Tillit: Slå sammen med Samarbeid?",
                "note on segment:" + std::to_string(segment) + ": Godt sitat.",
                "note on participant:P07: Sa \"hei\"."});
    CHECK(shown(coding::list_memos(db, {MemoKind::journal, std::nullopt})) ==
          Lines{"journal on project: Jeg merker at jeg er skeptisk."});
    CHECK(shown(coding::list_memos(db, {std::nullopt, coding::parse_target(db, "code:Kontakt")})) ==
          Lines{"analytic on code:Arbeidsgiver/Kontakt: Kontakt betyr «å bli sett»."});
    CHECK(coding::list_memos(db, {std::nullopt, coding::parse_target(db, "project")}).size() == 1);
    CHECK(coding::list_memos(db, {MemoKind::note, coding::parse_target(db, "source:1")}).empty());

    SECTION("the memo is shown where its object now is, and goes along when it is deleted") {
        coding::rename_theme(*f.project, f.coder, theme.id, "Samarbeid på tvers");
        CHECK(coding::list_memos(db, {MemoKind::note, std::nullopt}).at(0).on ==
              "theme:Samarbeid på tvers/Tillit");
        coding::delete_theme(*f.project, f.coder, theme.id);
        CHECK(coding::list_memos(db).size() == 5);
        REQUIRE(f.undo());
        CHECK(coding::list_memos(db).size() == 6);
    }
}

TEST_CASE("Memos edit and delete, undo and redo", "[memos]") {
    ThemesFixture f;
    auto& db = f.db();
    const auto memo = coding::add_memo(*f.project, f.coder, MemoKind::journal, {}, "Første tanke.");
    const auto ola = f.project->coder_named("Ola");
    coding::edit_memo(*f.project, ola, memo.id, "Første tanke, revidert.");
    auto edited = coding::find_memo(db, memo.id);
    CHECK(edited.text == "Første tanke, revidert.");
    CHECK(edited.author == "Kari");  // the author stays
    CHECK(edited.created == memo.created);
    REQUIRE(f.undo());
    CHECK(coding::find_memo(db, memo.id).text == "Første tanke.");
    REQUIRE(f.redo());
    CHECK(coding::find_memo(db, memo.id).text == "Første tanke, revidert.");

    coding::delete_memo(*f.project, f.coder, memo.id);
    CHECK(coding::list_memos(db).empty());
    CHECK_THROWS_WITH(coding::find_memo(db, memo.id), "memo 1: no such memo");
    REQUIRE(f.undo());
    CHECK(coding::find_memo(db, memo.id).guid == memo.guid);
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    CHECK(coding::list_memos(db).empty());
}

TEST_CASE("Memo refusals: unknown targets and kinds, empty text", "[memos]") {
    ThemesFixture f;
    auto& db = f.db();
    CHECK_THROWS_WITH(coding::parse_target(db, "source:fg9"),
                      "source fg9: no such source in the project");
    CHECK_THROWS_WITH(coding::parse_target(db, "code:Ukjent"),
                      "code Ukjent: no such code");
    CHECK_THROWS_WITH(coding::parse_target(db, "theme:Ukjent"),
                      "theme Ukjent: no such theme in the project");
    CHECK_THROWS_WITH(coding::parse_target(db, "segment:7"), "segment 7: no such coded segment");
    CHECK_THROWS_WITH(coding::parse_target(db, "segment:x"), "segment x: no such coded segment");
    CHECK_THROWS_WITH(coding::parse_target(db, "participant:P99"),
                      "participant P99: no such participant");
    CHECK_THROWS_WITH(coding::parse_target(db, "kode:Kontakt"),
                      "kode:Kontakt: not an object a memo can be on (project, source:NAME, "
                      "source:NAME@START-END, code:PATH, theme:PATH, segment:ID or "
                      "participant:ID)");
    CHECK_THROWS_AS(coding::parse_target(db, "theme:"), tema::Error);
    CHECK_THROWS_WITH(coding::parse_memo_kind("diary"),
                      "kind diary: not a kind of memo (note, familiarisation, journal or "
                      "analytic)");
    CHECK_THROWS_WITH(coding::add_memo(*f.project, f.coder, MemoKind::note, {}, " \n "),
                      "memo: a memo needs some text");
    CHECK_THROWS_WITH(coding::edit_memo(*f.project, f.coder, 3, "x"), "memo 3: no such memo");
    CHECK(db.query_int("SELECT count(*) FROM actions") == 0);
}

TEST_CASE("A memo on a passage of a source, coded or not", "[memos]") {
    ThemesFixture f;
    const auto source = f.import("timestamps-brackets.txt");
    const auto code = f.add_code("Yrke");
    const auto segment = f.add_segment(code, source, 60, 86);
    auto& db = f.db();

    // "NAV-veileder" on line 2, uncoded as a passage of its own.
    const auto target = coding::parse_target(db, "source:timestamps-brackets@74-86");
    CHECK(target.kind == coding::MemoTarget::Kind::passage);
    CHECK(target.id == source);
    CHECK(target.start == 74);
    CHECK(target.end == 86);
    const auto memo =
        coding::add_memo(*f.project, f.coder, MemoKind::note, target, "Rollen sier hun først.");
    CHECK(memo.on == "source:timestamps-brackets@74-86");
    CHECK(memo.place == "timestamps-brackets, l. 2");
    CHECK(coding::find_memo(db, memo.id).target.start == 74);
    coding::add_memo(*f.project, f.coder, MemoKind::note, coding::parse_target(db, "source:1"),
                     "Hele kilden.");
    coding::add_memo(*f.project, f.coder, MemoKind::analytic,
                     coding::parse_target(db, "segment:" + std::to_string(segment)), "Godt sitat.");

    // A passage is not the source as a whole, and the source's passages are listed together.
    CHECK(shown(coding::list_memos(db, {std::nullopt, coding::parse_target(db, "source:1")})) ==
          Lines{"note on source:timestamps-brackets: Hele kilden."});
    CHECK(shown(coding::list_memos(db, {std::nullopt, coding::passage(source, 85, 90)})) ==
          Lines{"note on source:timestamps-brackets@74-86: Rollen sier hun først."});
    CHECK(coding::list_memos(db, {std::nullopt, coding::passage(source, 86, 90)}).empty());
    // In the source: the passages and the coded segments with memos, by where they start.
    const auto placed = coding::memos_in_source(db, source);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].memo.text == "Godt sitat.");
    CHECK(placed[0].memo.place == "Yrke in timestamps-brackets, l. 2");
    CHECK(coding::place_of(db, coding::passage(source, 0, 100)) == "timestamps-brackets, l. 1-3");
    CHECK(coding::place_of(db, {}) == "project");
    CHECK(placed[0].start == 60);
    CHECK(placed[0].end == 86);
    CHECK(placed[1].memo.id == memo.id);
    CHECK(placed[1].start == 74);

    // Undoable as any memo; and it goes along with its source.
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    CHECK(coding::list_memos(db).empty());
    REQUIRE(f.redo());
    CHECK(coding::list_memos(db).at(0).on == "source:timestamps-brackets@74-86");

    // Refusals.
    CHECK_THROWS_WITH(coding::parse_target(db, "source:timestamps-brackets@86-74"),
                      "source timestamps-brackets: the passage 86-74 is empty");
    CHECK_THROWS_WITH(coding::parse_target(db, "source:timestamps-brackets@0-500"),
                      "source timestamps-brackets: the passage 0-500 is outside the text (it has "
                      "202 characters)");
    CHECK_THROWS_WITH(coding::parse_target(db, "source:timestamps-brackets@l.2"),
                      "timestamps-brackets@l.2: a passage is NAME@START-END, in characters "
                      "(code points) of the text, end exclusive");
    CHECK_THROWS_WITH(coding::add_memo(*f.project, f.coder, MemoKind::note,
                                       coding::passage(source, 5, 5), "Tom."),
                      "source timestamps-brackets: the passage 5-5 is empty");
    CHECK(coding::list_memos(db).size() == 1);
}
