// A Tema project: one SQLite file (NAME.tema), the source of truth.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.h"

namespace tema::store {

// A team member; every change carries one.
struct Coder {
    std::int64_t id = 0;
    std::string guid;
    std::string name;
    std::string initials;
};

class Project {
public:
    enum class Access { read_only, read_write };

    struct CreateOptions {
        std::string title;       // defaults to the file name without .tema
        std::string coder_name;  // the project's default coder; required
    };

    // Makes a new project file at `path`. Refuses to overwrite anything.
    static void create(const std::filesystem::path& path, const CreateOptions& options);

    // Opens an existing project. Refuses, leaving the file untouched, when it is
    // missing, empty, not SQLite, truncated, another program's database, or made
    // by a newer Tema. A project from an older Tema is copied to
    // NAME.tema.vN.bak and then migrated (read_write only). read_write also
    // refuses a file that is read-only.
    explicit Project(const std::filesystem::path& path, Access access = Access::read_write);

    Database& db() { return *db_; }
    const std::filesystem::path& path() const { return path_; }
    int schema_version() const { return schema_version_; }
    // The copy made before migrating while opening, if one was made.
    const std::optional<std::filesystem::path>& migration_backup() const { return backup_; }

    std::string title();
    std::string setting(std::string_view key);

    // The project's default coder.
    Coder default_coder();
    // The coder with this name; made (in its own transaction) when unknown, and
    // then `*created` is set. Empty names are refused.
    Coder coder_named(std::string_view name, bool* created = nullptr);

private:
    std::filesystem::path path_;
    std::unique_ptr<Database> db_;
    int schema_version_ = 0;
    std::optional<std::filesystem::path> backup_;
};

// The coder with this name (exactly). Throws tema::Error "coder X: no such
// coder in the project" when there is none.
Coder find_coder(Database& db, std::string_view name);

// One user action: one transaction, recorded in the action log with its coder,
// time, kind and a readable summary. Nothing is written unless commit() is
// reached; an exception or a kill leaves the project as before.
class Action {
public:
    Action(Project& project, const Coder& coder, std::string_view kind, std::string summary = {});
    Action(const Action&) = delete;
    Action& operator=(const Action&) = delete;

    std::int64_t id() const { return id_; }
    void set_summary(std::string summary) { summary_ = std::move(summary); }
    // For undo and redo: the action they take back or do again.
    void set_target(std::int64_t action_id) { target_ = action_id; }
    // Commits. A new change (not an undo or redo) ends what can be redone.
    void commit();

private:
    Project& project_;
    Transaction transaction_;
    std::int64_t id_ = 0;
    std::string kind_;
    std::string summary_;
    std::optional<std::int64_t> target_;
};

}  // namespace tema::store
