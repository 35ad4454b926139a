#include "store/history.h"

#include <catch2/catch.hpp>

#include "import/importer.h"
#include "import/participants_csv.h"
#include "store/participants.h"
#include "store/sources.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using tema::store::Project;
using tema::test::fixture;

namespace {

struct Fixture {
    tema::test::TempDir dir;
    fs::path path = dir / "studie.tema";
    std::unique_ptr<Project> project;
    tema::store::Coder coder;

    Fixture() {
        Project::create(path, {"", "Kari"});
        reopen();
    }
    void reopen() {
        project.reset();
        project = std::make_unique<Project>(path);
        coder = project->default_coder();
    }
    std::int64_t import(const std::string& name) {
        tema::NoProgress progress;
        return tema::import::import_files(*project, coder, {fixture("import/" + name)}, {}, progress)
            .at(0)
            .source_id;
    }
    std::int64_t count(const std::string& table) {
        return project->db().query_int("SELECT count(*) FROM " + table);
    }
};

}  // namespace

TEST_CASE("Undo takes an import back, redo brings the same source back", "[history]") {
    Fixture f;
    const auto id = f.import("timestamps-brackets.txt");
    auto& db = f.project->db();
    const auto before = tema::store::find_source(db, std::to_string(id));
    const auto text = tema::store::load_source_text(db, id).text;

    const auto undone = tema::store::undo(*f.project, f.coder);
    REQUIRE(undone.has_value());
    CHECK(undone->kind == "import");
    CHECK(f.count("sources") == 0);
    CHECK(f.count("speakers") == 0);

    const auto redone = tema::store::redo(*f.project, f.coder);
    REQUIRE(redone.has_value());
    CHECK(redone->id == undone->id);
    const auto after = tema::store::find_source(db, std::to_string(id));
    CHECK(after.name == before.name);
    CHECK(after.sha256 == before.sha256);
    CHECK(after.guid == before.guid);
    CHECK(after.turns == 4);
    CHECK(tema::store::load_source_text(db, id).text == text);
    CHECK(tema::store::load_turns(db, id).at(2).turn.speaker == "Person 2");
    CHECK(tema::store::list_speakers(db, id).size() == 3);
}

TEST_CASE("Undo and redo work across restarts and in order", "[history]") {
    Fixture f;
    f.import("roles-short.txt");
    f.import("timestamps-bare.txt");
    f.import("interview-standalone.txt");
    f.reopen();
    CHECK(tema::store::undo(*f.project, f.coder)->summary.find("interview-standalone") != std::string::npos);
    CHECK(tema::store::undo(*f.project, f.coder)->summary.find("timestamps-bare") != std::string::npos);
    CHECK(f.count("sources") == 1);
    f.reopen();
    CHECK(tema::store::redo(*f.project, f.coder)->summary.find("timestamps-bare") != std::string::npos);
    CHECK(tema::store::redo(*f.project, f.coder)->summary.find("interview-standalone") != std::string::npos);
    CHECK_FALSE(tema::store::redo(*f.project, f.coder).has_value());
    CHECK(f.count("sources") == 3);
    // Undo all, then nothing more to undo.
    for (int i = 0; i < 3; ++i) {
        REQUIRE(tema::store::undo(*f.project, f.coder).has_value());
    }
    CHECK_FALSE(tema::store::undo(*f.project, f.coder).has_value());
    CHECK(f.count("sources") == 0);
}

TEST_CASE("A new change ends what could be redone", "[history]") {
    Fixture f;
    f.import("roles-short.txt");
    tema::store::undo(*f.project, f.coder);
    f.import("timestamps-bare.txt");
    CHECK_FALSE(tema::store::redo(*f.project, f.coder).has_value());
    CHECK(f.project->db().query_int("SELECT count(*) FROM actions WHERE state = 'dropped'") == 1);
}

TEST_CASE("Undo of a participants import restores the old attribute values", "[history]") {
    Fixture f;
    const auto source = f.import("roles-short.txt");
    tema::import::import_participants(*f.project, f.coder, fixture("participants/participants.csv"));
    tema::test::TempDir dir;
    tema::test::write_bytes(dir / "update.csv", "id,role,site\nP01,teamleder,Solvang\nP30,deltaker,Solvang\n");
    tema::import::import_participants(*f.project, f.coder, dir / "update.csv");
    auto& db = f.project->db();
    CHECK(tema::store::list_participants(db)[0].attributes[0].second == "teamleder");

    tema::store::undo(*f.project, f.coder);
    const auto participants = tema::store::list_participants(db);
    REQUIRE(participants.size() == 3);
    CHECK(participants[0].attributes ==
          tema::store::Attributes{{"role", "jobbspesialist"}, {"site", "Bergvik"}, {"note", "erfaren, 9 år"}});
    // The first import mapped speaker P07; undoing it unmaps the speaker too.
    CHECK(tema::store::list_speakers(db, source)[3].participant == "P07");
    tema::store::undo(*f.project, f.coder);
    CHECK(f.count("participants") == 0);
    CHECK(tema::store::list_speakers(db, source)[3].participant == std::nullopt);
}

TEST_CASE("Speaker mappings are undoable", "[history]") {
    Fixture f;
    const auto source = f.import("timestamps-brackets.txt");
    tema::import::import_participants(*f.project, f.coder, fixture("participants/participants.csv"));
    tema::store::map_speaker(*f.project, f.coder, source, "Person 1", "P01");
    tema::store::map_speaker(*f.project, f.coder, source, "Person 1", "P02");
    auto& db = f.project->db();
    CHECK(tema::store::list_speakers(db, source)[1].participant == "P02");
    tema::store::undo(*f.project, f.coder);
    CHECK(tema::store::list_speakers(db, source)[1].participant == "P01");
    tema::store::redo(*f.project, f.coder);
    CHECK(tema::store::list_speakers(db, source)[1].participant == "P02");
}

TEST_CASE("The log is the audit trail, undo and redo included", "[history]") {
    Fixture f;
    f.import("roles-short.txt");
    tema::store::undo(*f.project, f.coder);
    const auto ola = f.project->coder_named("Ola");
    tema::store::redo(*f.project, ola);
    const auto log = tema::store::list_history(f.project->db());
    REQUIRE(log.size() == 3);
    CHECK(log[0].kind == "redo");
    CHECK(log[0].coder == "Ola");
    CHECK(log[0].target == log[2].id);
    CHECK(log[1].kind == "undo");
    CHECK(log[1].coder == "Kari");
    CHECK(log[2].kind == "import");
    CHECK(log[2].state == "done");
    CHECK(tema::store::list_history(f.project->db(), 1).size() == 1);
}
