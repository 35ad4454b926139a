#include "coding/maps.h"

#include <catch2/catch.hpp>

#include "coding/themes.h"
#include "themes_fixture.h"
#include "util/error.h"

using tema::coding::ThemeStatus;
using tema::test::ThemesFixture;
namespace coding = tema::coding;
namespace fs = std::filesystem;

namespace {

// A small tree: "Arbeidsgiver «IPS»" with a subtheme, a discarded theme, and
// one code in two themes.
void build(ThemesFixture& f) {
    const auto code = f.add_code("Kontakt");
    const auto other = f.add_code("Sa \"nei\"");
    const auto a = coding::add_theme(*f.project, f.coder, "Arbeidsgiver «IPS»");
    const auto sub = coding::add_theme(*f.project, f.coder, "Tillit på tvers", a.id);
    const auto b = coding::add_theme(*f.project, f.coder, "Økonomi");
    coding::set_theme_status(*f.project, f.coder, a.id, ThemeStatus::final);
    coding::set_theme_status(*f.project, f.coder, b.id, ThemeStatus::discarded);
    coding::link_code(*f.project, f.coder, sub.id, code);
    coding::link_code(*f.project, f.coder, b.id, code);
    coding::link_code(*f.project, f.coder, b.id, other);
}

}  // namespace

TEST_CASE("DOT quoting escapes quotes, backslashes and line breaks and keeps æøå", "[maps]") {
    CHECK(coding::dot_quote("Økonomi og «lønn»") == "\"Økonomi og «lønn»\"");
    CHECK(coding::dot_quote("Sa \"nei\"") == "\"Sa \\\"nei\\\"\"");
    CHECK(coding::dot_quote("a\\b") == "\"a\\\\b\"");
    CHECK(coding::dot_quote("to\nlinjer\r\tx") == "\"to\\nlinjer  x\"");
}

TEST_CASE("A snapshot keeps the tree as it was, the DOT shows it", "[maps]") {
    ThemesFixture f;
    build(f);
    const auto saved = coding::save_snapshot(*f.project, f.coder, "Fase 3");
    CHECK(saved.name == "Fase 3");
    CHECK(saved.coder == "Kari");
    REQUIRE(saved.themes.size() == 2);
    CHECK(saved.themes[0].subthemes.at(0).path == "Arbeidsgiver «IPS»/Tillit på tvers");

    // Later changes do not touch the snapshot.
    coding::rename_theme(*f.project, f.coder, coding::find_theme(f.db(), "Økonomi").id, "Penger");
    const auto again = coding::find_snapshot(f.db(), "fase 3");
    CHECK(again.themes[1].name == "Økonomi");
    CHECK(again.themes[1].status == ThemeStatus::discarded);
    CHECK(again.themes[1].codes.size() == 2);
    CHECK(coding::current_map(f.db()).themes[1].name == "Penger");

    const std::string dot = coding::map_to_dot(again);
    const auto a = std::to_string(again.themes[0].id);
    const auto sub = std::to_string(again.themes[0].subthemes[0].id);
    const auto b = std::to_string(again.themes[1].id);
    const auto code = std::to_string(again.themes[1].codes[0].id);
    const auto other = std::to_string(again.themes[1].codes[1].id);
    CHECK(dot.rfind("digraph \"Fase 3\" {\n", 0) == 0);
    CHECK_THAT(dot, Catch::Contains("label=\"Fase 3 (" + again.created.substr(0, 10) + ")\""));
    CHECK_THAT(dot, Catch::Contains("  t" + a +
                                    " [shape=box, label=\"Arbeidsgiver «IPS»\", tooltip=\"final\", "
                                    "style=\"rounded,bold,filled\", fillcolor=\"#dbe8f6\"];\n"));
    CHECK_THAT(dot,
               Catch::Contains("  t" + sub +
                               " [shape=box, label=\"Tillit på tvers\", tooltip=\"candidate\", "
                               "style=\"rounded,dashed\"];\n"));
    CHECK_THAT(dot, Catch::Contains("  t" + b +
                                    " [shape=box, label=\"Økonomi\", tooltip=\"discarded\", "
                                    "style=\"rounded,dotted\""));
    CHECK_THAT(dot, Catch::Contains("  c" + other +
                                    " [shape=ellipse, fontsize=10, label=\"Sa \\\"nei\\\"\"];\n"));
    // The shared code is one node with an edge from each theme.
    CHECK_THAT(dot, Catch::Contains("  c" + code + " [shape=ellipse"));
    CHECK_THAT(dot, Catch::Contains("  t" + sub + " -> c" + code + " [arrowhead=none];\n"));
    CHECK_THAT(dot, Catch::Contains("  t" + b + " -> c" + code + " [arrowhead=none];\n"));
    CHECK_THAT(dot, Catch::Contains("  t" + a + " -> t" + sub + " [penwidth=1.5];\n"));
    CHECK(dot.substr(dot.size() - 2) == "}\n");
}

TEST_CASE("Snapshots list, refuse taken and empty names, undo and redo", "[maps]") {
    ThemesFixture f;
    build(f);
    coding::save_snapshot(*f.project, f.coder, "Fase 3");
    coding::save_snapshot(*f.project, f.coder, "Fase 4");
    CHECK_THROWS_WITH(coding::save_snapshot(*f.project, f.coder, "FASE 3"),
                      "map FASE 3: there is already a snapshot 'Fase 3'");
    CHECK_THROWS_WITH(coding::save_snapshot(*f.project, f.coder, ""),
                      "map: a name cannot be empty");
    CHECK_THROWS_WITH(coding::find_snapshot(f.db(), "Fase 5"),
                      "map Fase 5: no such snapshot (save one with `tema map PROJECT snapshot "
                      "NAME`)");
    auto list = coding::list_snapshots(f.db());
    REQUIRE(list.size() == 2);
    CHECK(list[1].name == "Fase 4");
    REQUIRE(f.undo());
    CHECK(coding::list_snapshots(f.db()).size() == 1);
    REQUIRE(f.redo());
    coding::delete_snapshot(*f.project, f.coder, list[0].id);
    CHECK(coding::list_snapshots(f.db()).at(0).name == "Fase 4");
    REQUIRE(f.undo());
    CHECK(coding::find_snapshot(f.db(), "Fase 3").themes.size() == 2);
}

TEST_CASE("SVG through Graphviz's dot, when it is installed", "[maps]") {
    ThemesFixture f;
    build(f);
    const std::string dot = coding::map_to_dot(coding::current_map(f.db()));
    const fs::path out = f.dir / "kart.svg";
    try {
        coding::write_svg(dot, out);
    } catch (const tema::Error& error) {
        CHECK_THAT(error.what(), Catch::Contains("dot program is not installed"));
        WARN("dot is not installed: " << error.what());
        return;
    }
    const std::string svg = tema::test::read_bytes(out);
    CHECK_THAT(svg, Catch::Contains("<svg"));
    CHECK_THAT(svg, Catch::Contains("Økonomi"));
    CHECK_THAT(svg, Catch::Contains("Arbeidsgiver «IPS»"));
    // Broken DOT is Graphviz's failure, reported, and writes nothing.
    CHECK_THROWS_WITH(coding::write_svg("digraph {", f.dir / "broken.svg"),
                      Catch::StartsWith("dot: Graphviz failed to draw the map"));
    CHECK_FALSE(fs::exists(f.dir / "broken.svg"));
}

TEST_CASE("A missing dot program is a clear message, and no file", "[maps]") {
    const fs::path out = fs::temp_directory_path() / "tema-missing-dot.svg";
    CHECK_THROWS_WITH(coding::write_svg("digraph {}", out, "tema-no-such-graphviz-dot"),
                      "dot: Graphviz's dot program is not installed (not found on PATH), so no "
                      "SVG can be drawn; install graphviz (scripts/install-deps.sh does), or "
                      "print the map with --dot and draw it elsewhere");
    CHECK_FALSE(fs::exists(out));
}
