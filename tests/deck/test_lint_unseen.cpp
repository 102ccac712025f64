// The rules a careful reader added after reading generated cards no curator had seen, each on a
// small invented example: one that breaks it, one that does not.
#include <doctest/doctest.h>

#include <algorithm>

#include "deck/lint/lint.hpp"
#include "deck/lint/rules.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "deck/one_fact.hpp"
#include "lint_test_helpers.hpp"

using namespace citecard;
using citecard::test::has_rule;
using deck::lint::Finding;

namespace {

bool blank_has(const std::string& sentence, const std::string& answer, const std::string& rule) {
  return has_rule(deck::lint::blank_findings(sentence, answer), rule);
}

Card card_of(const std::string& type, const std::string& prompt, const std::string& answer,
             std::int64_t start = 0, std::int64_t end = 10) {
  Card card;
  card.id = "c-" + answer + "-" + std::to_string(prompt.size());
  card.note = "n-" + card.id;
  card.type = type;
  card.prompt = prompt;
  card.answer = answer;
  card.citations.push_back(Citation{"daily", "", "", "", start, end, "text"});
  return card;
}

}  // namespace

TEST_CASE("lint stem-shown: the sentence shows a word of the answer in another form") {
  CHECK(blank_has("The council sanctioned the mill after the _____ were announced.", "sanctions",
                  "stem-shown"));
  CHECK_FALSE(blank_has("The council fined the mill after the _____ were announced.", "sanctions",
                        "stem-shown"));
}

TEST_CASE("lint number-shown: the sentence shows the answer's number written another way") {
  CHECK(blank_has("Four ferries sail daily; the harbour has _____.", "4 piers", "number-shown"));
  CHECK_FALSE(
      blank_has("Two ferries sail daily; the harbour has _____.", "4 piers", "number-shown"));
}

TEST_CASE("lint range-half: the blank is one end of a range") {
  CHECK(blank_has("The repairs will take 3 to _____ to finish.", "5 months", "range-half"));
  CHECK(blank_has("Fares rose by between _____ and 9 percent.", "6", "range-half"));
  CHECK_FALSE(blank_has("Fares rose by _____ last spring.", "6 percent", "range-half"));
}

TEST_CASE("lint count-shown: the blank counts what the sentence lists after it") {
  CHECK(blank_has("The mill bought _____ boats: the Ada, the Bree and the Cora.", "three",
                  "count-shown"));
  CHECK_FALSE(
      blank_has("The mill bought _____ boats last year from Oslo.", "three", "count-shown"));
}

TEST_CASE("lint blank-cut: the blank cuts a word, a compound or a name") {
  CHECK(blank_has("The mill hired a _____-year-old welder.", "34", "blank-cut"));
  CHECK(blank_has("Port officials expect _____,237 passengers.", "1", "blank-cut"));
  CHECK(blank_has("The ferry docked at Port _____ at dawn.", "Elmsworth", "blank-cut"));
  CHECK_FALSE(blank_has("The ferry docked at _____ at dawn.", "Port Elmsworth", "blank-cut"));
  CHECK_FALSE(blank_has("Mayor _____ opened the pier.", "Ada Lindqvist", "blank-cut"));
  // An abbreviation written with full stops is one word: no blank takes one of its letters.
  CHECK(blank_has("Ferries bound for the _____.K. were held.", "U", "blank-cut"));
  CHECK(blank_has("Ferries bound for the U._____. were held.", "K", "blank-cut"));
  CHECK_FALSE(blank_has("Ferries bound for the _____ were held.", "U.K.", "blank-cut"));
}

TEST_CASE("lint minor-number: a duration, a page count or a phone number is a detail") {
  CHECK(blank_has("The council debated for _____ before voting.", "three hours", "minor-number"));
  CHECK(blank_has("The report runs to _____ pages.", "212", "minor-number"));
  CHECK(blank_has("Residents can call _____ for help.", "555-0134-22", "minor-number"));
  CHECK_FALSE(blank_has("The council approved _____ for the pier.", "$4 million", "minor-number"));
}

TEST_CASE("lint label-number: a number after a labelling word names, it does not count") {
  CHECK(blank_has("Passengers on Flight _____ were delayed.", "217", "label-number"));
  CHECK_FALSE(blank_has("Passengers on _____ flights were delayed.", "217", "label-number"));
}

TEST_CASE("lint quote-unresolved: a quote opening with a pronoun whose referent it does not show") {
  CHECK(has_rule(deck::lint::quote_findings("He never once asked the harbour board"),
                 "quote-unresolved"));
  CHECK(has_rule(deck::lint::quote_findings("This is the worst flood in a century"),
                 "quote-unresolved"));
  CHECK_FALSE(
      has_rule(deck::lint::quote_findings("The harbour board never asked us"), "quote-unresolved"));
  // A pronoun contracted with its verb is the same pronoun.
  CHECK(has_rule(deck::lint::quote_findings("They're cutting the ferry timetable again"),
                 "quote-unresolved"));
  CHECK(has_rule(deck::lint::quote_findings("She\u2019ll close the pier by May"),
                 "quote-unresolved"));
  CHECK_FALSE(
      has_rule(deck::lint::quote_findings("There's a new ferry timetable"), "quote-unresolved"));
}

TEST_CASE("lint quote-unresolved: a who-said context line resolves the quote's referent") {
  const Card bare = card_of(card_type::kWhoSaid, "Who said this?\n\u201CThis is a disgrace\u201D",
                            "Ada Lindqvist");
  const Card with_context = card_of(
      card_type::kWhoSaid, "Who said this? (On the pier's closure)\n\u201CThis is a disgrace\u201D",
      "Ada Lindqvist");
  CHECK(has_rule(deck::lint::card_findings(bare), "quote-unresolved"));
  CHECK_FALSE(has_rule(deck::lint::card_findings(with_context), "quote-unresolved"));
}

TEST_CASE("lint quote-trailing-punctuation: displayed_quote trims where the attribution cut") {
  CHECK(deck::lint::displayed_quote("We will rebuild the pier,") == "We will rebuild the pier");
  CHECK(deck::lint::displayed_quote("We will rebuild \u2014") == "We will rebuild");
  CHECK(has_rule(deck::lint::quote_findings("We will rebuild the pier,"),
                 "quote-trailing-punctuation"));
  CHECK_FALSE(has_rule(deck::lint::quote_findings("We will rebuild the pier."),
                       "quote-trailing-punctuation"));
}

TEST_CASE("lint quote-no-speaker: a complete-the-quote card must name its speaker") {
  const Card unnamed = card_of(
      card_type::kQuoteCloze, "Complete the quote:\n\u201CWe will rebuild the _____\u201D", "pier");
  const Card named = card_of(card_type::kQuoteCloze,
                             "Complete the quote. Ada Lindqvist said:\n\u201CWe will rebuild the "
                             "_____\u201D",
                             "pier");
  CHECK(has_rule(deck::lint::card_findings(unnamed), "quote-no-speaker"));
  CHECK_FALSE(has_rule(deck::lint::card_findings(named), "quote-no-speaker"));
}

TEST_CASE("lint sentence-unresolved: a fact sentence opening with a pronoun or This") {
  CHECK(has_rule(deck::lint::sentence_findings("She approved _____ for the pier on Monday."),
                 "sentence-unresolved"));
  CHECK(has_rule(deck::lint::sentence_findings("This is why the town lost _____ in fares."),
                 "sentence-unresolved"));
  CHECK(has_rule(deck::lint::sentence_findings("And he approved _____ for the pier."),
                 "sentence-unresolved"));
  CHECK_FALSE(has_rule(deck::lint::sentence_findings("This week the town lost _____ in fares."),
                       "sentence-unresolved"));
  CHECK_FALSE(has_rule(deck::lint::sentence_findings("The mayor approved _____ for the pier."),
                       "sentence-unresolved"));
}

TEST_CASE("lint bare-name: a person asked by one word of their name") {
  const Card bare =
      card_of(card_type::kFactCloze, "Fill in the blank with a person:\n_____ opened the pier.",
              "Lindqvist");
  const Card full =
      card_of(card_type::kFactCloze, "Fill in the blank with a person:\n_____ opened the pier.",
              "Ada Lindqvist");
  CHECK(has_rule(deck::lint::card_findings(bare), "bare-name"));
  CHECK_FALSE(has_rule(deck::lint::card_findings(full), "bare-name"));
}

TEST_CASE("lint passing-person: a person the sources name once is not asked") {
  Source source;
  source.id = "daily";
  source.text =
      "Ada Lindqvist opened the pier. Lindqvist said the town paid for it. Bo Tran, a welder, "
      "watched.";
  const Card passing =
      card_of(card_type::kFactCloze, "Fill in the blank with a person:\n_____, a welder, watched.",
              "Bo Tran");
  const Card central =
      card_of(card_type::kFactCloze, "Fill in the blank with a person:\n_____ opened the pier.",
              "Ada Lindqvist");
  CHECK(deck::lint::mentions_in_sources({source}, "Ada Lindqvist") == 2);
  const auto findings = deck::lint::lint_cards({passing, central}, {source});
  const auto flagged = [&](const std::string& id) {
    return std::any_of(findings.begin(), findings.end(), [&](const LintFinding& f) {
      return f.card_id == id && f.rule == "passing-person";
    });
  };
  CHECK(flagged(passing.id));
  CHECK_FALSE(flagged(central.id));
}

TEST_CASE("one fact: quotes of one speaker a breath apart are one point, far apart are two") {
  const Card first = card_of(card_type::kWhoSaid, "Who said this?\n\u201CWe will rebuild\u201D",
                             "Ada Lindqvist", 100, 140);
  const Card near = card_of(card_type::kQuoteCloze,
                            "Complete the quote. Ada Lindqvist (mayor) said:\n\u201CThe _____ "
                            "pays\u201D",
                            "town", 200, 230);
  const Card far = card_of(card_type::kQuoteCloze,
                           "Complete the quote. Ada Lindqvist (mayor) said:\n\u201CThe _____ "
                           "pays\u201D",
                           "town", 900, 930);
  CHECK_FALSE(deck::same_fact(first, near).empty());
  CHECK(deck::same_fact(first, far).empty());
}

TEST_CASE("furniture: an editor's note and a series prompt are page furniture") {
  CHECK_FALSE(deck::lint::furniture_findings("Editor's note: this story was updated.").empty());
  CHECK_FALSE(deck::lint::furniture_findings("Read Part 2 of the harbour series here.").empty());
  CHECK(deck::lint::furniture_findings("The editor noted the harbour's debts.").empty());
}

TEST_CASE("lint titled-person: a person blank right after a title or role the sentence gives") {
  const auto flagged = [](const std::string& sentence) {
    const Card card = card_of(card_type::kFactCloze,
                              "Fill in the blank with a person:\n" + sentence, "Ada Lindqvist");
    return has_rule(deck::lint::unseen_card_findings(card), "titled-person");
  };
  CHECK(flagged("Former Mayor _____ opened the pier on Monday."));
  CHECK(flagged("The harbour board's spokeswoman _____ opened the pier on Monday."));
  CHECK_FALSE(flagged("_____ opened the pier on Monday."));
  CHECK_FALSE(flagged("On Monday, _____ opened the pier."));
}

TEST_CASE("lint story-subject: the person an article mentions most is not blanked") {
  Source source;
  source.id = "daily";
  source.text =
      "Ada Lindqvist opened the new pier on Monday.\n\n"
      "Lindqvist said the town had paid for it. Bo Tran, a welder, built its rails.\n\n"
      "Lindqvist thanked the builders, and Lindqvist later walked the pier with Tran.\n";
  const Card subject = card_of(card_type::kFactCloze,
                               "Fill in the blank with a person:\n_____ opened the new pier on "
                               "Monday.",
                               "Ada Lindqvist");
  const Card other =
      card_of(card_type::kFactCloze,
              "Fill in the blank with a person:\n_____, a welder, built its rails.", "Bo Tran");
  const auto findings = deck::lint::lint_cards({subject, other}, {source});
  const auto flagged = [&](const std::string& id) {
    return std::any_of(findings.begin(), findings.end(), [&](const LintFinding& f) {
      return f.card_id == id && f.rule == "story-subject";
    });
  };
  CHECK(flagged(subject.id));
  CHECK_FALSE(flagged(other.id));
  // A middle initial does not make another person.
  Entity ada;
  ada.kind = EntityKind::person;
  ada.name = "Ada K. Lindqvist";
  CHECK_FALSE(deck::lint::story_subject_findings("Ada Lindqvist", {ada}).empty());
  CHECK(deck::lint::story_subject_findings("Bo Lindqvist", {ada}).empty());
}
