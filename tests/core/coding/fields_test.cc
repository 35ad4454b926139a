#include "coding/fields.h"

#include <catch2/catch.hpp>

#include "coding/themes.h"
#include "themes_fixture.h"
#include "util/error.h"

using tema::test::ThemesFixture;
namespace coding = tema::coding;

namespace {

std::vector<std::string> columns(ThemesFixture& f) {
    std::vector<std::string> names;
    for (const auto& field : coding::list_fields(f.db())) {
        names.push_back(field.name);
    }
    return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("Fields are ordered columns: define at the end or after one", "[fields]") {
    ThemesFixture f;
    coding::define_field(*f.project, f.coder, "Timeline");
    coding::define_field(*f.project, f.coder, "Driving forces");
    const auto added = coding::define_field(*f.project, f.coder, "Initiatives", "timeline");
    coding::define_field(*f.project, f.coder, "How IPS is viewed");
    CHECK(added.position == 2);
    CHECK(columns(f) == Names{"Timeline", "Initiatives", "Driving forces", "How IPS is viewed"});
    CHECK_THROWS_WITH(coding::define_field(*f.project, f.coder, "TIMELINE"),
                      "field TIMELINE: there is already a field 'Timeline'");
    CHECK_THROWS_WITH(coding::define_field(*f.project, f.coder, " "),
                      "field: a name cannot be empty");
    CHECK_THROWS_WITH(coding::define_field(*f.project, f.coder, "Ny", "Ukjent"),
                      Catch::StartsWith("field Ukjent: no such field"));
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    CHECK(columns(f) == Names{"Timeline", "Driving forces"});
    REQUIRE(f.redo());
    CHECK(columns(f) == Names{"Timeline", "Initiatives", "Driving forces"});
}

TEST_CASE("Fields rename, move and delete, theme values follow", "[fields]") {
    ThemesFixture f;
    const auto timeline = coding::define_field(*f.project, f.coder, "Timeline");
    const auto forces = coding::define_field(*f.project, f.coder, "Driving forces");
    const auto theme = coding::add_theme(*f.project, f.coder, "Arbeidsgiver");
    coding::set_theme_value(*f.project, f.coder, theme.id, forces.id, "Ledelsen");
    coding::set_theme_value(*f.project, f.coder, theme.id, timeline.id, "2019–2021");

    auto values = coding::list_themes(f.db()).at(0).fields;
    REQUIRE(values.size() == 2);
    CHECK(values[0].field == "Timeline");
    CHECK(values[0].value == "2019–2021");
    CHECK(values[1].value == "Ledelsen");

    coding::rename_field(*f.project, f.coder, timeline.id, "Tidslinje");
    coding::move_field(*f.project, f.coder, forces.id, std::nullopt);
    CHECK(columns(f) == Names{"Driving forces", "Tidslinje"});
    values = coding::list_themes(f.db()).at(0).fields;
    CHECK(values[1].field == "Tidslinje");
    CHECK(values[1].value == "2019–2021");
    CHECK_THROWS_WITH(coding::rename_field(*f.project, f.coder, timeline.id, "driving FORCES"),
                      Catch::Contains("there is already a field 'Driving forces'"));
    CHECK_THROWS_WITH(coding::move_field(*f.project, f.coder, forces.id, "Driving forces"),
                      "field Driving forces: cannot be placed after itself");

    // An empty value clears it.
    coding::set_theme_value(*f.project, f.coder, theme.id, forces.id, "  ");
    CHECK_FALSE(coding::list_themes(f.db()).at(0).fields[0].value.has_value());
    REQUIRE(f.undo());
    CHECK(coding::list_themes(f.db()).at(0).fields[0].value == "Ledelsen");

    coding::delete_field(*f.project, f.coder, forces.id);
    CHECK(columns(f) == Names{"Tidslinje"});
    CHECK(coding::list_fields(f.db()).at(0).position == 1);
    CHECK(f.db().query_int("SELECT count(*) FROM theme_values") == 1);
    REQUIRE(f.undo());
    CHECK(columns(f) == Names{"Driving forces", "Tidslinje"});
    CHECK(coding::list_themes(f.db()).at(0).fields[0].value == "Ledelsen");
    REQUIRE(f.undo());  // the move
    REQUIRE(f.undo());  // the rename
    CHECK(columns(f) == Names{"Timeline", "Driving forces"});
    REQUIRE(f.redo());
    CHECK(columns(f) == Names{"Tidslinje", "Driving forces"});
}

TEST_CASE("Values in unknown fields are refused", "[fields]") {
    ThemesFixture f;
    CHECK_THROWS_WITH(coding::find_field(f.db(), "Timeline"),
                      "field Timeline: no such field (define it with `tema field PROJECT define "
                      "NAME`)");
    const auto theme = coding::add_theme(*f.project, f.coder, "A");
    CHECK_THROWS_AS(coding::set_theme_value(*f.project, f.coder, theme.id, 5, "x"), tema::Error);
}
