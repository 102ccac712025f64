#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "deck/card_maker.hpp"
#include "mini_deck.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

deck::MadeDeck make_mini(const std::string& notes = citecard::test::kMiniNotes) {
  TempDir dir;
  citecard::test::write_mini_deck(dir, notes);
  auto spec = deck::load_deck(dir / "deck");
  REQUIRE(spec.ok());
  auto made = deck::make_cards(*spec);
  REQUIRE(made.ok());
  return *made;
}

}  // namespace

TEST_CASE(
    "a quote becomes a who-said card whose choices are distinct speakers including the answer") {
  const auto made = make_mini();
  const Card& card = made.cards.front();
  CHECK(card.type == std::string(card_type::kWhoSaid));
  CHECK(card.answer == "Ana Ruiz");
  REQUIRE(card.choices.size() == 4);
  CHECK(std::set<std::string>(card.choices.begin(), card.choices.end()).size() == 4);
  CHECK(std::count(card.choices.begin(), card.choices.end(), "Ana Ruiz") == 1);
  // Shown without the comma where its attribution cut it (lint::displayed_quote).
  CHECK(card.prompt.find("This is a good day for the city\u201D") != std::string::npos);
  CHECK(card.prompt.find("Ana Ruiz") == std::string::npos);
}

TEST_CASE("card ids depend on the cited span, not on the wording of the question") {
  const auto before = make_mini();
  std::string edited = citecard::test::kMiniNotes;
  edited.replace(edited.find("How large a budget did the council approve?"),
                 std::string("How large a budget did the council approve?").size(),
                 "What budget did the council pass on Tuesday?");
  const auto after = make_mini(edited);
  REQUIRE(before.cards.size() == after.cards.size());
  for (std::size_t i = 0; i < before.cards.size(); ++i)
    CHECK(before.cards[i].id == after.cards[i].id);
  const auto fact = [](const deck::MadeDeck& made) {
    return std::find_if(made.cards.begin(), made.cards.end(),
                        [](const Card& c) { return c.type == "fact"; });
  };
  REQUIRE(fact(before) != before.cards.end());
  CHECK(fact(before)->prompt != fact(after)->prompt);
}

TEST_CASE("the same deck makes the same cards, choices in the same order") {
  const auto a = make_mini();
  const auto b = make_mini();
  REQUIRE(a.cards.size() == b.cards.size());
  for (std::size_t i = 0; i < a.cards.size(); ++i) CHECK(a.cards[i].choices == b.cards[i].choices);
}

TEST_CASE("with fewer than four speakers of a kind, a who-said card is free recall") {
  const auto made = make_mini(R"(
[[quote]]
source = "news"
text = "We will appeal,"
speaker = "Sam Ode"

[[quote]]
source = "news"
text = "It is not enough,"
speaker = "Jo Park"
)");
  CHECK(made.cards.front().choices.empty());
}

TEST_CASE("every card carries its note's citations with the source's metadata") {
  const auto made = make_mini();
  for (const auto& card : made.cards) {
    REQUIRE(card.citations.size() == 1);
    CHECK(card.citations[0].outlet == "The Daily");
    CHECK(card.citations[0].date == "2024-05-07");
  }
}
