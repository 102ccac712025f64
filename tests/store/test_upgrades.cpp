// Every earlier schema has a fixture written by the citecard of its time (tests/data/schema,
// README there): each must upgrade with its history intact, after a backup copy is written; a
// collection from a newer citecard must be refused and left untouched.
#include <doctest/doctest.h>

#include <filesystem>

#include "citecard/collection.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::read_file;
using citecard::test::TempDir;

namespace {

// Built by appending: GCC 12 at -O3 reports a false -Wrestrict on "literal" + std::string.
std::string fixture_name(int version) {
  std::string name = "v";
  name += std::to_string(version);
  name += ".db";
  return name;
}

const std::filesystem::path kFixtures = std::filesystem::path(CITECARD_TEST_DATA_DIR) / "schema";

std::int64_t count(const std::filesystem::path& db, const std::string& sql) {
  auto opened = store::Database::connect(db, false);
  REQUIRE(opened.ok());
  auto value = opened->scalar(sql);
  REQUIRE(value.ok());
  return *value;
}

std::filesystem::path copy_fixture(const TempDir& dir, const std::string& name) {
  const auto path = dir / name;
  std::filesystem::copy_file(kFixtures / name, path);
  return path;
}

}  // namespace

TEST_CASE("there is a fixture for every schema version up to the current one") {
  for (int version = 1; version <= store::kSchemaVersion; ++version) {
    CAPTURE(version);
    const auto fixture = kFixtures / (fixture_name(version));
    REQUIRE(std::filesystem::exists(fixture));
    CHECK(count(fixture, "PRAGMA user_version") == version);
    CHECK(count(fixture, "SELECT COUNT(*) FROM review_log") > 0);
  }
}

TEST_CASE("each earlier schema upgrades with its cards and answers kept, after a backup") {
  for (int version = 1; version < store::kSchemaVersion; ++version) {
    CAPTURE(version);
    TempDir dir;
    const std::string name = fixture_name(version);
    const auto db = copy_fixture(dir, name);
    const auto answers = count(db, "SELECT COUNT(*) FROM review_log");
    const auto cards = count(db, "SELECT COUNT(*) FROM cards");
    const std::string original = read_file(db);

    auto collection = Collection::open(db, {}, OpenMode::MustExist);
    REQUIRE_MESSAGE(collection.ok(), collection.error().message);
    const auto backup = dir / (name + ".schema-" + std::to_string(version) + ".backup");
    REQUIRE(std::filesystem::exists(backup));
    CHECK(count(backup, "PRAGMA user_version") == version);
    CHECK(count(backup, "SELECT COUNT(*) FROM review_log") == answers);

    CHECK(count(db, "PRAGMA user_version") == store::kSchemaVersion);
    CHECK(count(db, "SELECT COUNT(*) FROM review_log") == answers);
    CHECK(count(db, "SELECT COUNT(*) FROM cards") == cards);
    // Every old answer still replays to the stored state, every citation is still verbatim.
    auto report = collection->check();
    REQUIRE(report.ok());
    CHECK(report->problems.empty());
    CHECK(report->answers_checked == answers);
    // And study goes on: the next card can be answered.
    auto next = collection->next_card("", now_utc());
    REQUIRE(next.ok());
    REQUIRE(next->has_value());
    CHECK(collection->answer((*next)->id, Rating::Good, now_utc(), 1000).ok());
  }
}

TEST_CASE("an earlier backup is never overwritten: the next one gets a number") {
  TempDir dir;
  const auto db = copy_fixture(dir, "v1.db");
  const auto first = dir / "v1.db.schema-1.backup";
  dir.write("v1.db.schema-1.backup", "an earlier backup");
  REQUIRE(Collection::open(db).ok());
  CHECK(read_file(first) == "an earlier backup");
  CHECK(count(dir / "v1.db.schema-1.backup.2", "PRAGMA user_version") == 1);
}

TEST_CASE("the current schema opens without a backup") {
  TempDir dir;
  const auto db = copy_fixture(dir, fixture_name(store::kSchemaVersion));
  REQUIRE(Collection::open(db).ok());
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find("backup") == std::string::npos);
}

TEST_CASE("a collection from a newer citecard is refused and left byte for byte untouched") {
  TempDir dir;
  const auto db = copy_fixture(dir, fixture_name(store::kSchemaVersion));
  {
    // Rollback-journal mode, so that even switching it to WAL would show as a change.
    auto raw = store::Database::connect(db, false);
    REQUIRE(raw.ok());
    REQUIRE(raw->exec("PRAGMA journal_mode=DELETE; PRAGMA user_version = 99").ok());
  }
  const std::string before = read_file(db);
  auto collection = Collection::open(db);
  REQUIRE_FALSE(collection.ok());
  CHECK(collection.error().message ==
        db.string() + ": this collection was written by a newer citecard (schema 99, this one " +
            "knows up to " + std::to_string(store::kSchemaVersion) +
            "); upgrade citecard to open it");
  CHECK(read_file(db) == before);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);  // no backup, no -wal or -shm left behind
}
