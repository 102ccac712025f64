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
    // From schema 4 an undone answer stays in the log and is not replayed.
    const auto counted = version >= 4 ? count(db, "SELECT COUNT(*) FROM answers") : answers;
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
    CHECK(report->answers_checked == counted);
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

TEST_CASE("the upgrade to schema 5 gives the collection an id and every answer an id of its own") {
  TempDir dir;
  const auto db = copy_fixture(dir, "v4.db");
  const auto answers = count(db, "SELECT COUNT(*) FROM review_log");
  std::string card_with_answers;
  {
    // What a learner may have set at schema 4: a leech suspension caused by an answer, a
    // learner's suspension, a burial, settings and a deck's options.
    auto raw = store::Database::connect(db, false);
    REQUIRE(raw.ok());
    auto card = raw->prepare("SELECT card, MAX(id) FROM review_log GROUP BY card ORDER BY card");
    REQUIRE(card.ok());
    REQUIRE(card->step().ok());
    card_with_answers = card->column_text(0);
    const auto log_id = card->column_int(1);
    REQUIRE(card->step().ok());
    const std::string other_card = card->column_text(0);
    card->reset();
    REQUIRE(raw->exec("INSERT INTO suspended VALUES ('" + card_with_answers + "', 'leech', " +
                      std::to_string(log_id) + "); INSERT INTO suspended VALUES ('" + other_card +
                      "', 'learner', NULL); INSERT INTO buried VALUES ('" + other_card +
                      "', 1704153600); INSERT INTO settings VALUES ('new_per_day', '12'), "
                      "('synchronous', 'full'); INSERT INTO deck_options VALUES "
                      "('summit-2023', NULL, 150, 0.85)")
                .ok());
  }
  auto collection = Collection::open(db, {}, OpenMode::MustExist);
  REQUIRE_MESSAGE(collection.ok(), collection.error().message);
  CHECK(collection->id().size() == 32);
  CHECK(count(db, "SELECT COUNT(*) FROM identity WHERE collection = '" + collection->id() + "'") ==
        1);
  // Every answer is this collection's, with a number no other answer has.
  CHECK(count(db, "SELECT COUNT(*) FROM review_log WHERE origin = '" + collection->id() +
                      "' AND seq > 0") == answers);
  CHECK(count(db, "SELECT COUNT(DISTINCT seq) FROM review_log") == answers);
  // What was set before stands as a change at time 0, the device's durability excepted.
  CHECK(count(db, "SELECT COUNT(*) FROM changes WHERE at = 0 AND kind = 'setting'") == 1);
  CHECK(count(db,
              "SELECT COUNT(*) FROM changes WHERE kind = 'setting' AND target = "
              "'synchronous'") == 0);
  CHECK(count(db, "SELECT COUNT(*) FROM changes WHERE kind = 'deck_options'") == 1);
  CHECK(count(db, "SELECT COUNT(*) FROM changes WHERE kind = 'bury'") == 1);
  CHECK(count(db,
              "SELECT COUNT(*) FROM changes c JOIN review_log r ON r.origin = c.cause_origin "
              "AND r.seq = c.cause_seq WHERE c.kind = 'suspend' AND c.value = 'leech'") == 1);
  // The suspensions stand as they did.
  CHECK(*collection->is_suspended(card_with_answers));
  // An answer's facts never change.
  auto raw = store::Database::connect(db, false);
  REQUIRE(raw.ok());
  auto update = raw->exec("UPDATE review_log SET reviewed_at = reviewed_at + 1");
  REQUIRE_FALSE(update.ok());
  CHECK(update.error().message.find("append-only") != std::string::npos);
  auto report = collection->check();
  REQUIRE(report.ok());
  CHECK(report->problems.empty());
}
