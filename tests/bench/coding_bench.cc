// Coding benchmark: imports a corpus into a new project, applies one code
// N times (each application its own durable action, history included) and
// prints the latency's median and 99th percentile; then retrieves the code's
// N segments, and times the matrices. It prints figures; it passes or fails
// nothing. Usage: tema_bench_coding CORPUS_DIR PROJECT.tema [N]
// With BENCH_RETRIEVE_ONLY set, it only retrieves, 20 times, from a project an
// earlier run made (for profiling).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "coding/codebook.h"
#include "coding/retrieval.h"
#include "coding/segments.h"
#include "import/importer.h"
#include "store/project.h"
#include "store/sources.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of this thread, in ms: what the code costs, without the time the
// machine gave to other programs.
double cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Times this thread was switched out: by the scheduler for another program
// (involuntary), or while it waited, for I/O or a lock (voluntary).
struct Switches {
    long involuntary = 0;
    long voluntary = 0;
};
Switches switches() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return {usage.ru_nivcsw, usage.ru_nvcsw};
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The value below which `share` of the sorted `values` lie.
double percentile(const std::vector<double>& sorted, double share) {
    const auto at = static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1));
    return sorted[at];
}

void print_latencies(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    double total = 0;
    for (const double m : ms) {
        total += m;
    }
    const auto slow = std::count_if(ms.begin(), ms.end(), [](double m) { return m > 1.0; });
    std::printf(
        "%s: %zu runs, median %.3f ms, p99 %.3f ms, max %.3f ms, total %.1f ms, %td over 1 ms\n",
        what, ms.size(), percentile(ms, 0.5), percentile(ms, 0.99), ms.back(), total, slow);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: tema_bench_coding CORPUS_DIR PROJECT.tema [N]\n");
        return 2;
    }
    const std::size_t n = argc == 4 ? std::stoul(argv[3]) : 10000;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(argv[1])) {
        if (entry.path().extension() == ".txt") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    const fs::path project_path = argv[2];
    if (std::getenv("BENCH_RETRIEVE_ONLY") != nullptr) {
        // Profiling aid: retrieve from a project an earlier run made.
        tema::store::Project project(project_path);
        for (int run = 0; run < 20; ++run) {
            const auto t = Clock::now();
            const double cpu = cpu_ms();
            const auto rows = tema::coding::retrieve(project.db(), 1);
            std::printf("retrieve %zu: %.1f ms wall, %.1f ms CPU\n", rows.size(), ms_since(t),
                        cpu_ms() - cpu);
        }
        return 0;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(project_path.string() + suffix);
    }
    tema::store::Project::create(project_path, {"bench", "bench"});

    auto start = Clock::now();
    std::vector<std::int64_t> sources;
    {
        tema::store::Project project(project_path);
        tema::NoProgress progress;
        for (const auto& report :
             tema::import::import_files(project, project.default_coder(), files, {}, progress)) {
            if (report.ok) {
                sources.push_back(report.source_id);
            }
        }
    }
    std::printf("imported %zu files in %.0f ms\n", sources.size(), ms_since(start));
    if (sources.empty()) {
        return 1;
    }

    tema::store::Project project(project_path);
    // Measure coding, not the import's write-back: checkpoint and flush first.
    project.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    ::sync();
    const tema::store::Coder coder = project.default_coder();
    tema::coding::NewCode bench_code;
    bench_code.name = "Benchmark";
    const std::int64_t code = tema::coding::add_code(project, coder, bench_code);
    tema::coding::NewCode other_code;
    other_code.name = "Annet";
    const std::int64_t other = tema::coding::add_code(project, coder, other_code);

    // Each application codes one speaker turn (a line) of a source, round-robin
    // over the sources, spread through each source (lines 4 to about 310 of its
    // ~480); turns sit on every other line from line 4, and no two
    // applications touch, so each makes a new segment.
    std::vector<double> apply_ms;
    std::vector<double> apply_cpu_ms;
    apply_ms.reserve(n);
    apply_cpu_ms.reserve(n);
    // Runs over 1 ms: preempted by another program, waiting (I/O), or neither.
    std::size_t slow_preempted = 0;
    std::size_t slow_waiting = 0;
    std::size_t slow_running = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t source = sources[i % sources.size()];
        const auto round = static_cast<std::int64_t>(i / sources.size());
        const std::int64_t line = 4 + 2 * (17 * round);
        const auto t = Clock::now();
        const double cpu = cpu_ms();
        const Switches before = switches();
        const auto range = tema::coding::line_range(project.db(), source, line, line);
        tema::coding::apply_code(project, coder, code, source, range);
        apply_ms.push_back(ms_since(t));
        apply_cpu_ms.push_back(cpu_ms() - cpu);
        if (apply_ms.back() > 1.0) {
            const Switches after = switches();
            if (after.involuntary > before.involuntary) {
                ++slow_preempted;
            } else if (after.voluntary > before.voluntary) {
                ++slow_waiting;
            } else {
                ++slow_running;
            }
        }
    }
    print_latencies("apply (--lines, one action each, WAL, synchronous=NORMAL), wall", apply_ms);
    print_latencies("apply, CPU time of the thread", apply_cpu_ms);
    std::printf(
        "apply: of the runs over 1 ms, %zu were preempted for another program, %zu waited "
        "(I/O), %zu neither\n",
        slow_preempted, slow_waiting, slow_running);
    // Overlapping segments of another code, for co-occurrence.
    for (std::size_t i = 0; i < std::min<std::size_t>(n, 1000); ++i) {
        const std::int64_t source = sources[i % sources.size()];
        tema::coding::apply_code(project, coder, other, source,
                                 tema::coding::line_range(project.db(), source, 4, 6));
    }

    std::vector<double> retrieve_ms;
    std::vector<double> retrieve_cpu_ms;
    std::size_t retrieved = 0;
    std::size_t bytes = 0;
    for (int run = 0; run < 5; ++run) {
        const auto t = Clock::now();
        const double cpu = cpu_ms();
        const auto rows = tema::coding::retrieve(project.db(), code);
        retrieve_ms.push_back(ms_since(t));
        retrieve_cpu_ms.push_back(cpu_ms() - cpu);
        retrieved = rows.size();
        bytes = 0;
        for (const auto& row : rows) {
            bytes += row.text.size();
        }
    }
    std::printf("retrieve: %zu segments, %zu bytes of text; first run %.1f ms\n", retrieved, bytes,
                retrieve_ms.front());
    print_latencies("retrieve, wall", retrieve_ms);
    print_latencies("retrieve, CPU time of the thread", retrieve_cpu_ms);

    auto time_once = [&](const char* what, auto&& work) {
        const auto t = Clock::now();
        work();
        std::printf("%s: %.1f ms\n", what, ms_since(t));
    };
    time_once("matrix by participant", [&] {
        tema::coding::code_case_matrix(project.db(), {tema::coding::CaseKind::participant, ""});
    });
    time_once("matrix by source", [&] {
        tema::coding::code_case_matrix(project.db(), {tema::coding::CaseKind::source, ""});
    });
    time_once("co-occurrence", [&] { tema::coding::cooccurrence_matrix(project.db()); });
    time_once("list codes", [&] { tema::coding::list_codes(project.db()); });
    time_once("codes on lines 1-200 of a source",
              [&] { tema::coding::codes_on_lines(project.db(), sources.front(), 1, 200); });
    return 0;
}
