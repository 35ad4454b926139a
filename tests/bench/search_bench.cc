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
#include <tuple>
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
    // Each query twice: as the desktop program shows it (the first page at
    // once, its total estimated, then counted apart) and as `tema search`
    // does (the page and a total counted up to 50,000 in one search).
    struct Times {
        std::vector<double> page, count, counted;
    };
    std::map<std::string, Times> by_kind;
    Times all;
    std::printf("\n%-10s %-38s %7s %8s | %7s %7s | %7s %7s | %7s %7s\n", "", "", "", "",
                "page", "", "count", "", "both", "");
    std::printf("%-10s %-38s %7s %8s | %7s %7s | %7s %7s | %7s %7s\n", "kind", "query", "total",
                "estimate", "median", "p95", "median", "p95", "median", "p95");
    for (const Query& q : kQueries) {
        tema::search::SearchRequest request;
        request.query = q.text;
        request.exact = q.exact;
        request.fold = q.fold;
        request.limit = 20;
        Times times;
        tema::search::SearchResult page, counted;
        const auto timed = [&](std::vector<double>& into, auto&& search) {
            for (int run = 0; run < runs; ++run) {
                start = Clock::now();
                search();
                into.push_back(ms_since(start));
            }
        };
        // The first run opens the index; it counts like the others.
        request.estimate_total = true;
        timed(times.page, [&] { page = index.search(request); });
        timed(times.count, [&] { index.count(request); });
        request.estimate_total = false;
        timed(times.counted, [&] { counted = index.search(request); });
        Times& kind = by_kind[q.kind];
        for (auto [from, to, into] : {std::tuple{&times.page, &kind.page, &all.page},
                                      std::tuple{&times.count, &kind.count, &all.count},
                                      std::tuple{&times.counted, &kind.counted, &all.counted}}) {
            to->insert(to->end(), from->begin(), from->end());
            into->insert(into->end(), from->begin(), from->end());
        }
        std::printf("%-10s %-38s %7zu %7zu%s | %4.2f ms %4.2f ms | %4.2f ms %4.2f ms | %4.2f ms %4.2f ms%s\n",
                    q.kind,
                    (std::string(q.text) + (q.exact ? " --exact" : "") + (q.fold ? " --fold" : ""))
                        .c_str(),
                    counted.total, page.total, page.total_exact ? " " : "~",
                    percentile(times.page, 0.5), percentile(times.page, 0.95),
                    percentile(times.count, 0.5), percentile(times.count, 0.95),
                    percentile(times.counted, 0.5), percentile(times.counted, 0.95),
                    counted.suggestion ? (" -> " + *counted.suggestion).c_str() : "");
    }
    std::printf("\n%-10s %-21s %-21s %-21s\n", "", "page (median, p95)", "count", "both");
    const auto summary = [](const char* name, const Times& t) {
        std::printf("%-10s %6.2f ms %6.2f ms   %6.2f ms %6.2f ms   %6.2f ms %6.2f ms\n", name,
                    percentile(t.page, 0.5), percentile(t.page, 0.95), percentile(t.count, 0.5),
                    percentile(t.count, 0.95), percentile(t.counted, 0.5),
                    percentile(t.counted, 0.95));
    };
    for (const auto& [kind, times] : by_kind) {
        summary(kind.c_str(), times);
    }
    summary("all", all);
    std::printf("(%zu searches of each)\n", all.page.size());

    // One more source: only it is indexed.
    tema::import::import_files(project, project.default_coder(), {extra}, {}, progress);
    start = Clock::now();
    const tema::search::SyncReport added = index.sync(progress);
    std::printf("\nadd one source: %zu source(s) indexed, %zu passages, %.0f ms%s\n",
                added.indexed, added.passages, ms_since(start),
                added.rebuilt ? " (rebuilt!)" : "");
    return 0;
}
