// The rules of merging two copies of a collection (docs/merge.md), one conflict at a time.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "citecard/collection.hpp"
#include "collection_dump.hpp"
#include "store/database.hpp"
#include "store/study_deck.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using test::TempDir;

namespace {

constexpr Timestamp kStart = 1704099600;  // 2024-01-01T09:00:00Z
constexpr Timestamp kNow = kStart + 30 * kSecondsPerDay;

std::vector<ImportedNote> shared_notes() {
  return {{"Capital of France?", "Paris", {}},
          {"Capital of Peru?", "Lima", {}},
          {"Capital of Chad?", "N'Djamena", {}}};
}

// A collection of its own (its own id) holding the shared notes: a device that imported them.
Collection device(const TempDir& dir, const std::string& name) {
  auto collection = Collection::open(dir / name);
  REQUIRE(collection.ok());
  REQUIRE(collection->add_imported_notes("geo", "Geography", shared_notes()).ok());
  return std::move(*collection);
}

std::string first_card(Collection& collection) {
  auto cards = collection.cards();
  REQUIRE(cards.ok());
  return cards->front().id;
}

void check_clean(Collection& collection) {
  auto report = collection.check();
  REQUIRE(report.ok());
  CHECK_MESSAGE(report->problems.empty(),
                (report->problems.empty() ? "" : report->problems.front()));
}

// Merges a and b both ways into fresh copies; requires the same result and returns its path.
std::filesystem::path merged_both_ways(const TempDir& dir, const std::filesystem::path& a,
                                       const std::filesystem::path& b) {
  const auto ab = dir / "ab.db", ba = dir / "ba.db";
  std::filesystem::copy_file(a, ab);
  std::filesystem::copy_file(b, ba);
  {
    auto one = Collection::open(ab, {}, OpenMode::MustExist);
    auto two = Collection::open(ba, {}, OpenMode::MustExist);
    REQUIRE(one.ok());
    REQUIRE(two.ok());
    REQUIRE(one->merge(b, kNow).ok());
    REQUIRE(two->merge(a, kNow).ok());
    check_clean(*one);
    check_clean(*two);
  }
  REQUIRE(test::dump_collection(ab, kNow) == test::dump_collection(ba, kNow));
  return ab;
}

}  // namespace

TEST_CASE("a card answered on both devices keeps both answers, replayed in time order") {
  TempDir dir;
  std::string card;
  {
    auto a = device(dir, "a.db");
    auto b = device(dir, "b.db");
    card = first_card(a);
    REQUIRE(a.answer(card, Rating::Good, kStart, 1000).ok());
    REQUIRE(a.answer(card, Rating::Good, kStart + 2 * kSecondsPerDay, 1000).ok());
    REQUIRE(b.answer(card, Rating::Again, kStart + kSecondsPerDay, 1000).ok());
  }
  const auto merged = merged_both_ways(dir, dir / "a.db", dir / "b.db");
  auto collection = Collection::open(merged, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  auto log = collection->review_log(card);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 3);
  CHECK((*log)[0].rating == Rating::Good);
  CHECK((*log)[1].rating == Rating::Again);
  CHECK((*log)[1].before == (*log)[0].after);  // each answer follows the one before it in time
  CHECK((*log)[2].before == (*log)[1].after);
  CHECK((*log)[2].after.lapses == (*log)[1].after.lapses);
  auto memory = collection->memory(card);
  REQUIRE(memory.ok());
  CHECK(*memory == (*log)[2].after);
}

TEST_CASE("an answer taken back on one device is taken back in the merged collection") {
  TempDir dir;
  std::string card;
  {
    auto a = device(dir, "a.db");
    auto b = device(dir, "b.db");
    card = first_card(a);
    REQUIRE(b.answer(card, Rating::Hard, kStart, 1000).ok());
    REQUIRE(a.answer(card, Rating::Good, kStart + 60, 1000).ok());
    REQUIRE(a.undo_last_answer().ok());
  }
  const auto merged = merged_both_ways(dir, dir / "a.db", dir / "b.db");
  auto collection = Collection::open(merged, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  auto log = collection->review_log(card);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 1);
  CHECK((*log)[0].rating == Rating::Hard);
  CHECK(test::dump_collection(merged, kNow).find("|3|") != std::string::npos);
  // Undo takes back this device's own answers only: b's is a's to keep.
  auto undone = collection->undo_last_answer();
  REQUIRE(undone.ok());
  CHECK_FALSE(undone->has_value());
}

TEST_CASE("a suspension on one device and an answer on the other both stand") {
  TempDir dir;
  std::string card;
  {
    auto a = device(dir, "a.db");
    auto b = device(dir, "b.db");
    card = first_card(a);
    REQUIRE(a.suspend(card).ok());
    REQUIRE(b.answer(card, Rating::Good, kStart, 1000).ok());
    REQUIRE(b.bury(card, kNow).ok());
  }
  const auto merged = merged_both_ways(dir, dir / "a.db", dir / "b.db");
  auto collection = Collection::open(merged, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  CHECK(*collection->is_suspended(card));
  CHECK(*collection->is_buried(card, kNow));
  CHECK(collection->review_log(card)->size() == 1);
  // A later unsuspension on either device wins.
  REQUIRE(collection->unsuspend(card).ok());
  CHECK_FALSE(*collection->is_suspended(card));
}

TEST_CASE("a deck rebuilt differently on each device keeps every card, and missing notes come in") {
  TempDir dir;
  test::write_quote_deck(dir, "talks", 6);
  {
    auto a = Collection::open(dir / "a.db");
    REQUIRE(a.ok());
    REQUIRE(a->build(dir / "talks").ok());
    auto cards = a->cards();
    REQUIRE(cards.ok());
    REQUIRE(a->answer(cards->back().id, Rating::Good, kStart, 1000).ok());
  }
  test::write_quote_deck(dir, "talks", 8);  // the other device's deck has two more quotes
  {
    auto b = Collection::open(dir / "b.db");
    REQUIRE(b.ok());
    REQUIRE(b->build(dir / "talks").ok());
  }
  std::size_t a_cards = 0, b_cards = 0;
  {
    auto a = Collection::open(dir / "a.db", {}, OpenMode::MustExist);
    auto b = Collection::open(dir / "b.db", {}, OpenMode::MustExist);
    a_cards = a->cards()->size();
    b_cards = b->cards()->size();
  }
  REQUIRE(b_cards > a_cards);
  const auto merged = merged_both_ways(dir, dir / "a.db", dir / "b.db");
  auto collection = Collection::open(merged, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  CHECK(collection->cards()->size() == b_cards);  // cards keep their ids by content: no doubles
}

TEST_CASE("settings and deck options: the latest change wins, whichever device merges") {
  TempDir dir;
  {
    auto a = device(dir, "a.db");
    auto b = device(dir, "b.db");
    StudyOptions options = a.options();
    options.fsrs.desired_retention = 0.85;
    REQUIRE(a.save_options(options).ok());
    REQUIRE(a.set_deck_options("geo", {std::nullopt, 50, std::nullopt}).ok());
    // The change on b comes a second later.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    options.fsrs.desired_retention = 0.93;
    REQUIRE(b.save_options(options).ok());
  }
  const auto merged = merged_both_ways(dir, dir / "a.db", dir / "b.db");
  auto collection = Collection::open(merged, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  CHECK(collection->options().fsrs.desired_retention == doctest::Approx(0.93));
  CHECK(collection->deck_options("geo")->reviews_per_day == 50);
}

TEST_CASE("merging reports what came in, warns of a clock a day ahead, and again adds nothing") {
  TempDir dir;
  auto a = device(dir, "a.db");
  {
    auto b = device(dir, "b.db");
    REQUIRE(b.answer(first_card(b), Rating::Good, kNow + 3 * kSecondsPerDay, 1000).ok());
  }
  auto report = a.merge(dir / "b.db", kNow);
  REQUIRE(report.ok());
  CHECK(report->answers_added == 1);
  CHECK(report->cards_replayed == 1);
  REQUIRE(report->warnings.size() == 1);
  CHECK(report->warnings[0].find("ahead") != std::string::npos);
  auto b_id = Collection::open(dir / "b.db", {}, OpenMode::ReadOnly);
  REQUIRE(b_id.ok());
  CHECK(report->other_id == b_id->id());
  auto again = a.merge(dir / "b.db", kNow);
  REQUIRE(again.ok());
  CHECK(again->answers_added == 0);
  CHECK(again->warnings.empty());
}

TEST_CASE("a merge that cannot be done leaves the collection as it was, saying why") {
  TempDir dir;
  auto a = device(dir, "a.db");
  REQUIRE(a.answer(first_card(a), Rating::Good, kStart, 1000).ok());
  const std::string before = test::dump_collection(dir / "a.db", kNow);
  dir.write("notes.db", "not a database at all");
  auto refused = a.merge(dir / "notes.db", kNow);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("notes.db") != std::string::npos);
  auto missing = a.merge(dir / "missing.db", kNow);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::NotFound);
  // An older collection must be opened by its own citecard first: merging never writes to it.
  std::filesystem::copy_file(std::filesystem::path(CITECARD_TEST_DATA_DIR) / "schema" / "v4.db",
                             dir / "old.db");
  const std::string old_bytes = test::read_file(dir / "old.db");
  auto old = a.merge(dir / "old.db", kNow);
  REQUIRE_FALSE(old.ok());
  CHECK(old.error().message.find("older citecard") != std::string::npos);
  CHECK(test::read_file(dir / "old.db") == old_bytes);
  CHECK(test::dump_collection(dir / "a.db", kNow) == before);
}

TEST_CASE("a sync folder: each device merges every file and writes only its own") {
  TempDir dir;
  std::filesystem::create_directories(dir / "sync");
  auto a = device(dir, "a.db");
  auto b = device(dir, "b.db");
  const auto card = first_card(a);
  REQUIRE(a.answer(card, Rating::Good, kStart, 1000).ok());
  REQUIRE(b.answer(card, Rating::Hard, kStart + 60, 1000).ok());

  auto first = a.merge_folder(dir / "sync", kNow);
  REQUIRE(first.ok());
  CHECK(first->merged.empty());
  CHECK(first->written == dir / "sync" / (a.id() + ".db"));
  const std::string a_file = test::read_file(first->written);

  dir.write("sync/.partial-download.db", "a sync tool's file being written");
  auto second = b.merge_folder(dir / "sync", kNow);
  REQUIRE(second.ok());
  REQUIRE(second->merged.size() == 1);
  CHECK(second->merged[0].second.answers_added == 1);
  CHECK(test::read_file(first->written) == a_file);  // a's file is a's alone to write
  CHECK(b.review_log(card)->size() == 2);

  auto third = a.merge_folder(dir / "sync", kNow);
  REQUIRE(third.ok());
  CHECK(a.review_log(card)->size() == 2);
  check_clean(a);
  CHECK(test::dump_collection(dir / "sync" / (a.id() + ".db"), kNow) ==
        test::dump_collection(dir / "sync" / (b.id() + ".db"), kNow));
}

TEST_CASE("answers one copy gives in the same second replay in the order they were given") {
  // A scripted session, or an imported log, answers a learning card again within one second:
  // the replay must not reorder them, here or after a merge.
  TempDir dir;
  auto a = device(dir, "a.db");
  const std::string card = first_card(a);
  for (Rating rating : {Rating::Again, Rating::Good, Rating::Hard, Rating::Good, Rating::Easy})
    REQUIRE(a.answer(card, rating, kStart, 3000).ok());
  check_clean(a);
  auto b = device(dir, "b.db");
  REQUIRE(b.answer(first_card(b), Rating::Good, kStart, 3000).ok());
  REQUIRE(b.merge(dir / "a.db", kNow).ok());
  check_clean(b);
}
