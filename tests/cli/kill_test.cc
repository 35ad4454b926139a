// Nothing the user did is lost: a kill in the middle of a long import loses at
// most the file in flight, and leaves a consistent project.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "store/project.h"
#include "store/sources.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using tema::store::Project;

TEST_CASE("Killing tema during an import keeps every file it finished", "[cli][durability]") {
    tema::test::TempDir dir;
    const fs::path project_path = dir / "studie.tema";
    Project::create(project_path, {"", "Kari"});
    std::vector<std::string> args = {"import", project_path.string()};
    for (int i = 0; i < 400; ++i) {
        std::string text;
        for (int turn = 0; turn < 200; ++turn) {
            text += (turn % 2 == 0 ? "Moderator: " : "Deltaker " + std::to_string(turn % 5) + ": ");
            text += "Fil " + std::to_string(i) + ", tur " + std::to_string(turn) +
                    ": vi snakket om arbeidsgiveren og jobbspesialisten.\n\n";
        }
        const fs::path file = dir / ("fg-" + std::to_string(i) + ".txt");
        tema::test::write_bytes(file, text);
        args.push_back(file.string());
    }

    const int pid = tema::test::start_tema(args);
    // Wait until some files are in, then kill without warning.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::int64_t seen = 0;
    while (seen < 5 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        try {
            Project reader(project_path, Project::Access::read_only);
            seen = reader.db().query_int("SELECT count(*) FROM sources");
        } catch (const std::exception&) {
            // busy for a moment: look again
        }
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(seen >= 5);

    Project project(project_path);
    auto& db = project.db();
    tema::store::Statement check(db, "PRAGMA quick_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
    const auto sources = tema::store::list_sources(db);
    INFO("sources kept: " << sources.size());
    CHECK(sources.size() >= 5);
    CHECK(sources.size() < 400);  // the kill came in the middle
    CHECK(db.query_int("SELECT count(*) FROM actions WHERE kind = 'import'") ==
          static_cast<std::int64_t>(sources.size()));
    for (const auto& source : sources) {
        CHECK(source.lines == 400);
        CHECK(source.turns == 200);
        CHECK(tema::store::load_turns(db, source.id).size() == 200);
    }
}
