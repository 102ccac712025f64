#include <doctest/doctest.h>
#include <sqlite3.h>

#include "citecard/collection.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

std::int64_t user_version(const std::filesystem::path& path) {
  auto db = store::Database::open(path);
  REQUIRE(db.ok());
  auto v = db->scalar("PRAGMA user_version");
  REQUIRE(v.ok());
  return *v;
}

}  // namespace

TEST_CASE("opening a new path creates the collection, its folder and the current schema") {
  TempDir dir;
  const auto path = dir / "nested/folder/collection.db";
  {
    auto collection = Collection::open(path);
    REQUIRE(collection.ok());
  }
  CHECK(std::filesystem::exists(path));
  CHECK(user_version(path) == store::kSchemaVersion);
}

TEST_CASE("the collection is in WAL mode with foreign keys enforced") {
  TempDir dir;
  REQUIRE(Collection::open(dir / "c.db").ok());
  auto db = store::Database::open(dir / "c.db");
  REQUIRE(db.ok());
  auto mode = db->prepare("PRAGMA journal_mode");
  REQUIRE(mode.ok());
  REQUIRE(*mode->step());
  CHECK(mode->column_text(0) == "wal");
  CHECK(*db->scalar("PRAGMA foreign_keys") == 1);
  CHECK_FALSE(db->exec("INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, "
                       "created_at) VALUES ('c', 'no-such-note', 'no-deck', 'fact', 'p', 'a', "
                       "'[]', 0, 0)")
                  .ok());
}

TEST_CASE("reopening a collection keeps its data and does not migrate again") {
  TempDir dir;
  {
    auto db = store::Database::open(dir / "c.db");
    REQUIRE(db.ok());
    REQUIRE(store::migrate(*db).ok());
    REQUIRE(db->exec("INSERT INTO decks (id, title, built_at) VALUES ('d', 'Deck', 1)").ok());
  }
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  auto decks = collection->decks(0);
  REQUIRE(decks.ok());
  REQUIRE(decks->size() == 1);
  CHECK(decks->front().title == "Deck");
}

TEST_CASE("a schema-0 file is migrated to the current version") {
  TempDir dir;
  REQUIRE(store::Database::open(dir / "old.db").ok());
  REQUIRE(Collection::open(dir / "old.db").ok());
  CHECK(user_version(dir / "old.db") == store::kSchemaVersion);
}

TEST_CASE("a schema-0 file with tables of its own is another application's: refused, unchanged") {
  TempDir dir;
  {
    auto db = store::Database::open(dir / "other.db");
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE unrelated (x)").ok());
  }
  auto opened = Collection::open(dir / "other.db");
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().code == ErrorCode::Foreign);
  CHECK(user_version(dir / "other.db") == 0);
}

TEST_CASE("a collection from a newer citecard is refused, not guessed at") {
  TempDir dir;
  {
    auto db = store::Database::open(dir / "new.db");
    REQUIRE(db.ok());
    REQUIRE(db->exec("PRAGMA user_version = 999").ok());
  }
  auto collection = Collection::open(dir / "new.db");
  REQUIRE_FALSE(collection.ok());
  CHECK(collection.error().message.find("written by a newer citecard") != std::string::npos);
}

TEST_CASE("a path that cannot be a database gives a message naming it") {
  TempDir dir;
  dir.write("not-a-db", std::string(4096, 'x'));
  auto collection = Collection::open(dir / "not-a-db");
  REQUIRE_FALSE(collection.ok());
  CHECK(collection.error().message.find("not-a-db") != std::string::npos);
}

TEST_CASE("the review log refuses updates: it is append-only") {
  TempDir dir;
  REQUIRE(Collection::open(dir / "c.db").ok());
  auto db = store::Database::open(dir / "c.db");
  REQUIRE(db.ok());
  auto r = db->exec("UPDATE review_log SET rating = 4");
  CHECK(r.ok());  // no rows: nothing to refuse yet
  REQUIRE(db->exec("INSERT INTO decks (id, title, built_at) VALUES ('d','D',0);"
                   "INSERT INTO notes (id, deck, kind, body) VALUES ('n','d','fact','{}');"
                   "INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, "
                   "created_at) VALUES ('c','n','d','fact','p','a','[]',0,0);"
                   "INSERT INTO parameter_sets (id, json) VALUES (1, '{}');"
                   "INSERT INTO review_log (card, reviewed_at, rating, elapsed_days, duration_ms, "
                   "state_before, state_after, before, after, parameters) VALUES "
                   "('c', 0, 3, 0, 0, 0, 1, '{}', '{}', 1)")
              .ok());
  auto update = db->exec("UPDATE review_log SET rating = 4");
  REQUIRE_FALSE(update.ok());
  CHECK(update.error().message.find("append-only") != std::string::npos);
}
