// A real project in a temporary folder, with real sources imported, for the
// coding tests.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "coding/codebook.h"
#include "import/importer.h"
#include "import/participants_csv.h"
#include "store/history.h"
#include "store/participants.h"
#include "store/project.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "support/test_support.h"
#include "util/progress.h"

namespace tema::test {

struct CodingFixture : ProjectFixture {
    static std::filesystem::path sample(const std::string& name) {
        return repo_file("sample-projects/ips-study/sources/" + name + ".txt");
    }
    // The first focus group, with its six participants mapped (Deltaker n = P0n).
    std::int64_t import_focus_group_1() {
        const std::int64_t id = import(sample("fokusgruppe-1-jobbspesialister-bergvik"));
        import_participants(repo_file("sample-projects/ips-study/participants.csv"));
        for (int n = 1; n <= 6; ++n) {
            map_speaker(id, "Deltaker " + std::to_string(n), "P0" + std::to_string(n));
        }
        return id;
    }
    // Line `n` (from 1) of a text file, as it reads.
    static std::string line_of(const std::filesystem::path& file, std::size_t n) {
        const std::string text = read_bytes(file);
        std::size_t start = 0;
        for (std::size_t i = 1; i < n; ++i) {
            start = text.find('\n', start) + 1;
        }
        return text.substr(start, text.find('\n', start) - start);
    }

    std::int64_t add(const std::string& name, std::optional<std::int64_t> parent = std::nullopt) {
        coding::NewCode code;
        code.name = name;
        code.parent_id = parent;
        return coding::add_code(*project, coder, code);
    }
    std::int64_t count(const std::string& table) {
        return db().query_int("SELECT count(*) FROM " + table);
    }
    std::vector<std::string> paths() {
        std::vector<std::string> result;
        for (const auto& code : coding::list_codes(db())) {
            result.push_back(code.path);
        }
        return result;
    }
    void undo() { REQUIRE(store::undo(*project, coder).has_value()); }
    void redo() { REQUIRE(store::redo(*project, coder).has_value()); }
};

}  // namespace tema::test
