// Choosing a deck's cards from the generator's pool: every candidate scored by the keep model,
// each article's best offered, and wrong choices a reader cannot rule out unread. The articles
// here are invented for the tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "citecard/candidates.hpp"
#include "deck/generate/generate.hpp"
#include "deck/rank/choose.hpp"
#include "deck/rank/keep_model.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

deck::Candidate candidate(int article, const std::string& note, double keep,
                          const std::string& type = card_type::kFactCloze) {
  deck::Candidate c;
  c.article = article;
  c.note.id = note;
  c.card.id = note + "/" + type;
  c.card.type = type;
  c.keep = keep;
  return c;
}

const std::string kArticle =
    "Ferry fares to rise by a fifth\n"
    "\n"
    "PORTVILLE (Harbour Wire) \u2014 Ferry fares on the Portville route will rise by 20 percent in "
    "April, the operator Blue Line Ferries said on Tuesday.\n"
    "\n"
    "\u201CFuel has doubled in two years and we cannot carry that cost alone,\u201D said Marta "
    "Oyelaran, the chief executive of Blue Line Ferries.\n"
    "\n"
    "The company carried 1.2 million passengers last year on its four ships.\n"
    "\n"
    "Marta Oyelaran said the new timetable would add two sailings a day in summer.\n"
    "\n"
    "Councillor Dev Anand said the council would ask the operator to freeze fares for students.\n"
    "\n"
    "\u201CStudents cannot pay 20 percent more to get to college,\u201D Dev Anand said.\n";

const std::string kManifest = R"(
[deck]
id = "ferries"
title = "Ferries"

[generate]

[[source]]
id = "wire"
file = "sources/wire.txt"
outlet = "Harbour Wire"
title = "Ferry fares to rise by a fifth"
author = "not stated"
date = "2025-03-04"
)";

}  // namespace

TEST_CASE("the keep model weighs features by name and ignores those it does not know") {
  const double base = deck::rank::keep_probability({});
  CHECK(base > 0.0);
  CHECK(base < 1.0);
  CHECK(deck::rank::keep_probability({{"no-such-feature", 1.0}}) == doctest::Approx(base));
  // Readers rejected nearly every blank on a weekday: the model learned as much.
  CHECK(deck::rank::keep_probability({{"finding:weekday-blank", 1.0}}) < base);
}

TEST_CASE("each article offers its best candidates, at most its budget, none below the threshold") {
  std::vector<deck::Candidate> pool = {candidate(0, "n1", 0.9), candidate(0, "n2", 0.2),
                                       candidate(0, "n3", 0.7), candidate(0, "n4", 0.6),
                                       candidate(1, "n5", 0.8)};
  const auto chosen = deck::rank::choose(pool, {.min_keep = 0.5, .per_article = 2});
  std::vector<std::string> notes;
  for (const auto i : chosen) notes.push_back(pool[i].note.id);
  CHECK(notes == std::vector<std::string>{"n1", "n3", "n5"});
}

TEST_CASE("a note is asked in one form, and an unsure speaker is never offered unasked") {
  std::vector<deck::Candidate> pool = {candidate(0, "quote", 0.9, card_type::kWhoSaid),
                                       candidate(0, "quote", 0.8, card_type::kWhoSaidTyped),
                                       candidate(0, "quote", 0.7, card_type::kWhichOutlet),
                                       candidate(0, "unsure", 0.95, card_type::kWhoSaid)};
  pool[3].held_back = true;
  const auto chosen = deck::rank::choose(pool, {.min_keep = 0.5, .per_article = 8});
  std::vector<std::string> ids;
  for (const auto i : chosen) ids.push_back(pool[i].card.id);
  CHECK(ids == std::vector<std::string>{"quote/who_said", "quote/which_outlet"});
  // The typed twin scores higher, yet the quote is asked with choices: the preferred form.
  pool[1].keep = 0.99;
  const auto again = deck::rank::choose(pool, {.min_keep = 0.5, .per_article = 8});
  CHECK(pool[again.front()].card.type == card_type::kWhoSaid);
}

TEST_CASE("every candidate is listed with its score, best first, and the deck holds the chosen") {
  TempDir dir;
  dir.write("deck/manifest.toml", kManifest);
  dir.write("deck/deck.toml", "");
  dir.write("deck/sources/wire.txt", kArticle);
  auto report = deck_candidates(dir / "deck", {.curated = false});
  REQUIRE(report.ok());
  REQUIRE(report->candidates.size() >= 5);
  for (std::size_t i = 1; i < report->candidates.size(); ++i)
    CHECK(report->candidates[i - 1].keep >= report->candidates[i].keep);
  const auto chosen = std::count_if(report->candidates.begin(), report->candidates.end(),
                                    [](const CandidateCard& c) { return c.chosen; });
  CHECK(chosen >= 1);
  for (const auto& c : report->candidates) {
    CHECK_FALSE(c.features.empty());
    if (c.chosen) {
      CHECK_FALSE(c.held_back);
      CHECK(c.keep >= deck::rank::default_limits().min_keep);
    }
  }
}

TEST_CASE("a wrong number stays within what the sentence allows") {
  using deck::generate::plausible_value;
  CHECK(plausible_value("Fares will rise by _____ in April.", "20 percent"));
  CHECK_FALSE(plausible_value("Fares will rise by _____ in April.", "135 percent"));
  CHECK_FALSE(plausible_value("The shooter, a _____, was arrested.", "156-year-old"));
  CHECK(plausible_value("The shooter, a _____, was arrested.", "18-year-old"));
  CHECK_FALSE(plausible_value("Cruz won _____ of 6 slots.", "18"));
  CHECK(plausible_value("Cruz won _____ of 6 slots.", "4"));
  CHECK_FALSE(plausible_value("She finished _____ in the race.", "4st"));
  CHECK(plausible_value("She finished _____ in the race.", "22nd"));
}

namespace {

struct PeopleCorpus {
  deck::DeckSpec spec;
  deck::generate::Corpus corpus;
  PeopleCorpus() { corpus.deck = &spec; }
  void add(const std::string& display, const std::string& role_kind, std::set<int> articles) {
    deck::generate::Name name;
    name.display = display;
    name.kind = EntityKind::person;
    name.role_kind = role_kind;
    name.articles = std::move(articles);
    name.mentions = 3;
    name.alias_keys = {name_key(display)};
    corpus.names[name_key(display)] = name;
    corpus.key_of_alias[name_key(display)] = name_key(display);
  }
};

}  // namespace

TEST_CASE("wrong choices come from the answer's own article first") {
  PeopleCorpus people;
  people.add("Ana Ruiz", "official", {0});
  people.add("Tom Lee", "official", {1});
  people.add("Sam Ode", "official", {1});
  people.add("Maria Lopez", "official", {0});
  const std::vector<std::string> pool = {"Tom Lee", "Sam Ode", "Maria Lopez"};
  const auto chosen = deck::generate::name_distractors(people.corpus, EntityKind::person,
                                                       name_key("Ana Ruiz"), pool, "seed", 1, "",
                                                       /*strict_kind=*/true, /*article=*/0);
  CHECK(chosen == std::vector<std::string>{"Maria Lopez"});
}

TEST_CASE("a name with and without its middle initial is one choice, not two") {
  PeopleCorpus people;
  people.add("Ana Ruiz", "official", {0});
  people.add("Tom Lee", "official", {0});
  people.add("Tom J. Lee", "official", {0});
  people.add("Sam Ode", "official", {0});
  const std::vector<std::string> pool = {"Tom Lee", "Tom J. Lee", "Sam Ode"};
  const auto chosen = deck::generate::name_distractors(
      people.corpus, EntityKind::person, name_key("Ana Ruiz"), pool, "seed", 3, "", true, 0);
  CHECK(chosen.size() == 2);
}

TEST_CASE("a dateline's place or a transcript label in capitals is no name to offer") {
  deck::generate::Name place;
  place.display = "PORTVILLE";
  place.kind = EntityKind::place;
  CHECK_FALSE(deck::generate::looks_like_a_name(place));
  place.display = "Portville";
  CHECK(deck::generate::looks_like_a_name(place));
  deck::generate::Name body;
  body.display = "NATO";
  body.kind = EntityKind::organisation;
  CHECK(deck::generate::looks_like_a_name(body));
}
