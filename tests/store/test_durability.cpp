// --durable is a setting of the collection, so every program that opens it (the app, the CLI)
// flushes each answer to disk once a learner asks for it.
#include <doctest/doctest.h>

#include "citecard/collection.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;

TEST_CASE("durability is off by default, and once set it holds for every later open") {
  test::TempDir dir;
  {
    auto collection = Collection::open(dir / "c.db");
    REQUIRE(collection.ok());
    CHECK_FALSE(collection->durable());
    REQUIRE(collection->set_durable(true).ok());
    CHECK(collection->durable());
  }
  {
    auto collection = Collection::open(dir / "c.db", {}, OpenMode::MustExist);
    REQUIRE(collection.ok());
    CHECK(collection->durable());
    REQUIRE(collection->set_durable(false).ok());
  }
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  CHECK_FALSE(collection->durable());
}

TEST_CASE("saving study settings keeps durability as it was") {
  test::TempDir dir;
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  REQUIRE(collection->set_durable(true).ok());
  StudyOptions options = collection->options();
  options.new_cards_per_day = 7;
  REQUIRE(collection->save_options(options).ok());
  auto reopened = Collection::open(dir / "c.db");
  REQUIRE(reopened.ok());
  CHECK(reopened->durable());
  CHECK(reopened->options().new_cards_per_day == 7);
}
