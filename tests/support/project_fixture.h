// A real project file in a temporary folder, for tests that need one: sources
// imported through the real importer, participants from a real CSV.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "import/importer.h"
#include "import/participants_csv.h"
#include "store/participants.h"
#include "store/project.h"
#include "store/sources.h"
#include "support/test_support.h"
#include "util/progress.h"

namespace tema::test {

struct ProjectFixture {
    TempDir dir;
    std::filesystem::path path = dir / "studie.tema";
    std::unique_ptr<store::Project> project;
    store::Coder coder;

    ProjectFixture() {
        store::Project::create(path, {"", "Kari"});
        reopen();
    }
    void reopen() {
        project.reset();
        project = std::make_unique<store::Project>(path);
        coder = project->default_coder();
    }
    store::Database& db() { return project->db(); }

    // Imports one file; returns its source id.
    std::int64_t import(const std::filesystem::path& file, const import::ImportOptions& options = {}) {
        NoProgress progress;
        const auto reports = import::import_files(*project, coder, {file}, options, progress);
        if (!reports.at(0).ok) {
            throw std::runtime_error(reports.at(0).error);
        }
        return reports.at(0).source_id;
    }
    // Imports files as one batch; a report for each.
    std::vector<import::ImportReport> import_files(const std::vector<std::filesystem::path>& files,
                                                   const import::ImportOptions& options = {}) {
        NoProgress progress;
        return import::import_files(*project, coder, files, options, progress);
    }

    // Everything a refused import must leave as it was.
    std::string state() {
        auto& db = project->db();
        return std::to_string(db.query_int("SELECT count(*) FROM sources")) + "/" +
               std::to_string(db.query_int("SELECT coalesce(sum(length(turns)), 0) FROM sources")) +
               "/" + std::to_string(db.query_int("SELECT count(*) FROM speakers")) + "/" +
               std::to_string(db.query_int("SELECT count(*) FROM actions"));
    }

    // Every line of a source.
    std::vector<store::SourceLine> lines(std::int64_t source_id) {
        const auto source = store::find_source(project->db(), std::to_string(source_id));
        return store::read_lines(project->db(), source, 1, source.lines);
    }

    void import_participants(const std::filesystem::path& csv) {
        import::import_participants(*project, coder, csv);
    }
    void map_speaker(std::int64_t source_id, const std::string& label, const std::string& pid) {
        store::map_speaker(*project, coder, source_id, label, pid);
    }
};

}  // namespace tema::test
