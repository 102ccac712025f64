#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/schema.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;

TEST_CASE("a schema-1 collection with studied cards keeps them when upgraded to schema 2") {
  citecard::test::TempDir dir;
  auto db = store::Database::open(dir / "old.db");
  REQUIRE(db.ok());
  REQUIRE(store::migrate(*db, 1).ok());
  REQUIRE(*db->scalar("PRAGMA user_version") == 1);
  REQUIRE(db->exec(R"sql(
    INSERT INTO decks (id, title, built_at) VALUES ('d', 'D', 0);
    INSERT INTO notes (id, deck, kind, body) VALUES ('n1', 'd', 'fact', '{}'), ('n2', 'd', 'fact', '{}');
    INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, created_at)
      VALUES ('studied', 'n1', 'd', 'fact', 'Q', 'A', '[]', 0, 0),
             ('fresh', 'n2', 'd', 'fact', 'Q', 'A', '[]', 1, 0);
    INSERT INTO card_state VALUES ('studied', 2, 3.0, 5.0, 100, 50, 1, 0, 1, 0);
  )sql")
              .ok());
  REQUIRE(store::migrate(*db).ok());
  CHECK(*db->scalar("PRAGMA user_version") == store::kSchemaVersion);
  CHECK(*db->scalar("SELECT seen FROM cards WHERE id = 'studied'") == 1);
  CHECK(*db->scalar("SELECT seen FROM cards WHERE id = 'fresh'") == 0);
  CHECK(*db->scalar("SELECT COUNT(*) FROM card_state WHERE card = 'studied' AND deck = 'd'") == 1);
  CHECK(*db->scalar("SELECT COUNT(*) FROM deck_options") == 0);
}
