#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "citecard/overlay.hpp"
#include "deck/card_maker.hpp"
#include "deck/generate/generate.hpp"
#include "mini_deck.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

const std::string kHarbour =
    "Harbour to reopen after storm\n"
    "\n"
    "The two mayors met in Portville on Tuesday for three hours to plan the reopening.\n"
    "\n"
    "\u201COur harbour will reopen to every fishing boat by the spring,\u201D said Ana Ruiz, the "
    "mayor of Portville.\n"
    "\n"
    "\u201CThe dredging contract, at 9 million dollars, is the largest in the town\u2019s long "
    "history,\u201D said Tom "
    "Lee, a council member.\n"
    "\n"
    "\u201CWe will inspect every incoming shipment very closely,\u201D said Maria Lopez, a customs "
    "inspector.\n"
    "\n"
    "\u201CThe fish market will need a new roof before the summer,\u201D said Carlos Mendes, a "
    "fisherman.\n"
    "\n"
    "\u201CNobody asked the fishermen what they actually wanted,\u201D said Sam Ode, a union "
    "leader.\n"
    "\n"
    "The harbour closed in 2019 after a storm damaged 14 piers along the coast of Portville.\n"
    "\n"
    "Ruiz said Portville and Eastham had shared the cost with Northbridge and Westfield.\n";

const std::string kSecondReport =
    "Mayor vows fishing boats will return\n"
    "\n"
    "Mayor Ana Ruiz said the harbour would reopen to \u201Cevery fishing boat\u201D in spring.\n"
    "\n"
    "The mayors of Portville and Eastham met on Tuesday for three hours in the town hall.\n"
    "\n"
    "Tom Lee and Carlos Mendes walked the empty piers together on Monday.\n"
    "\n"
    // Two men named just before "he": the speaker is not sure, so this quote is held back.
    "\u201CThe old cranes must come down before 30 berths are built,\u201D he said.\n";

const std::string kManifest = R"(
[deck]
id = "harbour"
title = "Harbour"

[generate]

[[source]]
id = "daily"
file = "sources/daily.txt"
outlet = "The Daily"
title = "Harbour to reopen after storm"
author = "not stated"
date = "2024-05-07"

[[source]]
id = "post"
file = "sources/post.txt"
outlet = "The Post"
title = "Mayor vows fishing boats will return"
author = "not stated"
date = "2024-05-08"
)";

struct HarbourDeck {
  TempDir dir;
  explicit HarbourDeck(const std::string& notes = "", const std::string& manifest = kManifest) {
    dir.write("deck/manifest.toml", manifest);
    dir.write("deck/deck.toml", notes);
    dir.write("deck/sources/daily.txt", kHarbour);
    dir.write("deck/sources/post.txt", kSecondReport);
  }
  Result<deck::MadeDeck> make() const {
    auto spec = deck::load_deck(dir / "deck");
    if (!spec) return spec.error();
    return deck::make_cards(*spec);
  }
};

deck::MadeDeck made_or_fail(const HarbourDeck& deck) {
  auto made = deck.make();
  if (!made) FAIL(made.error().message);
  return *made;
}

std::vector<const Card*> of_type(const deck::MadeDeck& made, const std::string& type) {
  std::vector<const Card*> out;
  for (const auto& c : made.cards)
    if (c.type == type) out.push_back(&c);
  return out;
}

}  // namespace

TEST_CASE("a deck without [generate] is made of its hand-written notes only") {
  TempDir dir;
  citecard::test::write_mini_deck(dir);
  auto spec = deck::load_deck(dir / "deck");
  REQUIRE(spec.ok());
  CHECK_FALSE(spec->generate.enabled);
  auto made = deck::make_cards(*spec);
  REQUIRE(made.ok());
  CHECK(made->cards.size() == spec->notes.size());
}

// The curator's decision to keep every held-back quote, as deck.toml [[card]] entries.
std::string accept_held_back(const deck::MadeDeck& made) {
  std::string overlay;
  for (const auto& h : made.held_back)
    overlay += "[[card]]\nid = \"" + h.card_id + "\"\naction = \"accept\"\n\n";
  return overlay;
}

TEST_CASE("who-said cards: the quote asks for its speaker among other people of the deck") {
  // Unsure attributions are held back until a curator accepts them: accept all here, so every
  // who-said card of the deck is checked.
  const deck::MadeDeck first = made_or_fail(HarbourDeck());
  const HarbourDeck deck(accept_held_back(first));
  const auto made = made_or_fail(deck);
  CHECK(made.held_back.empty());
  const auto cards = of_type(made, "who_said");
  REQUIRE(cards.size() >= 5);
  const std::set<std::string> speakers = {"Ana Ruiz", "Tom Lee", "Maria Lopez", "Sam Ode",
                                          "Carlos Mendes"};
  for (const Card* card : cards) {
    CHECK(speakers.count(card->answer));
    REQUIRE(card->choices.size() == 4);
    CHECK(std::set<std::string>(card->choices.begin(), card->choices.end()).size() == 4);
    CHECK(std::count(card->choices.begin(), card->choices.end(), card->answer) == 1);
    for (const auto& choice : card->choices) CHECK(speakers.count(choice));
    CHECK_FALSE(deck::generate::gives_away(card->prompt, card->answer));
  }
}

TEST_CASE("complete-the-quote cards hide words that the prompt does not show elsewhere") {
  // Clozes alone: beside a who-said card, a cloze of the same quote is the same fact.
  std::string manifest = kManifest;
  manifest.replace(manifest.find("[generate]\n"), 11, "[generate]\ntypes = [\"quote_cloze\"]\n");
  const HarbourDeck deck("", manifest);
  const auto made = made_or_fail(deck);
  const auto cards = of_type(made, "quote_cloze");
  REQUIRE_FALSE(cards.empty());
  for (const Card* card : cards) {
    CHECK(card->prompt.find("_____") != std::string::npos);
    CHECK_FALSE(deck::generate::gives_away(card->prompt, card->answer));
    CHECK(card->citations.front().text.find(card->answer) != std::string::npos);
  }
}

TEST_CASE("fact cloze: a number is hidden and offered among nearby numbers") {
  const HarbourDeck deck;
  const auto made = made_or_fail(deck);
  const auto cards = of_type(made, "fact_cloze");
  REQUIRE_FALSE(cards.empty());
  bool saw_piers = false;
  for (const Card* card : cards) {
    CHECK_FALSE(deck::generate::gives_away(card->prompt, card->answer));
    if (card->answer == "14 piers") {
      saw_piers = true;
      REQUIRE(card->choices.size() == 4);
      for (const auto& choice : card->choices) CHECK(choice.find(" piers") != std::string::npos);
    }
  }
  CHECK(saw_piers);
}

TEST_CASE("a who-said card's back cites the sentence that says who spoke, not only the words") {
  const auto made = made_or_fail(HarbourDeck(accept_held_back(made_or_fail(HarbourDeck()))));
  bool attributed = false;
  for (const Card* card : of_type(made, "who_said")) {
    if (card->answer != "Tom Lee") continue;
    for (const auto& c : card->citations)
      attributed |= c.text.find("said Tom Lee, a council member.") != std::string::npos &&
                    c.text.find("dredging contract") != std::string::npos;
  }
  CHECK(attributed);
}

TEST_CASE("several sources reporting one quote make one note citing each wording") {
  const HarbourDeck deck;
  const auto made = made_or_fail(deck);
  bool merged = false;
  for (const Card* card : of_type(made, "who_said")) {
    if (card->answer != "Ana Ruiz") continue;
    std::set<std::string> sources;
    for (const auto& c : card->citations) sources.insert(c.source);
    merged |= sources.size() == 2;
  }
  CHECK(merged);
}

TEST_CASE("the same deck files give the same cards, ids and choice order") {
  const HarbourDeck deck;
  const auto first = made_or_fail(deck);
  const auto second = made_or_fail(deck);
  REQUIRE(first.cards.size() == second.cards.size());
  for (std::size_t i = 0; i < first.cards.size(); ++i) {
    CHECK(first.cards[i].id == second.cards[i].id);
    CHECK(first.cards[i].prompt == second.cards[i].prompt);
    CHECK(first.cards[i].choices == second.cards[i].choices);
  }
}

TEST_CASE("the overlay rejects and edits generated cards by id") {
  const auto made = made_or_fail(HarbourDeck());
  const Card& rejected = *of_type(made, "who_said").front();
  REQUIRE_FALSE(of_type(made, "fact_cloze").empty());
  const Card& edited = *of_type(made, "fact_cloze").front();
  const std::string overlay = "[[card]]\nid = \"" + rejected.id +
                              "\"\naction = \"reject\"\n\n[[card]]\nid = \"" + edited.id +
                              "\"\naction = \"edit\"\nprompt = \"A better prompt\"\n";
  const auto curated = made_or_fail(HarbourDeck(overlay));
  CHECK(curated.cards.size() == made.cards.size() - 1);
  for (const auto& card : curated.cards) {
    CHECK(card.id != rejected.id);
    if (card.id == edited.id) {
      CHECK(card.prompt == "A better prompt");
      CHECK(card.answer == edited.answer);
    }
  }
}

TEST_CASE("what the overlay's writer writes, the deck reads; the hand-written rest is kept") {
  const auto made = made_or_fail(HarbourDeck());
  const Card& rejected = *of_type(made, "who_said").front();
  REQUIRE_FALSE(of_type(made, "fact_cloze").empty());
  const Card& edited = *of_type(made, "fact_cloze").front();
  const std::string hand = "# the curator's notes\n";
  HarbourDeck deck(hand);
  OverlayDecision reject;
  reject.card_id = rejected.id;
  reject.action = OverlayDecision::Action::Reject;
  OverlayDecision edit;
  edit.card_id = edited.id;
  edit.action = OverlayDecision::Action::Edit;
  edit.prompt = "A \"better\" prompt\non two lines";
  REQUIRE(write_overlay_decisions(deck.dir / "deck", {reject, edit}).ok());

  const auto curated = made_or_fail(deck);
  CHECK(curated.cards.size() == made.cards.size() - 1);
  for (const auto& card : curated.cards) {
    CHECK(card.id != rejected.id);
    if (card.id == edited.id) CHECK(card.prompt == *edit.prompt);
  }
  const auto read = read_overlay_decisions(deck.dir / "deck" / "deck.toml");
  REQUIRE(read.ok());
  REQUIRE(read->size() == 2);
  CHECK(read->at(1).prompt == edit.prompt);
  CHECK(read->at(1).in_block);
  REQUIRE(write_overlay_decisions(deck.dir / "deck", {edit}).ok());
  const auto rewritten = read_overlay_decisions(deck.dir / "deck" / "deck.toml");
  REQUIRE(rewritten.ok());
  CHECK(rewritten->size() == 1);
}

TEST_CASE("an overlay entry naming no generated card is an error naming its line") {
  const HarbourDeck deck("\n[[card]]\nid = \"c0000000000000000\"\naction = \"reject\"\n");
  auto made = deck.make();
  REQUIRE_FALSE(made.ok());
  CHECK(made.error().message.find("deck.toml:2") != std::string::npos);
  CHECK(made.error().message.find("no generated card with id c0000000000000000") !=
        std::string::npos);
}

TEST_CASE("an edit whose answer is not among its choices is refused") {
  const auto made = made_or_fail(HarbourDeck());
  const Card& card = *of_type(made, "who_said").front();
  const HarbourDeck deck("[[card]]\nid = \"" + card.id +
                         "\"\naction = \"edit\"\nchoices = [\"A\", \"B\", \"C\"]\n");
  auto curated = deck.make();
  REQUIRE_FALSE(curated.ok());
  CHECK(curated.error().message.find("not among the choices") != std::string::npos);
}

TEST_CASE("[[card]] entries are an unknown section in a deck without [generate]") {
  TempDir dir;
  citecard::test::write_mini_deck(
      dir, citecard::test::kMiniNotes + "\n[[card]]\nid = \"c1\"\naction = \"reject\"\n");
  auto spec = deck::load_deck(dir / "deck");
  REQUIRE_FALSE(spec.ok());
  CHECK(spec.error().message.find("unknown section `card`") != std::string::npos);
}

namespace {

// Whether every value is one of `allowed` and none repeats.
bool distinct_among(const std::vector<std::string>& values, std::vector<std::string> allowed) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::find(allowed.begin(), allowed.end(), values[i]) == allowed.end()) return false;
    if (std::find(values.begin() + static_cast<long>(i) + 1, values.end(), values[i]) !=
        values.end())
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("nearby values are written like the answer and differ from it") {
  using deck::generate::nearby_values;
  const auto hours = nearby_values("four hours", 3);
  CHECK(hours.size() == 3);
  CHECK(distinct_among(
      hours, {"one hours", "two hours", "three hours", "five hours", "six hours", "seven hours"}));
  const auto decade = nearby_values("1980s", 3);
  CHECK(decade.size() == 3);
  CHECK(distinct_among(decade, {"1950s", "1960s", "1970s", "1990s", "2000s", "2010s"}));
  const auto day = nearby_values("Wednesday", 3);
  CHECK(day.size() == 3);
  CHECK(distinct_among(day, {"Sunday", "Monday", "Tuesday", "Thursday", "Friday", "Saturday"}));
  const auto date = nearby_values("September 13, 2023", 3);
  REQUIRE(date.size() == 3);
  for (const auto& d : date) CHECK(d.rfind("September ", 0) == 0);
  const auto big = nearby_values("1,000 kilometres", 3);
  REQUIRE(big.size() == 3);
  for (const auto& b : big) {
    CHECK(b != "1,000 kilometres");
    CHECK(b.find(" kilometres") != std::string::npos);
  }
  CHECK(nearby_values("about a dozen resolutions", 3).empty());
}

TEST_CASE("a number's place among its choices varies from card to card, so rank is no clue") {
  // Across many answers each place (smallest, second, third, largest) occurs, none in most cards.
  std::map<int, int> places;
  int cards = 0;
  for (int n = 13; n < 413; n += 7) {
    for (const std::string unit : {" soldiers", " percent"}) {
      const std::string answer = std::to_string(n) + unit;
      const auto wrong = deck::generate::nearby_values(answer, 3);
      if (wrong.size() != 3) continue;
      int below = 0;
      for (const auto& w : wrong) below += std::stoi(w) < n ? 1 : 0;
      ++places[below];
      ++cards;
    }
  }
  REQUIRE(cards > 60);
  for (int place = 0; place < 4; ++place) {
    CAPTURE(place);
    CHECK(places[place] > 0);
    CHECK(places[place] * 2 < cards);
  }
  // Years too: the answer is not always the second of four consecutive years.
  std::map<int, int> year_places;
  for (int year = 1950; year < 2030; ++year) {
    int below = 0;
    for (const auto& w : deck::generate::nearby_values(std::to_string(year), 3))
      below += std::stoi(w) < year ? 1 : 0;
    ++year_places[below];
  }
  for (int place = 0; place < 4; ++place) CHECK(year_places[place] > 0);
}

TEST_CASE("a prompt gives its answer away whatever the case, hyphens or alias") {
  using deck::generate::gives_away;
  CHECK(gives_away("Kim Jong-un met Putin", "kim jong un"));
  CHECK(gives_away("KIM said", "Kim Jong Un", {"kim"}));
  CHECK_FALSE(gives_away("Ellen met Putin", "Kim Jong Un", {"kim"}));
  CHECK_FALSE(gives_away("Kimberly met Putin", "Kim"));
}

TEST_CASE(
    "a quote is asked once: by its who-said card; its typed twin only when a curator takes it") {
  const HarbourDeck deck;
  const auto made = made_or_fail(deck);
  const auto asked = of_type(made, "who_said");
  REQUIRE_FALSE(asked.empty());
  std::set<std::string> notes;
  for (const Card* card : asked) notes.insert(card->note);
  // A quote with fair wrong choices is asked by multiple choice alone: no typed twin, no cloze.
  for (const auto& card : made.cards) {
    if (card.type == "who_said_typed") CHECK_FALSE(notes.count(card.note));
    if (card.type == "quote_cloze") CHECK_FALSE(notes.count(card.note));
  }
  const Card& rejected = *asked.front();
  // The generator's own output, before one form per fact is chosen, holds the typed twin.
  auto spec = deck::load_deck(deck.dir / "deck");
  REQUIRE(spec.ok());
  auto generated = deck::generate::generate_cards(*spec);
  REQUIRE(generated.ok());
  const auto twin = std::find_if(
      generated->cards.begin(), generated->cards.end(),
      [&](const Card& c) { return c.type == "who_said_typed" && c.note == rejected.note; });
  REQUIRE(twin != generated->cards.end());
  const auto has_twin = [&](const deck::MadeDeck& d) {
    return std::any_of(d.cards.begin(), d.cards.end(),
                       [&](const Card& c) { return c.id == twin->id; });
  };
  const std::string reject = "[[card]]\nid = \"" + rejected.id + "\"\naction = \"reject\"\n\n";
  // A rejection stands for the quote: its typed twin does not take the card's place unasked.
  CHECK_FALSE(has_twin(made_or_fail(HarbourDeck(reject))));
  // A curator who wants the typed form accepts it by id.
  const auto typed_only = made_or_fail(
      HarbourDeck(reject + "[[card]]\nid = \"" + twin->id + "\"\naction = \"accept\"\n"));
  CHECK(has_twin(typed_only));
}

TEST_CASE(
    "a fact cloze is dropped when a hand-written question asks its sentence for that answer") {
  const std::string hand =
      "[[fact]]\nsource = \"daily\"\ncite = \"The harbour closed in 2019 after a storm damaged 14 "
      "piers along the coast of Portville.\"\nquestion = \"How many piers did the storm "
      "damage?\"\nanswer = \"14\"\n";
  const auto made = made_or_fail(HarbourDeck(hand));
  for (const Card* card : of_type(made, "fact_cloze")) CHECK(card->answer != "14 piers");
  CHECK(of_type(made, "fact").size() == 1);
  bool without_hand = false;
  const auto made_without_hand = made_or_fail(HarbourDeck());
  for (const Card* card : of_type(made_without_hand, "fact_cloze"))
    without_hand |= card->answer == "14 piers";
  CHECK(without_hand);
}

TEST_CASE("which outlet: a quote asks for every stated outlet that carried it") {
  const auto made = made_or_fail(HarbourDeck());
  const auto cards = of_type(made, "which_outlet");
  REQUIRE_FALSE(cards.empty());
  bool both = false;
  for (const Card* card : cards) {
    CHECK_FALSE(deck::generate::gives_away(card->prompt, card->answer));
    if (card->prompt.find("Ana Ruiz") != std::string::npos) {
      CHECK(card->answer == "The Daily and The Post");
      both = true;
    } else if (card->prompt.find("old cranes") != std::string::npos) {
      CHECK(card->answer == "The Post");  // only the second report carries it
    } else {
      CHECK(card->answer == "The Daily");
    }
  }
  CHECK(both);
}

TEST_CASE("which outlet: no cards when the deck states fewer than two outlets") {
  std::string manifest = kManifest;
  manifest.replace(manifest.find("The Post"), 8, "not stated");
  const auto made = made_or_fail(HarbourDeck("", manifest));
  CHECK(of_type(made, "which_outlet").empty());
  CHECK_FALSE(of_type(made, "who_said").empty());
}

TEST_CASE(
    "who-said cards are made only from sure attributions; the rest are held back with a "
    "reason") {
  const deck::MadeDeck made = made_or_fail(HarbourDeck());
  for (const Card* card : of_type(made, "who_said")) CHECK(card->answer.size() > 0);
  for (const auto& h : made.held_back) {
    CHECK(h.confidence < who_said_threshold());
    CHECK(h.reason.find("below") != std::string::npos);
    CHECK_FALSE(h.quote.empty());
    for (const auto& c : made.cards) CHECK(c.id != h.card_id);
  }
}

TEST_CASE("a curator's edit keeps a held-back quote with the speaker the curator names") {
  const deck::MadeDeck first = made_or_fail(HarbourDeck());
  REQUIRE_FALSE(first.held_back.empty());
  const std::string id = first.held_back.front().card_id;
  const HarbourDeck deck("[[card]]\nid = \"" + id +
                         "\"\naction = \"edit\"\nanswer = \"Tom Lee\"\n");
  const deck::MadeDeck made = made_or_fail(deck);
  const auto kept =
      std::find_if(made.cards.begin(), made.cards.end(), [&](const Card& c) { return c.id == id; });
  REQUIRE(kept != made.cards.end());
  CHECK(kept->answer == "Tom Lee");
  CHECK(made.held_back.size() + 1 == first.held_back.size());
}

TEST_CASE("a quote cloze is made only when its speaker is sure, and names them") {
  // Clozes alone: beside a who-said card, a cloze naming the speaker would ask its quote again.
  std::string manifest = kManifest;
  manifest.replace(manifest.find("[generate]\n"), 11, "[generate]\ntypes = [\"quote_cloze\"]\n");
  const deck::MadeDeck made = made_or_fail(HarbourDeck("", manifest));
  bool sure_seen = false;
  for (const Card* card : of_type(made, "quote_cloze")) {
    // "he said" after two men: no cloze, since it could only name a speaker it is unsure of.
    CHECK(card->prompt.find("must come down") == std::string::npos);
    CHECK(card->prompt.find(" said:") != std::string::npos);
    sure_seen = true;
  }
  CHECK(sure_seen);
}

TEST_CASE("an unsure quote's cloze is withheld until a curator vouches for its speaker") {
  const HarbourDeck plain;
  auto spec = deck::load_deck(plain.dir / "deck");
  REQUIRE(spec.ok());
  const auto generated = deck::generate::generate_cards(*spec);
  REQUIRE(generated.ok());
  std::string cloze_id;
  for (const auto& w : generated->withheld)
    if (w.card.prompt.find("must come down") != std::string::npos) cloze_id = w.card.id;
  REQUIRE_FALSE(cloze_id.empty());
  const deck::MadeDeck first = made_or_fail(plain);
  CHECK(std::none_of(first.cards.begin(), first.cards.end(),
                     [&](const Card& c) { return c.id == cloze_id; }));
  // Accepting the who-said card alone asks the quote once, by that card.
  const deck::MadeDeck said_only = made_or_fail(HarbourDeck(accept_held_back(first)));
  CHECK(std::none_of(said_only.cards.begin(), said_only.cards.end(),
                     [&](const Card& c) { return c.id == cloze_id; }));
  // A curator who accepts the cloze as well keeps both, and the cloze names the speaker.
  const deck::MadeDeck made = made_or_fail(HarbourDeck(
      accept_held_back(first) + "[[card]]\nid = \"" + cloze_id + "\"\naction = \"accept\"\n"));
  bool seen = false;
  for (const Card* card : of_type(made, "quote_cloze")) {
    if (card->prompt.find("must come down") == std::string::npos) continue;
    seen = true;
    CHECK(card->prompt.find(" said:") != std::string::npos);
  }
  CHECK(seen);
}

TEST_CASE("a quote cloze blanks the claim, a number with its unit, and no filler") {
  std::string manifest = kManifest;
  manifest.replace(manifest.find("[generate]\n"), 11, "[generate]\ntypes = [\"quote_cloze\"]\n");
  // Withheld clozes (of unsure quotes) blank as the others do.
  const HarbourDeck harbour("", manifest);
  auto spec = deck::load_deck(harbour.dir / "deck");
  REQUIRE(spec.ok());
  auto generated = deck::generate::generate_cards(*spec);
  REQUIRE(generated.ok());
  std::vector<const Card*> clozes;
  for (const auto& card : generated->cards) clozes.push_back(&card);
  for (const auto& w : generated->withheld) clozes.push_back(&w.card);
  std::map<std::string, std::string> answer_by_quote;
  for (const Card* card : clozes) {
    for (const char* quote : {"dredging contract", "cranes", "inspect", "asked the fishermen"})
      if (card->prompt.find(quote) != std::string::npos) answer_by_quote[quote] = card->answer;
  }
  // The number and what it counts, over any word of the quote.
  CHECK(answer_by_quote["dredging contract"] == "9 million dollars");
  CHECK(answer_by_quote["cranes"] == "30");
  // "We will inspect every incoming shipment very closely": no number, no name, no word the
  // articles report on elsewhere; a blank there would ask for phrasing.
  CHECK(answer_by_quote.count("inspect") == 0);
  CHECK(answer_by_quote.count("asked the fishermen") == 0);
}

TEST_CASE("a share's wrong choices stay within the whole") {
  for (const auto& choice : deck::generate::nearby_values("59 percent", 4)) {
    INFO(choice);
    CHECK(std::stoi(choice) <= 100);
  }
  CHECK_FALSE(deck::generate::nearby_values("59 percent", 3).empty());
}
