// The project file's schema and its forward migrations.
#pragma once

namespace tema::store {

class Database;

// Written into the SQLite header (PRAGMA application_id) so a Tema project is
// known as one: "TEMA" in ASCII.
inline constexpr int kApplicationId = 0x54454d41;

// The schema version this build writes (PRAGMA user_version).
int current_schema_version();

// Runs every migration from `from_version` up to current_schema_version(),
// each in its own transaction together with the user_version bump. Version 0
// is an empty file.
void migrate(Database& db, int from_version);

// Migrates a new, empty database only up to `version`; tests use it to make
// projects as an older Tema wrote them.
void migrate_to(Database& db, int from_version, int version);

}  // namespace tema::store
