// History: every change, with who and when; undo and redo across restarts.
//
// Triggers on every tracked table write, as an action runs, the SQL that takes
// each row change back into the `history` table. Undoing an action runs that
// script backwards (and the triggers, pointed the other way, write the script
// that redoes it). So every kind of change is undoable, including deletes that
// cascade, without each operation writing its own inverse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"

namespace tema::store {

class Database;

// Drops and makes again the history triggers of every tracked table, for the
// columns the tables have now. Run after migrations.
void create_history_triggers(Database& db);
void drop_history_triggers(Database& db);

struct HistoryEntry {
    std::int64_t id = 0;
    std::string time;
    std::string coder;
    std::string kind;
    std::string summary;
    std::string state;                   // done, undone, dropped (undone and past redo)
    std::optional<std::int64_t> target;  // for undo and redo: the action they took back
};

// The audit trail, newest first; at most `limit` entries (0: all).
std::vector<HistoryEntry> list_history(Database& db, std::size_t limit = 0);

// Takes back the latest change that is not undone, as an action of its own
// (kind "undo"). Returns the action undone, or nullopt when there is none.
std::optional<HistoryEntry> undo(Project& project, const Coder& coder);

// Does again the change undone last, if nothing else changed since. Returns
// the action redone, or nullopt when there is none.
std::optional<HistoryEntry> redo(Project& project, const Coder& coder);

}  // namespace tema::store
