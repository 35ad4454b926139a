// The `tema` command line is a contract (shared/CLI.md): names, flags, JSON
// keys and exit statuses. These tests run the real binary.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/database.h"
#include "support/cli_json.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using tema::test::fixture;
using tema::test::parse_json;
using tema::test::run_tema;
using tema::test::TempDir;

namespace {

std::string project_in(const TempDir& dir) {
    const std::string path = (dir / "studie.tema").string();
    const auto result = run_tema({"init", path, "--title", "IPS-studien", "--coder", "Kari"});
    REQUIRE(result.status == 0);
    return path;
}

}  // namespace

TEST_CASE("tema init makes a project and refuses to overwrite it", "[cli]") {
    TempDir dir;
    const std::string path = project_in(dir);
    CHECK(fs::exists(path));
    const auto again = run_tema({"init", path});
    CHECK(again.status == 1);
    CHECK(again.err == "tema: " + path + ": already exists; not overwriting it\n");
}

TEST_CASE("tema import --json reports each file and exits 1 when one failed", "[cli]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const auto result = run_tema({"import", path, fixture("import/timestamps-brackets.txt").string(),
                                  fixture("import/binary.txt").string(), "--json"});
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::Contains("tema: " + fixture("import/binary.txt").string() + ": "));
    const json reports = parse_json(result);
    REQUIRE(reports.size() == 2);
    const json& good = reports[0];
    for (const char* key : {"file", "source", "ok", "error", "encoding", "lang", "lines", "turns",
                            "speakers"}) {
        CHECK(good.contains(key));
    }
    CHECK(good["ok"] == true);
    CHECK(good["source"] == "timestamps-brackets");
    CHECK(good["lines"] == 5);
    CHECK(good["turns"] == 4);
    CHECK(good["speakers"] == json::array({"Moderator", "Person 1", "Person 2"}));
    CHECK(good["kind"] == "transcript");
    CHECK(reports[1]["ok"] == false);
    CHECK_THAT(reports[1]["error"].get<std::string>(), Catch::Contains("binary"));
}

TEST_CASE("tema sources and tema show, in JSON", "[cli]") {
    TempDir dir;
    const std::string path = project_in(dir);
    REQUIRE(run_tema({"import", path, fixture("import/timestamps-brackets.txt").string()}).status == 0);

    const json sources = parse_json(run_tema({"sources", path, "--json"}));
    REQUIRE(sources.size() == 1);
    for (const char* key : {"id", "name", "kind", "lang", "lines", "turns", "chars", "encoding",
                            "sha256"}) {
        CHECK(sources[0].contains(key));
    }
    CHECK(sources[0]["encoding"] == "UTF-8");
    CHECK(sources[0]["sha256"].get<std::string>().size() == 64);

    const json shown = parse_json(run_tema({"show", path, "timestamps-brackets", "--lines", "3-4", "--json"}));
    CHECK(shown["source"] == "timestamps-brackets");
    REQUIRE(shown["lines"].size() == 2);
    const json& line = shown["lines"][0];
    CHECK(line["n"] == 3);
    CHECK(line["speaker"] == "Person 2");
    CHECK(line["time"] == "00:01:40");
    CHECK(line["text"] == "[00:01:40] Person 2: Og jeg er psykolog ved DPS-en.");
    CHECK(line["participant"].is_null());
    CHECK(line["codes"].is_array());
    CHECK(shown["lines"][1]["speaker"] == "Person 2");

    const auto text = run_tema({"show", path, "1", "--lines", "5"});
    CHECK(text.status == 0);
    CHECK(text.out == "5  [01:02:03] Person 1: Kort svar: ja.\n");

    const auto missing = run_tema({"show", path, "fg9"});
    CHECK(missing.status == 1);
    CHECK(missing.err == "tema: source fg9: no such source in the project\n");
    const auto past_end = run_tema({"show", path, "1", "--lines", "40-50"});
    CHECK(past_end.status == 1);
    CHECK_THAT(past_end.err, Catch::Contains("it has 5 lines"));
    CHECK(run_tema({"show", path, "1", "--lines", "x-y"}).status == 2);
}

TEST_CASE("Participants, speakers and mapping through the CLI", "[cli]") {
    TempDir dir;
    const std::string path = project_in(dir);
    REQUIRE(run_tema({"import", path, fixture("import/timestamps-brackets.txt").string()}).status == 0);
    REQUIRE(run_tema({"participants", path, "import", fixture("participants/participants.csv").string()})
                .status == 0);
    const auto mapped = run_tema({"speakers", path, "timestamps-brackets", "map", "Person 1", "P07"});
    CHECK(mapped.status == 0);

    const json speakers = parse_json(run_tema({"speakers", path, "timestamps-brackets", "--json"}));
    REQUIRE(speakers.size() == 3);
    CHECK(speakers[1] == json({{"label", "Person 1"}, {"turns", 2}, {"participant", "P07"}}));
    CHECK(speakers[2]["participant"].is_null());

    const json participants = parse_json(run_tema({"participants", path, "list", "--json"}));
    REQUIRE(participants.size() == 3);
    CHECK(participants[2]["id"] == "P07");
    CHECK(participants[2]["attributes"]["role"] == "nav-veileder");
    CHECK(participants[2]["sources"] == json::array({"timestamps-brackets"}));

    const json shown = parse_json(run_tema({"show", path, "1", "--lines", "2", "--json"}));
    CHECK(shown["lines"][0]["participant"] == "P07");

    const auto bad = run_tema({"speakers", path, "timestamps-brackets", "map", "Person 1", "P99"});
    CHECK(bad.status == 1);
    CHECK_THAT(bad.err, Catch::Contains("participant P99: no such participant"));
}

TEST_CASE("The acting coder: --coder, then TEMA_CODER, then the default", "[cli]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const auto by_env = run_tema({"import", path, fixture("import/roles-short.txt").string(), "--json"},
                                 {"TEMA_CODER=Ola"});
    CHECK(by_env.status == 0);
    CHECK_THAT(by_env.err, Catch::Contains("coder Ola: new coder added"));
    const json sources = parse_json(run_tema({"sources", path, "--json"}));
    CHECK(sources[0]["imported_by"] == "Ola");
}

TEST_CASE("Wrong usage exits 2 and bad projects exit 1 with the file named", "[cli]") {
    TempDir dir;
    CHECK(run_tema({}).status == 2);
    CHECK(run_tema({"frobnicate"}).status == 2);
    CHECK(run_tema({"import"}).status == 2);
    CHECK(run_tema({"participants", "x.tema", "dance"}).status == 2);
    tema::test::write_bytes(dir / "notat.tema", "bare tekst\n");
    const auto not_project = run_tema({"sources", (dir / "notat.tema").string()});
    CHECK(not_project.status == 1);
    CHECK(not_project.err ==
          "tema: " + (dir / "notat.tema").string() + ": is not a Tema project (not a SQLite database)\n");
    CHECK(not_project.out.empty());
}

TEST_CASE("tema undo, redo and log", "[cli][history]") {
    TempDir dir;
    const std::string path = project_in(dir);
    REQUIRE(run_tema({"import", path, fixture("import/roles-short.txt").string()}).status == 0);
    const auto undone = run_tema({"undo", path});
    CHECK(undone.status == 0);
    CHECK_THAT(undone.out, Catch::StartsWith("Undid #1: imported roles-short.txt"));
    CHECK(parse_json(run_tema({"sources", path, "--json"})).empty());
    const json redone = parse_json(run_tema({"redo", path, "--json", "--coder", "Ola"}));
    CHECK(redone["id"] == 1);
    CHECK(parse_json(run_tema({"sources", path, "--json"})).size() == 1);
    CHECK(run_tema({"redo", path}).out == "Nothing to redo.\n");

    const json log = parse_json(run_tema({"log", path, "--json"}));
    REQUIRE(log.size() == 3);
    for (const char* key : {"id", "time", "coder", "action", "summary"}) {
        CHECK(log[0].contains(key));
    }
    CHECK(log[0]["action"] == "redo");
    CHECK(log[0]["coder"] == "Ola");
    CHECK(log[1]["action"] == "undo");
    CHECK(log[2]["action"] == "import");
    CHECK(log[2]["coder"] == "Kari");
}

TEST_CASE("A locked or read-only project refuses an import and keeps its data", "[cli]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const std::string file_a = fixture("import/roles-short.txt").string();
    const std::string file_b = fixture("import/timestamps-bare.txt").string();
    SECTION("locked by another program") {
        tema::store::Database other(path, tema::store::Database::Mode::read_write);
        tema::store::Transaction lock(other);
        const auto result = run_tema({"import", path, file_a, file_b});
        CHECK(result.status == 1);
        CHECK_THAT(result.err, Catch::Contains(file_a + ": not imported: " + path +
                                               ": the project is in use by another program"));
        CHECK_THAT(result.err, Catch::Contains(file_b + ": not imported"));
    }
    SECTION("read-only") {
        fs::permissions(path,
                        fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        const auto result = run_tema({"import", path, file_a});
        CHECK(result.status == 1);
        CHECK(result.err ==
              "tema: " + path + ": the project file is read-only; make it writable to change it\n");
    }
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    const json sources = parse_json(run_tema({"sources", path, "--json"}));
    CHECK(sources.empty());
}

TEST_CASE("tema import --merge-cues joins a speaker's consecutive subtitle cues", "[cli]") {
    TempDir dir;
    const std::string file = fixture("import/subtitles/teams-fokusgruppe.vtt").string();
    const std::string apart = project_in(dir);
    const json cues = parse_json(run_tema({"import", apart, file, "--json"}));
    CHECK(cues[0]["turns"] == 7);
    TempDir other;
    const std::string merged = project_in(other);
    const json joined = parse_json(run_tema({"import", merged, file, "--merge-cues", "--json"}));
    CHECK(joined[0]["turns"] == 5);
    CHECK(joined[0]["kind"] == "transcript");
}
