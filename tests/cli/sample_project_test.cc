// The sample project (sample-projects/build-sample.sh) comes coded: a codebook
// from inductive coding, one focus group coded by two coders independently,
// translations, themes with their fields, memos and the journal, the phase log
// and two map snapshots. Built with the real tema, read back with --json.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/test_support.h"

using nlohmann::json;
using tema::test::run_tema;
using tema::test::TempDir;

namespace {

json tema_json(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--json"};
    all.insert(all.end(), args.begin(), args.end());
    const auto result = run_tema(all);
    INFO("tema " << args.at(0) << "\nstderr: " << result.err);
    REQUIRE(result.status == 0);
    return json::parse(result.out);
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("The sample project is built coded, with themes, memos, phases and two coders",
          "[cli][sample]") {
    TempDir dir;
    const std::string p = (dir / "ips-study.tema").string();
    const auto built = tema::test::run_program(
        tema::test::repo_file("sample-projects/build-sample.sh").string(), {TEMA_CLI_PATH, p});
    INFO("stderr: " << built.err);
    REQUIRE(built.status == 0);
    CHECK(built.out.find("Built ") != std::string::npos);

    // The codebook: 30-60 codes, in folders, described, some in vivo.
    const json codes = tema_json({"codes", p});
    CHECK(codes.size() >= 30);
    CHECK(codes.size() <= 60);
    int invivo = 0, deep = 0, described = 0;
    for (const auto& code : codes) {
        const std::string path = code["path"];
        invivo += code["origin"] == "invivo" ? 1 : 0;
        deep += std::count(path.begin(), path.end(), '/') >= 2 ? 1 : 0;
        described +=
            code["description"].get<std::string>().find("Definisjon:") != std::string::npos ? 1 : 0;
    }
    CHECK(invivo >= 2);
    CHECK(deep >= 3);
    CHECK(described >= 30);

    // Every segment, through retrieve: who coded what, where, translated or not.
    std::map<std::string, std::set<std::string>> sources_of;  // coder -> sources
    std::map<std::string, std::set<std::pair<std::string, std::int64_t>>>
        fg3;  // coder -> (code, line)
    const std::string focus_group_3 = "fokusgruppe-3-deltakere-solvang";
    int norwegian = 0, translated = 0;
    for (const auto& code : codes) {
        if (code["segments"] == 0) {
            continue;
        }
        for (const auto& segment :
             tema_json({"retrieve", p, std::to_string(code["id"].get<int>())})) {
            const std::string coder = segment["coder"], source = segment["source"];
            sources_of[coder].insert(source);
            if (!starts_with(source, "interview")) {
                ++norwegian;
                translated += segment["translation"].get<std::string>().empty() ? 0 : 1;
            }
            if (source == focus_group_3) {
                for (std::int64_t line = segment["start_line"]; line <= segment["end_line"];
                     ++line) {
                    fg3[coder].insert({segment["code"], line});
                }
            }
        }
    }
    CHECK(sources_of["anna"].size() == 6);
    CHECK(sources_of["bjorn"] == std::set<std::string>{focus_group_3});
    CHECK(translated * 10 >= norwegian * 4);  // a good share of the Norwegian quotes
    // The two coders of focus group 3 agree on most lines, not all.
    std::size_t both = 0;
    for (const auto& coded : fg3["anna"]) {
        both += fg3["bjorn"].count(coded);
    }
    const std::size_t either = fg3["anna"].size() + fg3["bjorn"].size() - both;
    REQUIRE(either > 0);
    const double agreement = static_cast<double>(both) / static_cast<double>(either);
    CHECK(agreement > 0.6);
    CHECK(agreement < 0.95);

    // Themes: five or more at the top, with subthemes, every status, fields filled.
    const json themes = tema_json({"themes", p});
    std::set<std::string> statuses;
    int top = 0;
    for (const auto& theme : themes) {
        statuses.insert(theme["status"].get<std::string>());
        if (!theme["parent"].is_null()) {
            CHECK(!theme["codes"].empty());
            continue;
        }
        ++top;
        if (theme["status"] == "discarded") {
            continue;
        }
        INFO(theme["name"]);
        CHECK(theme["subthemes"] >= 2);
        CHECK(!theme["definition"].get<std::string>().empty());
        std::set<std::string> filled;
        for (const auto& field : theme["fields"]) {
            if (!field["value"].get<std::string>().empty()) {
                filled.insert(field["field"].get<std::string>());
            }
        }
        CHECK(filled == std::set<std::string>{"Timeline", "Initiatives", "Driving forces",
                                              "How IPS is viewed"});
    }
    CHECK(top >= 5);
    CHECK(statuses == std::set<std::string>{"candidate", "reviewed", "final", "discarded"});

    // Memos of every kind, on every kind of object; journal entries by both coders.
    std::set<std::string> kinds, objects, journal_authors;
    for (const auto& memo : tema_json({"memo", p, "list"})) {
        kinds.insert(memo["kind"].get<std::string>());
        const std::string on = memo["on"];
        objects.insert(on.substr(0, on.find(':')));
        if (memo["kind"] == "journal") {
            journal_authors.insert(memo["author"].get<std::string>());
        }
    }
    CHECK(kinds == std::set<std::string>{"note", "familiarisation", "analytic", "journal"});
    CHECK(objects ==
          std::set<std::string>{"project", "source", "code", "theme", "segment", "participant"});
    CHECK(journal_authors == std::set<std::string>{"anna", "bjorn"});

    // The phase log: 1-4 done, 5 under way, 6 not started; two map snapshots.
    const json phases = tema_json({"phase", p});
    REQUIRE(phases.size() == 6);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(phases[i]["status"] == "done");
        CHECK(!phases[i]["notes"].get<std::string>().empty());
    }
    CHECK(phases[4]["status"] == "started");
    CHECK(phases[5]["status"] == "not started");
    CHECK(tema_json({"map", p, "list"}).size() == 2);
}
