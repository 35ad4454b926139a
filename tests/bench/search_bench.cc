// Search benchmark: imports a corpus into a new project, builds its search
// index, runs 30 mixed queries (with snippets and line numbers), and re-indexes
// after one more source. It prints figures; it passes or fails nothing.
// Usage: tema_bench_search CORPUS_DIR PROJECT.tema [N_FILES] [RUNS]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "import/importer.h"
#include "search/index.h"
#include "store/database.h"
#include "store/project.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Query {
    const char* kind;
    const char* text;
    bool exact = false;
    bool fold = false;
};

// Words of the generated corpus (tests/bench/generate_corpus.cc): each kind
// of query the search language has.
const std::vector<Query> kQueries = {
    {"word", "jobbspesialist"},
    {"word", "arbeidsgiver"},
    {"word", "veileder"},
    {"word", "fastlege"},
    {"word", "tilrettelegging"},
    {"word", "sykmelding"},
    {"exact", "jobbspesialisten", true},
    {"exact", "arbeidsgiverne", true},
    {"phrase", "\"fast jobb\""},
    {"phrase", "\"legen min\""},
    {"phrase", "\"ikke fikk\""},
    {"phrase", "\"jobbspesialisten min\"", true},
    {"boolean", "arbeidsgiver AND lege"},
    {"boolean", "jobbspesialist OR veileder"},
    {"boolean", "arbeidsgiver NOT lege"},
    {"boolean", "(lege OR psykolog) AND sykmelding"},
    {"wildcard", "jobb*"},
    {"wildcard", "arbeids*"},
    {"wildcard", "støtt*"},
    {"wildcard", "sykm*"},
    {"near", "arbeidsgiver NEAR/5 jobbspesialist"},
    {"near", "lege NEAR sykmelding"},
    {"filter", "jobbspesialist speaker:Moderator"},
    {"filter", "arbeidsgiver speaker:P07"},
    {"filter", "lege source:fg-0001"},
    {"filter", "tiltak kind:transcript"},
    {"filter", "arbeidsgiver lang:nb"},
    {"fold", "støtte", false, true},
    {"fold", "ærlig", false, true},
    {"misspelt", "jobbspesalist"},
};

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

// User and system time of the whole process (every thread), in seconds.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::uintmax_t folder_bytes(const fs::path& folder) {
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            bytes += entry.file_size();
        }
    }
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: tema_bench_search CORPUS_DIR PROJECT.tema [N_FILES] [RUNS]\n");
        return 2;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are made
    const fs::path corpus = argv[1];
    const fs::path project_path = argv[2];
    const std::size_t count = argc > 3 ? std::stoul(argv[3]) : 1000;
    const int runs = argc > 4 ? std::stoi(argv[4]) : 20;

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (entry.path().extension() == ".txt") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    if (files.size() < 2) {
        std::fprintf(stderr, "%s: needs at least 2 .txt files\n", corpus.c_str());
        return 1;
    }
    // The last file is kept back, to add after the index is built.
    const fs::path extra = files.back();
    files.pop_back();
    files.resize(std::min(files.size(), count));

    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(project_path.string() + suffix);
    }
    fs::remove_all(tema::search::index_path_for(project_path));
    tema::store::Project::create(project_path, {"bench", "bench"});
    tema::store::Project project(project_path);
    tema::NoProgress progress;
    tema::import::import_files(project, project.default_coder(), files, {}, progress);
    const std::int64_t text_bytes =
        project.db().query_int("SELECT sum(length(CAST(text AS BLOB))) FROM sources");
    const double rss_before = peak_rss_mb();

    tema::search::SearchIndex index(project);
    const double cpu_before = cpu_seconds();
    auto start = Clock::now();
    const tema::search::SyncReport built = index.rebuild(progress);
    const double build_s = ms_since(start) / 1000.0;
    const double build_cpu = cpu_seconds() - cpu_before;
    const double mb = static_cast<double>(text_bytes) / 1e6;
    const std::uintmax_t index_bytes = folder_bytes(index.path());
    std::printf("index %zu sources, %.1f MB of text, %zu passages: %.2f s wall (%.2f s CPU), "
                "%.1f MB/s, peak RSS %.0f MB (%.0f MB before), index %.1f MB = %.2fx the text\n",
                built.indexed, mb, built.passages, build_s, build_cpu, mb / build_s, peak_rss_mb(),
                rss_before, static_cast<double>(index_bytes) / 1e6,
                static_cast<double>(index_bytes) / static_cast<double>(text_bytes));

    if (runs < 1) {
        return 0;
    }
    std::map<std::string, std::vector<double>> by_kind;
    std::vector<double> all;
    std::printf("\n%-10s %-40s %8s %9s %9s\n", "kind", "query", "hits", "median", "p95");
    for (const Query& q : kQueries) {
        tema::search::SearchRequest request;
        request.query = q.text;
        request.exact = q.exact;
        request.fold = q.fold;
        request.limit = 20;
        std::vector<double> times;
        tema::search::SearchResult result;
        for (int run = 0; run < runs; ++run) {
            start = Clock::now();
            result = index.search(request);
            times.push_back(ms_since(start));
        }
        // The first run opens the index; it counts like the others.
        by_kind[q.kind].insert(by_kind[q.kind].end(), times.begin(), times.end());
        all.insert(all.end(), times.begin(), times.end());
        std::printf("%-10s %-40s %8zu %7.2f ms %6.2f ms%s\n", q.kind,
                    (std::string(q.text) + (q.exact ? " --exact" : "") + (q.fold ? " --fold" : ""))
                        .c_str(),
                    result.total, percentile(times, 0.5), percentile(times, 0.95),
                    result.suggestion ? (" -> " + *result.suggestion).c_str() : "");
    }
    std::printf("\n");
    for (const auto& [kind, times] : by_kind) {
        std::printf("%-10s median %6.2f ms, p95 %6.2f ms\n", kind.c_str(), percentile(times, 0.5),
                    percentile(times, 0.95));
    }
    std::printf("all        median %6.2f ms, p95 %6.2f ms (%zu searches)\n", percentile(all, 0.5),
                percentile(all, 0.95), all.size());

    // One more source: only it is indexed.
    tema::import::import_files(project, project.default_coder(), {extra}, {}, progress);
    start = Clock::now();
    const tema::search::SyncReport added = index.sync(progress);
    std::printf("\nadd one source: %zu source(s) indexed, %zu passages, %.0f ms%s\n",
                added.indexed, added.passages, ms_since(start),
                added.rebuilt ? " (rebuilt!)" : "");
    return 0;
}
