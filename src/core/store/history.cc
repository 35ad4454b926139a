#include "store/history.h"

#include <string>
#include <vector>

#include "store/database.h"
#include "util/error.h"

namespace tema::store {

namespace {

// Bookkeeping tables whose changes are not themselves undoable.
bool is_tracked(const std::string& table) {
    return table != "actions" && table != "history" && table != "history_cursor" &&
           table != "coders" && table.rfind("sqlite_", 0) != 0;
}

std::vector<std::string> tracked_tables(Database& db) {
    std::vector<std::string> tables;
    Statement query(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (query.step()) {
        std::string name = query.text(0);
        if (is_tracked(name)) {
            tables.push_back(std::move(name));
        }
    }
    return tables;
}

struct Columns {
    std::vector<std::string> names;
    bool id_is_rowid = false;  // an INTEGER PRIMARY KEY column stands for the rowid
};

Columns columns_of(Database& db, const std::string& table) {
    Columns columns;
    Statement query(db, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid");
    query.bind(1, table);
    int key_columns = 0;
    bool integer_key = false;
    while (query.step()) {
        columns.names.push_back(query.text(0));
        if (query.int64(2) > 0) {
            ++key_columns;
            integer_key = query.text(1) == "INTEGER";
        }
    }
    columns.id_is_rowid = key_columns == 1 && integer_key;
    return columns;
}

std::string quoted_identifier(const std::string& name) {
    return "\"" + name + "\"";
}

// SQL text, inside a trigger, that writes one history statement.
std::string record(const std::string& statement_expression) {
    return "INSERT INTO history(action_id, direction, statement) SELECT action_id, direction, " +
           statement_expression + " FROM history_cursor WHERE action_id IS NOT NULL;";
}

std::string create_triggers_sql(const std::string& table, const Columns& columns) {
    const std::string t = quoted_identifier(table);
    // The rowid is named only where no INTEGER PRIMARY KEY already is it.
    std::string column_list = columns.id_is_rowid ? "" : "rowid";
    std::string old_values = columns.id_is_rowid ? "" : " || old.rowid";
    std::string assignments;
    for (const auto& column : columns.names) {
        const std::string c = quoted_identifier(column);
        const bool first = column_list.empty();
        column_list += (first ? "" : ",") + c;
        old_values += std::string(first ? "" : " || ','") + " || quote(old." + c + ")";
        assignments += std::string(assignments.empty() ? "" : " || ','") + " || '" + c +
                       "=' || quote(old." + c + ")";
    }
    // Statements are SQL text built with quote(), so every value (text,
    // blobs, NULL) comes back exactly.
    const std::string escaped = "'" + t + "'";
    std::string sql;
    sql += "CREATE TRIGGER \"history_insert_" + table + "\" AFTER INSERT ON " + t + " BEGIN " +
           record("'DELETE FROM ' || " + escaped + " || ' WHERE rowid=' || new.rowid") + " END;\n";
    sql += "CREATE TRIGGER \"history_delete_" + table + "\" AFTER DELETE ON " + t + " BEGIN " +
           record("'INSERT INTO ' || " + escaped + " || '(" + column_list + ") VALUES ('" +
                  old_values + " || ')'") +
           " END;\n";
    sql += "CREATE TRIGGER \"history_update_" + table + "\" AFTER UPDATE ON " + t + " BEGIN " +
           record("'UPDATE ' || " + escaped + " || ' SET '" + assignments +
                  " || ' WHERE rowid=' || old.rowid") +
           " END;\n";
    return sql;
}

HistoryEntry read_entry(const Statement& row) {
    HistoryEntry entry;
    entry.id = row.int64(0);
    entry.time = row.text(1);
    entry.coder = row.text(2);
    entry.kind = row.text(3);
    entry.summary = row.text(4);
    entry.state = row.text(5);
    entry.target = row.optional_int64(6);
    return entry;
}

constexpr const char* kEntryColumns =
    "SELECT a.id, a.time, c.name, a.kind, a.summary, a.state, a.target_id "
    "FROM actions a JOIN coders c ON c.id = a.coder_id ";

std::optional<HistoryEntry> find_entry(Database& db, const std::string& where) {
    Statement query(db, kEntryColumns + where);
    if (!query.step()) {
        return std::nullopt;
    }
    return read_entry(query);
}

// Runs `action_id`'s script in `direction` backwards, while the triggers write
// the opposite script for the same action.
void replay(Database& db, std::int64_t action_id, const std::string& direction) {
    const std::string opposite = direction == "undo" ? "redo" : "undo";
    std::vector<std::string> statements;
    {
        Statement query(db,
                        "SELECT statement FROM history WHERE action_id = ? AND direction = ? "
                        "ORDER BY id DESC");
        query.bind(1, action_id).bind(2, direction);
        while (query.step()) {
            statements.push_back(query.text(0));
        }
    }
    Statement forget(db, "DELETE FROM history WHERE action_id = ? AND direction = ?");
    forget.bind(1, action_id).bind(2, direction).run();
    Statement cursor(db, "UPDATE history_cursor SET action_id = ?, direction = ?");
    cursor.bind(1, action_id).bind(2, opposite).run();
    // Rows come back in the reverse order they went; parents may follow
    // children, so foreign keys are checked at commit.
    db.exec("PRAGMA defer_foreign_keys = ON");
    for (const auto& statement : statements) {
        db.exec(statement);
    }
}

}  // namespace

void drop_history_triggers(Database& db) {
    std::vector<std::string> names;
    Statement query(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'history\\_%' "
        "ESCAPE '\\'");
    while (query.step()) {
        names.push_back(query.text(0));
    }
    for (const auto& name : names) {
        db.exec("DROP TRIGGER " + quoted_identifier(name));
    }
}

void create_history_triggers(Database& db) {
    Transaction transaction(db);
    drop_history_triggers(db);
    for (const auto& table : tracked_tables(db)) {
        db.exec(create_triggers_sql(table, columns_of(db, table)));
    }
    transaction.commit();
}

std::vector<HistoryEntry> list_history(Database& db, std::size_t limit) {
    std::string sql = std::string(kEntryColumns) + "ORDER BY a.id DESC";
    if (limit > 0) {
        sql += " LIMIT " + std::to_string(limit);
    }
    Statement query(db, sql);
    std::vector<HistoryEntry> entries;
    while (query.step()) {
        entries.push_back(read_entry(query));
    }
    return entries;
}

std::optional<HistoryEntry> undo(Project& project, const Coder& coder) {
    Database& db = project.db();
    const auto target = find_entry(
        db, "WHERE a.state = 'done' AND a.kind NOT IN ('undo', 'redo') ORDER BY a.id DESC LIMIT 1");
    if (!target) {
        return std::nullopt;
    }
    Action action(project, coder, "undo",
                  "undid #" + std::to_string(target->id) + ": " + target->summary);
    action.set_target(target->id);
    replay(db, target->id, "undo");
    Statement mark(db, "UPDATE actions SET state = 'undone' WHERE id = ?");
    mark.bind(1, target->id).run();
    action.commit();
    return target;
}

std::optional<HistoryEntry> redo(Project& project, const Coder& coder) {
    Database& db = project.db();
    const auto target = find_entry(db, "WHERE a.state = 'undone' ORDER BY a.id ASC LIMIT 1");
    if (!target) {
        return std::nullopt;
    }
    Action action(project, coder, "redo",
                  "redid #" + std::to_string(target->id) + ": " + target->summary);
    action.set_target(target->id);
    replay(db, target->id, "redo");
    Statement mark(db, "UPDATE actions SET state = 'done' WHERE id = ?");
    mark.bind(1, target->id).run();
    action.commit();
    return target;
}

}  // namespace tema::store
