#include <doctest/doctest.h>

#include "citecard/collection.hpp"
#include "deck/mini_deck.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;

TEST_CASE("building a deck stores its cards with verbatim citations") {
  TempDir dir;
  citecard::test::write_mini_deck(dir);
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  auto report = collection->build(dir / "deck");
  REQUIRE(report.ok());
  CHECK(report->cards_added == 5);
  auto cards = collection->cards();
  REQUIRE(cards.ok());
  REQUIRE(cards->size() == 5);
  for (const auto& card : *cards) {
    REQUIRE_FALSE(card.citations.empty());
    const auto& c = card.citations.front();
    auto source = collection->source(card.deck, c.source);
    REQUIRE(source.ok());
    CHECK(source->text.substr(static_cast<std::size_t>(c.start),
                              static_cast<std::size_t>(c.end - c.start)) == c.text);
  }
}

TEST_CASE("rebuilding an unchanged deck changes nothing") {
  TempDir dir;
  citecard::test::write_mini_deck(dir);
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  REQUIRE(collection->build(dir / "deck").ok());
  auto again = collection->build(dir / "deck");
  REQUIRE(again.ok());
  CHECK(again->cards_added == 0);
  CHECK(again->cards_updated == 0);
  CHECK(again->cards_archived == 0);
}

TEST_CASE("a failed build leaves the collection exactly as it was") {
  TempDir dir;
  citecard::test::write_mini_deck(dir);
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  REQUIRE(collection->build(dir / "deck").ok());
  const auto before = *collection->cards();

  dir.write("deck/deck.toml", citecard::test::kMiniNotes +
                                  "\n[[quote]]\nsource = \"news\"\ntext = \"Not in the "
                                  "article\"\nspeaker = \"Nobody\"\n");
  auto failed = collection->build(dir / "deck");
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message.find("cited text not found in news") != std::string::npos);
  const auto after = *collection->cards();
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) CHECK(after[i].prompt == before[i].prompt);
}

TEST_CASE("editing a question keeps the card's id and its review history") {
  TempDir dir;
  citecard::test::write_mini_deck(dir);
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  REQUIRE(collection->build(dir / "deck").ok());
  const Card fact = collection->cards()->back();
  REQUIRE(collection->answer(fact.id, Rating::Good, 1'700'000'000, 5000).ok());

  std::string notes = citecard::test::kMiniNotes;
  const std::string old_question = "How large a budget did the council approve?";
  notes.replace(notes.find(old_question), old_question.size(), "What did the council approve?");
  dir.write("deck/deck.toml", notes);
  auto report = collection->build(dir / "deck");
  REQUIRE(report.ok());
  CHECK(report->cards_updated == 1);
  auto card = collection->card(fact.id);
  REQUIRE(card.ok());
  CHECK(card->prompt == "What did the council approve?");
  CHECK(collection->review_log(fact.id)->size() == 1);
}

TEST_CASE("a card whose note leaves the deck is archived with its history, and returns with it") {
  TempDir dir;
  citecard::test::write_mini_deck(dir);
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  REQUIRE(collection->build(dir / "deck").ok());
  const Card fact = collection->cards()->back();
  REQUIRE(collection->answer(fact.id, Rating::Good, 1'700'000'000, 5000).ok());

  std::string notes = citecard::test::kMiniNotes;
  dir.write("deck/deck.toml", notes.substr(0, notes.find("[[fact]]")));
  auto report = collection->build(dir / "deck");
  REQUIRE(report.ok());
  CHECK(report->cards_archived == 1);
  CHECK(collection->cards()->size() == 4);
  CHECK(collection->review_log(fact.id)->size() == 1);
  CHECK_FALSE(collection->answer(fact.id, Rating::Good, 1'700'100'000, 1000).ok());

  dir.write("deck/deck.toml", notes);
  REQUIRE(collection->build(dir / "deck").ok());
  CHECK(collection->cards()->size() == 5);
  CHECK(collection->memory(fact.id)->reps == 1);
}
