#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "citecard/collection.hpp"
#include "deck/mini_deck.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

// 2024-03-05T10:00:00Z; the tests run in UTC so the 4:00 day rollover is at 04:00Z.
constexpr Timestamp kMorning = 1'709'632'800;

struct QueueFixture {
  QueueFixture(int new_per_day = 20) {
    setenv("TZ", "UTC", 1);
    tzset();
    citecard::test::write_mini_deck(dir);
    StudyOptions options;
    options.new_cards_per_day = new_per_day;
    auto c = Collection::open(dir / "c.db", options);
    REQUIRE(c.ok());
    REQUIRE(c->build(dir / "deck").ok());
    collection.emplace(std::move(*c));
    for (const auto& card : *collection->cards()) ids.push_back(card.id);
  }
  std::string next(Timestamp now) {
    auto card = collection->next_card("", now);
    REQUIRE(card.ok());
    return *card ? (*card)->id : std::string("(none)");
  }
  TempDir dir;
  std::optional<Collection> collection;
  std::vector<std::string> ids;
};

}  // namespace

TEST_CASE("new cards come in deck order") {
  QueueFixture f;
  CHECK(f.next(kMorning) == f.ids[0]);
  REQUIRE(f.collection->answer(f.ids[0], Rating::Good, kMorning, 1000).ok());
  CHECK(f.next(kMorning) == f.ids[1]);
}

TEST_CASE("the daily limit on new cards holds until the next day starts at 4:00") {
  QueueFixture f(2);
  CHECK(f.collection->stats(kMorning)->new_available == 2);
  REQUIRE(f.collection->answer(f.ids[0], Rating::Easy, kMorning, 1000).ok());
  REQUIRE(f.collection->answer(f.ids[1], Rating::Easy, kMorning, 1000).ok());
  CHECK(f.collection->stats(kMorning)->new_available == 0);
  CHECK(f.next(kMorning + 3600) == "(none)");
  const Timestamp three_am_next_day = kMorning + 17 * 3600;
  CHECK(f.collection->stats(three_am_next_day)->new_available == 0);
  const Timestamp five_am_next_day = kMorning + 19 * 3600;
  CHECK(f.collection->stats(five_am_next_day)->new_available == 2);
  CHECK(f.next(five_am_next_day) == f.ids[2]);
}

TEST_CASE("a learning card that is due comes before new cards") {
  QueueFixture f;
  REQUIRE(f.collection->answer(f.ids[0], Rating::Again, kMorning, 1000).ok());  // due in 1m
  CHECK(f.next(kMorning + 30) == f.ids[1]);  // not yet due: a new card
  CHECK(f.next(kMorning + 61) == f.ids[0]);  // due now: first
  auto stats = f.collection->stats(kMorning + 61);
  REQUIRE(stats.ok());
  CHECK(stats->learning == 1);
}

TEST_CASE("reviews due today come after due learning cards and before new cards") {
  QueueFixture f;
  REQUIRE(f.collection->answer(f.ids[0], Rating::Easy, kMorning, 1000).ok());  // review in days
  const CardMemory review = *f.collection->memory(f.ids[0]);
  REQUIRE(review.state == CardState::Review);
  REQUIRE(f.collection->answer(f.ids[1], Rating::Again, review.due - 600, 1000).ok());
  const Timestamp later = review.due + 3600;
  CHECK(f.next(later) == f.ids[1]);  // learning, due
  REQUIRE(f.collection->answer(f.ids[1], Rating::Easy, later, 1000).ok());
  CHECK(f.next(later) == f.ids[0]);  // the review, due
  auto decks = f.collection->decks(later);
  REQUIRE(decks.ok());
  CHECK(decks->front().review_due == 1);
}

TEST_CASE("when nothing else is left, a learning card due within 20 minutes is shown early") {
  QueueFixture f(1);
  REQUIRE(f.collection->answer(f.ids[0], Rating::Good, kMorning, 1000).ok());  // due in 10m
  CHECK(f.next(kMorning + 60) == f.ids[0]);
  CHECK(f.collection->stats(kMorning + 60)->due_today == 0);
}

TEST_CASE("nothing is due in an empty collection") {
  TempDir dir;
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  auto next = collection->next_card("", kMorning);
  REQUIRE(next.ok());
  CHECK_FALSE(next->has_value());
  CHECK(collection->stats(kMorning)->due_today == 0);
}
