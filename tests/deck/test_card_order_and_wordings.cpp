// The first day's order of new cards, and typed answers in any cited wording.
#include <doctest/doctest.h>

#include <set>

#include "deck/cited_wordings.hpp"
#include "deck/study_order.hpp"

using namespace citecard;

namespace {

Card card(const std::string& id, const std::string& type, const std::string& note,
          const std::string& source) {
  Card c;
  c.id = id;
  c.type = type;
  c.note = note;
  c.citations.push_back(Citation{source, "", "", "", 0, 1, "x"});
  return c;
}

}  // namespace

TEST_CASE("new cards interleave card types and sources, siblings of one note apart") {
  std::vector<Card> cards;
  for (int i = 0; i < 6; ++i)
    cards.push_back(
        card("f" + std::to_string(i), "fact", "nf" + std::to_string(i), i < 3 ? "a" : "b"));
  for (int i = 0; i < 4; ++i) {
    cards.push_back(card("w" + std::to_string(i), "who_said", "nq" + std::to_string(i), "a"));
    cards.push_back(card("t" + std::to_string(i), "who_said_typed", "nq" + std::to_string(i), "a"));
  }
  deck::interleave_for_study(cards);
  REQUIRE(cards.size() == 14);
  std::set<std::string> first_types;
  std::vector<std::string> fact_sources;
  for (std::size_t i = 0; i < 3; ++i) first_types.insert(cards[i].type);
  for (const auto& c : cards)
    if (c.type == "fact") fact_sources.push_back(c.citations.front().source);
  CHECK(first_types.size() >= 2);
  CHECK(fact_sources[0] != fact_sources[1]);
  // A typed twin waits until kSiblingGap other cards separate it from its note's first card.
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t j = i + 1; j < 8 && j <= i + deck::kSiblingGap; ++j)
      CHECK(cards[i].note != cards[j].note);
}

TEST_CASE("a complete-the-quote card accepts each cited source's wording at its blank") {
  Card c;
  c.type = card_type::kQuoteCloze;
  c.prompt = "Complete the quote. Ana Ruiz said:\n\u201C_____ fight for the harbour.\u201D";
  c.answer = "brave";
  c.citations.push_back(Citation{"daily", "", "", "", 0, 1, "brave fight for the harbour."});
  c.citations.push_back(Citation{"post", "", "", "", 0, 1, "honest fight"});
  c.citations.push_back(
      Citation{"post", "", "", "", 0, 1, "Ruiz vowed an \u201Chonest fight\u201D for the port."});
  const auto wordings = deck::other_cited_wordings(c);
  REQUIRE(wordings.size() == 1);
  CHECK(wordings.front() == "honest");
  c.type = card_type::kFactCloze;
  CHECK(deck::other_cited_wordings(c).empty());
}
