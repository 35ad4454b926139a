#include "store/project.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "store/schema.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/guid.h"

namespace tema::store {

namespace fs = std::filesystem;

namespace {

// Checks the 100-byte SQLite header before SQLite sees the file, so that a file
// that is not a project, or a damaged one, is refused without being touched.
void check_file_header(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        throw Error(name, "no such project file");
    }
    if (fs::is_directory(status)) {
        throw Error(name, "is a folder, not a Tema project file");
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        throw Error(name, "cannot read: " + ec.message());
    }
    if (size == 0) {
        throw Error(name, "is empty, not a Tema project");
    }
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    static constexpr char kMagic[] = "SQLite format 3";  // followed by NUL
    const bool is_sqlite =
        in.gcount() >= 16 && std::equal(kMagic, kMagic + sizeof kMagic, header.begin());
    if (!is_sqlite) {
        throw Error(name, "is not a Tema project (not a SQLite database)");
    }
    if (in.gcount() < static_cast<std::streamsize>(header.size())) {
        throw Error(name, "is damaged: the file is truncated");
    }
    auto be32 = [&](std::size_t at) {
        return (std::uint32_t{header[at]} << 24) | (std::uint32_t{header[at + 1]} << 16) |
               (std::uint32_t{header[at + 2]} << 8) | std::uint32_t{header[at + 3]};
    };
    std::uint32_t page_size = (std::uint32_t{header[16]} << 8) | header[17];
    if (page_size == 1) {
        page_size = 65536;
    }
    const std::uint32_t page_count = be32(28);
    // The in-header size is valid only when written by a SQLite that keeps it
    // (the "version-valid-for" number matches the change counter).
    if (be32(92) == be32(24) && page_count > 0) {
        const std::uintmax_t expected = std::uintmax_t{page_size} * page_count;
        if (size < expected) {
            throw Error(name, "is damaged: the file is truncated (" + std::to_string(size) +
                                  " of " + std::to_string(expected) + " bytes)");
        }
    }
}

bool write_protected(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return false;
    }
    // Honour the researcher's read-only flag even when running as root.
    return (info.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0;
}

std::string initials_of(std::string_view name) {
    std::string initials;
    bool at_word_start = true;
    for (const char c : name) {
        if (c == ' ' || c == '-' || c == '.') {
            at_word_start = true;
        } else if (at_word_start) {
            initials += c;
            at_word_start = false;
        }
    }
    if (initials.size() == 1 && name.size() > 1 && static_cast<unsigned char>(name[1]) < 0x80) {
        initials += name[1];
    }
    for (char& c : initials) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return initials;
}

fs::path backup_path_for(const fs::path& path, int version) {
    fs::path candidate = path;
    candidate += ".v" + std::to_string(version) + ".bak";
    for (int n = 2; fs::exists(candidate); ++n) {
        candidate = path;
        candidate += ".v" + std::to_string(version) + "." + std::to_string(n) + ".bak";
    }
    return candidate;
}

void set_connection_pragmas(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    // No memory mapping: since format 5 no column lies behind a source's text,
    // so the reads it saved are gone, while the kernel's fault-around made a
    // scan of the sources table map in the texts beside each row: a project of
    // 1,000 transcripts held 60 MB more in every program that listed them.
    if (!db.read_only()) {
        // WAL with synchronous=NORMAL: a committed action survives a crash or kill
        // of Tema; the file stays consistent even on power loss.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
}

Coder read_coder(Statement& statement) {
    return Coder{statement.int64(0), statement.text(1), statement.text(2), statement.text(3)};
}

}  // namespace

void Project::create(const fs::path& path, const CreateOptions& options) {
    if (options.coder_name.empty()) {
        throw Error(path.string(), "a new project needs a coder name");
    }
    // O_EXCL: never overwrite, even when two programs race to create the file.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
        if (errno == EEXIST) {
            throw Error(path.string(), "already exists; not overwriting it");
        }
        throw Error(path.string(), std::string("cannot create: ") + std::strerror(errno));
    }
    ::close(fd);
    try {
        Database db(path, Database::Mode::read_write);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        set_connection_pragmas(db);
        migrate(db, 0);
        Transaction transaction(db);
        const std::string now = now_iso8601();
        const std::string coder_guid = new_guid();
        Statement coder(db, "INSERT INTO coders(guid, name, initials, created) VALUES (?,?,?,?)");
        coder.bind(1, coder_guid)
            .bind(2, options.coder_name)
            .bind(3, initials_of(options.coder_name))
            .bind(4, now)
            .run();
        std::string title = options.title.empty() ? path.stem().string() : options.title;
        Statement setting(db, "INSERT INTO settings(key, value) VALUES (?, ?)");
        for (const auto& [key, value] : {std::pair<std::string, std::string>{"title", title},
                                         {"created", now},
                                         {"guid", new_guid()},
                                         {"default_coder", coder_guid}}) {
            setting.bind(1, key).bind(2, value).run();
            setting.reset();
        }
        transaction.commit();
    } catch (...) {
        std::error_code ignored;
        fs::remove(path, ignored);
        throw;
    }
}

Project::Project(const fs::path& path, Access access) : path_(path) {
    check_file_header(path);
    const bool protected_file = write_protected(path);
    if (access == Access::read_write && protected_file) {
        throw Error(path.string(), "the project file is read-only; make it writable to change it");
    }
    {
        // Look before touching: read-only until we know it is ours.
        Database probe(path, Database::Mode::read_only);
        if (probe.query_int("PRAGMA application_id") != kApplicationId) {
            throw Error(path.string(), "is a SQLite database, but not a Tema project");
        }
        schema_version_ = static_cast<int>(probe.query_int("PRAGMA user_version"));
        if (schema_version_ > current_schema_version()) {
            throw Error(path.string(),
                        "was made by a newer version of Tema (project format " +
                            std::to_string(schema_version_) + "; this Tema reads up to format " +
                            std::to_string(current_schema_version()) + "); update Tema to open it");
        }
        if (schema_version_ < current_schema_version() && access == Access::read_write) {
            backup_ = backup_path_for(path, schema_version_);
            probe.backup_to(*backup_);
        }
    }
    db_ = std::make_unique<Database>(
        path, access == Access::read_only ? Database::Mode::read_only : Database::Mode::read_write);
    set_connection_pragmas(*db_);
    if (access == Access::read_write && schema_version_ < current_schema_version()) {
        migrate(*db_, schema_version_);
        schema_version_ = current_schema_version();
    }
    if (access == Access::read_only && schema_version_ < current_schema_version()) {
        throw Error(path.string(), "was made by an older version of Tema (project format " +
                                       std::to_string(schema_version_) +
                                       "); open it for writing once to update it");
    }
}

std::string Project::setting(std::string_view key) {
    Statement statement(*db_, "SELECT value FROM settings WHERE key = ?");
    statement.bind(1, key);
    return statement.step() ? statement.text(0) : std::string();
}

std::string Project::title() {
    return setting("title");
}

Coder Project::default_coder() {
    Statement statement(*db_,
                        "SELECT id, guid, name, initials FROM coders WHERE guid = "
                        "(SELECT value FROM settings WHERE key = 'default_coder')");
    if (!statement.step()) {
        throw Error(path_.string(), "is damaged: it has no default coder");
    }
    return read_coder(statement);
}

Coder Project::coder_named(std::string_view name, bool* created) {
    if (created != nullptr) {
        *created = false;
    }
    if (name.empty()) {
        throw Error("coder", "a coder needs a name");
    }
    Statement find(*db_, "SELECT id, guid, name, initials FROM coders WHERE name = ?");
    find.bind(1, name);
    if (find.step()) {
        return read_coder(find);
    }
    Coder coder{0, new_guid(), std::string(name), initials_of(name)};
    Transaction transaction(*db_);
    Statement insert(*db_, "INSERT INTO coders(guid, name, initials, created) VALUES (?,?,?,?)");
    insert.bind(1, coder.guid)
        .bind(2, coder.name)
        .bind(3, coder.initials)
        .bind(4, now_iso8601())
        .run();
    coder.id = db_->last_insert_id();
    transaction.commit();
    if (created != nullptr) {
        *created = true;
    }
    return coder;
}

Coder find_coder(Database& db, std::string_view name) {
    Statement find(db, "SELECT id, guid, name, initials FROM coders WHERE name = ?");
    find.bind(1, name);
    if (!find.step()) {
        throw Error("coder " + std::string(name), "no such coder in the project");
    }
    return read_coder(find);
}

Action::Action(Project& project, const Coder& coder, std::string_view kind, std::string summary)
    : project_(project), transaction_(project.db()), kind_(kind), summary_(std::move(summary)) {
    Database& db = project_.db();
    Statement& insert =
        db.cached("INSERT INTO actions(time, coder_id, kind, summary) VALUES (?, ?, ?, ?)");
    insert.bind(1, now_iso8601()).bind(2, coder.id).bind(3, kind).bind(4, summary_).run();
    id_ = db.last_insert_id();
    // From here the history triggers write this action's undo script.
    Statement& cursor = db.cached("UPDATE history_cursor SET action_id = ?, direction = 'undo'");
    cursor.bind(1, id_).run();
}

void Action::commit() {
    Database& db = project_.db();
    Statement& update = db.cached("UPDATE actions SET summary = ?, target_id = ? WHERE id = ?");
    update.bind(1, summary_).bind(2, target_).bind(3, id_).run();
    if (kind_ != "undo" && kind_ != "redo") {
        // Linear history: after a new change, what was undone cannot come back.
        db.cached(
              "DELETE FROM history WHERE direction = 'redo' AND action_id IN "
              "(SELECT id FROM actions WHERE state = 'undone')")
            .run();
        db.cached("UPDATE actions SET state = 'dropped' WHERE state = 'undone'").run();
    }
    db.cached("UPDATE history_cursor SET action_id = NULL").run();
    transaction_.commit();
}

}  // namespace tema::store
