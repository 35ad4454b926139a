// The bundled sample study is real-looking material: import all of it and check
// what a researcher would see of each file.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "import/importer.h"
#include "import/participants_csv.h"
#include "store/participants.h"
#include "store/sources.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using tema::SourceKind;
using tema::text::Language;

namespace {

std::set<std::string> numbered(const std::string& prefix, int from, int to) {
    std::set<std::string> labels;
    for (int n = from; n <= to; ++n) {
        labels.insert(prefix + std::to_string(n));
    }
    return labels;
}

}  // namespace

TEST_CASE("The sample study imports with every speaker and time stamp recognised",
          "[import][sample]") {
    tema::test::TempDir dir;
    tema::store::Project::create(dir / "ips.tema", {"", "Kari"});
    tema::store::Project project(dir / "ips.tema");
    const auto coder = project.default_coder();
    const fs::path study = tema::test::repo_file("sample-projects/ips-study");
    tema::import::import_participants(project, coder, study / "participants.csv");

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(study / "sources")) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 6);
    tema::NoProgress progress;
    const auto reports = tema::import::import_files(project, coder, files, {}, progress);
    std::map<std::string, tema::import::ImportReport> by_name;
    for (const auto& report : reports) {
        INFO(report.error);
        REQUIRE(report.ok);
        by_name[report.source] = report;
    }
    auto& db = project.db();
    auto speakers_of = [&](const std::string& name) {
        const auto& speakers = by_name.at(name).speakers;
        return std::set<std::string>(speakers.begin(), speakers.end());
    };
    auto turns_of = [&](const std::string& name) {
        return tema::store::load_turns(db, by_name.at(name).source_id);
    };

    SECTION("Focus group 1: Moderator and Deltaker 1-6") {
        const auto& fg = by_name.at("fokusgruppe-1-jobbspesialister-bergvik");
        CHECK(fg.kind == SourceKind::transcript);
        CHECK(fg.lang == Language::nb);
        CHECK(fg.lines >= 600);
        auto expected = numbered("Deltaker ", 1, 6);
        expected.insert("Moderator");
        CHECK(speakers_of(fg.source) == expected);
        CHECK(fg.turns >= 300);
    }
    SECTION("Focus group 2: every turn has a time stamp, in order") {
        const auto& fg = by_name.at("fokusgruppe-2-nav-og-behandlere-fjordheim");
        CHECK(fg.lang == Language::nb);
        CHECK(fg.lines >= 600);
        auto expected = numbered("Person ", 1, 6);
        expected.insert("Moderator");
        CHECK(speakers_of(fg.source) == expected);
        std::int64_t previous = -1;
        for (const auto& turn : turns_of(fg.source)) {
            REQUIRE(turn.turn.time_ms.has_value());
            CHECK(*turn.turn.time_ms >= previous);
            previous = *turn.turn.time_ms;
        }
        CHECK(previous > 3'600'000);
    }
    SECTION("Focus group 3: M and Person 1-5") {
        const auto& fg = by_name.at("fokusgruppe-3-deltakere-solvang");
        CHECK(fg.lang == Language::nb);
        CHECK(fg.lines >= 600);
        auto expected = numbered("Person ", 1, 5);
        expected.insert("M");
        CHECK(speakers_of(fg.source) == expected);
    }
    SECTION("The field note is Nynorsk prose") {
        const auto& note = by_name.at("feltnotat-teammote-vestdal");
        CHECK(note.kind == SourceKind::fieldnote);
        CHECK(note.lang == Language::nn);
        CHECK(note.turns == 0);
    }
    SECTION("Interview 1: INT and P18, who is mapped to participant P18") {
        const auto& interview = by_name.at("interview-01-team-leader");
        CHECK(interview.lang == Language::en);
        CHECK(speakers_of(interview.source) == std::set<std::string>{"INT", "P18"});
        const auto speakers = tema::store::list_speakers(db, interview.source_id);
        const auto p18 = std::find_if(speakers.begin(), speakers.end(),
                                      [](const auto& s) { return s.label == "P18"; });
        REQUIRE(p18 != speakers.end());
        CHECK(p18->participant == "P18");
    }
    SECTION("Interview 2: a speaker alone on a line, with a time stamp") {
        const auto& interview = by_name.at("interview-02-employer");
        CHECK(interview.lang == Language::en);
        CHECK(speakers_of(interview.source) == std::set<std::string>{"Interviewer", "Respondent"});
        CHECK(interview.turns >= 100);
        for (const auto& turn : turns_of(interview.source)) {
            CHECK(turn.turn.time_ms.has_value());
            CHECK(turn.last_line > turn.first_line);  // the words are below the label
        }
    }
}
