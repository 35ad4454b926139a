// tema search, tema autocode and tema index (shared/CLI.md): real binary, real
// project, real index beside it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli_json.h"
#include "support/test_support.h"

using nlohmann::json;
using tema::test::fixture;
using tema::test::parse_ok;
using tema::test::run_tema;
using tema::test::TempDir;

namespace {

std::string project_in(const TempDir& dir) {
    const std::string path = (dir / "studie.tema").string();
    REQUIRE(run_tema({"init", path, "--coder", "Kari"}).status == 0);
    REQUIRE(run_tema({"participants", path, "import", fixture("search/participants.csv").string()})
                .status == 0);
    REQUIRE(run_tema({"import", path, fixture("search/fokusgruppe-sok.txt").string(),
                      fixture("search/feltnotat-nn.txt").string()})
                .status == 0);
    for (int n = 1; n <= 3; ++n) {
        REQUIRE(run_tema({"speakers", path, "1", "map", "Deltaker " + std::to_string(n),
                          "P0" + std::to_string(n)})
                    .status == 0);
    }
    return path;
}

}  // namespace

TEST_CASE("tema search builds the index on first use and prints hits as JSON",
          "[cli][search]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const auto first = run_tema({"search", path, "jobbspesialist", "--json"});
    CHECK(first.err == "tema: " + path + "-index: search index built (missing): 2 sources, " +
                           "13 passages\n");
    const json result = parse_ok(first);
    CHECK(result["query"] == "jobbspesialist");
    CHECK(result["total"] == 3);
    CHECK(result["suggestion"].is_null());
    REQUIRE(result["hits"].size() == 3);
    for (const json& hit : result["hits"]) {
        for (const char* key : {"source", "line", "speaker", "participant", "snippet"}) {
            CHECK(hit.contains(key));
        }
    }
    // The second search finds the index up to date and says nothing.
    const auto second = run_tema({"search", path, "barnehage", "--json"});
    CHECK(second.err.empty());
    const json hit = parse_ok(second)["hits"].at(0);
    CHECK(hit["source"] == "fokusgruppe-sok");
    CHECK(hit["line"] == 9);
    CHECK(hit["speaker"] == "Deltaker 3");
    CHECK(hit["participant"] == "P03");
    CHECK(hit["snippet"] ==
          "For meg var det viktig å få fast jobb. Jeg fikk en fast jobb i en **barnehage** "
          "etter et halvt år.");
}

TEST_CASE("tema search prints hits for people, with filters and a suggestion", "[cli][search]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const auto found = run_tema({"search", path, "jobbspesialist", "--participant", "P02"});
    CHECK(found.status == 0);
    CHECK(found.out ==
          "1 hit\n\nfokusgruppe-sok, l. 7  Deltaker 2 [P02]\n  Det er sant. Vi "
          "**jobbspesialistene** har mange samtaler med veilederen på NAV, og hun er ærlig om hva "
          "hun kan gjøre.\n");
    const auto misspelt = run_tema({"search", path, "barnehgae"});
    CHECK(misspelt.out == "0 hits\nDid you mean: barnehage\n");
    const json paged = parse_ok(run_tema({"search", path, "jobbspesialist", "--limit", "1",
                                       "--offset", "1", "--order", "document", "--json"}));
    CHECK(paged["total"] == 3);
    REQUIRE(paged["hits"].size() == 1);
    CHECK(paged["hits"][0]["line"] == 7);
}

TEST_CASE("tema search refuses a bad query with exit status 1 and the place", "[cli][search]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const auto bad = run_tema({"search", path, "\"fast jobb", "--json"});
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err.ends_with("tema: query: the quotation mark at column 1 is never closed\n"));
    CHECK(run_tema({"search", path, "jobb", "--order", "alphabet"}).status == 2);
}

TEST_CASE("tema autocode codes every hit as one action that tema undo takes back",
          "[cli][search]") {
    TempDir dir;
    const std::string path = project_in(dir);
    REQUIRE(run_tema({"code", path, "add", "Jobbspesialist"}).status == 0);
    const json coded =
        parse_ok(run_tema({"autocode", path, "jobbspesialist", "Jobbspesialist", "--json"}));
    CHECK(coded["hits"] == 3);
    CHECK(coded["segments"] == 3);
    const json segments = parse_ok(run_tema({"retrieve", path, "Jobbspesialist", "--json"}));
    CHECK(segments.size() == 3);
    const auto undone = run_tema({"undo", path});
    CHECK(undone.status == 0);
    CHECK(undone.out.find("auto-coded 3 hits of 'jobbspesialist' with 'Jobbspesialist'") !=
          std::string::npos);
    CHECK(parse_ok(run_tema({"retrieve", path, "Jobbspesialist", "--json"})).empty());
    const auto by_turn =
        parse_ok(run_tema({"autocode", path, "lønn", "Jobbspesialist", "--unit", "turn", "--json"}));
    CHECK(by_turn["segments"] == 1);
}

TEST_CASE("tema index check and rebuild", "[cli][search]") {
    TempDir dir;
    const std::string path = project_in(dir);
    const auto missing = run_tema({"index", path, "check"});
    CHECK(missing.status == 1);
    CHECK(missing.err == "tema: " + path +
                             "-index: the search index is missing; run: tema index PROJECT "
                             "rebuild\n");
    const auto rebuilt = run_tema({"index", path, "rebuild"});
    CHECK(rebuilt.status == 0);
    CHECK(rebuilt.out == path + "-index: 2 sources, 13 passages\n");
    const json check = parse_ok(run_tema({"index", path, "check", "--json"}));
    CHECK(check["problem"] == "");
    CHECK(check["sources"] == 2);
    CHECK(check["stale"] == 0);
    REQUIRE(run_tema({"import", path, fixture("search/interview-en.txt").string()}).status == 0);
    CHECK(parse_ok(run_tema({"index", path, "check", "--json"}))["stale"] == 1);
}
