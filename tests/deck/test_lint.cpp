// Each lint rule on a small invented example: one card that breaks it, one that does not.
#include <doctest/doctest.h>

#include <algorithm>

#include "deck/lint/lint.hpp"
#include "deck/lint/rules.hpp"
#include "lint_test_helpers.hpp"

using namespace citecard;
using citecard::test::has_rule;
using deck::lint::Finding;

namespace {

bool has_rule(const std::vector<LintFinding>& findings, const std::string& card,
              const std::string& rule) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const LintFinding& f) { return f.card_id == card && f.rule == rule; });
}

Card cloze(const std::string& id, const std::string& sentence, const std::string& answer,
           int start = 0, int end = 10) {
  Card card;
  card.id = id;
  card.note = "n-" + id;
  card.type = card_type::kFactCloze;
  card.prompt = "Fill in the blank with a place:\n" + sentence;
  card.answer = answer;
  card.citations.push_back(Citation{"daily", "", "", "", start, end, "text"});
  return card;
}

}  // namespace

TEST_CASE("lint answer-shown: a blank whose answer the sentence still shows") {
  CHECK(has_rule(deck::lint::blank_findings("The Lima mayor met _____ in Lima.", "Lima"),
                 "answer-shown"));
  CHECK_FALSE(has_rule(deck::lint::blank_findings("The mayor met _____ in Quito.", "Lima"),
                       "answer-shown"));
}

TEST_CASE("lint place-shown: a capital hidden while the sentence names its country") {
  const auto findings =
      deck::lint::blank_findings("As _____ keeps its ports shut, Norway's fishermen wait.", "Oslo");
  CHECK(has_rule(findings, "place-shown"));
  CHECK(has_rule(deck::lint::blank_findings("_____ officials met Brazil's envoy.", "Peruvian"),
                 "place-shown") == false);
  CHECK(has_rule(deck::lint::blank_findings("_____ officials met Peru's envoy.", "Peruvian"),
                 "place-shown"));
}

TEST_CASE("lint weekday-blank: a weekday is no fact to recall, a full date is") {
  CHECK(has_rule(deck::lint::blank_findings("The ferry sank on _____ near the pier.", "Tuesday"),
                 "weekday-blank"));
  CHECK_FALSE(has_rule(
      deck::lint::blank_findings("The ferry sank on _____ near the pier.", "Tuesday, May 7"),
      "weekday-blank"));
}

TEST_CASE("lint spoke-to-blank: whom a source spoke to is the reporting, not the story") {
  CHECK(has_rule(
      deck::lint::blank_findings("The captain said in an interview with _____ that he was sorry.",
                                 "Harbour Radio"),
      "spoke-to-blank"));
  CHECK_FALSE(has_rule(
      deck::lint::blank_findings("The captain said _____ had ignored the warning.", "the owner"),
      "spoke-to-blank"));
}

TEST_CASE("lint filler-blank: a blank of phrasing rather than a claim") {
  CHECK(has_rule(deck::lint::blank_findings("\u201CThe _____ is the cost,\u201D", "hardest part"),
                 "filler-blank"));
  CHECK(has_rule(deck::lint::blank_findings("\u201CWe help them and _____.\u201D", "vice versa"),
                 "filler-blank"));
  CHECK_FALSE(has_rule(deck::lint::blank_findings("\u201CThe _____ will reopen.\u201D", "harbour"),
                       "filler-blank"));
}

TEST_CASE("lint furniture: captions, credits and contributor lines are not reporting") {
  CHECK(has_rule(deck::lint::furniture_findings("Boats in the harbour. (Jane Doe/AP Photo)"),
                 "furniture"));
  CHECK(has_rule(deck::lint::furniture_findings("The Harbour Wire contributed to this report."),
                 "furniture"));
  CHECK(deck::lint::furniture_findings("The harbour closed in 2019 after a storm.").empty());
}

TEST_CASE("lint alias-choices: two choices naming one place or one containing the other") {
  CHECK(
      has_rule(deck::lint::choices_findings({"U.S.", "Canada", "United States", "Mexico"}, "U.S."),
               "alias-choices"));
  CHECK(has_rule(deck::lint::choices_findings({"Peru", "Lima", "Chile", "Brazil"}, "Peru"),
                 "alias-choices"));
  CHECK(has_rule(deck::lint::choices_findings(
                     {"Harbour Board", "Board", "Town Council", "Port Trust"}, "Board"),
                 "alias-choices"));
  CHECK(deck::lint::choices_findings({"Peru", "Chile", "Brazil", "Ecuador"}, "Peru").empty());
}

TEST_CASE("lint mixed-choices: a capital among countries") {
  CHECK(has_rule(deck::lint::choices_findings({"Peru", "Santiago", "Brazil", "Ecuador"}, "Peru"),
                 "mixed-choices"));
  CHECK_FALSE(has_rule(deck::lint::choices_findings({"Lima", "Quito", "Bogota", "Caracas"}, "Lima"),
                       "mixed-choices"));
}

TEST_CASE("lint asked-twice: two notes asking one answer from one sentence") {
  const Card first = cloze("c1", "The port reopened in _____.", "Portville", 0, 40);
  Card second = cloze("c2", "_____ reopened its port.", "Portville", 10, 30);
  Card elsewhere = cloze("c3", "_____ reopened its port.", "Portville", 50, 60);
  const auto findings = deck::lint::lint_cards({first, second, elsewhere}, {});
  CHECK(has_rule(findings, "c2", "asked-twice"));
  CHECK_FALSE(has_rule(findings, "c1", "asked-twice"));
  CHECK_FALSE(has_rule(findings, "c3", "asked-twice"));
}

TEST_CASE("lint answer-repeated: one answer fills at most two blanks") {
  std::vector<Card> cards;
  for (int i = 0; i < 3; ++i)
    cards.push_back(cloze("c" + std::to_string(i), "Boats left _____ at dawn.", "Portville",
                          i * 100, i * 100 + 20));
  const auto findings = deck::lint::lint_cards(cards, {});
  CHECK_FALSE(has_rule(findings, "c1", "answer-repeated"));
  CHECK(has_rule(findings, "c2", "answer-repeated"));
}

TEST_CASE("lint who-is-subject: the person the headlines are about needs no who-is card") {
  Card who;
  who.id = "w1";
  who.note = "n1";
  who.type = card_type::kWhoIs;
  who.prompt = "How do the articles describe Ana Ruiz?";
  who.answer = "the mayor of Portville";
  Card minor = who;
  minor.id = "w2";
  minor.note = "n2";
  minor.prompt = "How do the articles describe Tom Lee?";
  minor.answer = "a council member";
  Source source;
  source.id = "daily";
  source.title = "Ruiz vows the harbour will reopen";
  const auto findings = deck::lint::lint_cards({who, minor}, {source});
  CHECK(has_rule(findings, "w1", "who-is-subject"));
  CHECK_FALSE(has_rule(findings, "w2", "who-is-subject"));
}

TEST_CASE("lint furniture: names joined by slashes are a photo credit or byline") {
  CHECK(has_rule(deck::lint::furniture_findings(
                     "The mayor opens the pier in Portville, May 7. Jane Doe/Harbour Wire"),
                 "furniture"));
  CHECK(deck::lint::furniture_findings("Boats and/or barges may dock 24/7.").empty());
}

TEST_CASE("lint choice-shown: a wrong choice the sentence names in another form") {
  Card card = cloze("c1", "Peruvian fishermen said _____ had closed the port.", "Quito");
  card.choices = {"Quito", "Lima", "Bogota", "Caracas"};
  CHECK(has_rule(deck::lint::card_findings(card), "choice-shown"));
  card.choices = {"Quito", "Santiago", "Bogota", "Caracas"};
  CHECK_FALSE(has_rule(deck::lint::card_findings(card), "choice-shown"));
}

TEST_CASE("lint asked-twice: one fact in two sources' words, same answer") {
  const Card first =
      cloze("c1", "In _____, the minister visited the harbour at Portville.", "July", 0, 40);
  const Card second = cloze("c2", "The minister previously visited Portville's harbour in _____.",
                            "July", 100, 140);
  const Card other = cloze("c3", "Storms closed the bridge in _____.", "July", 200, 240);
  const auto findings = deck::lint::lint_cards({first, second, other}, {});
  CHECK(has_rule(findings, "c2", "asked-twice"));
  CHECK_FALSE(has_rule(findings, "c3", "asked-twice"));
}

TEST_CASE("lint spoke-to-blank: an outlet that reported it, named after the blank") {
  CHECK(has_rule(deck::lint::blank_findings("The mayor has not left the town since May, _____ "
                                            "reported.",
                                            "Harbour Radio"),
                 "spoke-to-blank"));
  CHECK(has_rule(
      deck::lint::blank_findings("The captain told the _____ he was sorry.", "Harbour Wire"),
      "spoke-to-blank"));
}

TEST_CASE("lint dateline-blank: where and when a report was filed is not a fact of the story") {
  CHECK(
      has_rule(deck::lint::blank_findings(
                   "PORTVILLE, _____ (Harbour Wire) \u2014 The ferry sank near the pier.", "May 7"),
               "dateline-blank"));
  CHECK(has_rule(deck::lint::blank_findings("_____ - The ferry sank near the pier.", "May 7, 2024"),
                 "dateline-blank"));
  // A dash after a long opening is a parenthesis in the sentence, not a dateline.
  CHECK_FALSE(has_rule(deck::lint::blank_findings("The ferry that the town bought from its old "
                                                  "owners in _____ sank \u2014 near the pier.",
                                                  "May"),
                       "dateline-blank"));
  CHECK_FALSE(
      has_rule(deck::lint::blank_findings("PORTVILLE \u2014 The ferry sank on _____.", "May 7"),
               "dateline-blank"));
}

TEST_CASE("lint age-blank: an age after a name is who a person is, not what happened") {
  CHECK(has_rule(
      deck::lint::blank_findings("The skipper, Tom Lee, _____, said the ferry sank.", "61"),
      "age-blank"));
  CHECK_FALSE(has_rule(
      deck::lint::blank_findings("The ferry sank with _____ people aboard, officials said.", "61"),
      "age-blank"));
}

TEST_CASE("lint spoke-to-blank: the outlet that interviewed the sources") {
  CHECK(
      has_rule(deck::lint::blank_findings(
                   "Two dozen officials interviewed by _____ asked not to be named.", "The Daily"),
               "spoke-to-blank"));
}
