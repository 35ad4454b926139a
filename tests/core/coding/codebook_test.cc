#include "coding/codebook.h"

#include <catch2/catch.hpp>

#include "coding/segments.h"
#include "core/coding/coding_fixture.h"
#include "util/error.h"

using tema::Error;
using tema::test::CodingFixture;
namespace coding = tema::coding;
using Paths = std::vector<std::string>;

TEST_CASE("Codes form a tree listed in order with paths, and adding is undoable", "[coding]") {
    CodingFixture f;
    coding::NewCode employer;
    employer.name = "  Arbeidsgiver ";
    employer.description = "Alt om arbeidsgivere. Bruk når ... Ikke når ... Eksempel: «sjefen»";
    employer.color = "#1f77b4";
    employer.origin = coding::Origin::deductive;
    const auto a = coding::add_code(*f.project, f.coder, employer);
    const auto contact = f.add("Kontakt", a);
    f.add("Åpenhet");
    f.add("Telefon", contact);
    f.add("Lønn", a);
    CHECK(f.paths() == Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Arbeidsgiver/Kontakt/Telefon",
                             "Arbeidsgiver/Lønn", "Åpenhet"});
    const auto codes = coding::list_codes(f.db());
    CHECK(codes[0].name == "Arbeidsgiver");
    CHECK(codes[0].color == "#1F77B4");
    CHECK(codes[0].origin == coding::Origin::deductive);
    CHECK(codes[0].description == employer.description);
    CHECK(codes[0].created_by == "Kari");
    CHECK(codes[0].guid.size() == 36);
    CHECK(coding::code_with_guid(f.db(), codes[0].guid) == a);
    CHECK_FALSE(coding::code_with_guid(f.db(), "not-a-guid").has_value());
    CHECK(codes[2].depth == 2);
    CHECK(codes[2].parent_id == contact);
    CHECK(codes[4].color == std::nullopt);
    CHECK(tema::store::list_history(f.db(), 1)[0].summary == "added code 'Arbeidsgiver/Lønn'");

    f.undo();
    CHECK(f.paths() ==
          Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Arbeidsgiver/Kontakt/Telefon", "Åpenhet"});
    f.redo();
    CHECK(f.paths().size() == 5);
    CHECK(coding::list_codes(f.db())[3].name == "Lønn");
}

TEST_CASE("Code names: blank, slashes and sibling names the same for a person are refused",
          "[coding]") {
    CodingFixture f;
    const auto a = f.add("Arbeidsgiver");
    f.add("Ærlighet", a);
    CHECK_THROWS_WITH(f.add(""), "code: a code needs a name (it was empty or blank)");
    CHECK_THROWS_WITH(f.add(" \t\n"), "code: a code needs a name (it was empty or blank)");
    CHECK_THROWS_WITH(f.add("NAV/arbeidsgiver"),
                      "code NAV/arbeidsgiver: a code name cannot contain '/' (it separates the "
                      "levels of a path)");
    CHECK_THROWS_WITH(f.add("ærlighet", a),
                      "code ærlighet: 'Arbeidsgiver' already has a code named 'Ærlighet'");
    CHECK_THROWS_WITH(f.add("ARBEIDSGIVER"),
                      "code ARBEIDSGIVER: there is already a top-level code named 'Arbeidsgiver'");
    // Letters and accents count: these are other names.
    f.add("Erlighet", a);
    f.add("Ærlighet");  // the same name under another parent
    coding::NewCode bad;
    bad.name = "Farge";
    bad.color = "red";
    CHECK_THROWS_WITH(coding::add_code(*f.project, f.coder, bad),
                      "colour red: not a colour; give it as #RRGGBB, for example #1F77B4");
    bad.color = "#12345G";
    CHECK_THROWS_AS(coding::add_code(*f.project, f.coder, bad), Error);
    CHECK_THROWS_WITH(f.add("Under", 99), "code 99: no such code");
    // Inner white space is one space; the name is NFC.
    f.add("Tillit  og\u00A0trygghet");
    f.add("A\u030Apen");  // NFD "Åpen"
    CHECK_THROWS_WITH(f.add("Åpen"), "code Åpen: there is already a top-level code named 'Åpen'");
    CHECK(f.paths() == Paths{"Arbeidsgiver", "Arbeidsgiver/Ærlighet", "Arbeidsgiver/Erlighet",
                             "Ærlighet", "Tillit og trygghet", "Åpen"});
    CHECK(f.count("actions") == 6);  // refusals record nothing
}

TEST_CASE("Rename, describe and recolour, each undoable", "[coding]") {
    CodingFixture f;
    const auto a = f.add("Arbeidsgiver");
    const auto k = f.add("Kontakt", a);
    f.add("Lønn", a);
    coding::rename_code(*f.project, f.coder, k, "Kontakt med arbeidsgiver");
    CHECK(coding::get_code(f.db(), k).path == "Arbeidsgiver/Kontakt med arbeidsgiver");
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "renamed code 'Arbeidsgiver/Kontakt' to 'Kontakt med arbeidsgiver'");
    coding::rename_code(*f.project, f.coder, a, "arbeidsgiver");  // its own name, new case
    CHECK(coding::get_code(f.db(), k).path == "arbeidsgiver/Kontakt med arbeidsgiver");
    CHECK_THROWS_WITH(coding::rename_code(*f.project, f.coder, k, "LØNN"),
                      "code LØNN: 'arbeidsgiver' already has a code named 'Lønn'");
    CHECK_THROWS_WITH(coding::rename_code(*f.project, f.coder, k, " "),
                      "code: a code needs a name (it was empty or blank)");
    f.undo();
    f.undo();
    CHECK(coding::get_code(f.db(), k).path == "Arbeidsgiver/Kontakt");
    f.redo();
    CHECK(coding::get_code(f.db(), k).path == "Arbeidsgiver/Kontakt med arbeidsgiver");

    coding::describe_code(*f.project, f.coder, k, "Når deltakeren snakker om kontakt.");
    coding::recolor_code(*f.project, f.coder, k, "#aabbcc");
    CHECK(coding::get_code(f.db(), k).color == "#AABBCC");
    CHECK_THROWS_AS(coding::recolor_code(*f.project, f.coder, k, "#abc"), Error);
    coding::recolor_code(*f.project, f.coder, k, std::nullopt);
    CHECK(coding::get_code(f.db(), k).color == std::nullopt);
    f.undo();
    CHECK(coding::get_code(f.db(), k).color == "#AABBCC");
    f.undo();
    CHECK(coding::get_code(f.db(), k).color == std::nullopt);
    CHECK(coding::get_code(f.db(), k).description == "Når deltakeren snakker om kontakt.");
    f.undo();
    CHECK(coding::get_code(f.db(), k).description.empty());
}

TEST_CASE("Move: never under itself or its descendants, undoable", "[coding]") {
    CodingFixture f;
    const auto a = f.add("Arbeidsgiver");
    const auto k = f.add("Kontakt", a);
    const auto t = f.add("Telefon", k);
    const auto n = f.add("NAV");
    f.add("Kontakt", n);
    CHECK_THROWS_WITH(coding::move_code(*f.project, f.coder, a, a),
                      "code Arbeidsgiver: cannot be moved under itself");
    CHECK_THROWS_WITH(coding::move_code(*f.project, f.coder, a, t),
                      "code Arbeidsgiver: cannot be moved under its own descendant "
                      "'Arbeidsgiver/Kontakt/Telefon'");
    CHECK_THROWS_WITH(coding::move_code(*f.project, f.coder, k, n),
                      "code Kontakt: 'NAV' already has a code named 'Kontakt'");
    coding::move_code(*f.project, f.coder, t, n);
    CHECK(f.paths() ==
          Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "NAV", "NAV/Kontakt", "NAV/Telefon"});
    coding::move_code(*f.project, f.coder, k, std::nullopt);
    CHECK(f.paths() == Paths{"Arbeidsgiver", "NAV", "NAV/Kontakt", "NAV/Telefon", "Kontakt"});
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "moved code 'Arbeidsgiver/Kontakt' to the top");
    f.undo();
    f.undo();
    CHECK(f.paths() == Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Arbeidsgiver/Kontakt/Telefon",
                             "NAV", "NAV/Kontakt"});
    f.redo();
    CHECK(coding::get_code(f.db(), t).path == "NAV/Telefon");
}

TEST_CASE("Merge moves segments and children, collapses duplicates, and undoes whole", "[coding]") {
    CodingFixture f;
    const auto source = f.import(tema::test::fixture("import/timestamps-brackets.txt"));
    const auto from = f.add("Åpenhet");
    const auto from_child = f.add("Om diagnose", from);
    const auto from_twin = f.add("Overfor sjefen", from);
    const auto into = f.add("Ærlighet");
    const auto into_twin = f.add("overfor sjefen", into);
    auto apply = [&](std::int64_t code, std::uint32_t start, std::uint32_t end) {
        return coding::apply_code(*f.project, f.coder, code, source, {start, end}).segment;
    };
    const auto ola = f.project->coder_named("Ola");
    apply(from, 0, 10);   // the same range INTO has: collapses
    apply(from, 50, 60);  // only FROM has it: moves
    apply(into, 0, 10);
    coding::apply_code(*f.project, ola, from, source, {0, 10});  // another coder: stays apart
    apply(from_twin, 20, 30);
    apply(into_twin, 25, 40);  // overlaps FROM's twin's segment: joined into 20-40
    apply(from_child, 70, 80);
    const auto before_segments = f.count("segments");
    CHECK(before_segments == 7);

    const auto result = coding::merge_codes(*f.project, f.coder, from, into);
    CHECK(result.segments_moved == 4);
    CHECK(result.segments_joined == 2);
    CHECK(result.children_moved == 1);
    CHECK(result.children_merged == 1);
    CHECK(f.paths() == Paths{"Ærlighet", "Ærlighet/overfor sjefen", "Ærlighet/Om diagnose"});
    CHECK(f.count("segments") == 5);
    const auto merged = coding::get_code(f.db(), into);
    CHECK(merged.segments == 3);  // 0-10 by Kari, 0-10 by Ola, 50-60
    CHECK(f.db().query_int("SELECT count(*) FROM segments WHERE code_id = " +
                           std::to_string(into_twin) + " AND start = 20 AND end = 40") == 1);
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "merged code 'Åpenhet' into 'Ærlighet' (4 segments, 2 joined, 2 subcodes)");

    f.undo();
    CHECK(f.paths() == Paths{"Åpenhet", "Åpenhet/Om diagnose", "Åpenhet/Overfor sjefen", "Ærlighet",
                             "Ærlighet/overfor sjefen"});
    CHECK(f.count("segments") == before_segments);
    CHECK(coding::get_code(f.db(), from).segments == 3);
    CHECK(coding::get_code(f.db(), from_child).segments == 1);
    f.redo();
    CHECK(f.paths() == Paths{"Ærlighet", "Ærlighet/overfor sjefen", "Ærlighet/Om diagnose"});
    CHECK(f.count("segments") == 5);
}

TEST_CASE("Merge refuses itself, its own descendant and a folder", "[coding]") {
    CodingFixture f;
    const auto source = f.import(tema::test::fixture("import/roles-short.txt"));
    const auto a = f.add("Arbeidsgiver");
    const auto k = f.add("Kontakt", a);
    coding::NewCode folder;
    folder.name = "Mappe";
    folder.codable = false;
    const auto m = coding::add_code(*f.project, f.coder, folder);
    coding::apply_code(*f.project, f.coder, a, source, {0, 5});
    CHECK_THROWS_WITH(coding::merge_codes(*f.project, f.coder, a, a),
                      "code Arbeidsgiver: cannot be merged into itself");
    CHECK_THROWS_WITH(coding::merge_codes(*f.project, f.coder, a, k),
                      "code Arbeidsgiver: cannot be merged into its own descendant "
                      "'Arbeidsgiver/Kontakt'");
    CHECK_THROWS_WITH(coding::merge_codes(*f.project, f.coder, a, m),
                      "code Mappe: is a folder (not codable); it cannot take the 1 segments of "
                      "'Arbeidsgiver'");
    CHECK(f.paths() == Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Mappe"});
    // Into its parent is fine: the child's segments join the parent.
    coding::merge_codes(*f.project, f.coder, k, a);
    CHECK(f.paths() == Paths{"Arbeidsgiver", "Mappe"});
}

TEST_CASE("Delete takes children and segments with it, undo brings them all back", "[coding]") {
    CodingFixture f;
    const auto source = f.import(tema::test::fixture("import/roles-short.txt"));
    const auto a = f.add("Arbeidsgiver");
    const auto k = f.add("Kontakt", a);
    const auto other = f.add("Annet");
    coding::apply_code(*f.project, f.coder, a, source, {0, 5});
    coding::apply_code(*f.project, f.coder, k, source, {6, 12});
    coding::apply_code(*f.project, f.coder, other, source, {6, 12});
    const auto guid = coding::get_code(f.db(), k).guid;
    const auto result = coding::delete_code(*f.project, f.coder, a);
    CHECK(result.codes == 2);
    CHECK(result.segments == 2);
    CHECK(f.paths() == Paths{"Annet"});
    CHECK(f.count("segments") == 1);
    CHECK(tema::store::list_history(f.db(), 1)[0].summary ==
          "deleted code 'Arbeidsgiver' (1 subcodes, 2 segments)");
    f.reopen();
    f.undo();
    CHECK(f.paths() == Paths{"Arbeidsgiver", "Arbeidsgiver/Kontakt", "Annet"});
    CHECK(coding::get_code(f.db(), k).guid == guid);
    CHECK(coding::get_code(f.db(), k).segments == 1);
    CHECK(f.count("segments") == 3);
    f.redo();
    CHECK(f.paths() == Paths{"Annet"});
    CHECK_THROWS_WITH(coding::delete_code(*f.project, f.coder, a),
                      "code " + std::to_string(a) + ": no such code");
}

TEST_CASE("find_code: by id, name, path or partial path, ambiguous names list the paths",
          "[coding]") {
    CodingFixture f;
    const auto a = f.add("Arbeidsgiver");
    const auto k = f.add("Kontakt", a);
    const auto n = f.add("NAV");
    const auto nk = f.add("Kontakt", n);
    const auto t = f.add("Telefon", nk);
    const auto top_k = f.add("Kontakt");
    CHECK(coding::find_code(f.db(), std::to_string(k)).id == k);
    CHECK(coding::find_code(f.db(), "arbeidsgiver").id == a);
    CHECK(coding::find_code(f.db(), "Arbeidsgiver/Kontakt").id == k);
    CHECK(coding::find_code(f.db(), "nav / kontakt").id == nk);
    CHECK(coding::find_code(f.db(), "Kontakt/Telefon").id == t);  // starts below the top
    CHECK(coding::find_code(f.db(), "Telefon").path == "NAV/Kontakt/Telefon");
    // A full path from the top beats paths that start lower down.
    CHECK(coding::find_code(f.db(), "Kontakt").id == top_k);
    coding::delete_code(*f.project, f.coder, top_k);
    CHECK_THROWS_WITH(coding::find_code(f.db(), "kontakt"),
                      "code kontakt: several codes have this name (Arbeidsgiver/Kontakt, "
                      "NAV/Kontakt); give the path");
    CHECK_THROWS_WITH(coding::find_code(f.db(), "Kontor"), "code Kontor: no such code");
    CHECK_THROWS_WITH(coding::find_code(f.db(), "NAV/Telefon"), "code NAV/Telefon: no such code");
    CHECK_THROWS_WITH(coding::find_code(f.db(), "999"), "code 999: no such code");
    CHECK_THROWS_WITH(coding::find_code(f.db(), "/"), "code /: no such code");
}

TEST_CASE("Merge passes FROM's memos and theme links to INTO", "[coding]") {
    CodingFixture f;
    const auto from = f.add("Åpenhet");
    const auto into = f.add("Ærlighet");
    auto& db = f.db();
    // A theme gathering both codes, another gathering FROM only, and a memo on
    // FROM, written as the themes and memos code will write them.
    {
        tema::store::Action action(*f.project, f.coder, "test");
        db.exec(
            "INSERT INTO themes(guid, position, name, created) VALUES "
            "('T1', 1, 'Tillit', '2026-01-01T00:00:00Z'), "
            "('T2', 2, 'Mot', '2026-01-01T00:00:00Z')");
        db.exec("INSERT INTO theme_codes(theme_id, code_id, position) VALUES (1, " +
                std::to_string(from) + ", 1), (1, " + std::to_string(into) + ", 2), (2, " +
                std::to_string(from) + ", 1)");
        db.exec(
            "INSERT INTO memos(guid, kind, code_id, author_id, created, modified, text) "
            "VALUES ('M1', 'analytic', " +
            std::to_string(from) + ", " + std::to_string(f.coder.id) +
            ", '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Om åpenhet')");
        action.commit();
    }
    coding::merge_codes(*f.project, f.coder, from, into);
    const auto links = [&](std::int64_t code) {
        return db.query_int("SELECT count(*) FROM theme_codes WHERE code_id = " +
                            std::to_string(code));
    };
    CHECK(links(into) == 2);  // theme 1 already had INTO; theme 2 now has it
    CHECK(db.query_int("SELECT code_id FROM memos") == into);
    f.undo();
    CHECK(links(from) == 2);
    CHECK(links(into) == 1);
    CHECK(db.query_int("SELECT code_id FROM memos") == from);
}

TEST_CASE("A code with segments cannot become a folder, a folder can become codable", "[coding]") {
    CodingFixture f;
    const auto source = f.import(tema::test::fixture("import/roles-short.txt"));
    const auto a = f.add("Arbeidsgiver");
    const auto b = f.add("Bolig");
    coding::apply_code(*f.project, f.coder, a, source, {0, 5});
    CHECK_THROWS_WITH(coding::set_codable(*f.project, f.coder, a, false),
                      "code Arbeidsgiver: has 1 coded segments; it cannot become a folder");
    coding::set_codable(*f.project, f.coder, b, false);
    CHECK_FALSE(coding::get_code(f.db(), b).codable);
    CHECK_THROWS_AS(coding::apply_code(*f.project, f.coder, b, source, {0, 5}), tema::Error);
    f.undo();
    CHECK(coding::get_code(f.db(), b).codable);
}
