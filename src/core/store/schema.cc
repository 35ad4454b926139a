#include "store/schema.h"

#include <array>
#include <string>

#include "store/database.h"
#include "store/history.h"
#include "util/error.h"

namespace tema::store {

namespace {

// Each entry moves the schema from version i to i + 1. Never edit a shipped
// migration: add a new one.
constexpr std::array kMigrations = {
    // 1: the project, its coders, the action log, sources with their lines
    // and turns, and speakers.
    R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE coders (
    id       INTEGER PRIMARY KEY,
    guid     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL UNIQUE,
    initials TEXT NOT NULL,
    created  TEXT NOT NULL
);
-- One row per user action; every change happens inside one action. Undo and
-- redo are actions too (kind 'undo'/'redo', target_id the action they undo or
-- redo), so the log is the whole audit trail.
CREATE TABLE actions (
    id        INTEGER PRIMARY KEY,
    time      TEXT NOT NULL,
    coder_id  INTEGER NOT NULL REFERENCES coders(id),
    kind      TEXT NOT NULL,
    summary   TEXT NOT NULL DEFAULT '',
    state     TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
    target_id INTEGER REFERENCES actions(id)
);
-- The SQL that takes an action back ('undo') or does it again ('redo'), written
-- by triggers on every tracked table (see history.cc) as the action runs.
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    direction TEXT NOT NULL CHECK (direction IN ('undo', 'redo')),
    statement TEXT NOT NULL
);
CREATE INDEX history_by_action ON history(action_id, direction, id);
-- Every commit looks for undone actions: keep that look cheap.
CREATE INDEX actions_undone ON actions(state) WHERE state = 'undone';
-- Where the triggers write: the running action and which script it fills.
CREATE TABLE history_cursor (
    only      INTEGER PRIMARY KEY CHECK (only = 1),
    action_id INTEGER,
    direction TEXT NOT NULL DEFAULT 'undo'
);
INSERT INTO history_cursor(only, action_id) VALUES (1, NULL);
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind        TEXT NOT NULL CHECK (kind IN ('transcript', 'fieldnote', 'document')),
    lang        TEXT NOT NULL CHECK (lang IN ('nb', 'nn', 'en', 'other')),
    text        TEXT NOT NULL,           -- NFC, LF line ends; never edited after import
    sha256      TEXT NOT NULL UNIQUE,    -- of `text`: the same content is one source
    chars       INTEGER NOT NULL,        -- code points in `text`
    line_starts BLOB NOT NULL,           -- little-endian uint32 code-point offsets
    -- Speaker turns, immutable like the text: 7 little-endian uint32 per turn
    -- (speaker ordinal, time_ms + 1 or 0 for none, start, body_start, end,
    -- first_line, last_line). A blob, not rows: a transcript's ~250 turns are
    -- read and written whole, and rows cost half the import time.
    turns       BLOB NOT NULL,
    file_name   TEXT NOT NULL,
    file_format TEXT NOT NULL,
    file_size   INTEGER NOT NULL,
    file_sha256 TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    page_count  INTEGER,
    imported_at TEXT NOT NULL,
    imported_by INTEGER NOT NULL REFERENCES coders(id)
);
-- A speaker label as it appears in one source ("Person 1" in one focus group
-- is not "Person 1" in the next), numbered in order of first appearance.
CREATE TABLE speakers (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    label     TEXT NOT NULL,
    turns     INTEGER NOT NULL,
    UNIQUE (source_id, label),
    UNIQUE (source_id, ordinal)
);
)sql",
    // 2: participants (cases) with attributes, and speakers mapped to them.
    R"sql(
CREATE TABLE participants (
    id      INTEGER PRIMARY KEY,
    guid    TEXT NOT NULL UNIQUE,
    pid     TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- pseudonymous ID such as P07
    created TEXT NOT NULL
);
-- Attribute names in the order the researcher gave them (CSV column order).
CREATE TABLE attributes (
    name     TEXT PRIMARY KEY COLLATE NOCASE,
    position INTEGER NOT NULL
);
CREATE TABLE participant_attributes (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    name           TEXT NOT NULL REFERENCES attributes(name) ON DELETE CASCADE,
    value          TEXT NOT NULL,
    UNIQUE (participant_id, name)
);
ALTER TABLE speakers ADD COLUMN participant_id INTEGER
    REFERENCES participants(id) ON DELETE SET NULL;
CREATE INDEX speakers_by_participant ON speakers(participant_id);
)sql",
    // 3: the analysis: codebook, coded segments, themes with custom fields,
    // memos and the reflexive journal, the phase log, thematic map snapshots.
    R"sql(
-- The codebook: a tree. Sibling names are unique as people read them
-- (case-insensitive, Norwegian collation): checked in coding/codebook.cc.
CREATE TABLE codes (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    parent_id   INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL CHECK (name <> ''),
    description TEXT NOT NULL DEFAULT '',
    color       TEXT,
    origin      TEXT NOT NULL CHECK (origin IN ('inductive', 'deductive', 'invivo', 'imported')),
    codable     INTEGER NOT NULL DEFAULT 1,  -- 0: a folder (REFI-QDA isCodable="false")
    created     TEXT NOT NULL,
    created_by  INTEGER REFERENCES coders(id)
);
CREATE INDEX codes_by_parent ON codes(parent_id, position);
-- A code applied to [start, end) code points of a source by a coder.
CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    end         INTEGER NOT NULL CHECK (end > start),
    coder_id    INTEGER NOT NULL REFERENCES coders(id),
    created     TEXT NOT NULL,
    memo        TEXT NOT NULL DEFAULT '',
    translation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX segments_by_code ON segments(code_id, source_id, start);
CREATE INDEX segments_by_source ON segments(source_id, start);
-- The theme tree: themes and subthemes through Braun and Clarke's phases 3-5.
CREATE TABLE themes (
    id         INTEGER PRIMARY KEY,
    guid       TEXT NOT NULL UNIQUE,
    parent_id  INTEGER REFERENCES themes(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL CHECK (name <> ''),
    definition TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'candidate'
               CHECK (status IN ('candidate', 'reviewed', 'final', 'discarded')),
    created    TEXT NOT NULL,
    created_by INTEGER REFERENCES coders(id)
);
CREATE INDEX themes_by_parent ON themes(parent_id, position);
-- The codes a theme gathers; a code may sit in several candidate themes.
CREATE TABLE theme_codes (
    id       INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    code_id  INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    UNIQUE (theme_id, code_id)
);
CREATE INDEX theme_codes_by_code ON theme_codes(code_id);
-- The researcher's own columns of the theme table ("Timeline", ...), in order.
CREATE TABLE fields (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    position INTEGER NOT NULL
);
CREATE TABLE theme_values (
    id       INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    field_id INTEGER NOT NULL REFERENCES fields(id) ON DELETE CASCADE,
    value    TEXT NOT NULL,
    UNIQUE (theme_id, field_id)
);
-- Memos on the project (no target), or on one source, code, theme, segment or
-- participant; the reflexive journal is the memos of kind 'journal'.
CREATE TABLE memos (
    id             INTEGER PRIMARY KEY,
    guid           TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('note', 'familiarisation', 'journal', 'analytic')),
    source_id      INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    code_id        INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    theme_id       INTEGER REFERENCES themes(id) ON DELETE CASCADE,
    segment_id     INTEGER REFERENCES segments(id) ON DELETE CASCADE,
    participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
    author_id      INTEGER NOT NULL REFERENCES coders(id),
    created        TEXT NOT NULL,
    modified       TEXT NOT NULL,
    text           TEXT NOT NULL,
    CHECK ((source_id IS NOT NULL) + (code_id IS NOT NULL) + (theme_id IS NOT NULL) +
           (segment_id IS NOT NULL) + (participant_id IS NOT NULL) <= 1)
);
-- Braun and Clarke's six phases: where the project stands (nothing enforced).
CREATE TABLE phases (
    phase   INTEGER PRIMARY KEY CHECK (phase BETWEEN 1 AND 6),
    status  TEXT NOT NULL DEFAULT 'not started'
            CHECK (status IN ('not started', 'started', 'done')),
    started TEXT,
    done    TEXT,
    notes   TEXT NOT NULL DEFAULT ''
);
INSERT INTO phases(phase) VALUES (1), (2), (3), (4), (5), (6);
-- A saved thematic map: the theme tree with its codes, as JSON, under a name.
CREATE TABLE map_snapshots (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
    created  TEXT NOT NULL,
    coder_id INTEGER NOT NULL REFERENCES coders(id),
    content  TEXT NOT NULL
);
)sql",
    // 4: where each page of a paged source (PDF) begins, so quotes cite pages.
    R"sql(
-- Little-endian uint32 code-point offsets in `text`, one per page; NULL for
-- sources without pages.
ALTER TABLE sources ADD COLUMN page_starts BLOB;
)sql",
    // 5: the text and the blobs last in each row. SQLite reaches a column by
    // walking the overflow pages of every column before it, so listing sources
    // (name, chars, sha256, ...) read all the text of the project.
    R"sql(
CREATE TABLE sources_new (
    id          INTEGER PRIMARY KEY,
    guid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind        TEXT NOT NULL CHECK (kind IN ('transcript', 'fieldnote', 'document')),
    lang        TEXT NOT NULL CHECK (lang IN ('nb', 'nn', 'en', 'other')),
    sha256      TEXT NOT NULL UNIQUE,    -- of `text`: the same content is one source
    chars       INTEGER NOT NULL,        -- code points in `text`
    file_name   TEXT NOT NULL,
    file_format TEXT NOT NULL,
    file_size   INTEGER NOT NULL,
    file_sha256 TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    page_count  INTEGER,
    imported_at TEXT NOT NULL,
    imported_by INTEGER NOT NULL REFERENCES coders(id),
    line_starts BLOB NOT NULL,           -- little-endian uint32 code-point offsets
    -- Speaker turns: 7 little-endian uint32 per turn (speaker ordinal, time_ms + 1
    -- or 0 for none, start, body_start, end, first_line, last_line).
    turns       BLOB NOT NULL,
    page_starts BLOB,                    -- uint32 code-point offsets, one per page
    text        TEXT NOT NULL            -- NFC, LF line ends; never edited after import
);
INSERT INTO sources_new (id, guid, name, kind, lang, sha256, chars, file_name, file_format,
                         file_size, file_sha256, encoding, page_count, imported_at, imported_by,
                         line_starts, turns, page_starts, text)
    SELECT id, guid, name, kind, lang, sha256, chars, file_name, file_format, file_size,
           file_sha256, encoding, page_count, imported_at, imported_by, line_starts, turns,
           page_starts, text
    FROM sources;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
)sql",
    // 6: search filters and stemming ask which sources have a language or a
    // kind; an index answers without reading the rows (and their texts' start).
    R"sql(
CREATE INDEX sources_lang ON sources(lang);
CREATE INDEX sources_kind ON sources(kind);
)sql",
    // 7: a memo on a passage of a source, coded or not: code points [start, end)
    // of the source the memo is on (as a coded segment's range).
    R"sql(
ALTER TABLE memos ADD COLUMN start INTEGER;
ALTER TABLE memos ADD COLUMN end INTEGER
    CHECK ((start IS NULL) = (end IS NULL) AND
           (end IS NULL OR (source_id IS NOT NULL AND 0 <= start AND start < end)));
)sql",
};

}  // namespace

int current_schema_version() {
    return static_cast<int>(kMigrations.size());
}

void migrate_to(Database& db, int from_version, int version) {
    for (int v = from_version; v < version; ++v) {
        Transaction transaction(db);
        db.exec(kMigrations.at(static_cast<std::size_t>(v)));
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        transaction.commit();
    }
}

void migrate(Database& db, int from_version) {
    // Migrations are not undoable: no history triggers while they run; then
    // triggers for the tables and columns as they now are. Foreign keys are
    // off meanwhile, so that a table rebuilt whole (5) does not cascade its
    // DROP to the rows that refer to it; they are checked after.
    drop_history_triggers(db);
    db.exec("PRAGMA foreign_keys = OFF");
    migrate_to(db, from_version, current_schema_version());
    db.exec("PRAGMA foreign_keys = ON");
    if (db.query_int("SELECT count(*) FROM pragma_foreign_key_check") != 0) {
        throw Error(db.path().string(), "its references do not hold after updating it to the "
                                        "current project format; the backup is unchanged");
    }
    create_history_triggers(db);
}

}  // namespace tema::store
