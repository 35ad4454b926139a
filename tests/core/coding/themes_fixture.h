// A project for the theme, memo, phase and map tests, with codes and coded
// segments made by plain SQL (the codebook's own API is written in parallel).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "import/importer.h"
#include "store/history.h"
#include "store/project.h"
#include "support/project_fixture.h"
#include "support/test_support.h"
#include "util/progress.h"

namespace tema::test {

struct ThemesFixture : ProjectFixture {
    // A code, by plain SQL in an action of its own.
    std::int64_t add_code(const std::string& name, std::optional<std::int64_t> parent = {}) {
        store::Action action(*project, coder, "test-code", "code " + name);
        store::Statement insert(db(), R"sql(
            INSERT INTO codes(guid, parent_id, position, name, origin, created)
            VALUES (lower(hex(randomblob(16))), ?, 1, ?, 'inductive', '2026-11-23T10:00:00Z'))sql");
        insert.bind(1, parent).bind(2, name).run();
        const auto id = db().last_insert_id();
        action.commit();
        return id;
    }

    // A file of tests/fixtures/import.
    std::int64_t import(const std::string& name) {
        return ProjectFixture::import(fixture("import/" + name));
    }

    // A coded segment [start, end) of a source, by plain SQL.
    std::int64_t add_segment(std::int64_t code, std::int64_t source, std::int64_t start,
                             std::int64_t end) {
        store::Action action(*project, coder, "test-segment", "segment");
        store::Statement insert(db(), R"sql(
            INSERT INTO segments(guid, code_id, source_id, start, end, coder_id, created)
            VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, '2026-11-23T10:00:00Z'))sql");
        insert.bind(1, code).bind(2, source).bind(3, start).bind(4, end).bind(5, coder.id).run();
        const auto id = db().last_insert_id();
        action.commit();
        return id;
    }

    bool undo() { return store::undo(*project, coder).has_value(); }
    bool redo() { return store::redo(*project, coder).has_value(); }
};

}  // namespace tema::test
