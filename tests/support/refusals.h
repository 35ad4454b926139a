// Checking that bad files are refused, each by name with its problem, and that
// the project is left as it was.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/project_fixture.h"

namespace tema::test {

struct Refusal {
    std::filesystem::path file;
    std::string problem;  // what the message says after "FILE: "
};

// Imports every file in one batch: each must be refused with "FILE: PROBLEM...",
// no message may show a file's contents (nothing of /etc/passwd from an XXE),
// and the project must not change.
inline void expect_refused(ProjectFixture& f, const std::vector<Refusal>& cases) {
    const std::string before = f.state();
    std::vector<std::filesystem::path> files;
    for (const Refusal& c : cases) {
        files.push_back(c.file);
    }
    const auto reports = f.import_files(files);
    REQUIRE(reports.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO(reports[i].error);
        CHECK_FALSE(reports[i].ok);
        CHECK_THAT(reports[i].error, Catch::StartsWith(files[i].string() + ": " + cases[i].problem));
        CHECK(reports[i].error.find("root:") == std::string::npos);
    }
    CHECK(f.state() == before);
}

}  // namespace tema::test
