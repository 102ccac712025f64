// Who a generated card asks about: sentences split as news style writes them, who-said backs that
// name the speaker, who-said only for the story's actors with wrong choices of the speaker's kind,
// who-is only for officials. Every example is invented.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "deck/card_maker.hpp"
#include "deck/generate/generate.hpp"
#include "deck/word_list.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;
using deck::generate::ends_sentence_at;
using deck::generate::sentence_around;

namespace {

std::string around(const std::string& text, const std::string& word) {
  const auto at = static_cast<std::int64_t>(text.find(word));
  const ByteSpan s = sentence_around(text, {at, at + static_cast<std::int64_t>(word.size())},
                                     {0, static_cast<std::int64_t>(text.size())});
  return text.substr(static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end - s.start));
}

const std::string kBridge =
    "Mayor Ruiz opens the bridge\n"
    "\n"
    "Mayor Ana Ruiz opened the new river bridge in Portville on Tuesday after four years of work.\n"
    "\n"
    "\u201CThis bridge joins two halves of one town at last,\u201D said Ana Ruiz, the mayor of "
    "Portville.\n"
    "\n"
    "Mayor Ana Ruiz said the bridge had cost the town less than planned.\n"
    "\n"
    "\u201CWe kept every promise we made to the people who pay for it,\u201D she said.\n"
    "\n"
    "\u201CThe state paid for a third of the steel and all of the lighting,\u201D said Paul Grant, "
    "a "
    "county spokesperson.\n"
    "\n"
    "\u201CTraffic on the old ferry will fall by half within a single year,\u201D said Rosa Diaz, "
    "a transport ministry spokesperson.\n"
    "\n"
    "\u201CThe council will inspect the bridge every spring from now on,\u201D said Omar Haddad, a "
    "council spokesperson.\n"
    "\n"
    "Omar Haddad, the council spokesperson, said inspections would be published.\n"
    "\n"
    "\u201CThe bridge is a modest success for a small and careful town,\u201D said Lena Berg, a "
    "professor of economics at Eastham University.\n"
    "\n"
    "\u201CNobody expected the project to finish on time this decade,\u201D said Karl Moss, an "
    "analyst at the Harbour Institute.\n"
    "\n"
    "\u201CSmall towns rarely build bridges without help from the capital,\u201D said Ida Novak, a "
    "researcher at the Coast Institute.\n";

const std::string kManifest = R"(
[deck]
id = "bridge"
title = "Bridge"

[generate]

[[source]]
id = "daily"
file = "sources/daily.txt"
outlet = "The Daily"
title = "Mayor Ruiz opens the bridge"
author = "not stated"
date = "2024-05-07"
)";

deck::MadeDeck make(const std::string& notes = "", const std::string& article = kBridge) {
  TempDir dir;
  dir.write("deck/manifest.toml", kManifest);
  dir.write("deck/deck.toml", notes);
  dir.write("deck/sources/daily.txt", article);
  auto spec = deck::load_deck(dir / "deck");
  REQUIRE(spec.ok());
  auto made = deck::make_cards(*spec);
  if (!made) FAIL(made.error().message);
  return *made;
}

// Every quote the generator held back, accepted: the rules below are about which quotes make
// cards at all, not about attribution confidence.
deck::MadeDeck made_with_all_accepted(const std::string& article = kBridge) {
  const auto first = make("", article);
  std::string overlay;
  for (const auto& h : first.held_back)
    overlay += "[[card]]\nid = \"" + h.card_id + "\"\naction = \"accept\"\n\n";
  return make(overlay, article);
}

std::vector<const Card*> of_type(const deck::MadeDeck& made, const std::string& type) {
  std::vector<const Card*> out;
  for (const auto& c : made.cards)
    if (c.type == type) out.push_back(&c);
  return out;
}

}  // namespace

TEST_CASE("a period after a month or title abbreviation does not end the sentence") {
  const std::string text =
      "The council met on Sept. 5. Gov. Paul Grant spoke first. U.S. officials listened. He said "
      "no. Then he left.";
  CHECK(around(text, "met") == "The council met on Sept. 5.");
  CHECK(around(text, "Grant") == "Gov. Paul Grant spoke first.");
  CHECK(around(text, "officials") == "U.S. officials listened.");
  CHECK(around(text, "said") == "He said no.");
  CHECK_FALSE(ends_sentence_at(text, text.find("Sept.") + 4));
  CHECK(ends_sentence_at(text, text.find("no.") + 2));
}

TEST_CASE("a who-said back cites the sentence naming the speaker when the quote says only 'she'") {
  const auto made = made_with_all_accepted();
  bool named = false;
  for (const Card* card : of_type(made, "who_said")) {
    if (card->citations.front().text.find("every promise") == std::string::npos) continue;
    CHECK(card->answer == "Ana Ruiz");
    for (const auto& c : card->citations)
      named |= c.text == "Mayor Ana Ruiz said the bridge had cost the town less than planned.";
  }
  CHECK(named);
}

TEST_CASE("who-said asks the story's actors, never the analysts quoted once") {
  const auto made = made_with_all_accepted();
  std::set<std::string> speakers;
  for (const auto& card : made.cards)
    if (card.type == "who_said" || card.type == "who_said_typed") speakers.insert(card.answer);
  CHECK(speakers.count("Ana Ruiz"));
  CHECK(speakers.count("Paul Grant"));
  CHECK(speakers.count("Omar Haddad"));
  for (const char* analyst : {"Lena Berg", "Karl Moss", "Ida Novak"})
    CHECK_FALSE(speakers.count(analyst));
}

TEST_CASE("who-said wrong choices are of the speaker's kind: officials beside an official") {
  const auto made = made_with_all_accepted();
  const std::set<std::string> officials = {"Ana Ruiz", "Paul Grant", "Rosa Diaz", "Omar Haddad"};
  int checked = 0;
  for (const Card* card : of_type(made, "who_said")) {
    if (!officials.count(card->answer) || card->choices.empty()) continue;
    ++checked;
    for (const auto& choice : card->choices) CHECK(officials.count(choice));
  }
  CHECK(checked >= 2);
}

TEST_CASE(
    "who-said never offers a person the quote itself names: a speaker does not name themself") {
  std::string article = kBridge;
  const std::string quote = "Traffic on the old ferry will fall by half within a single year";
  article.replace(article.find(quote), quote.size(),
                  "Traffic on the old ferry will fall by half, just as Grant told the council");
  article +=
      "\n\u201CThe harbour will stay open through every winter storm,\u201D said Eva Lind, a "
      "harbour authority spokesperson.\n\nEva Lind, the harbour spokesperson, said the "
      "quay was repaired.\n";
  const auto made = made_with_all_accepted(article);
  bool checked = false;
  for (const Card* card : of_type(made, "who_said")) {
    if (card->prompt.find("just as Grant") == std::string::npos) continue;
    CHECK(card->answer == "Rosa Diaz");
    REQUIRE_FALSE(card->choices.empty());
    for (const auto& choice : card->choices) CHECK(choice != "Paul Grant");
    checked = true;
  }
  CHECK(checked);
}

TEST_CASE("who-is asks officials the story names twice, not analysts") {
  const auto made = made_with_all_accepted();
  std::set<std::string> asked;
  for (const Card* card : of_type(made, "who_is_reverse")) asked.insert(card->answer);
  for (const Card* card : of_type(made, "who_is"))
    for (const char* name : {"Omar Haddad", "Lena Berg", "Karl Moss"})
      if (card->prompt.find(name) != std::string::npos) asked.insert(name);
  CHECK(asked.count("Omar Haddad"));
  CHECK_FALSE(asked.count("Lena Berg"));
  CHECK_FALSE(asked.count("Karl Moss"));
}

TEST_CASE("a plural role word marks the kind as its singular does; a bare title is no name") {
  CHECK(deck::role_kind("scholars") == "expert");
  CHECK(deck::role_kind("a council spokesperson") == "official");
  deck::generate::Name title;
  title.display = "Director";
  title.kind = EntityKind::person;
  CHECK_FALSE(deck::generate::looks_like_a_name(title));
  title.display = "Omar Haddad";
  CHECK(deck::generate::looks_like_a_name(title));
}

TEST_CASE("a quote with no fair wrong choices is asked typed only, never as a choiceless card") {
  TempDir dir;
  dir.write("deck/manifest.toml", kManifest);
  dir.write("deck/deck.toml", "");
  dir.write("deck/sources/daily.txt",
            "Mayor Ruiz opens the bridge\n\n"
            "\u201CThis bridge joins two halves of one town at last,\u201D said Ana Ruiz, the "
            "mayor of Portville.\n\n"
            "\u201CThe fish market will need a new roof before the summer,\u201D said Carlos "
            "Mendes, a fisherman.\n");
  auto spec = deck::load_deck(dir / "deck");
  REQUIRE(spec.ok());
  auto made = deck::make_cards(*spec);
  REQUIRE(made.ok());
  std::string overlay;
  for (const auto& h : made->held_back)
    overlay += "[[card]]\nid = \"" + h.card_id + "\"\naction = \"accept\"\n\n";
  dir.write("deck/deck.toml", overlay);
  spec = deck::load_deck(dir / "deck");
  REQUIRE(spec.ok());
  made = deck::make_cards(*spec);
  REQUIRE(made.ok());
  int typed = 0;
  for (const auto& card : made->cards) {
    CHECK(card.type != "who_said");  // two speakers leave no three wrong choices
    typed += card.type == "who_said_typed" ? 1 : 0;
  }
  CHECK(typed == 2);
}
