// Our narrow interface over SQLite. Only src/core/store includes sqlite3.h;
// everything else talks to the database through these three classes, and
// every SQLite failure leaves here as a tema::Error naming the project file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tema::store {

class Database;

// A prepared statement. Bind parameters are numbered from 1, columns from 0.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind_blob(int index, const void* data, std::size_t size);

    // Advances to the next row; false when there are no more.
    bool step();
    // Steps to the end, for statements that return no rows.
    void run();
    // Clears bindings and rewinds, so the statement can be used again.
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    std::optional<std::int64_t> optional_int64(int column) const;
    std::string text(int column) const;
    // Valid until the next step or reset.
    std::string_view text_view(int column) const;
    std::string blob(int column) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    enum class Mode { read_only, read_write, create };

    // Opens the SQLite file at `path`. `create` makes a new file and refuses an
    // existing one. Throws tema::Error naming the file.
    Database(const std::filesystem::path& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::filesystem::path& path() const { return path_; }
    bool read_only() const { return mode_ == Mode::read_only; }

    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    // A statement prepared once and kept for the life of the connection, reset
    // and unbound each time it is handed out: for hot paths, where parsing the
    // SQL (and compiling the history triggers into it) costs more than running
    // it. Use it for one statement at a time: a second call with the same SQL
    // resets the first.
    Statement& cached(std::string_view sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    // The value of a pragma or a one-value query, as an integer.
    std::int64_t query_int(std::string_view sql);

    // Copies the whole database into a new file at `target` (online backup).
    void backup_to(const std::filesystem::path& target);

    // Turns the current SQLite error into a tema::Error naming the project file.
    [[noreturn]] void fail(int code, std::string_view doing) const;

    sqlite3* handle() { return db_; }

private:
    std::filesystem::path path_;
    Mode mode_;
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// One transaction. Rolled back on destruction unless committed; a user action
// is exactly one of these (see Project::Action).
class Transaction {
public:
    explicit Transaction(Database& db);  // BEGIN IMMEDIATE: takes the write lock now
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& db_;
    bool open_ = true;
};

// A read transaction: one snapshot, and one lock, for many queries (instead
// of a lock taken and released around each one). Does nothing when a
// transaction is already open on the connection. Ends on destruction.
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database& db_;
    bool open_ = false;
};

}  // namespace tema::store
