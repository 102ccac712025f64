// One fact asked once across card types, on small invented cards.
#include <doctest/doctest.h>

#include <algorithm>

#include "deck/lint/lint.hpp"
#include "deck/one_fact.hpp"

using namespace citecard;

namespace {

Citation cite(std::int64_t start, std::int64_t end, const std::string& text = "text") {
  return Citation{"daily", "", "", "", start, end, text};
}

Card card(const std::string& id, const std::string& type, const std::string& note,
          const std::string& prompt, const std::string& answer, std::vector<Citation> citations,
          std::vector<std::string> choices = {}) {
  Card c;
  c.id = id;
  c.type = type;
  c.note = note;
  c.prompt = prompt;
  c.answer = answer;
  c.citations = std::move(citations);
  c.choices = std::move(choices);
  return c;
}

// "“The ferry will sail again in June,” said Ana Ruiz." at 0-52, the quote at 1-35.
Card who_said() {
  return card("said", "who_said", "n-quote",
              "Who said this?\n\u201CThe ferry will sail again in June\u201D", "Ana Ruiz",
              {cite(1, 35), cite(0, 52)}, {"Ana Ruiz", "Tom Lee", "Maria Lopez", "Sam Ode"});
}

Card typed_twin() {
  return card("typed", "who_said_typed", "n-quote",
              "Who said this? Type the name.\n\u201CThe ferry will sail again in June\u201D",
              "Ana Ruiz", {cite(1, 35), cite(0, 52)});
}

Card quote_cloze() {
  return card("cloze", "quote_cloze", "n-quote",
              "Complete the quote. Ana Ruiz said:\n\u201CThe _____ will sail again in June\u201D",
              "ferry", {cite(1, 35), cite(0, 52)});
}

std::vector<std::string> ids(const std::vector<Card>& cards) {
  std::vector<std::string> out;
  for (const auto& c : cards) out.push_back(c.id);
  return out;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("one fact: a quote is asked by its who-said card, not again typed or as a cloze") {
  std::vector<Card> cards = {quote_cloze(), typed_twin(), who_said()};
  const auto dropped = deck::keep_one_card_per_fact(cards, {});
  CHECK(ids(cards) == std::vector<std::string>{"said"});
  REQUIRE(dropped.size() == 2);
  CHECK(dropped[0].kept_id == "said");
  CHECK_FALSE(dropped[0].reason.empty());
}

TEST_CASE("one fact: with no who-said card (no fair choices), its typed twin asks the quote") {
  std::vector<Card> cards = {quote_cloze(), typed_twin()};
  deck::keep_one_card_per_fact(cards, {});
  CHECK(ids(cards) == std::vector<std::string>{"typed"});
}

TEST_CASE("one fact: the form a curator chose asks the fact; two chosen forms both stay") {
  std::vector<Card> cards = {who_said(), quote_cloze()};
  deck::keep_one_card_per_fact(cards, {"cloze"});
  CHECK(ids(cards) == std::vector<std::string>{"cloze"});
  cards = {who_said(), quote_cloze()};
  deck::keep_one_card_per_fact(cards, {"cloze", "said"});
  CHECK(ids(cards).size() == 2);
}

TEST_CASE("one fact: another quote of the same speaker, sharing the attribution, is its own fact") {
  // "“The ferry will sail again in June,” said Ana Ruiz, ... “and the bridge will open in May.”":
  // the second quote's card cites the same attribution sentence, and comes more than
  // kOnePointGap bytes later (nearer, it is the same point: test_lint_unseen.cpp).
  const Card other =
      card("other", "quote_cloze", "n-other",
           "Complete the quote. Ana Ruiz said:\n\u201Cand the _____ will open in May\u201D",
           "bridge", {cite(200, 232), cite(0, 234)});
  std::vector<Card> cards = {who_said(), other};
  deck::keep_one_card_per_fact(cards, {});
  CHECK(ids(cards).size() == 2);
  CHECK(deck::same_fact(who_said(), other).empty());
}

TEST_CASE("one fact: a cloze naming the speaker of a who-said quote in another source's words") {
  // The same quote cited in another source: the spans differ, but each card shows the other's
  // answer.
  Card elsewhere = card("post", "quote_cloze", "n-post",
                        "Complete the quote. Ana Ruiz said:\n\u201CThe ferry will sail again in "
                        "_____\u201D",
                        "June", {Citation{"post", "", "", "", 200, 230, "text"}});
  CHECK_FALSE(deck::same_fact(who_said(), elsewhere).empty());
}

TEST_CASE("one fact: who-is and its reverse ask one person-role pair; who-is is kept") {
  const Card forward = card("is", "who_is", "n-person", "How do the articles describe Tom Lee?",
                            "harbour master", {cite(100, 160)});
  const Card reverse =
      card("rev", "who_is_reverse", "n-person",
           "Which person in the articles is described as \u201Charbour master\u201D?", "Tom Lee",
           {cite(100, 160)});
  std::vector<Card> cards = {reverse, forward};
  deck::keep_one_card_per_fact(cards, {});
  CHECK(ids(cards) == std::vector<std::string>{"is"});
}

TEST_CASE("one fact: a hand-written question and a cloze of its sentence asked from either end") {
  const Card hand = card("hand", "fact", "n-hand", "What did the council sell in 2019?",
                         "The old ferry", {cite(300, 360)});
  const Card cloze =
      card("fc", "fact_cloze", "n-fc",
           "Fill in the blank with a date:\nThe council sold the old ferry in _____.", "2019",
           {cite(300, 360)});
  std::vector<Card> cards = {cloze, hand};
  deck::keep_one_card_per_fact(cards, {"hand"});
  CHECK(ids(cards) == std::vector<std::string>{"hand"});
}

TEST_CASE("one fact: one date in two sources' words, the hand-written question kept") {
  const Card hand =
      card("hand", "fact", "n-hand", "On what date did the new ferry first sail?", "7 May 2024",
           {cite(400, 470, "The new ferry sailed from Portville pier on 7 May 2024.")});
  Card cloze = card("fc", "fact_cloze", "n-fc",
                    "Fill in the blank with a date:\nOn _____, the ferry left Portville pier for "
                    "Eastham.",
                    "May 7", {Citation{"post", "", "", "", 10, 70, "text"}});
  CHECK_FALSE(deck::same_fact(hand, cloze).empty());
  // A different answer from a sentence sharing the same words is another fact.
  Card other = cloze;
  other.answer = "June 2";
  CHECK(deck::same_fact(hand, other).empty());
}

TEST_CASE("one fact: one answer is not a word of a longer one") {
  const Card who = card("a", "fact", "n-a", "Which country voted with Eastland against the plan?",
                        "Westland", {cite(0, 50)});
  const Card why = card("b", "fact", "n-b", "Why will the plan fail, according to the envoy?",
                        "Westland and Eastland will block it", {cite(0, 50)});
  CHECK(deck::same_fact(who, why).empty());
}

TEST_CASE("one fact: words most of the deck's cards show tell no two facts apart") {
  // Two clozes answering "2019" share only the story's words (Portville, ferry, council), which
  // every card of this deck shows.
  std::vector<Card> cards;
  for (int i = 0; i < 6; ++i)
    cards.push_back(
        card("f" + std::to_string(i), "fact_cloze", "n" + std::to_string(i),
             "Fill in the blank with a number:\nThe Portville ferry council counted _____ " +
                 std::string(i % 2 ? "boats" : "nets") + " in week " + std::to_string(i) + ".",
             std::to_string(10 + i), {cite(i * 100, i * 100 + 50)}));
  cards.push_back(
      card("y1", "fact_cloze", "ny1",
           "Fill in the blank with a date:\nThe Portville ferry council last met in _____.", "2019",
           {cite(1000, 1050)}));
  cards.push_back(
      card("y2", "fact_cloze", "ny2",
           "Fill in the blank with a date:\nThe Portville ferry council hired divers in _____.",
           "2019", {cite(2000, 2050)}));
  // Alone, the two share three words and would be taken for one fact.
  CHECK_FALSE(deck::same_fact(cards[6], cards[7]).empty());
  deck::keep_one_card_per_fact(cards, {});
  CHECK(has(ids(cards), "y1"));
  CHECK(has(ids(cards), "y2"));
}

TEST_CASE("lint one-fact: two cards a curator wrote that ask one fact") {
  const Card hand = card("hand", "fact", "n-hand", "What did the council sell in 2019?",
                         "The old ferry", {cite(300, 360)});
  const Card again = card("again", "fact", "n-again", "When did the council sell the old ferry?",
                          "In 2019", {cite(300, 360)});
  const auto findings = deck::lint::one_fact_findings({hand, again});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].card_id == "again");
  CHECK(findings[0].rule == "one-fact");
}
