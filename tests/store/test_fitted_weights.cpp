// Weights fitted to a learner's log are saved in the collection, so every later open (the app,
// the CLI) schedules with them; a collection on the defaults keeps no weights of its own.
#include <doctest/doctest.h>

#include <limits>

#include "citecard/collection.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;

namespace {

FsrsWeights fitted() {
  FsrsWeights w = default_fsrs_weights();
  w[0] = 0.3141592653589793;  // a value that must survive the round trip exactly
  w[20] = 0.25;
  return w;
}

}  // namespace

TEST_CASE("fitted weights saved with the options are the weights of every later open") {
  test::TempDir dir;
  {
    auto collection = Collection::open(dir / "c.db");
    REQUIRE(collection.ok());
    CHECK(collection->options().fsrs.w == default_fsrs_weights());
    StudyOptions options = collection->options();
    options.fsrs.w = fitted();
    REQUIRE(collection->save_options(options).ok());
    CHECK(collection->options().fsrs.w == fitted());
  }
  auto reopened = Collection::open(dir / "c.db", {}, OpenMode::MustExist);
  REQUIRE(reopened.ok());
  CHECK(reopened->options().fsrs.w == fitted());
}

TEST_CASE("going back to the default weights removes the saved ones") {
  test::TempDir dir;
  {
    auto collection = Collection::open(dir / "c.db");
    REQUIRE(collection.ok());
    StudyOptions options = collection->options();
    options.fsrs.w = fitted();
    REQUIRE(collection->save_options(options).ok());
    options.fsrs.w = default_fsrs_weights();
    REQUIRE(collection->save_options(options).ok());
  }
  // Opened with other weights asked for, nothing saved overrides them.
  StudyOptions asked;
  asked.fsrs.w = fitted();
  asked.fsrs.w[1] = 1.5;
  auto reopened = Collection::open(dir / "c.db", asked, OpenMode::MustExist);
  REQUIRE(reopened.ok());
  CHECK(reopened->options().fsrs.w == asked.fsrs.w);
}

TEST_CASE("weights that are not finite numbers are refused and nothing is saved") {
  test::TempDir dir;
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  StudyOptions options = collection->options();
  options.new_cards_per_day = 3;
  options.fsrs.w[4] = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(collection->save_options(options).ok());
  auto reopened = Collection::open(dir / "c.db");
  REQUIRE(reopened.ok());
  CHECK(reopened->options().new_cards_per_day == 20);
  CHECK(reopened->options().fsrs.w == default_fsrs_weights());
}
