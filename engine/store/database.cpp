#include "store/database.hpp"

#include <fmt/format.h>

#include <system_error>
#include <utility>

namespace citecard::store {

// ---------------------------------------------------------------------------------------------
// Statement
// ---------------------------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(std::exchange(other.bind_error_, SQLITE_OK)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = std::exchange(other.bind_error_, SQLITE_OK);
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

void Statement::note_bind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Statement& Statement::bind(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  note_bind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  note_bind(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  note_bind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind_null(int index) {
  note_bind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Result<bool> Statement::step() {
  // A value that could not be bound (too big, a wrong index) must not run as NULL.
  if (bind_error_ != SQLITE_OK)
    return make_error(
        fmt::format("cannot pass a value to the collection: {}", sqlite3_errstr(bind_error_)),
        bind_error_ == SQLITE_TOOBIG ? ErrorCode::Invalid : ErrorCode::Failed);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_);
}

Result<void> Statement::run() {
  for (;;) {
    auto more = step();
    if (!more) return more.error();
    if (!*more) break;
  }
  sqlite3_reset(stmt_);
  return {};
}

void Statement::reset() {
  bind_error_ = SQLITE_OK;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

double Statement::column_double(int index) const {
  return sqlite3_column_double(stmt_, index);
}

std::string Statement::column_text(int index) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  const int size = sqlite3_column_bytes(stmt_, index);
  return bytes ? std::string(bytes, static_cast<std::size_t>(size)) : std::string();
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

namespace {

// How long a command waits for another citecard (the app, a second command) to finish its
// transaction before saying the collection is busy. Answers take under a millisecond; a deck
// build a second or two.
constexpr int kBusyTimeoutMs = 10000;

// How long this connection waits for a lock, as a message says it ("10 s", "250 ms"): a host
// may have set its own (Collection::set_busy_timeout).
std::string busy_wait(sqlite3* db) {
  int ms = kBusyTimeoutMs;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA busy_timeout", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    ms = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return ms % 1000 == 0 ? fmt::format("{} s", ms / 1000) : fmt::format("{} ms", ms);
}

std::string file_of(sqlite3* db) {
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  return file && *file ? std::string(file) : std::string("the collection");
}

}  // namespace

Error sqlite_error(sqlite3* db) {
  const std::string what = db ? sqlite3_errmsg(db) : "out of memory";
  const std::string path = file_of(db);
  const int errno_value = db ? sqlite3_system_errno(db) : 0;
  const std::string system =
      errno_value != 0 ? fmt::format(" ({})", std::generic_category().message(errno_value)) : "";
  switch (db ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error{
          fmt::format("{} is busy: another citecard (the app or a command) kept it locked for "
                      "over {}; nothing was changed, try again",
                      path, busy_wait(db)),
          ErrorCode::Busy};
    case SQLITE_READONLY:
      // The other READONLY codes come from reading: a WAL collection needs its -shm index,
      // which cannot be created in a read-only folder.
      if (sqlite3_extended_errcode(db) != SQLITE_READONLY)
        return Error{
            fmt::format(
                "{} cannot be read: it is read-only and so is its folder, where SQLite must create "
                "{}-shm to read it; make the folder writable or copy the collection elsewhere",
                path, path),
            ErrorCode::ReadOnly};
      return Error{fmt::format("{} is read-only: nothing was saved (check the permissions of the "
                               "file and its folder)",
                               path),
                   ErrorCode::ReadOnly};
    case SQLITE_FULL:
      return Error{
          fmt::format(
              "the disk holding {} is full: nothing was saved; free some space and try again",
              path),
          ErrorCode::Full};
    case SQLITE_IOERR:
      return Error{
          fmt::format("cannot write {}: {}{}; the change was not saved", path, what, system),
          ErrorCode::Io};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Error{fmt::format("{} is damaged or is not a citecard collection ({})", path, what),
                   ErrorCode::Corrupt};
    case SQLITE_CANTOPEN:
      return Error{fmt::format("cannot open {}: {}{}", path, what, system), ErrorCode::Io};
    default:
      return Error{fmt::format("database error: {}", what)};
  }
}

Result<Database> Database::open(const std::filesystem::path& path) {
  auto db = connect(path, true);
  if (!db) return db;
  if (auto r = db->use_wal(Durability::Normal); !r) return r.error();
  return db;
}

Result<Database> Database::connect(const std::filesystem::path& path, bool create, bool read_only) {
  std::error_code ec;
  if (!create) {
    // SQLite would say "unable to open database file"; the learner needs to know it is missing.
    if (!std::filesystem::exists(path, ec))
      return make_error(fmt::format("no collection at {}: check the path, or create one with "
                                    "citecard build DECK_DIR --db {}",
                                    path.string(), path.string()),
                        ErrorCode::NotFound);
    if (std::filesystem::is_directory(path, ec))
      return make_error(fmt::format("{} is a folder, not a collection file (e.g. {}/collection.db)",
                                    path.string(), path.string()),
                        ErrorCode::NotFound);
  } else if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec)
      return make_error(
          fmt::format("cannot create the folder {}: {}", path.parent_path().string(), ec.message()),
          ErrorCode::Io);
  }
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_NOMUTEX |
                    (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                    (create && !read_only ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK)
    return make_error(fmt::format("cannot open the collection {}: {}", path.string(),
                                  raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                      rc == SQLITE_NOMEM ? ErrorCode::Failed : ErrorCode::Io);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // Foreign keys keep citations, cards and the log pointing at things that exist. This is a
  // setting of the connection: the file is not touched.
  if (auto r = db.exec("PRAGMA foreign_keys=ON"); !r)
    return make_error(
        fmt::format("cannot open the collection {}: {}", path.string(), r.error().message),
        r.error().code);
  return db;
}

Result<void> Database::use_wal(Durability durability) {
  // A read-only file cannot change its journal mode; it is read as it is.
  if (!read_only()) {
    if (auto r = exec("PRAGMA journal_mode=WAL"); !r) return r;
  }
  return set_durability(durability);
}

Result<void> Database::set_durability(Durability durability) {
  return exec(durability == Durability::Full ? "PRAGMA synchronous=FULL"
                                             : "PRAGMA synchronous=NORMAL");
}

bool Database::read_only() const {
  return sqlite3_db_readonly(db_, "main") == 1;
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Database::~Database() {
  sqlite3_close_v2(db_);
}

Result<void> Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string owned(sql);
  if (sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);  // the same text sqlite3_errmsg gives, which sqlite_error words
    return sqlite_error(db_);
  }
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return sqlite_error(db_);
  }
  return Statement(db_, stmt);
}

Result<std::int64_t> Database::scalar(std::string_view sql) const {
  auto stmt = prepare(sql);
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return *row ? stmt->column_int(0) : 0;
}

std::string Database::last_error() const {
  return sqlite3_errmsg(db_);
}

// ---------------------------------------------------------------------------------------------
// Transaction
// ---------------------------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database& db) {
  const bool nested = sqlite3_get_autocommit(db.handle()) == 0;
  if (auto r = db.exec(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE"); !r) return r.error();
  return Transaction(&db, nested);
}

Transaction::~Transaction() {
  if (!db_) return;
  if (nested_) {
    (void)db_->exec("ROLLBACK TO nested");
    (void)db_->exec("RELEASE nested");
  } else {
    (void)db_->exec("ROLLBACK");
  }
}

Result<void> Transaction::commit() {
  auto r = db_->exec(nested_ ? "RELEASE nested" : "COMMIT");
  if (r) db_ = nullptr;
  return r;
}

Result<Statement*> StatementCache::get(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    auto stmt = db_.prepare(sql);
    if (!stmt) return stmt.error();
    found = statements_.emplace(sql, std::move(*stmt)).first;
  }
  found->second.reset();
  return &found->second;
}

}  // namespace citecard::store
