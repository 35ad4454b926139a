#include "import/participants_csv.h"

#include <catch2/catch.hpp>

#include "import/importer.h"
#include "store/participants.h"
#include "support/test_support.h"
#include "util/error.h"

namespace fs = std::filesystem;
using tema::store::Project;
using tema::test::fixture;
using tema::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    std::unique_ptr<Project> project;
    Fixture() {
        Project::create(dir / "p.tema", {"", "Kari"});
        project = std::make_unique<Project>(dir / "p.tema");
    }
    tema::store::ParticipantUpsert import(const std::string& csv) {
        return tema::import::import_participants(*project, project->default_coder(),
                                                 fixture("participants/" + csv));
    }
    std::int64_t count(const char* table) {
        return project->db().query_int(std::string("SELECT count(*) FROM ") + table);
    }
};

}  // namespace

TEST_CASE("Participants and attributes come from a CSV, quotes and all", "[participants]") {
    Fixture f;
    const auto result = f.import("participants.csv");
    CHECK(result.added == 3);
    CHECK(result.updated == 0);
    const auto participants = tema::store::list_participants(f.project->db());
    REQUIRE(participants.size() == 3);
    CHECK(participants[0].pid == "P01");
    CHECK(participants[0].attributes == tema::store::Attributes{{"role", "jobbspesialist"},
                                                                {"site", "Bergvik"},
                                                                {"note", "erfaren, 9 år"}});
    // An empty cell sets nothing.
    CHECK(participants[1].attributes.size() == 2);
    CHECK(participants[2].attributes.back() ==
          std::pair<std::string, std::string>{"note", "sier \"hei\""});

    // Importing again updates rather than duplicates.
    const auto again = f.import("participants.csv");
    CHECK(again.added == 0);
    CHECK(again.updated == 3);
    CHECK(f.count("participants") == 3);
}

TEST_CASE("A Norwegian Excel export: semicolons, Windows-1252, CRLF", "[participants]") {
    Fixture f;
    CHECK(f.import("excel-semicolon-cp1252.csv").added == 2);
    const auto participants = tema::store::list_participants(f.project->db());
    CHECK(participants[0].attributes ==
          tema::store::Attributes{{"Rolle", "jobbspesialist"}, {"Sted", "Bærum"}});
    CHECK(participants[1].attributes[1].second == "Tromsø");
}

TEST_CASE("Imported participants map speakers whose label is their ID", "[participants]") {
    Fixture f;
    tema::NoProgress progress;
    TempDir dir;
    tema::test::write_bytes(dir / "i.txt", "INT: Hei.\nP07: Hei igjen.\n");
    tema::import::import_files(*f.project, f.project->default_coder(), {dir / "i.txt"}, {},
                               progress);
    const auto result = f.import("participants.csv");
    CHECK(result.speakers_mapped == 1);
    const auto participants = tema::store::list_participants(f.project->db());
    CHECK(participants[2].sources == std::vector<std::string>{"i"});
}

TEST_CASE("A bad participants file names the line and changes nothing", "[participants]") {
    Fixture f;
    f.import("participants.csv");
    const auto before = std::to_string(f.count("participants")) + "/" +
                        std::to_string(f.count("participant_attributes")) + "/" +
                        std::to_string(f.count("actions"));
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"no-rows.csv", "has a header but no participants"},
        {"ragged.csv", "line 3: has 3 fields, but the header has 2"},
        {"duplicate-id.csv", "line 4: the participant p01 appears twice (first on line 2)"},
        {"empty-id.csv", "line 3: has no participant ID"},
        {"open-quote.csv", "line 2: a quoted field is never closed"},
        {"duplicate-column.csv", "line 1: the column 'Role' appears twice"},
    };
    for (const auto& [file, message] : cases) {
        INFO(file);
        CHECK_THROWS_WITH(f.import(file), Catch::Contains(file) && Catch::Contains(message));
    }
    CHECK_THROWS_WITH(tema::import::import_participants(*f.project, f.project->default_coder(),
                                                        fixture("import/binary.txt")),
                      Catch::Contains("binary"));
    const auto after = std::to_string(f.count("participants")) + "/" +
                       std::to_string(f.count("participant_attributes")) + "/" +
                       std::to_string(f.count("actions"));
    CHECK(after == before);
}

TEST_CASE("Speakers are mapped per source", "[participants]") {
    Fixture f;
    f.import("participants.csv");
    tema::NoProgress progress;
    TempDir dir;
    tema::test::write_bytes(dir / "fg2.txt", "Moderator: Hei.\nPerson 1: Hei.\n");
    tema::test::write_bytes(dir / "fg3.txt", "M: Hei.\nPerson 1: Hallo.\n");
    const auto reports = tema::import::import_files(
        *f.project, f.project->default_coder(), {dir / "fg2.txt", dir / "fg3.txt"}, {}, progress);
    const auto coder = f.project->default_coder();
    tema::store::map_speaker(*f.project, coder, reports[0].source_id, "Person 1", "P01");
    tema::store::map_speaker(*f.project, coder, reports[1].source_id, "Person 1", "P02");
    CHECK(tema::store::list_speakers(f.project->db(), reports[0].source_id)[1].participant ==
          "P01");
    CHECK(tema::store::list_speakers(f.project->db(), reports[1].source_id)[1].participant ==
          "P02");
    CHECK_THROWS_WITH(
        tema::store::map_speaker(*f.project, coder, reports[0].source_id, "Person 9", "P01"),
        Catch::Contains("speaker Person 9: no such speaker"));
    CHECK_THROWS_WITH(
        tema::store::map_speaker(*f.project, coder, reports[0].source_id, "Person 1", "P99"),
        Catch::Contains("participant P99: no such participant"));
    // Mapping is undone by nothing but itself: the failed attempts left P01 in place.
    CHECK(tema::store::list_speakers(f.project->db(), reports[0].source_id)[1].participant ==
          "P01");
    // The search pane's list: every label once, in Norwegian order.
    CHECK(tema::store::speaker_labels(f.project->db()) ==
          std::vector<std::string>{"M", "Moderator", "Person 1"});
}
