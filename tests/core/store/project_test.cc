#include "store/project.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "coding/codebook.h"
#include "coding/memos.h"
#include "coding/segments.h"
#include "store/history.h"
#include "store/schema.h"
#include "store/sources.h"
#include "support/project_fixture.h"
#include "support/test_support.h"
#include "util/error.h"

namespace fs = std::filesystem;
using tema::Error;
using tema::store::Action;
using tema::store::Database;
using tema::store::Project;
using tema::test::TempDir;

namespace {

fs::path new_project(const TempDir& dir, const std::string& name = "studie.tema") {
    const fs::path path = dir / name;
    Project::create(path, {"Studie", "Kari Nordmann"});
    return path;
}

// The open error's message, or "" when opening worked.
std::string open_error(const fs::path& path, Project::Access access = Project::Access::read_write) {
    try {
        Project project(path, access);
    } catch (const Error& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("A new project is one SQLite file with WAL, foreign keys and our application id",
          "[store]") {
    TempDir dir;
    const fs::path path = new_project(dir);
    Project project(path);
    CHECK(project.title() == "Studie");
    CHECK(project.schema_version() == tema::store::current_schema_version());
    CHECK(project.db().query_int("PRAGMA application_id") == tema::store::kApplicationId);
    CHECK(project.db().query_int("PRAGMA foreign_keys") == 1);
    tema::store::Statement mode(project.db(), "PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
    const auto coder = project.default_coder();
    CHECK(coder.name == "Kari Nordmann");
    CHECK(coder.initials == "KN");
    CHECK(coder.guid.size() == 36);
}

TEST_CASE("create refuses to overwrite anything", "[store]") {
    TempDir dir;
    const fs::path path = dir / "studie.tema";
    tema::test::write_bytes(path, "notater");
    CHECK_THROWS_WITH(Project::create(path, {"", "Kari"}), Catch::Contains("already exists"));
    CHECK(tema::test::read_bytes(path) == "notater");
}

TEST_CASE("Files that are not Tema projects are refused and left untouched", "[store]") {
    TempDir dir;
    SECTION("missing") {
        CHECK_THAT(open_error(dir / "nope.tema"), Catch::Contains("no such project file"));
        CHECK_FALSE(fs::exists(dir / "nope.tema"));
    }
    SECTION("a folder") {
        fs::create_directory(dir / "mappe.tema");
        CHECK_THAT(open_error(dir / "mappe.tema"), Catch::Contains("is a folder"));
    }
    SECTION("empty") {
        tema::test::write_bytes(dir / "tom.tema", "");
        CHECK_THAT(open_error(dir / "tom.tema"), Catch::Contains("is empty"));
        CHECK(fs::file_size(dir / "tom.tema") == 0);
    }
    SECTION("text") {
        const std::string text = "Dette er et notat, ikke et prosjekt.\n";
        tema::test::write_bytes(dir / "notat.tema", text);
        CHECK_THAT(open_error(dir / "notat.tema"), Catch::Contains("not a SQLite database"));
        CHECK(tema::test::read_bytes(dir / "notat.tema") == text);
    }
    SECTION("another program's SQLite database") {
        {
            Database other(dir / "annen.db", Database::Mode::create);
            other.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        }
        const std::string before = tema::test::read_bytes(dir / "annen.db");
        CHECK_THAT(open_error(dir / "annen.db"), Catch::Contains("not a Tema project"));
        CHECK(tema::test::read_bytes(dir / "annen.db") == before);
        CHECK_FALSE(fs::exists(dir / "annen.db-wal"));
    }
}

TEST_CASE("A project from a newer Tema is refused and left untouched", "[store]") {
    TempDir dir;
    const fs::path path = new_project(dir);
    {
        Database db(path, Database::Mode::read_write);
        db.exec("PRAGMA user_version = 99");
    }
    const std::string before = tema::test::read_bytes(path);
    const std::string message = open_error(path);
    CHECK_THAT(message, Catch::Contains("newer version of Tema") && Catch::Contains("format 99"));
    CHECK(tema::test::read_bytes(path) == before);
}

TEST_CASE("A truncated project is refused as damaged", "[store]") {
    TempDir dir;
    const fs::path path = new_project(dir);
    const std::string whole = tema::test::read_bytes(path);
    REQUIRE(whole.size() > 8192);
    SECTION("cut in the middle") {
        tema::test::write_bytes(path, whole.substr(0, whole.size() / 2));
        CHECK_THAT(open_error(path), Catch::Contains("damaged") && Catch::Contains("truncated"));
    }
    SECTION("cut inside the header") {
        tema::test::write_bytes(path, whole.substr(0, 50));
        CHECK_THAT(open_error(path), Catch::Contains("truncated"));
    }
}

TEST_CASE("A read-only project opens for reading and refuses changes", "[store]") {
    TempDir dir;
    const fs::path path = new_project(dir);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    CHECK_THAT(open_error(path), Catch::Contains("read-only"));
    Project project(path, Project::Access::read_only);
    CHECK(project.title() == "Studie");
}

TEST_CASE("A project locked by another program refuses a change and keeps its data", "[store]") {
    TempDir dir;
    const fs::path path = new_project(dir);
    Project project(path);
    const auto coder = project.default_coder();
    Database other(path, Database::Mode::read_write);
    tema::store::Transaction lock(other);  // the other program holds the write lock
    CHECK_THROWS_WITH(Action(project, coder, "test"), Catch::Contains("in use by another program"));
}

TEST_CASE("An action is one transaction: all of it, or nothing", "[store]") {
    TempDir dir;
    Project project(new_project(dir));
    const auto coder = project.default_coder();
    const auto actions = [&] { return project.db().query_int("SELECT count(*) FROM actions"); };
    {
        Action action(project, coder, "test", "kept");
        project.db().exec("INSERT INTO settings VALUES ('a', '1')");
        action.commit();
    }
    CHECK(actions() == 1);
    try {
        Action action(project, coder, "test", "lost");
        project.db().exec("INSERT INTO settings VALUES ('b', '2')");
        throw std::runtime_error("crash in the middle");
    } catch (const std::runtime_error&) {
    }
    CHECK(actions() == 1);
    CHECK(project.setting("a") == "1");
    CHECK(project.setting("b").empty());
}

TEST_CASE("A project of format 1 is copied, then migrated forward", "[store]") {
    TempDir dir;
    const fs::path path = dir / "gammel.tema";
    fs::copy_file(tema::test::fixture("projects/format-1.tema"), path);
    const std::string original = tema::test::read_bytes(path);
    {
        Project project(path);
        CHECK(project.schema_version() == tema::store::current_schema_version());
        REQUIRE(project.migration_backup().has_value());
        CHECK(project.migration_backup()->filename() == "gammel.tema.v1.bak");
        CHECK(project.title() == "Prosjekt fra format 1");
        // The data came along; the new tables work.
        const auto sources = tema::store::list_sources(project.db());
        REQUIRE(sources.size() == 1);
        CHECK(sources[0].name == "gammel");
        CHECK(sources[0].turns == 2);
        CHECK(project.db().query_int("SELECT count(*) FROM participants") == 0);
    }
    // The backup is the old project, readable by the old format.
    Database backup(dir / "gammel.tema.v1.bak", Database::Mode::read_only);
    CHECK(backup.query_int("PRAGMA user_version") == 1);
    CHECK(backup.query_int("SELECT count(*) FROM sources") == 1);
    CHECK(original.size() > 0);
}

TEST_CASE("Format 5 puts a source's text last in its row, and keeps every coding",
          "[store]") {
    tema::test::ProjectFixture f;
    const std::int64_t source = f.import(tema::test::fixture("import/fokusgruppe-deltaker.txt"));
    tema::coding::NewCode code;
    code.name = "Tillit";
    const auto applied = tema::coding::apply_new_code(*f.project, f.coder, code, source,
                                                      tema::coding::line_range(f.db(), source, 1, 1));
    // Back to format 4: the text in the middle of the row, as it was.
    f.project.reset();
    {
        Database db(f.path, Database::Mode::read_write);
        db.exec("PRAGMA foreign_keys = OFF");
        tema::store::drop_history_triggers(db);
        db.exec(R"sql(
            CREATE TABLE old (id INTEGER PRIMARY KEY, guid TEXT, name TEXT, kind TEXT, lang TEXT,
                text TEXT, sha256 TEXT, chars INTEGER, line_starts BLOB, turns BLOB,
                file_name TEXT, file_format TEXT, file_size INTEGER, file_sha256 TEXT,
                encoding TEXT, page_count INTEGER, imported_at TEXT, imported_by INTEGER,
                page_starts BLOB);
            INSERT INTO old SELECT id, guid, name, kind, lang, text, sha256, chars, line_starts,
                turns, file_name, file_format, file_size, file_sha256, encoding, page_count,
                imported_at, imported_by, page_starts FROM sources;
            DROP TABLE sources;
            ALTER TABLE old RENAME TO sources;
            ALTER TABLE memos DROP COLUMN end;  -- format 7's
            ALTER TABLE memos DROP COLUMN start;
            PRAGMA user_version = 4;)sql");
    }
    f.reopen();
    CHECK(f.project->schema_version() == tema::store::current_schema_version());
    CHECK(f.db().query_int("SELECT max(cid) = (SELECT cid FROM pragma_table_info('sources') "
                           "WHERE name = 'text') FROM pragma_table_info('sources')") == 1);
    // The coding came along (the rebuilt table cascaded nothing), and is undoable.
    CHECK(f.db().query_int("SELECT count(*) FROM segments WHERE id = " +
                           std::to_string(applied.segment)) == 1);
    CHECK(tema::store::read_lines(f.db(), tema::store::find_source(f.db(), std::to_string(source)),
                                  1, 1)
              .at(0)
              .text == "Fokusgruppe A – jobbspesialister");
    tema::store::undo(*f.project, f.coder);
    CHECK(f.db().query_int("SELECT count(*) FROM segments") == 0);
}

TEST_CASE("Format 7 lets a memo be on a passage, and the memos of format 6 stay", "[store]") {
    tema::test::ProjectFixture f;
    const std::int64_t source = f.import(tema::test::fixture("import/timestamps-brackets.txt"));
    tema::coding::add_memo(*f.project, f.coder, tema::coding::MemoKind::journal, {}, "Før.");
    // Back to format 6: memos without a range.
    f.project.reset();
    {
        Database db(f.path, Database::Mode::read_write);
        tema::store::drop_history_triggers(db);
        db.exec(R"sql(
            ALTER TABLE memos DROP COLUMN end;
            ALTER TABLE memos DROP COLUMN start;
            PRAGMA user_version = 6;)sql");
    }
    f.reopen();
    CHECK(f.project->schema_version() == tema::store::current_schema_version());
    const auto before = tema::coding::list_memos(f.db());
    REQUIRE(before.size() == 1);
    CHECK(before[0].text == "Før.");
    CHECK(before[0].on == "project");
    const auto memo = tema::coding::add_memo(*f.project, f.coder, tema::coding::MemoKind::note,
                                             tema::coding::passage(source, 0, 10), "Tidskode.");
    CHECK(memo.on == "source:timestamps-brackets@0-10");
    // The schema holds a range to its source.
    CHECK_THROWS(
        f.db().exec("UPDATE memos SET source_id = NULL WHERE id = " + std::to_string(memo.id)));
    tema::store::undo(*f.project, f.coder);
    CHECK(tema::coding::list_memos(f.db()).size() == 1);
}

TEST_CASE("Coders are found by name or made on first use", "[store]") {
    TempDir dir;
    Project project(new_project(dir));
    bool created = false;
    const auto ola = project.coder_named("Ola Nordmann", &created);
    CHECK(created);
    CHECK(ola.initials == "ON");
    const auto again = project.coder_named("Ola Nordmann", &created);
    CHECK_FALSE(created);
    CHECK(again.id == ola.id);
    CHECK_THROWS_AS(project.coder_named(""), Error);
}
