// The index's life beside the project: built when missing, damaged or old,
// otherwise kept up to date one source at a time.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/search/search_fixture.h"
#include "search/index.h"
#include "store/history.h"

using tema::test::SearchFixture;
namespace fs = std::filesystem;

TEST_CASE("the index lives beside the project and is built when missing", "[search][index]") {
    tema::test::ProjectFixture f;
    f.import(tema::test::fixture("search/fokusgruppe-sok.txt"));
    tema::search::SearchIndex index(*f.project);
    CHECK(index.path() == f.dir / "studie.tema-index");
    CHECK(index.check().problem == "missing");
    CHECK(index.problem() == "missing");
    tema::NoProgress progress;
    const auto report = index.sync(progress);
    CHECK(index.problem().empty());
    CHECK(report.rebuilt);
    CHECK(report.reason == "missing");
    CHECK(report.indexed == 1);
    CHECK(fs::is_directory(index.path()));
    const auto check = index.check();
    CHECK(check.problem.empty());
    CHECK(check.sources == 1);
    CHECK(check.stale == 0);
    CHECK(check.bytes > 0);
    // Up to date: nothing to do.
    const auto again = index.sync(progress);
    CHECK_FALSE(again.rebuilt);
    CHECK(again.indexed == 0);
}

TEST_CASE("a search on a project with no index yet says what to do", "[search][index]") {
    tema::test::ProjectFixture f;
    tema::search::SearchIndex index(*f.project);
    tema::search::SearchRequest request;
    request.query = "jobb";
    CHECK(tema::test::error_of_call([&] { index.search(request); }) ==
          index.path().string() +
              ": the search index is missing; run: tema index PROJECT rebuild");
}

TEST_CASE("changes since the index was built go to its delta, and a rebuild folds them in",
          "[search][index]") {
    SearchFixture f;
    const auto built = f.index->check();
    // Change the focus group: a speaker mapped anew re-indexes it.
    f.map_speaker(f.focus_group, "Deltaker 3", "P01");
    f.sync();
    CHECK(fs::is_directory(f.index->path() / "delta"));
    // Its old passages are no longer found, only the new ones.
    CHECK(f.find("barnehage").total == 1);
    CHECK(f.find("barnehage participant:P03").total == 0);
    CHECK(f.find("barnehage participant:P01").total == 1);
    CHECK(f.index->check().passages == built.passages);
    tema::NoProgress progress;
    f.index->rebuild(progress);
    CHECK_FALSE(fs::exists(f.index->path() / "delta"));
    CHECK(f.find("barnehage participant:P01").total == 1);
    CHECK(f.index->check().passages == built.passages);
}

TEST_CASE("adding a source re-indexes only that source", "[search][index]") {
    SearchFixture f;
    CHECK(f.find("Åsen").total == 0);
    const std::int64_t added = f.import(tema::test::fixture("search/nfd-intervju.txt"));
    CHECK(f.index->check().stale == 1);
    const auto report = f.sync();
    CHECK_FALSE(report.rebuilt);
    CHECK(report.indexed == 1);
    CHECK(report.removed == 0);
    const auto result = f.find("Åsen");
    REQUIRE(result.total == 1);
    CHECK(result.hits[0].source_id == added);
}

TEST_CASE("undoing an import drops the source from the index", "[search][index]") {
    SearchFixture f;
    f.import(tema::test::fixture("search/nfd-intervju.txt"));
    f.sync();
    CHECK(f.find("Åsen").total == 1);
    tema::store::undo(*f.project, f.coder);
    const auto report = f.sync();
    CHECK(report.removed == 1);
    CHECK(report.indexed == 0);
    CHECK(f.find("Åsen").total == 0);
    CHECK(f.index->check().sources == 4);
}

TEST_CASE("mapping a speaker re-indexes the source, so participant filters follow",
          "[search][index]") {
    SearchFixture f;
    f.import_participants(tema::test::fixture("search/participants.csv"));
    CHECK(f.find("barnehage participant:P01").total == 0);
    f.map_speaker(f.focus_group, "Deltaker 3", "P01");
    const auto report = f.sync();
    CHECK(report.indexed == 1);
    const auto result = f.find("barnehage participant:P01");
    REQUIRE(result.total == 1);
    CHECK(result.hits[0].participant == "P01");
}

TEST_CASE("a damaged index is rebuilt, saying so", "[search][index]") {
    SearchFixture f;
    const fs::path path = f.index->path();
    f.index.reset();
    // Overwrite every table file with junk.
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.path().extension() == ".glass") {
            std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << "not a table";
        }
    }
    f.index = std::make_unique<tema::search::SearchIndex>(*f.project);
    CHECK_FALSE(f.index->check().problem.empty());
    const auto report = f.sync();
    CHECK(report.rebuilt);
    CHECK(report.reason.starts_with("damaged ("));
    CHECK(f.find("barnehage").total == 1);
}

TEST_CASE("an index from another version of Tema is rebuilt", "[search][index]") {
    SearchFixture f;
    const fs::path path = f.index->path();
    f.index.reset();
    fs::remove_all(path);
    fs::create_directories(path);
    std::ofstream(path / "iamchert") << "an old index";  // not a Xapian database at all
    f.index = std::make_unique<tema::search::SearchIndex>(*f.project);
    const auto report = f.sync();
    CHECK(report.rebuilt);
    CHECK(f.find("barnehage").total == 1);
}

TEST_CASE("a search while sources are not yet indexed says it is partial", "[search][index]") {
    SearchFixture f;
    f.import(tema::test::fixture("search/nfd-intervju.txt"));
    tema::search::SearchIndex fresh(*f.project);  // opens the index as it is, without syncing
    tema::search::SearchRequest request;
    request.query = "barnehage";
    const auto result = fresh.search(request);
    CHECK(result.total == 1);
    CHECK(result.partial);
    f.sync();
    tema::search::SearchIndex synced(*f.project);
    CHECK_FALSE(synced.search(request).partial);
}

TEST_CASE("a search while the index is first built finds what is indexed so far and says so",
          "[search][index]") {
    tema::test::ProjectFixture f;
    std::vector<fs::path> files;
    for (int n = 1; n <= 300; ++n) {
        files.push_back(f.dir / ("samtale-" + std::to_string(n) + ".txt"));
        std::ofstream(files.back()) << "Deltaker 1: Jeg snakket med arbeidsgiveren om jobb nummer "
                                    << n << ".\n";
    }
    REQUIRE(f.import_files(files).size() == 300);

    // The build is stopped after its first sources; before it cleans up, a
    // search on a connection of its own sees the shards as far as they went.
    struct SearchMidway : tema::Progress {
        tema::test::ProjectFixture& f;
        bool stop = false;
        std::optional<tema::search::SearchResult> seen;
        explicit SearchMidway(tema::test::ProjectFixture& fixture) : f(fixture) {}
        void start(std::string_view, std::size_t) override {}
        void advance(std::string_view, std::size_t) override { stop = true; }
        void finish() override {
            tema::store::Project other(f.path, tema::store::Project::Access::read_only);
            tema::search::SearchIndex index(other);
            CHECK(index.problem().empty());
            tema::search::SearchRequest request;
            request.query = "arbeidsgiver";
            request.limit = 0;
            seen = index.search(request);
        }
        bool cancelled() const override { return stop; }
    } midway(f);
    tema::search::SearchIndex index(*f.project);
    CHECK_THROWS_WITH(index.sync(midway), Catch::Contains("indexing was cancelled"));
    REQUIRE(midway.seen);
    CHECK(midway.seen->partial);
    CHECK(midway.seen->total > 0);
    CHECK(midway.seen->total < 300);
    CHECK(midway.seen->hits.size() == midway.seen->total);
    // Cancelled, the build left nothing behind; done, it finds all.
    CHECK(index.problem() == "missing");
    tema::NoProgress quiet;
    index.sync(quiet);
    tema::search::SearchRequest request;
    request.query = "arbeidsgiver";
    const auto whole = index.search(request);
    CHECK(whole.total == 300);
    CHECK_FALSE(whole.partial);
}

TEST_CASE("a build folder left by a Tema that died is not searched", "[search][index]") {
    tema::test::ProjectFixture f;
    f.import(tema::test::fixture("search/fokusgruppe-sok.txt"));
    tema::search::SearchIndex index(*f.project);
    for (const char* pid : {"999999999", "0", "99999999999999999999", "x1"}) {
        fs::create_directories(fs::path(index.path().string() + ".new-" + pid) / "shard0");
    }
    CHECK(index.problem() == "missing");
    tema::search::SearchRequest request;
    request.query = "barnehage";
    CHECK(tema::test::error_of_call([&] { index.search(request); })
              .ends_with("the search index is missing; run: tema index PROJECT rebuild"));
}
