#include <doctest/doctest.h>

#include "citecard/collection.hpp"
#include "deck/mini_deck.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

constexpr Timestamp kMonday = 1'700'000'000;  // 2023-11-14T22:13:20Z

struct Fixture {
  TempDir dir;
  Collection collection = [this] {
    citecard::test::write_mini_deck(dir);
    auto c = Collection::open(dir / "c.db");
    REQUIRE(c.ok());
    REQUIRE(c->build(dir / "deck").ok());
    return std::move(*c);
  }();
  std::string first_card() { return collection.cards()->front().id; }
};

}  // namespace

TEST_CASE("an answer appends one log entry and updates the card's state to match it") {
  Fixture f;
  const auto id = f.first_card();
  auto after = f.collection.answer(id, Rating::Good, kMonday, 4200);
  REQUIRE(after.ok());
  auto log = f.collection.review_log(id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 1);
  const ReviewRecord& entry = log->front();
  CHECK(entry.rating == Rating::Good);
  CHECK(entry.reviewed_at == kMonday);
  CHECK(entry.duration_ms == 4200);
  CHECK(entry.before.state == CardState::New);
  CHECK(entry.after == *after);
  CHECK(*f.collection.memory(id) == *after);
}

TEST_CASE("a new card answered Good goes to its second learning step, due in 10 minutes") {
  Fixture f;
  auto after = f.collection.answer(f.first_card(), Rating::Good, kMonday, 1000);
  REQUIRE(after.ok());
  CHECK(after->state == CardState::Learning);
  CHECK(after->due == kMonday + 600);
  CHECK(after->learning_steps == 1);
  CHECK(after->reps == 1);
}

TEST_CASE("the preview shown on the buttons is what answering gives") {
  Fixture f;
  const auto id = f.first_card();
  REQUIRE(f.collection.answer(id, Rating::Good, kMonday, 1000).ok());
  const Timestamp later = kMonday + 700;
  auto preview = f.collection.preview(id, later);
  REQUIRE(preview.ok());
  auto after = f.collection.answer(id, Rating::Easy, later, 1000);
  REQUIRE(after.ok());
  CHECK((*preview)[3] == *after);
  CHECK((*preview)[0].due < (*preview)[3].due);
}

TEST_CASE("the log replayed through the scheduler gives the stored state") {
  Fixture f;
  const auto id = f.first_card();
  const Rating ratings[] = {Rating::Good, Rating::Good, Rating::Again, Rating::Good, Rating::Hard};
  Timestamp t = kMonday;
  for (Rating r : ratings) {
    auto after = f.collection.answer(id, r, t, 1000);
    REQUIRE(after.ok());
    t = std::max(after->due, t + 60);
  }
  Scheduler scheduler;
  CardMemory replayed = new_card_memory(kMonday);
  for (const auto& entry : *f.collection.review_log(id))
    replayed = scheduler.next(replayed, entry.reviewed_at, entry.rating);
  CHECK(replayed == *f.collection.memory(id));
}

TEST_CASE("an answer dated before the card's last review is refused and nothing is written") {
  Fixture f;
  const auto id = f.first_card();
  REQUIRE(f.collection.answer(id, Rating::Good, kMonday, 1000).ok());
  auto early = f.collection.answer(id, Rating::Good, kMonday - 3600, 1000);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().message.find("before the card's last review") != std::string::npos);
  CHECK(f.collection.review_log(id)->size() == 1);
}

TEST_CASE("answering a card that does not exist names the id") {
  Fixture f;
  auto r = f.collection.answer("c0000000000000000", Rating::Good, kMonday, 1000);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "no card with id c0000000000000000 in this collection");
}
