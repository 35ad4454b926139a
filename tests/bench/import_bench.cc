// Import benchmark: imports the first N files of a corpus into a new project
// and prints wall time, MB/s and peak RSS. It prints figures; it passes or
// fails nothing. Usage: tema_bench_import CORPUS_DIR N PROJECT.tema
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "import/importer.h"
#include "store/project.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: tema_bench_import CORPUS_DIR N PROJECT.tema\n");
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(argv[1])) {
        if (entry.path().extension() == ".txt") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    files.resize(std::min(files.size(), static_cast<std::size_t>(std::stoul(argv[2]))));
    std::uintmax_t bytes = 0;
    for (const auto& file : files) {
        bytes += fs::file_size(file);
    }
    const fs::path project_path = argv[3];
    fs::remove(project_path);
    fs::remove(project_path.string() + "-wal");
    fs::remove(project_path.string() + "-shm");
    tema::store::Project::create(project_path, {"bench", "bench"});

    const auto start = std::chrono::steady_clock::now();
    std::size_t failed = 0;
    std::size_t turns = 0;
    {
        tema::store::Project project(project_path);
        tema::NoProgress progress;
        const auto reports =
            tema::import::import_files(project, project.default_coder(), files, {}, progress);
        for (const auto& report : reports) {
            failed += report.ok ? 0 : 1;
            turns += static_cast<std::size_t>(report.turns);
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double megabytes = static_cast<double>(bytes) / 1e6;
    std::printf(
        "import %zu files, %.1f MB, %zu turns: %.3f s wall, %.1f MB/s, peak RSS %.1f MB%s\n",
        files.size(), megabytes, turns, seconds, megabytes / seconds,
        static_cast<double>(usage.ru_maxrss) / 1024.0, failed > 0 ? " (SOME FILES FAILED)" : "");
    return failed > 0 ? 1 : 0;
}
