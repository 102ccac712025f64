// A thin RAII layer over SQLite's C API: a connection, prepared statements, transactions.
// Failures come back as Error values carrying SQLite's own message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "citecard/result.hpp"

namespace citecard::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding is 1-based like SQLite's; returns *this so calls chain.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // Steps once: true when a row is available, false when done; an error ends as Error (so does a
  // value an earlier bind() could not pass).
  Result<bool> step();
  // Steps to completion, for statements that return no rows.
  Result<void> run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  bool column_is_null(int index) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;  // the first failed bind since the last reset()

  void note_bind(int rc);
};

// How hard a commit works to survive a crash (see README, Reliability). Both keep the database
// consistent; they differ in what a power loss may take back.
enum class Durability {
  Normal,  // synchronous=NORMAL: a committed answer survives the app crashing, not a power loss
  Full,    // synchronous=FULL: the log is flushed to disk at every commit; survives power loss
};

class Database {
 public:
  // Opens (creating it and its folder if missing) in WAL mode: for tests and tools.
  static Result<Database> open(const std::filesystem::path& path);
  // Opens without writing anything to the file, so a caller can look before it changes it
  // (user_version, read-only). `create` false: a missing file is an error naming the path.
  // `read_only`: SQLite opens the file for reading only, and nothing can write to it.
  static Result<Database> connect(const std::filesystem::path& path, bool create,
                                  bool read_only = false);
  // Write-ahead logging, so readers (the app) and a writer (an answer) do not block each other.
  Result<void> use_wal(Durability durability);
  Result<void> set_durability(Durability durability);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Result<void> exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql) const;
  // Runs a query expected to give a single integer (COUNT(*), PRAGMA user_version, ...).
  Result<std::int64_t> scalar(std::string_view sql) const;

  std::string last_error() const;
  sqlite3* handle() const { return db_; }
  // True when the file could only be opened for reading (its or its folder's permissions).
  bool read_only() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// The error for SQLite's last failure on `db`, in words a user can act on: a busy, read-only,
// full or damaged collection is named as such, with the file's path.
Error sqlite_error(sqlite3* db);

// Statements prepared once and reused, for work that runs the same few statements thousands of
// times (replaying cards after a merge). Must not outlive the database.
class StatementCache {
 public:
  explicit StatementCache(const Database& db) : db_(db) {}
  // The statement for `sql`, reset and without bindings.
  Result<Statement*> get(const std::string& sql);
  const Database& database() const { return db_; }

 private:
  const Database& db_;
  std::unordered_map<std::string, Statement> statements_;
};

// Rolls back unless commit() succeeded, so an error anywhere leaves nothing half-written.
class Transaction {
 public:
  // Begins a write transaction; inside another one, a savepoint, so that a step made of steps
  // (importing a log as a run of answers) commits or rolls back as one.
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_), nested_(other.nested_) {
    other.db_ = nullptr;
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Result<void> commit();

 private:
  Transaction(Database* db, bool nested) : db_(db), nested_(nested) {}
  Database* db_;
  bool nested_;
};

}  // namespace citecard::store
