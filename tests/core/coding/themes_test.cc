#include "coding/themes.h"

#include <catch2/catch.hpp>

#include "coding/fields.h"
#include "import/participants_csv.h"
#include "store/participants.h"
#include "store/sources.h"
#include "themes_fixture.h"
#include "util/error.h"

using tema::Error;
using tema::coding::ThemeStatus;
using tema::test::ThemesFixture;
namespace coding = tema::coding;

namespace {

// What the user sees of the tree: "path [status]" per theme, in tree order.
std::vector<std::string> tree(ThemesFixture& f) {
    std::vector<std::string> shape;
    for (const auto& entry : coding::list_themes(f.db())) {
        shape.push_back(entry.theme.path + " [" +
                        std::string(coding::status_name(entry.theme.status)) + "]");
    }
    return shape;
}

std::vector<std::string> paths(ThemesFixture& f) {
    std::vector<std::string> result;
    for (const auto& entry : coding::list_themes(f.db())) {
        result.push_back(entry.theme.path);
    }
    return result;
}

coding::ThemeEntry entry_of(ThemesFixture& f, const std::string& path) {
    for (auto& entry : coding::list_themes(f.db())) {
        if (entry.theme.path == path) {
            return entry;
        }
    }
    FAIL("no theme " << path);
    return {};
}

using Paths = std::vector<std::string>;

}  // namespace

TEST_CASE("Themes and subthemes are added in order and listed as a tree", "[themes]") {
    ThemesFixture f;
    const auto arbeid = coding::add_theme(*f.project, f.coder, "Arbeidsgiver");
    const auto kontakt = coding::add_theme(*f.project, f.coder, "Kontakt", arbeid.id);
    coding::add_theme(*f.project, f.coder, "Holdninger", arbeid.id);
    coding::add_theme(*f.project, f.coder, "Økonomi");
    coding::add_theme(*f.project, f.coder, "Samarbeid med NAV");
    CHECK(kontakt.path == "Arbeidsgiver/Kontakt");
    CHECK(kontakt.depth == 1);
    CHECK(kontakt.status == ThemeStatus::candidate);
    CHECK(tree(f) == Paths{"Arbeidsgiver [candidate]", "Arbeidsgiver/Kontakt [candidate]",
                           "Arbeidsgiver/Holdninger [candidate]", "Økonomi [candidate]",
                           "Samarbeid med NAV [candidate]"});
    CHECK(entry_of(f, "Arbeidsgiver").subthemes == 2);

    SECTION("undo takes the last one back, redo brings it back with its guid") {
        const auto guid = coding::find_theme(f.db(), "Samarbeid med NAV").guid;
        REQUIRE(f.undo());
        CHECK(paths(f).size() == 4);
        REQUIRE(f.redo());
        CHECK(coding::find_theme(f.db(), "Samarbeid med NAV").guid == guid);
        CHECK(paths(f).back() == "Samarbeid med NAV");
    }
}

TEST_CASE("Names: trimmed, never blank, no '/', unique among siblings as people read them",
          "[themes]") {
    ThemesFixture f;
    const auto top = coding::add_theme(*f.project, f.coder, "  Økonomi ");
    CHECK(top.name == "Økonomi");
    CHECK_THROWS_WITH(coding::add_theme(*f.project, f.coder, "   "),
                      "theme: a name cannot be empty");
    CHECK_THROWS_WITH(coding::add_theme(*f.project, f.coder, "ØKONOMI"),
                      "theme ØKONOMI: there is already a theme 'Økonomi' at the top level");
    CHECK_THROWS_WITH(coding::add_theme(*f.project, f.coder, "Inn/ut"),
                      Catch::Contains("cannot contain '/'"));
    // The same name is fine under another parent, and "Okonomi" is another name.
    CHECK_NOTHROW(coding::add_theme(*f.project, f.coder, "Økonomi", top.id));
    CHECK_NOTHROW(coding::add_theme(*f.project, f.coder, "Okonomi"));
    CHECK_THROWS_WITH(coding::add_theme(*f.project, f.coder, "økonomi", top.id),
                      "theme økonomi: there is already a theme 'Økonomi' under 'Økonomi'");
    // Refusals write nothing, not even an action.
    CHECK(f.db().query_int("SELECT count(*) FROM actions") == 3);
}

TEST_CASE("find_theme by id, name and path, ambiguous names refused", "[themes]") {
    ThemesFixture f;
    const auto a = coding::add_theme(*f.project, f.coder, "Arbeidsgiver");
    const auto b = coding::add_theme(*f.project, f.coder, "Brukere");
    const auto ak = coding::add_theme(*f.project, f.coder, "Kontakt", a.id);
    const auto bk = coding::add_theme(*f.project, f.coder, "Kontakt", b.id);
    CHECK(coding::find_theme(f.db(), std::to_string(ak.id)).path == "Arbeidsgiver/Kontakt");
    CHECK(coding::find_theme(f.db(), "brukere").id == b.id);
    CHECK(coding::find_theme(f.db(), "Brukere/kontakt").id == bk.id);
    CHECK(coding::find_theme(f.db(), " Arbeidsgiver / Kontakt ").id == ak.id);
    CHECK_THROWS_WITH(coding::find_theme(f.db(), "Kontakt"),
                      "theme Kontakt: several themes have this name (Arbeidsgiver/Kontakt, "
                      "Brukere/Kontakt); give its path");
    CHECK_THROWS_WITH(coding::find_theme(f.db(), "Økonomi"),
                      "theme Økonomi: no such theme in the project");
    CHECK_THROWS_WITH(coding::find_theme(f.db(), "Arbeidsgiver/Ukjent"),
                      "theme Arbeidsgiver/Ukjent: no such theme in the project");
    CHECK_THROWS_AS(coding::find_theme(f.db(), "999"), Error);
}

TEST_CASE("Rename changes the paths below, undo and redo", "[themes]") {
    ThemesFixture f;
    const auto a = coding::add_theme(*f.project, f.coder, "Arbeidsgiver");
    coding::add_theme(*f.project, f.coder, "Kontakt", a.id);
    const auto b = coding::add_theme(*f.project, f.coder, "Brukere");
    coding::rename_theme(*f.project, f.coder, a.id, "Arbeidsgivere");
    CHECK(paths(f) == Paths{"Arbeidsgivere", "Arbeidsgivere/Kontakt", "Brukere"});
    CHECK_THROWS_WITH(coding::rename_theme(*f.project, f.coder, b.id, "ARBEIDSGIVERE"),
                      Catch::Contains("there is already a theme 'Arbeidsgivere'"));
    CHECK_THROWS_WITH(coding::rename_theme(*f.project, f.coder, b.id, ""),
                      "theme: a name cannot be empty");
    // Renaming to itself in another case is allowed.
    coding::rename_theme(*f.project, f.coder, b.id, "brukere");
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    CHECK(paths(f) == Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Brukere"});
    REQUIRE(f.redo());
    CHECK(paths(f) == Paths{"Arbeidsgivere", "Arbeidsgivere/Kontakt", "Brukere"});
}

TEST_CASE("Move under another theme or to the top, never under itself", "[themes]") {
    ThemesFixture f;
    const auto a = coding::add_theme(*f.project, f.coder, "A");
    const auto a1 = coding::add_theme(*f.project, f.coder, "A1", a.id);
    const auto a11 = coding::add_theme(*f.project, f.coder, "A11", a1.id);
    const auto a2 = coding::add_theme(*f.project, f.coder, "A2", a.id);
    const auto b = coding::add_theme(*f.project, f.coder, "B");

    coding::move_theme(*f.project, f.coder, a1.id, b.id);
    CHECK(paths(f) == Paths{"A", "A/A2", "B", "B/A1", "B/A1/A11"});
    CHECK(coding::theme_by_id(f.db(), a2.id).position == 1);  // the gap closed

    coding::move_theme(*f.project, f.coder, a11.id, std::nullopt, 1);
    CHECK(paths(f) == Paths{"A11", "A", "A/A2", "B", "B/A1"});

    CHECK_THROWS_WITH(coding::move_theme(*f.project, f.coder, b.id, b.id),
                      "theme B: cannot move a theme under itself or one of its own subthemes");
    CHECK_THROWS_WITH(coding::move_theme(*f.project, f.coder, b.id, a1.id),
                      "theme B: cannot move a theme under itself or one of its own subthemes");
    coding::add_theme(*f.project, f.coder, "A2", b.id);
    CHECK_THROWS_WITH(coding::move_theme(*f.project, f.coder, a2.id, b.id),
                      "theme A2: there is already a theme 'A2' under 'B'");
    CHECK_THROWS_WITH(coding::move_theme(*f.project, f.coder, a2.id, std::nullopt, 9),
                      "position 9: out of range: from 1 to 4 at the top level");
    REQUIRE(f.undo());  // the add of B/A2
    REQUIRE(f.undo());  // the move of A11
    CHECK(paths(f) == Paths{"A", "A/A2", "B", "B/A1", "B/A1/A11"});
    REQUIRE(f.undo());
    CHECK(paths(f) == Paths{"A", "A/A1", "A/A1/A11", "A/A2", "B"});
    REQUIRE(f.redo());
    CHECK(paths(f) == Paths{"A", "A/A2", "B", "B/A1", "B/A1/A11"});
}

TEST_CASE("Reorder puts a theme at a place among its siblings", "[themes]") {
    ThemesFixture f;
    const auto a = coding::add_theme(*f.project, f.coder, "A");
    coding::add_theme(*f.project, f.coder, "B");
    const auto c = coding::add_theme(*f.project, f.coder, "C");
    coding::reorder_theme(*f.project, f.coder, c.id, 1);
    CHECK(paths(f) == Paths{"C", "A", "B"});
    coding::reorder_theme(*f.project, f.coder, a.id, 3);
    CHECK(paths(f) == Paths{"C", "B", "A"});
    CHECK_THROWS_WITH(coding::reorder_theme(*f.project, f.coder, a.id, 4),
                      "position 4: out of range: there are 3 themes at the top level");
    CHECK_THROWS_AS(coding::reorder_theme(*f.project, f.coder, a.id, 0), Error);
    REQUIRE(f.undo());
    CHECK(paths(f) == Paths{"C", "A", "B"});
    REQUIRE(f.undo());
    CHECK(paths(f) == Paths{"A", "B", "C"});
    REQUIRE(f.redo());
    CHECK(paths(f) == Paths{"C", "A", "B"});
}

TEST_CASE("Definition and status, bad statuses refused", "[themes]") {
    ThemesFixture f;
    const auto a = coding::add_theme(*f.project, f.coder, "Arbeidsgiver");
    coding::define_theme(*f.project, f.coder, a.id, "Hvordan «arbeidsgiveren» ser på IPS.\r\n");
    coding::set_theme_status(*f.project, f.coder, a.id, coding::parse_status("final"));
    auto entry = entry_of(f, "Arbeidsgiver");
    CHECK(entry.theme.definition == "Hvordan «arbeidsgiveren» ser på IPS.");
    CHECK(entry.theme.status == ThemeStatus::final);
    CHECK_THROWS_WITH(coding::parse_status("approved"),
                      "status approved: not a theme status (candidate, reviewed, final or "
                      "discarded)");
    REQUIRE(f.undo());
    CHECK(entry_of(f, "Arbeidsgiver").theme.status == ThemeStatus::candidate);
    REQUIRE(f.undo());
    CHECK(entry_of(f, "Arbeidsgiver").theme.definition.empty());
    REQUIRE(f.redo());
    REQUIRE(f.redo());
    entry = entry_of(f, "Arbeidsgiver");
    CHECK(entry.theme.definition == "Hvordan «arbeidsgiveren» ser på IPS.");
    CHECK(entry.theme.status == ThemeStatus::final);
}

TEST_CASE("Codes link to several themes and unlink, counts of segments and participants",
          "[themes]") {
    ThemesFixture f;
    const auto source = f.import("timestamps-brackets.txt");
    tema::import::import_participants(*f.project, f.coder,
                                      tema::test::fixture("participants/participants.csv"));
    tema::store::map_speaker(*f.project, f.coder, source, "Person 1", "P01");
    tema::store::map_speaker(*f.project, f.coder, source, "Person 2", "P07");
    const auto starts = tema::store::load_source_text(f.db(), source).line_starts;
    const auto arbeid = f.add_code("Arbeidsgiver");
    const auto kontakt = f.add_code("Kontakt", arbeid);
    const auto holdning = f.add_code("Holdning");
    f.add_segment(kontakt, source, starts[1], starts[2]);       // Person 1
    f.add_segment(kontakt, source, starts[2], starts[4]);       // Person 2, two lines
    f.add_segment(holdning, source, starts[4], starts[4] + 5);  // Person 1 again
    f.add_segment(holdning, source, starts[0], starts[1]);      // the moderator: no participant

    const auto a = coding::add_theme(*f.project, f.coder, "Samarbeid");
    const auto sub = coding::add_theme(*f.project, f.coder, "Kontakt", a.id);
    const auto b = coding::add_theme(*f.project, f.coder, "Holdninger");
    coding::link_code(*f.project, f.coder, sub.id, kontakt);
    coding::link_code(*f.project, f.coder, b.id, holdning);
    coding::link_code(*f.project, f.coder, b.id, kontakt);  // in two candidate themes

    auto entry = entry_of(f, "Holdninger");
    REQUIRE(entry.codes.size() == 2);
    CHECK(entry.codes[0].path == "Holdning");
    CHECK(entry.codes[1].path == "Arbeidsgiver/Kontakt");
    CHECK(entry.segments == 4);
    CHECK(entry.participants == 2);
    entry = entry_of(f, "Samarbeid/Kontakt");
    CHECK(entry.segments == 2);
    CHECK(entry.participants == 2);
    // A theme counts what its subthemes gather.
    entry = entry_of(f, "Samarbeid");
    CHECK(entry.codes.empty());
    CHECK(entry.segments == 2);

    CHECK_THROWS_WITH(coding::link_code(*f.project, f.coder, b.id, holdning),
                      "code Holdning: is already in theme 'Holdninger'");
    CHECK_THROWS_WITH(coding::unlink_code(*f.project, f.coder, a.id, holdning),
                      "code Holdning: is not in theme 'Samarbeid'");
    CHECK_THROWS_WITH(coding::link_code(*f.project, f.coder, b.id, 999),
                      "code 999: no such code");

    coding::unlink_code(*f.project, f.coder, b.id, kontakt);
    CHECK(entry_of(f, "Holdninger").codes.size() == 1);
    CHECK(entry_of(f, "Holdninger").participants == 1);
    REQUIRE(f.undo());
    CHECK(entry_of(f, "Holdninger").codes.size() == 2);
    REQUIRE(f.undo());
    CHECK(entry_of(f, "Holdninger").codes.size() == 1);
    REQUIRE(f.redo());
    CHECK(entry_of(f, "Holdninger").codes[1].path == "Arbeidsgiver/Kontakt");
}

TEST_CASE("Delete takes the subthemes, links and values along, undo brings them all back",
          "[themes]") {
    ThemesFixture f;
    const auto code = f.add_code("Kontakt");
    const auto field = coding::define_field(*f.project, f.coder, "Timeline");
    const auto a = coding::add_theme(*f.project, f.coder, "A");
    const auto a1 = coding::add_theme(*f.project, f.coder, "A1", a.id);
    coding::add_theme(*f.project, f.coder, "A11", a1.id);
    coding::add_theme(*f.project, f.coder, "B");
    coding::link_code(*f.project, f.coder, a1.id, code);
    coding::set_theme_value(*f.project, f.coder, a1.id, field.id, "2019–2021");

    CHECK(coding::delete_theme(*f.project, f.coder, a.id) == 2);
    CHECK(paths(f) == Paths{"B"});
    CHECK(coding::theme_by_id(f.db(), coding::find_theme(f.db(), "B").id).position == 1);
    CHECK(f.db().query_int("SELECT count(*) FROM theme_codes") == 0);
    CHECK(f.db().query_int("SELECT count(*) FROM theme_values") == 0);
    CHECK(tema::store::list_history(f.db(), 1)[0].summary == "deleted theme 'A' with 2 subthemes");

    REQUIRE(f.undo());
    CHECK(paths(f) == Paths{"A", "A/A1", "A/A1/A11", "B"});
    const auto entry = entry_of(f, "A/A1");
    CHECK(entry.codes.at(0).path == "Kontakt");
    CHECK(entry.fields.at(0).value == "2019–2021");
    REQUIRE(f.redo());
    CHECK(paths(f) == Paths{"B"});
}

TEST_CASE("Unknown themes are refused by every operation", "[themes]") {
    ThemesFixture f;
    CHECK_THROWS_WITH(coding::add_theme(*f.project, f.coder, "X", 42),
                      "theme 42: no such theme in the project");
    CHECK_THROWS_AS(coding::rename_theme(*f.project, f.coder, 42, "Y"), Error);
    CHECK_THROWS_AS(coding::move_theme(*f.project, f.coder, 42, std::nullopt), Error);
    CHECK_THROWS_AS(coding::delete_theme(*f.project, f.coder, 42), Error);
    CHECK_THROWS_AS(coding::define_theme(*f.project, f.coder, 42, "d"), Error);
    CHECK(f.db().query_int("SELECT count(*) FROM actions") == 0);
}
