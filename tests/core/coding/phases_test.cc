#include "coding/phases.h"

#include <catch2/catch.hpp>

#include "themes_fixture.h"
#include "util/error.h"

using tema::coding::PhaseStatus;
using tema::test::ThemesFixture;
namespace coding = tema::coding;

TEST_CASE("A new project has six phases, none started", "[phases]") {
    ThemesFixture f;
    const auto phases = coding::list_phases(f.db());
    REQUIRE(phases.size() == 6);
    CHECK(phases[0].name == "Familiarisation");
    CHECK(phases[1].name == "Generating initial codes");
    CHECK(phases[2].name == "Searching for themes");
    CHECK(phases[3].name == "Reviewing themes");
    CHECK(phases[4].name == "Defining and naming themes");
    CHECK(phases[5].name == "Producing the report");
    for (const auto& phase : phases) {
        CHECK(phase.status == PhaseStatus::not_started);
        CHECK_FALSE(phase.started.has_value());
    }
    CHECK(coding::current_phase(phases) == 1);
}

TEST_CASE("Phases start and finish with dates and notes, undo and redo", "[phases]") {
    ThemesFixture f;
    coding::set_phase(*f.project, f.coder, 1, PhaseStatus::started, "Leste alle fokusgruppene.");
    auto phase = coding::list_phases(f.db())[0];
    CHECK(phase.status == PhaseStatus::started);
    REQUIRE(phase.started.has_value());
    CHECK(phase.started->size() == 20);
    CHECK_FALSE(phase.done.has_value());
    CHECK(phase.notes == phase.started->substr(0, 10) + " Kari: Leste alle fokusgruppene.");

    coding::set_phase(*f.project, f.coder, 1, PhaseStatus::done);
    coding::set_phase(*f.project, f.coder, 2, PhaseStatus::started);
    const auto phases = coding::list_phases(f.db());
    CHECK(phases[0].status == PhaseStatus::done);
    CHECK(phases[0].started == phase.started);  // the start is kept
    CHECK(phases[0].done.has_value());
    CHECK(coding::current_phase(phases) == 2);

    // Done without being started records both dates; back to started clears done.
    coding::set_phase(*f.project, f.coder, 4, PhaseStatus::done);
    CHECK(coding::list_phases(f.db())[3].started.has_value());
    coding::set_phase(*f.project, f.coder, 4, PhaseStatus::started);
    CHECK_FALSE(coding::list_phases(f.db())[3].done.has_value());
    coding::add_phase_note(*f.project, f.coder, 4, "Tilbake til gjennomgang.");
    CHECK_THAT(coding::list_phases(f.db())[3].notes,
               Catch::EndsWith(" Kari: Tilbake til gjennomgang."));
    CHECK(coding::list_phases(f.db())[3].status == PhaseStatus::started);

    REQUIRE(f.undo());
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    CHECK(coding::list_phases(f.db())[3].status == PhaseStatus::not_started);
    REQUIRE(f.undo());
    REQUIRE(f.undo());
    CHECK(coding::list_phases(f.db())[0].status == PhaseStatus::started);
    CHECK_FALSE(coding::list_phases(f.db())[0].done.has_value());
    REQUIRE(f.redo());
    CHECK(coding::list_phases(f.db())[0].status == PhaseStatus::done);
}

TEST_CASE("Phase refusals: numbers outside 1-6, unknown statuses, empty notes", "[phases]") {
    ThemesFixture f;
    CHECK_THROWS_WITH(coding::set_phase(*f.project, f.coder, 7, PhaseStatus::done),
                      "phase 7: there are six phases, numbered 1 to 6");
    CHECK_THROWS_AS(coding::set_phase(*f.project, f.coder, 0, PhaseStatus::done), tema::Error);
    CHECK_THROWS_WITH(coding::parse_phase_status("finished"),
                      "status finished: not a phase status (not-started, started or done)");
    CHECK_THROWS_WITH(coding::add_phase_note(*f.project, f.coder, 2, "  "),
                      "phase 2: a note needs some text");
    CHECK(f.db().query_int("SELECT count(*) FROM actions") == 0);
}
