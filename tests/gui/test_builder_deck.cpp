// The Builder on a real deck folder made from two invented articles: its candidates are the
// generator's cards, and the decisions it saves are what `citecard build` (Collection::build)
// then makes — an edited speaker asked with its choices, an accepted held-back quote asked at
// all — and what the Builder shows again when the deck is reopened.
#include <doctest/doctest.h>

#include "citecard/extract.hpp"

#include <algorithm>
#include <fstream>

#include "builder_model.hpp"
#include "citecard/collection.hpp"
#include "citecard/new_deck.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using namespace citecard::gui;

namespace {

const std::filesystem::path kArticles = CITECARD_BUILDER_ARTICLES_DIR;

std::optional<Card> built_card(const std::filesystem::path& deck_dir,
                               const std::filesystem::path& db, const std::string& id) {
  auto collection = Collection::open(db);
  REQUIRE(collection.ok());
  REQUIRE(collection->build(deck_dir).ok());
  auto cards = collection->cards();
  REQUIRE(cards.ok());
  for (const Card& card : *cards) {
    if (card.id == id) return card;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("an edited speaker and an accepted held-back quote are built, and reopen as decided") {
  test::TempDir dir;
  const std::filesystem::path deck_dir = dir / "deck";
  REQUIRE(add_articles_to_deck(deck_dir,
                               {kArticles / "library_hours.txt", kArticles / "rail_bridge.html"})
              .ok());
  JobProgress progress;
  Result<BuilderDeck> deck = load_candidates(deck_dir, progress);
  REQUIRE(deck.ok());
  CHECK(progress.done == progress.total);
  REQUIRE(deck->articles.size() == 2);

  auto who_said = std::find_if(deck->candidates.begin(), deck->candidates.end(), [](auto& c) {
    return !c.held_back && c.card.type.rfind("who_said", 0) == 0;
  });
  REQUIRE(who_said != deck->candidates.end());
  CHECK(who_said->confidence.has_value());
  auto held = std::find_if(deck->candidates.begin(), deck->candidates.end(),
                           [](auto& c) { return c.held_back; });
  REQUIRE(held != deck->candidates.end());
  REQUIRE(held->confidence.has_value());
  CHECK(*held->confidence < 1.0);

  const std::string edited_id = who_said->card.id;
  const std::string held_id = held->card.id;
  const std::string new_speaker = who_said->card.answer + " Jr.";
  who_said->decision = Decision::Edit;
  who_said->answer = new_speaker;
  held->decision = Decision::Accept;
  REQUIRE(save_decisions(*deck).ok());

  const std::optional<Card> edited = built_card(deck_dir, dir / "c.db", edited_id);
  REQUIRE(edited);
  CHECK(edited->answer == new_speaker);
  if (!edited->choices.empty()) {
    CHECK(std::count(edited->choices.begin(), edited->choices.end(), new_speaker) == 1);
  }
  CHECK(built_card(deck_dir, dir / "c.db", held_id).has_value());

  Result<BuilderDeck> reopened = load_candidates(deck_dir, progress);
  REQUIRE(reopened.ok());
  for (const Candidate& c : reopened->candidates) {
    if (c.card.id == edited_id) {
      CHECK(c.decision == Decision::Edit);
      CHECK(c.answer == new_speaker);
    } else if (c.card.id == held_id) {
      CHECK(c.decision == Decision::Accept);
    } else {
      CHECK(c.decision == Decision::Undecided);
    }
  }
}

TEST_CASE("a card curated by hand in deck.toml is left alone and written nowhere twice") {
  test::TempDir dir;
  const std::filesystem::path deck_dir = dir / "deck";
  REQUIRE(add_articles_to_deck(deck_dir, {kArticles / "library_hours.txt"}).ok());
  JobProgress progress;
  Result<BuilderDeck> deck = load_candidates(deck_dir, progress);
  REQUIRE(deck.ok());
  REQUIRE(deck->candidates.size() >= 2);
  const std::string hand_id = deck->candidates[0].card.id;
  {
    std::ofstream out(deck_dir / "deck.toml", std::ios::app);
    out << "\n[[card]]\nid = \"" << hand_id << "\"\naction = \"reject\"\n";
  }
  deck = load_candidates(deck_dir, progress);
  REQUIRE(deck.ok());
  CHECK(deck->candidates[0].curated_by_hand);
  deck->candidates[0].decision = Decision::Accept;  // the view does not offer it; nor does saving
  deck->candidates[1].decision = Decision::Reject;
  REQUIRE(save_decisions(*deck).ok());
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  CHECK(collection->build(deck_dir).ok());  // two entries for one card would be an error
  auto cards = collection->cards();
  REQUIRE(cards.ok());
  for (const Card& card : *cards) {
    CHECK(card.id != hand_id);
    CHECK(card.id != deck->candidates[1].card.id);
  }
}

TEST_CASE("quotes held back above the review level are marked for review and listed first") {
  test::TempDir dir;
  const std::filesystem::path deck_dir = dir / "deck";
  REQUIRE(add_articles_to_deck(deck_dir,
                               {kArticles / "library_hours.txt", kArticles / "rail_bridge.html"})
              .ok());
  JobProgress progress;
  Result<BuilderDeck> deck = load_candidates(deck_dir, progress);
  REQUIRE(deck.ok());
  int to_review = 0;
  for (const Candidate& c : deck->candidates) {
    const bool expected =
        c.held_back && c.confidence && *c.confidence >= who_said_review_threshold();
    CHECK(c.to_review == expected);
    to_review += c.to_review;
  }
  CHECK(to_review > 0);
  for (const ArticleCandidates& article : deck->articles) {
    bool past_review = false;
    for (std::size_t index : article.candidates) {
      const Candidate& c = deck->candidates[index];
      if (!c.to_review) past_review = true;
      CHECK_FALSE((past_review && c.to_review));
    }
  }
}
