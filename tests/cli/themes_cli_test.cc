// The theme, field, memo, phase and map commands of the CLI contract
// (shared/CLI.md): forms, JSON keys, exit statuses and messages.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/project.h"
#include "support/cli_json.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tema::test::parse_json;
using tema::test::run_tema;
using tema::test::TempDir;

namespace {

std::string project_in(const TempDir& dir) {
    const std::string path = (dir / "studie.tema").string();
    REQUIRE(run_tema({"init", path, "--coder", "Kari"}).status == 0);
    return path;
}

// Codes by plain SQL: the codebook commands come from the coding branch.
void add_codes(const std::string& path) {
    tema::store::Project project(path);
    const auto coder = project.default_coder();
    tema::store::Action action(project, coder, "test-codes");
    project.db().exec(R"sql(
        INSERT INTO codes(id, guid, parent_id, position, name, origin, created) VALUES
            (1, 'G1', NULL, 1, 'Arbeidsgiver', 'inductive', '2026-11-23T10:00:00Z'),
            (2, 'G2', 1, 1, 'Kontakt', 'inductive', '2026-11-23T10:00:00Z'),
            (3, 'G3', NULL, 2, 'Holdning', 'inductive', '2026-11-23T10:00:00Z'))sql");
    action.commit();
}

// Runs tema and requires exit status 0.
tema::test::CliResult ok(const std::vector<std::string>& args) {
    const auto result = run_tema(args);
    INFO("tema " << args.at(0) << " " << (args.size() > 2 ? args[2] : "")
                 << "\nstderr: " << result.err);
    REQUIRE(result.status == 0);
    return result;
}

}  // namespace

TEST_CASE("tema theme and tema themes: the tree, fields, codes, in JSON", "[cli][themes]") {
    TempDir dir;
    const std::string p = project_in(dir);
    add_codes(p);
    CHECK(ok({"theme", p, "add", "Arbeidsgiver"}).out == "Added theme Arbeidsgiver\n");
    ok({"theme", p, "add", "Kontakt", "--parent", "Arbeidsgiver"});
    ok({"theme", p, "add", "Økonomi"});
    ok({"field", p, "define", "Timeline"});
    ok({"field", p, "define", "Driving forces"});
    CHECK(ok({"field", p, "define", "Initiatives", "--after", "timeline"}).out ==
          "Defined field Initiatives (column 2)\n");
    ok({"theme", p, "set", "Arbeidsgiver/Kontakt", "Driving forces", "Lederne"});
    ok({"theme", p, "define", "Kontakt", "Hvordan \"kontakt\" oppleves."});
    ok({"theme", p, "status", "Kontakt", "reviewed"});
    ok({"theme", p, "link", "Kontakt", "Arbeidsgiver/Kontakt"});
    ok({"theme", p, "link", "Økonomi", "3"});
    ok({"theme", p, "move", "Økonomi", "--position", "1"});

    const json themes = parse_json(run_tema({"themes", p, "--json"}));
    REQUIRE(themes.size() == 3);
    for (const char* key : {"id", "path", "name", "status", "definition", "fields", "codes"}) {
        CHECK(themes[0].contains(key));
    }
    CHECK(themes[0]["path"] == "Økonomi");
    CHECK(themes[0]["codes"] == json::array({"Holdning"}));
    CHECK(themes[1]["path"] == "Arbeidsgiver");
    const json& kontakt = themes[2];
    CHECK(kontakt["path"] == "Arbeidsgiver/Kontakt");
    CHECK(kontakt["name"] == "Kontakt");
    CHECK(kontakt["status"] == "reviewed");
    CHECK(kontakt["definition"] == "Hvordan \"kontakt\" oppleves.");
    CHECK(kontakt["codes"] == json::array({"Arbeidsgiver/Kontakt"}));
    CHECK(kontakt["fields"] == json::parse(R"([{"field": "Timeline", "value": null},
        {"field": "Initiatives", "value": null}, {"field": "Driving forces", "value": "Lederne"}])"));

    const auto text = ok({"themes", p}).out;
    CHECK_THAT(text, Catch::Contains("  Kontakt  [reviewed]"));
    CHECK_THAT(text, Catch::Contains("      Driving forces: Lederne\n"));
    CHECK_THAT(text, Catch::Contains("      Codes: Arbeidsgiver/Kontakt\n"));

    // Every change is undoable through tema undo.
    ok({"undo", p});
    CHECK(parse_json(run_tema({"themes", p, "--json"}))[0]["path"] == "Arbeidsgiver");
    ok({"redo", p});
    CHECK(parse_json(run_tema({"themes", p, "--json"}))[0]["path"] == "Økonomi");

    const json renamed =
        parse_json(run_tema({"theme", p, "rename", "Arbeidsgiver", "Arbeidsgivere", "--json"}));
    CHECK(renamed["path"] == "Arbeidsgivere");
    const json moved =
        parse_json(run_tema({"theme", p, "move", "Arbeidsgivere/Kontakt", "--top", "--json"}));
    CHECK(moved["path"] == "Kontakt");
    CHECK(moved["position"] == 3);
    ok({"theme", p, "unlink", "Kontakt", "Kontakt"});
    const json deleted = parse_json(run_tema({"theme", p, "delete", "Kontakt", "--json"}));
    CHECK(deleted["deleted"] == "Kontakt");
    CHECK(parse_json(run_tema({"themes", p, "--json"})).size() == 2);

    const json fields = parse_json(run_tema({"field", p, "list", "--json"}));
    REQUIRE(fields.size() == 3);
    CHECK(fields[1]["name"] == "Initiatives");
    ok({"field", p, "move", "Driving forces", "--first"});
    ok({"field", p, "rename", "driving forces", "Drivkrefter"});
    ok({"field", p, "delete", "Initiatives"});
    CHECK(ok({"field", p, "list"}).out == "1. Drivkrefter\n2. Timeline\n");
}

TEST_CASE("tema theme and field refusals: one line on stderr, exit 1, wrong usage exit 2",
          "[cli][themes]") {
    TempDir dir;
    const std::string p = project_in(dir);
    add_codes(p);
    ok({"theme", p, "add", "A"});
    ok({"theme", p, "add", "B", "--parent", "A"});
    ok({"field", p, "define", "Timeline"});
    auto refused = [&](const std::vector<std::string>& args, const std::string& message) {
        const auto result = run_tema(args);
        CHECK(result.status == 1);
        CHECK(result.err == "tema: " + message + "\n");
        CHECK(result.out.empty());
    };
    refused({"theme", p, "rename", "C", "D"}, "theme C: no such theme in the project");
    refused({"theme", p, "add", "a"}, "theme a: there is already a theme 'A' at the top level");
    refused({"theme", p, "add", " "}, "theme: a name cannot be empty");
    refused({"theme", p, "move", "A", "--parent", "A/B"},
            "theme A: cannot move a theme under itself or one of its own subthemes");
    refused({"theme", p, "status", "A", "approved"},
            "status approved: not a theme status (candidate, reviewed, final or discarded)");
    refused({"theme", p, "set", "A", "Tidslinje", "2020"},
            "field Tidslinje: no such field (define it with `tema field PROJECT define NAME`)");
    refused({"theme", p, "link", "A", "Arbeidsgiver/Ukjent"},
            "code Arbeidsgiver/Ukjent: no such code");
    refused({"field", p, "define", "TIMELINE"},
            "field TIMELINE: there is already a field 'Timeline'");
    refused({"field", p, "define", "X", "--after", "Y"},
            "field Y: no such field (define it with `tema field PROJECT define NAME`)");

    CHECK(run_tema({"theme", p, "frobnicate", "A"}).status == 2);
    CHECK(run_tema({"theme", p, "move", "A"}).status == 2);
    CHECK(run_tema({"theme", p, "add"}).status == 2);
    CHECK(run_tema({"theme", p, "move", "A", "--position", "0"}).status == 2);
    CHECK(run_tema({"theme", p, "rename", "A", "C", "--parent", "A"}).status == 2);
    CHECK(run_tema({"theme", p, "add", "C", "--top"}).status == 2);
    CHECK(run_tema({"field", p, "move", "Timeline"}).status == 2);
    // Nothing refused reached the log: the codes, two themes and a field.
    CHECK(parse_json(run_tema({"log", p, "--json"})).size() == 4);
}

TEST_CASE("tema memo: add on objects, list with the contract's keys, edit, delete",
          "[cli][memos]") {
    TempDir dir;
    const std::string p = project_in(dir);
    add_codes(p);
    ok({"theme", p, "add", "Samarbeid"});
    ok({"memo", p, "add", "--kind", "journal", "Jeg merker at jeg er skeptisk."});
    ok({"memo", p, "add", "--on", "code:Arbeidsgiver/Kontakt", "--kind", "analytic", "Viktig."});
    const json added =
        parse_json(run_tema({"memo", p, "add", "--on", "theme:samarbeid", "Slå sammen?", "--json"}));
    CHECK(added["on"] == "theme:Samarbeid");
    CHECK(added["kind"] == "note");

    const json memos = parse_json(run_tema({"memo", p, "list", "--json"}));
    REQUIRE(memos.size() == 3);
    for (const char* key : {"id", "kind", "on", "author", "created", "text"}) {
        CHECK(memos[0].contains(key));
    }
    CHECK(memos[0]["on"] == "project");
    CHECK(memos[0]["kind"] == "journal");
    CHECK(memos[0]["author"] == "Kari");
    CHECK(memos[1]["on"] == "code:Arbeidsgiver/Kontakt");
    CHECK(parse_json(run_tema({"memo", p, "list", "--kind", "journal", "--json"})).size() == 1);
    const json on_code = parse_json(run_tema({"memo", p, "list", "--on", "code:2", "--json"}));
    REQUIRE(on_code.size() == 1);
    CHECK(on_code[0]["text"] == "Viktig.");

    const json edited =
        parse_json(run_tema({"memo", p, "edit", "2", "Viktig, se FG3.", "--coder", "Ola", "--json"}));
    CHECK(edited["text"] == "Viktig, se FG3.");
    CHECK(edited["author"] == "Kari");
    ok({"memo", p, "delete", "1"});
    CHECK(parse_json(run_tema({"memo", p, "list", "--json"})).size() == 2);
    ok({"undo", p});
    CHECK(parse_json(run_tema({"memo", p, "list", "--json"})).size() == 3);

    const auto unknown = run_tema({"memo", p, "add", "--on", "participant:P99", "Hei"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err == "tema: participant P99: no such participant\n");
    const auto bad_form = run_tema({"memo", p, "add", "--on", "kode:Kontakt", "Hei"});
    CHECK(bad_form.status == 1);
    CHECK_THAT(bad_form.err, Catch::Contains("not an object a memo can be on"));
    CHECK(run_tema({"memo", p, "add", "--kind", "diary", "Hei"}).status == 1);
    CHECK(run_tema({"memo", p, "delete", "x"}).status == 2);
    CHECK(run_tema({"memo", p, "delete", "99"}).err == "tema: memo 99: no such memo\n");
}

TEST_CASE("tema phase: where the project stands, set with notes", "[cli][phases]") {
    TempDir dir;
    const std::string p = project_in(dir);
    ok({"phase", p, "set", "1", "started", "--note", "Leste FG1-FG3."});
    ok({"phase", p, "set", "1", "done"});
    ok({"phase", p, "set", "2", "started"});
    const json phases = parse_json(run_tema({"phase", p, "--json"}));
    REQUIRE(phases.size() == 6);
    for (const char* key : {"phase", "name", "status", "started", "done", "notes"}) {
        CHECK(phases[0].contains(key));
    }
    CHECK(phases[0]["status"] == "done");
    CHECK(phases[0]["done"].is_string());
    CHECK_THAT(phases[0]["notes"].get<std::string>(), Catch::EndsWith(" Kari: Leste FG1-FG3."));
    CHECK(phases[1]["name"] == "Generating initial codes");
    CHECK(phases[1]["status"] == "started");
    CHECK(phases[1]["done"].is_null());
    CHECK(phases[2]["status"] == "not started");
    CHECK(phases[2]["started"].is_null());
    const auto text = ok({"phase", p}).out;
    CHECK_THAT(text, Catch::Contains("3. Searching for themes         not started\n"));
    CHECK_THAT(text, Catch::EndsWith("Now: phase 2, Generating initial codes\n"));

    CHECK(run_tema({"phase", p, "set", "7", "done"}).err ==
          "tema: phase 7: there are six phases, numbered 1 to 6\n");
    CHECK(run_tema({"phase", p, "set", "2", "finished"}).status == 1);
    CHECK(run_tema({"phase", p, "set", "two", "done"}).status == 2);
    ok({"undo", p});
    CHECK(parse_json(run_tema({"phase", p, "--json"}))[1]["status"] == "not started");
}

TEST_CASE("tema map: snapshot, list, show as text, DOT and SVG", "[cli][maps]") {
    TempDir dir;
    const std::string p = project_in(dir);
    add_codes(p);
    ok({"theme", p, "add", "Arbeidsgiver «IPS»"});
    ok({"theme", p, "add", "Sa \"nei\"", "--parent", "Arbeidsgiver «IPS»"});
    ok({"theme", p, "link", "Sa \"nei\"", "Holdning"});
    ok({"theme", p, "status", "Arbeidsgiver «IPS»", "final"});
    CHECK(ok({"map", p, "snapshot", "Fase 3"}).out == "Saved the thematic map as 'Fase 3'\n");
    ok({"theme", p, "rename", "Arbeidsgiver «IPS»", "Arbeidsgivere"});

    const json maps = parse_json(run_tema({"map", p, "list", "--json"}));
    REQUIRE(maps.size() == 1);
    CHECK(maps[0]["name"] == "Fase 3");
    CHECK(maps[0]["coder"] == "Kari");

    const auto outline = ok({"map", p, "show", "fase 3"}).out;
    CHECK_THAT(outline,
               Catch::Contains("  Arbeidsgiver «IPS»  [final]\n    Sa \"nei\"  [candidate]\n"
                               "        (Holdning)\n"));
    CHECK_THAT(ok({"map", p, "show"}).out, Catch::Contains("  Arbeidsgivere  [final]\n"));

    const auto dot = ok({"map", p, "show", "Fase 3", "--dot"}).out;
    CHECK(dot.rfind("digraph \"Fase 3\" {", 0) == 0);
    CHECK_THAT(dot, Catch::Contains("[shape=box, label=\"Arbeidsgiver «IPS»\", tooltip=\"final\""));
    CHECK_THAT(dot, Catch::Contains("[shape=box, label=\"Sa \\\"nei\\\"\""));
    CHECK_THAT(dot, Catch::Contains("[shape=ellipse, fontsize=10, label=\"Holdning\"]"));

    CHECK(parse_json(run_tema({"map", p, "show", "Fase 3", "--dot", "--json"}))["dot"] == dot);

    const fs::path svg = dir / "kart.svg";
    const auto drawn = run_tema({"map", p, "show", "Fase 3", "--svg", svg.string()});
    if (drawn.status == 0) {
        CHECK_THAT(tema::test::read_bytes(svg), Catch::Contains("Arbeidsgiver «IPS»"));
    } else {
        CHECK_THAT(drawn.err, Catch::Contains("dot program is not installed"));
    }

    const auto missing = run_tema({"map", p, "show", "Fase 9"});
    CHECK(missing.status == 1);
    CHECK(missing.err ==
          "tema: map Fase 9: no such snapshot (save one with `tema map PROJECT snapshot NAME`)\n");
    CHECK(run_tema({"map", p, "snapshot", "fase 3"}).status == 1);
    CHECK(run_tema({"map", p, "show", "Fase 3", "--dot", "--svg", "x.svg"}).status == 2);
    CHECK(run_tema({"map", p, "list", "--dot"}).status == 2);
    ok({"map", p, "delete", "Fase 3"});
    CHECK(parse_json(run_tema({"map", p, "list", "--json"})).empty());
    ok({"undo", p});
    CHECK(parse_json(run_tema({"map", p, "list", "--json"})).size() == 1);
}
