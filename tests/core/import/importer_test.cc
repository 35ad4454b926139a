#include "import/importer.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "store/participants.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using tema::SourceKind;
using tema::import::ImportOptions;
using tema::import::ImportReport;
using tema::store::Project;
using tema::test::fixture;
using tema::test::TempDir;

namespace {

using Fixture = tema::test::ProjectFixture;

std::string line_text(Project& project, std::int64_t source_id, std::int64_t n) {
    const auto source = tema::store::find_source(project.db(), std::to_string(source_id));
    return tema::store::read_lines(project.db(), source, n, n).at(0).text;
}

}  // namespace

TEST_CASE("A transcript is imported with its lines, turns and speakers", "[import]") {
    Fixture f;
    const auto reports = f.import_files({fixture("import/fokusgruppe-deltaker.txt")});
    REQUIRE(reports.size() == 1);
    const ImportReport& report = reports[0];
    REQUIRE(report.ok);
    CHECK(report.source == "fokusgruppe-deltaker");
    CHECK(report.kind == SourceKind::transcript);
    CHECK(report.lang == tema::text::Language::nb);
    CHECK(report.encoding == "UTF-8");
    CHECK(report.lines == 15);
    CHECK(report.turns == 6);
    CHECK(report.speakers ==
          std::vector<std::string>{"Moderator", "Deltaker 1", "Deltaker 2", "Deltaker 3"});

    auto& db = f.project->db();
    const auto source = tema::store::find_source(db, "fokusgruppe-deltaker");
    CHECK(source.lines == 15);
    CHECK(source.file_name == "fokusgruppe-deltaker.txt");
    CHECK(source.file_size ==
          static_cast<std::int64_t>(fs::file_size(fixture("import/fokusgruppe-deltaker.txt"))));
    CHECK(source.imported_by == "Kari");
    const auto lines = tema::store::read_lines(db, source, 8, 9);
    CHECK(lines[0].text == "Deltaker 2: Ja, og jeg har vært jobbspesialisten her i to år.");
    CHECK(lines[0].speaker == "Deltaker 2");
    CHECK(lines[0].turn_start);
    CHECK(lines[1].text == "Det er ærlig talt den beste jobben jeg har hatt.");
    CHECK(lines[1].speaker == "Deltaker 2");
    CHECK_FALSE(lines[1].turn_start);
    CHECK(tema::store::read_lines(db, source, 1, 1)[0].speaker == std::nullopt);
    CHECK(db.query_int("SELECT count(*) FROM actions WHERE kind = 'import'") == 1);
}

TEST_CASE("Text in other encodings arrives as the same NFC text", "[import]") {
    Fixture f;
    const auto reports =
        f.import_files({fixture("import/cp1252-crlf.txt"), fixture("import/utf16le-bom.txt"),
                  fixture("import/utf16be-bom.txt"), fixture("import/nfd-norwegian.txt"),
                  fixture("import/utf8-bom.txt")});
    REQUIRE(reports.size() == 5);
    for (const auto& report : reports) {
        INFO(report.file << " " << report.error);
        CHECK(report.ok);
    }
    CHECK(reports[0].encoding == "windows-1252");
    CHECK(reports[1].encoding == "UTF-16LE");
    CHECK(reports[2].encoding == "UTF-16BE");
    CHECK(reports[3].encoding == "UTF-8");
    CHECK(reports[4].encoding == "UTF-8-BOM");

    Project& project = *f.project;
    CHECK(line_text(project, reports[0].source_id, 1) ==
          "Jobbspesialisten sa: «Vi må være ærlige» – det var én av dem. Kostnad: 5 € per time.");
    CHECK(line_text(project, reports[0].source_id, 2) == "Neste linje med æøå ÆØÅ.");
    CHECK(reports[0].lines == 2);  // CRLF became LF
    CHECK(line_text(project, reports[1].source_id, 2) == "Deltaker 2: Søndager er fri.");
    CHECK(reports[1].turns == 2);
    CHECK(line_text(project, reports[2].source_id, 1) == "Moderator: Blåbær og øl.");
    // NFD "å" (a + ring) is stored as the one code point NFC has.
    CHECK(line_text(project, reports[3].source_id, 1) ==
          "Deltaker 1: Vi må være ærlige med arbeidsgiveren på Østre Åsen.");
    CHECK(line_text(project, reports[4].source_id, 1) == "Moderator: Hei på deg.");
}

TEST_CASE("A forced encoding overrides detection", "[import]") {
    Fixture f;
    ImportOptions options;
    options.encoding = "ISO-8859-15";
    const auto reports = f.import_files({fixture("import/latin9-euro.txt")}, options);
    REQUIRE(reports[0].ok);
    CHECK(reports[0].encoding == "ISO-8859-15");
    CHECK(line_text(*f.project, reports[0].source_id, 1) == "Pris: 50 € for kaffe på kafé.");
    Fixture g;
    options.encoding = "ISO-8859-1";
    const auto latin1 = g.import_files({fixture("import/latin9-euro.txt")}, options);
    CHECK(line_text(*g.project, latin1[0].source_id, 1) == "Pris: 50 ¤ for kaffe på kafé.");
    // Bytes the forced encoding has no letters for are refused, with the place.
    const auto refused = g.import_files({fixture("import/cp1252-crlf.txt")}, options);
    CHECK_THAT(refused[0].error, Catch::Contains("is not valid ISO-8859-1 (at byte"));
}

TEST_CASE("The same content twice is one source", "[import]") {
    Fixture f;
    TempDir other;
    fs::copy_file(fixture("import/fokusgruppe-deltaker.txt"), other / "kopi.txt");
    const auto first = f.import_files({fixture("import/fokusgruppe-deltaker.txt")});
    const std::string before = f.state();
    const auto second = f.import_files({other / "kopi.txt", fixture("import/fokusgruppe-deltaker.txt")});
    REQUIRE(second.size() == 2);
    for (const auto& report : second) {
        CHECK(report.ok);
        CHECK(report.duplicate);
        CHECK(report.source == "fokusgruppe-deltaker");
        CHECK(report.source_id == first[0].source_id);
    }
    CHECK(f.state() == before);
}

TEST_CASE("A different file with a taken name gets a new name", "[import]") {
    Fixture f;
    TempDir other;
    tema::test::write_bytes(other / "fokusgruppe-deltaker.txt", "Moderator: Noe annet.\n");
    f.import_files({fixture("import/fokusgruppe-deltaker.txt")});
    const auto reports = f.import_files({other / "fokusgruppe-deltaker.txt"});
    REQUIRE(reports[0].ok);
    CHECK(reports[0].source == "fokusgruppe-deltaker (2)");
}

TEST_CASE("Kind and language follow the text unless the user says otherwise", "[import]") {
    Fixture f;
    TempDir dir;
    tema::test::write_bytes(dir / "feltnotat-mote.txt",
                            "Eg kom til møtet klokka ni. Dei hadde ikkje byrja enno, og eg "
                            "visste ikkje kva eg skulle gjere. Kva er det dei seier no?\n");
    const auto reports =
        f.import_files({dir / "feltnotat-mote.txt", fixture("import/interview-standalone.txt")});
    CHECK(reports[0].kind == SourceKind::fieldnote);
    CHECK(reports[0].lang == tema::text::Language::nn);
    CHECK(reports[1].kind == SourceKind::transcript);
    CHECK(reports[1].lang == tema::text::Language::en);

    Fixture g;
    ImportOptions options;
    options.kind = SourceKind::document;
    options.lang = tema::text::Language::en;
    const auto forced = g.import_files({fixture("import/fokusgruppe-deltaker.txt")}, options);
    CHECK(forced[0].kind == SourceKind::document);
    CHECK(forced[0].lang == tema::text::Language::en);
    CHECK(forced[0].turns == 0);
}

TEST_CASE("Speaker labels that are participant IDs are mapped at import", "[import]") {
    Fixture f;
    {
        tema::store::Action action(*f.project, f.project->default_coder(), "participants");
        tema::store::upsert_participants(f.project->db(), {{"P07", {{"role", "deltaker"}}}});
        action.commit();
    }
    const auto reports = f.import_files({fixture("import/roles-short.txt")});
    const auto speakers = tema::store::list_speakers(f.project->db(), reports[0].source_id);
    REQUIRE(speakers.size() == 4);
    CHECK(speakers[3].label == "P07");
    CHECK(speakers[3].turns == 2);
    CHECK(speakers[3].participant == "P07");
    CHECK(speakers[0].participant == std::nullopt);
}

TEST_CASE("Bad files get a clear message and change nothing, and the others still import",
          "[import]") {
    Fixture f;
    TempDir dir;
    fs::create_directory(dir / "mappe.txt");
    const std::string before = f.state();
    struct Case {
        fs::path file;
        std::string message;
    };
    const std::vector<Case> cases = {
        {dir / "finnes-ikke.txt", "no such file"},
        {dir / "mappe.txt", "is a folder"},
        {fixture("import/empty.txt"), "is empty"},
        {fixture("import/whitespace-only.txt"), "only white space"},
        {fixture("import/binary.txt"), "binary"},
        {fixture("import/undecodable.txt"), "not text in any supported encoding"},
        {fixture("import/unsupported.xyz"), "cannot import files of type '.xyz'"},
    };
    std::vector<fs::path> files;
    for (const auto& c : cases) {
        files.push_back(c.file);
    }
    const auto reports = f.import_files(files);
    REQUIRE(reports.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO(reports[i].error);
        CHECK_FALSE(reports[i].ok);
        CHECK_THAT(reports[i].error, Catch::StartsWith(cases[i].file.string() + ": ") &&
                                         Catch::Contains(cases[i].message));
    }
    CHECK(f.state() == before);

    // One bad file among good ones stops nothing.
    const auto mixed = f.import_files({fixture("import/binary.txt"), fixture("import/roles-short.txt")});
    CHECK_FALSE(mixed[0].ok);
    CHECK(mixed[1].ok);
}

TEST_CASE("A forced encoding that does not fit is refused with the place", "[import]") {
    Fixture f;
    ImportOptions options;
    options.encoding = "UTF-8";
    const auto reports = f.import_files({fixture("import/cp1252-crlf.txt")}, options);
    CHECK_FALSE(reports[0].ok);
    CHECK_THAT(reports[0].error, Catch::Contains("cp1252-crlf.txt: ") && Catch::Contains("byte"));
    options.encoding = "klingon-8";
    const auto unknown = f.import_files({fixture("import/roles-short.txt")}, options);
    CHECK_THAT(unknown[0].error, Catch::Contains("unknown encoding"));
}

TEST_CASE("A 20 MB file with no line breaks imports as one line", "[import]") {
    Fixture f;
    TempDir dir;
    std::string huge;
    huge.reserve(20 << 20);
    while (huge.size() < (20u << 20)) {
        huge += "jobbspesialisten og arbeidsgiveren snakket om å være ærlig ";
    }
    tema::test::write_bytes(dir / "lang.txt", huge);
    const auto reports = f.import_files({dir / "lang.txt"});
    REQUIRE(reports[0].ok);
    CHECK(reports[0].lines == 1);
    CHECK(reports[0].turns == 0);
    CHECK(reports[0].lang == tema::text::Language::nb);
}

TEST_CASE("Cancelling stops before the next file", "[import]") {
    struct CancelAfterOne final : tema::Progress {
        std::size_t done = 0;
        void start(std::string_view, std::size_t) override {}
        void advance(std::string_view, std::size_t) override { ++done; }
        void finish() override {}
        bool cancelled() const override { return done >= 1; }
    } progress;
    Fixture f;
    const auto reports = tema::import::import_files(
        *f.project, f.project->default_coder(),
        {fixture("import/roles-short.txt"), fixture("import/timestamps-bare.txt")}, {}, progress);
    CHECK(reports.size() == 1);
    CHECK(f.project->db().query_int("SELECT count(*) FROM sources") == 1);
}
