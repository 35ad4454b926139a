// Shared by the .docx and .odt tests: a fresh project to import into, and a
// look at what it holds.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "import/importer.h"
#include "store/project.h"
#include "store/sources.h"
#include "support/test_support.h"
#include "util/progress.h"

namespace tema::test {

struct ImportFixture {
    TempDir dir;
    std::filesystem::path path = dir / "studie.tema";
    std::unique_ptr<store::Project> project;

    ImportFixture() {
        store::Project::create(path, {"Studie", "Kari"});
        project = std::make_unique<store::Project>(path);
    }

    std::vector<import::ImportReport> import(const std::vector<std::filesystem::path>& files) {
        NoProgress progress;
        return import::import_files(*project, project->default_coder(), files, {}, progress);
    }

    // Everything a refused import must leave as it was.
    std::string state() {
        auto& db = project->db();
        return std::to_string(db.query_int("SELECT count(*) FROM sources")) + "/" +
               std::to_string(db.query_int("SELECT coalesce(sum(length(turns)), 0) FROM sources")) +
               "/" + std::to_string(db.query_int("SELECT count(*) FROM speakers")) + "/" +
               std::to_string(db.query_int("SELECT count(*) FROM actions"));
    }

    std::vector<store::SourceLine> lines(std::int64_t source_id) {
        const auto source = store::find_source(project->db(), std::to_string(source_id));
        return store::read_lines(project->db(), source, 1, source.lines);
    }
};

}  // namespace tema::test
