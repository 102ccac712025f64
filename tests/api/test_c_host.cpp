// What a host written against citecard.h trips on (tests/api/c_host_defects.c, in C), and what
// needs more than C to set up: another application's SQLite file, a second thread on one handle,
// a lock held by another connection, a collection from before collections carried their id.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "citecard/citecard.h"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

extern "C" {
const char* c_foreign_file_is_refused(const char* path);
const char* c_empty_path_is_refused(void);
const char* c_long_path_is_refused(const char* path);
const char* c_times_are_checked(cc_collection* col, int64_t now);
const char* c_closed_and_foreign_handles_are_refused(const char* db_path, int64_t now);
const char* c_failures_name_their_call(cc_collection* col, int64_t now);
const char* c_growable_calls(cc_collection* col, const char* deck_dir, const char* missing_path,
                             int64_t now);
}

namespace {

using citecard::test::TempDir;

const std::string kSummitDeck = std::string(CITECARD_DECKS_DIR) + "/summit-2023";
constexpr int64_t kNow = 1'704'099'600;  // 2024-01-01T09:00:00Z

void check_c(const char* failure) {
  CHECK_MESSAGE(failure == nullptr, std::string(failure ? failure : ""));
}

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs `sql` on the SQLite file at `path` (created when missing), as another application would.
void sqlite_exec(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

struct Summit {
  TempDir dir;
  std::string db = (dir / "c.db").string();
  cc_collection* col = nullptr;
  Summit() {
    REQUIRE(cc_open(db.c_str(), &col) == CC_OK);
    REQUIRE(cc_build(col, kSummitDeck.c_str()) == CC_OK);
  }
  ~Summit() { cc_close(col); }
  Summit(const Summit&) = delete;
  Summit& operator=(const Summit&) = delete;
};

}  // namespace

TEST_CASE("another application's SQLite file is refused by every open and left byte for byte") {
  TempDir dir;
  const auto other = dir / "other.db";
  sqlite_exec(other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
  const std::string before = bytes_of(other);
  check_c(c_foreign_file_is_refused(other.c_str()));
  CHECK(bytes_of(other) == before);
  CHECK_FALSE(std::filesystem::exists(other.string() + "-wal"));

  // One that marks itself with its own application_id, and has no tables yet.
  const auto marked = dir / "marked.db";
  sqlite_exec(marked, "PRAGMA application_id = 1234; PRAGMA user_version = 2;");
  const std::string marked_before = bytes_of(marked);
  check_c(c_foreign_file_is_refused(marked.c_str()));
  CHECK(bytes_of(marked) == marked_before);
}

TEST_CASE("a collection carries citecard's application_id; one from before is opened and marked") {
  Summit summit;
  cc_close(summit.col);
  summit.col = nullptr;
  sqlite3* db = nullptr;
  auto application_id = [&] {
    REQUIRE(sqlite3_open(summit.db.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const int id = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return id;
  };
  CHECK(application_id() == 0x43635264);
  sqlite_exec(summit.db, "PRAGMA application_id = 0");  // as collections were before
  REQUIRE(cc_open_existing(summit.db.c_str(), &summit.col) == CC_OK);
  int due = -1;
  CHECK(cc_due_count(summit.col, kNow, &due) == CC_OK);
  CHECK(due == 20);
  cc_close(summit.col);
  summit.col = nullptr;
  CHECK(application_id() == 0x43635264);
}

TEST_CASE("an empty path is refused rather than opening a temporary database") {
  check_c(c_empty_path_is_refused());
}

TEST_CASE("a path too long to open is refused before any folder is made, and named shortened") {
  TempDir dir;
  std::string path = dir.path().string();
  while (path.size() < 600) path += "/folder";
  path += "/c.db";
  check_c(c_long_path_is_refused(path.c_str()));
  CHECK(std::filesystem::is_empty(dir.path()));
  // 100 KB: the message shows its start and end, not all of it.
  std::string huge = dir.path().string() + "/" + std::string(100 * 1024, 'x');
  check_c(c_long_path_is_refused(huge.c_str()));
}

TEST_CASE("times in milliseconds or far ahead, and negative durations, are refused") {
  Summit summit;
  check_c(c_times_are_checked(summit.col, kNow));
}

TEST_CASE("closed and foreign handles, freed cards and deck lists give CC_MISUSE, never a crash") {
  Summit summit;
  check_c(c_closed_and_foreign_handles_are_refused(summit.db.c_str(), kNow));
}

TEST_CASE("every failure leaves a message that starts with the call's name") {
  Summit summit;
  check_c(c_failures_name_their_call(summit.col, kNow));
}

TEST_CASE("versioned structs, deck options, choices by index and NULL for what is not stated") {
  Summit summit;
  check_c(
      c_growable_calls(summit.col, kSummitDeck.c_str(), (summit.dir / "none.db").c_str(), kNow));
}

TEST_CASE("a second thread inside a call on the same handle is refused, not let in") {
  Summit summit;
  // While one thread rebuilds the deck (a long call), the other keeps asking for counts on the
  // same handle: every such call is refused with CC_MISUSE or, between builds, succeeds.
  std::atomic<bool> building{true};
  int built = CC_ERROR;
  std::thread builder([&] {
    // The builder is refused too when it comes while the other thread is inside a call.
    for (int done = 0; done < 3;) {
      built = cc_build(summit.col, kSummitDeck.c_str());
      if (built == CC_OK)
        ++done;
      else if (built != CC_MISUSE)
        break;
    }
    building = false;
  });
  int refused = 0, other = 0;
  std::string message;
  while (building) {
    int due = 0;
    const int rc = cc_due_count(summit.col, kNow, &due);
    if (rc == CC_MISUSE) {
      ++refused;
      message = cc_errmsg(nullptr);
    } else if (rc != CC_OK) {
      ++other;
    }
  }
  builder.join();
  CHECK(built == CC_OK);
  CHECK(other == 0);
  CHECK(refused > 0);
  CHECK(message.rfind("cc_due_count: another thread is inside a call", 0) == 0);
  int due = -1;
  CHECK(cc_due_count(summit.col, kNow, &due) == CC_OK);
  CHECK(due == 20);
}

TEST_CASE("cc_open_v2: read-only never writes, a busy timeout of 0 fails at once, flags checked") {
  Summit summit;
  cc_close(summit.col);
  summit.col = nullptr;
  const std::string before = bytes_of(summit.db);

  cc_collection* reader = nullptr;
  REQUIRE(cc_open_v2(summit.db.c_str(), CC_OPEN_READONLY, nullptr, &reader) == CC_OK);
  CHECK(cc_is_read_only(reader) == 1);
  cc_card* card = nullptr;
  REQUIRE(cc_next_card(reader, "", kNow, &card) == CC_OK);
  CHECK(cc_answer(reader, cc_card_id(card), CC_GOOD, kNow, 1000) == CC_READONLY);
  CHECK(std::string(cc_errmsg(reader)).rfind("cc_answer: ", 0) == 0);
  cc_card_free(card);
  cc_close(reader);
  CHECK(bytes_of(summit.db) == before);

  cc_collection* col = nullptr;
  CHECK(cc_open_v2(summit.db.c_str(), CC_OPEN_CREATE | CC_OPEN_READONLY, nullptr, &col) ==
        CC_MISUSE);
  CHECK(cc_open_v2(summit.db.c_str(), 0x100, nullptr, &col) == CC_MISUSE);
  CHECK(std::string(cc_errmsg(nullptr)).rfind("cc_open_v2: ", 0) == 0);
  CHECK(cc_open_v2((summit.dir / "none.db").c_str(), 0, nullptr, &col) == CC_NOTFOUND);
  cc_close(col);
  CHECK_FALSE(std::filesystem::exists(summit.dir / "none.db"));

  cc_open_options options = CC_OPEN_OPTIONS_INIT;
  options.busy_timeout_ms = 0;
  REQUIRE(cc_open_v2(summit.db.c_str(), 0, &options, &col) == CC_OK);
  REQUIRE(cc_next_card(col, "", kNow, &card) == CC_OK);
  // Another connection holds the write lock.
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(summit.db.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const auto start = std::chrono::steady_clock::now();
  CHECK(cc_answer(col, cc_card_id(card), CC_GOOD, kNow, 1000) == CC_BUSY);
  CHECK(std::string(cc_errmsg(col)).find("kept it locked for over 0 s;") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(cc_answer(col, cc_card_id(card), CC_GOOD, kNow, 1000) == CC_OK);
  cc_card_free(card);
  cc_close(col);
}

TEST_CASE("the command line refuses another application's SQLite file and an empty path too") {
  TempDir dir;
  const auto other = dir / "other.db";
  sqlite_exec(other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
  const std::string before = bytes_of(other);
  const std::string cli = CITECARD_CLI;
  for (const std::string& command :
       std::vector<std::string>{"stats", "cards", "build '" + kSummitDeck + "'"}) {
    CAPTURE(command);
    const auto result =
        citecard::test::run_command("'" + cli + "' " + command + " --db '" + other.string() + "'");
    CHECK(result.status == 1);
    CHECK(result.err.find("is another application's SQLite database") != std::string::npos);
    CHECK(bytes_of(other) == before);
  }
  const auto empty =
      citecard::test::run_command("'" + cli + "' build '" + kSummitDeck + "' --db ''");
  CHECK(empty.status == 1);
  CHECK(empty.err.find("the collection path is empty") != std::string::npos);
}
