#include "store/database.h"

#include <sqlite3.h>

#include "util/error.h"

namespace tema::store {

namespace {

// What a researcher needs to know about a failed SQLite call.
std::string explain(int code, std::string_view doing, const char* sqlite_message) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "the project is in use by another program; close it there and try again";
        case SQLITE_READONLY:
            return "the project file cannot be written (it is read-only, or its folder is)";
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return "the project file is damaged or is not a Tema project";
        case SQLITE_FULL:
            return "the disk is full";
        case SQLITE_CANTOPEN:
            return "cannot open the project file";
        case SQLITE_IOERR:
            return "a read or write error happened on the project file";
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "permission denied";
        default:
            break;
    }
    std::string message = "database error while ";
    message += doing;
    if (sqlite_message != nullptr) {
        message += ": ";
        message += sqlite_message;
    }
    return message;
}

}  // namespace

// ---------------------------------------------------------------- Statement

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    const int rc =
        sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        db.fail(rc, "preparing a query");
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) {
        db_->fail(rc, "binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    const int rc =
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        db_->fail(rc, "binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) {
        db_->fail(rc, "binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
    const int rc = sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) {
        db_->fail(rc, "binding a value");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    sqlite3_reset(stmt_);
    db_->fail(rc, "running a query");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return int64(column);
}

std::string Statement::text(int column) const {
    return std::string(text_view(column));
}

std::string_view Statement::text_view(int column) const {
    const unsigned char* data = sqlite3_column_text(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    const int size = sqlite3_column_bytes(stmt_, column);
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::string Statement::blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return {static_cast<const char*>(data), static_cast<std::size_t>(size)};
}

// ----------------------------------------------------------------- Database

Database::Database(const std::filesystem::path& path, Mode mode) : path_(path), mode_(mode) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
        case Mode::read_only:
            flags |= SQLITE_OPEN_READONLY;
            break;
        case Mode::read_write:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case Mode::create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = explain(rc, "opening", db_ ? sqlite3_errmsg(db_) : nullptr);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(path.string(), message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // A second program holding the write lock makes us wait a little, then refuse.
    sqlite3_busy_timeout(db_, 2000);
}

Database::~Database() {
    cache_.clear();  // statements first, then the connection
    sqlite3_close_v2(db_);
}

Statement& Database::cached(std::string_view sql) {
    auto found = cache_.find(std::string(sql));
    if (found == cache_.end()) {
        found = cache_.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
    } else {
        found->second->reset();
    }
    return *found->second;
}

void Database::fail(int code, std::string_view doing) const {
    throw Error(path_.string(), explain(code, doing, sqlite3_errmsg(db_)));
}

void Database::exec(std::string_view sql) {
    const std::string copy(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string text = explain(rc, "updating the project", message);
        sqlite3_free(message);
        throw Error(path_.string(), text);
    }
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

std::int64_t Database::query_int(std::string_view sql) {
    Statement statement(*this, sql);
    return statement.step() ? statement.int64(0) : 0;
}

void Database::backup_to(const std::filesystem::path& target) {
    if (std::filesystem::exists(target)) {
        throw Error(target.string(), "already exists; not overwriting it with a backup copy");
    }
    sqlite3* copy = nullptr;
    int rc =
        sqlite3_open_v2(target.c_str(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup* backup = sqlite3_backup_init(copy, "main", db_, "main");
        if (backup == nullptr) {
            rc = sqlite3_errcode(copy);
        } else {
            sqlite3_backup_step(backup, -1);
            rc = sqlite3_backup_finish(backup);
        }
    }
    sqlite3_close(copy);
    if (rc != SQLITE_OK) {
        throw Error(target.string(), explain(rc, "writing a backup copy", nullptr));
    }
}

// -------------------------------------------------------------- Transaction

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (open_) {
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

// ---------------------------------------------------------- ReadTransaction

ReadTransaction::ReadTransaction(Database& db) : db_(db) {
    if (sqlite3_get_autocommit(db_.handle()) != 0) {
        db_.exec("BEGIN");
        open_ = true;
    }
}

ReadTransaction::~ReadTransaction() {
    if (open_) {
        sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    }
}

}  // namespace tema::store
