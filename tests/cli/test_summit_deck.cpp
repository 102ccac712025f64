// The summit deck as the generator and its curation overlay make it: every card checked for what a
// card must be (cited verbatim, not answerable from its own wording, fair choices), and a rebuild
// after curating keeps every card's id and history.
#include <doctest/doctest.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "citecard/collection.hpp"
#include "citecard/extract.hpp"
#include "cli_fixture.hpp"

using citecard::test::read_file;
using citecard::test::SummitCollection;
using citecard::test::TempDir;

namespace {

struct SummitSources {
  std::map<std::string, std::string> text_by_id;
  // name_key of a name -> name_key of every form the extraction clusters with it.
  std::map<std::string, std::set<std::string>> aliases;
  std::map<std::string, citecard::EntityKind> kind;

  SummitSources() {
    const auto manifest = toml::parse_file(citecard::test::kSummitDeck + "/manifest.toml");
    for (const auto& node : *manifest["source"].as_array()) {
      const auto& table = *node.as_table();
      const std::string text =
          read_file(citecard::test::kSummitDeck + "/" + table["file"].value_or(std::string()));
      text_by_id[table["id"].value_or(std::string())] = text;
      auto found = citecard::extract(text);
      REQUIRE(found.ok());
      for (const auto& e : found->entities) {
        auto& keys = aliases[citecard::name_key(e.name)];
        keys.insert(citecard::name_key(e.name));
        for (const auto& a : e.aliases) keys.insert(citecard::name_key(a));
        kind.emplace(citecard::name_key(e.name), e.kind);
      }
    }
  }
};

// Lowercase words of name_key(text): the normalisation the extraction compares names with.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : citecard::name_key(text)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

bool contains_words(const std::string& prompt, const std::string& answer) {
  const auto p = words(prompt), a = words(answer);
  return !a.empty() && std::search(p.begin(), p.end(), a.begin(), a.end()) != p.end();
}

bool has_digit(const std::string& s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// What a number or date is written with besides its digits ("hours", "September"): every choice
// must be written the same way.
std::vector<std::string> unit_words(const std::string& s) {
  std::vector<std::string> out;
  for (auto& w : words(s))
    if (!has_digit(w)) out.push_back(w);
  return out;
}

}  // namespace

// The generator asks only what lint lets through (no blank the sentence gives away, no fact asked
// twice, who-is only for officials a learner needs, who-said only for the story's actors, not the
// commentators it quotes once), and the curator rejected what a fresh reader judged trivia and
// added hand-written questions for what no generated card asks (outcome, aims, evidence,
// reactions): these floors say every type is still there, not that more is better.
// One fact is asked once across card types (deck/one_fact.hpp): a quote asked "who said it" has
// no typed twin and no cloze, a person asked "who is" no reverse card. The floors were 25
// generated cards, 5 fact and 5 quote clozes and a reverse who-is when 13 of those 27 generated
// cards were the repeats a fresh reader rejected; they now count what is left once each fact is
// asked once, and a reverse who-is is made only where its forward card is not. They were 80
// cards, 3 fact and 3 quote clozes and 14 generated before fact clozes were limited to numbers,
// dates and full names (3 an article at most), quote clozes to sure speakers and a quote said in
// the same breath as another to one card, and the sixth reading's rejections were replaced by
// hand-written questions: 2 fact and 2 quote clozes and 12 generated cards are what is left.
// The seventh reading judged the marine-biology lab's place cloze trivia: its accept entry is
// gone, so the generator withholds it, leaving 1 fact cloze and 11 generated cards. Then a person
// blank after a title ("former U.S. President _____", the titled-person rule a fresh reader's
// rejections asked for) was no longer made: 79 cards, 10 generated and no fact cloze — of the
// generator's fact clozes on these articles none is one a reader kept (repeats of hand-written
// questions, a commentator's name, trivia), so the curated deck asks those facts by hand.
TEST_CASE("the summit deck has at least 79 cards of the kinds it keeps, one fact asked once") {
  SummitCollection summit;
  const auto cards = summit.cards();
  CHECK(cards.size() >= 79);
  std::map<std::string, int> by_type;
  std::map<std::string, std::set<std::string>> types_asking;  // quote line or person -> types
  for (const auto& card : cards) {
    const std::string type = card["type"], prompt = card["prompt"], answer = card["answer"];
    ++by_type[type];
    if (type == "who_said" || type == "who_said_typed")
      types_asking[prompt.substr(prompt.find('\n') + 1)].insert(type);
    if (type == "who_is_reverse") types_asking[answer].insert(type);
    if (type == "who_is")
      types_asking[prompt.substr(prompt.find("describe ") + 9,
                                 prompt.rfind('?') - prompt.find("describe ") - 9)]
          .insert(type);
  }
  int generated = 0;
  for (const auto& [type, count] : by_type)
    if (type != "fact") generated += count;
  CHECK(by_type["quote_cloze"] >= 2);
  CHECK(by_type["who_said"] >= 5);
  CHECK(by_type["who_is"] + by_type["who_is_reverse"] >= 1);
  CHECK(generated >= 10);
  CHECK(types_asking.size() >= 8);
  for (const auto& [asked_fact, types] : types_asking) {
    const auto asked = asked_fact;  // INFO captures it; clang 14 cannot capture a binding
    INFO(asked);
    CHECK_FALSE((types.count("who_said") && types.count("who_said_typed")));
    CHECK_FALSE((types.count("who_is") && types.count("who_is_reverse")));
  }
}

TEST_CASE("every summit card cites verbatim text at its byte offsets") {
  SummitCollection summit;
  const SummitSources sources;
  for (const auto& card : summit.cards()) {
    const std::string id = card["id"].get<std::string>();
    INFO(id);
    REQUIRE(card["citations"].size() >= 1);
    for (const auto& c : card["citations"]) {
      const std::string& text = sources.text_by_id.at(c["source"].get<std::string>());
      const auto start = c["start"].get<std::size_t>(), end = c["end"].get<std::size_t>();
      REQUIRE(end <= text.size());
      CHECK(text.substr(start, end - start) == c["text"].get<std::string>());
    }
  }
}

TEST_CASE("no summit card's prompt contains its answer, aliases included") {
  SummitCollection summit;
  const SummitSources sources;
  for (const auto& card : summit.cards()) {
    const std::string prompt = card["prompt"], answer = card["answer"];
    const std::string what = card["id"].get<std::string>() + ": " + prompt + " -> " + answer;
    INFO(what);
    CHECK_FALSE(contains_words(prompt, answer));
    const auto alias = sources.aliases.find(citecard::name_key(answer));
    if (alias == sources.aliases.end()) continue;
    for (const auto& key : alias->second) CHECK_FALSE(contains_words(prompt, key));
  }
}

TEST_CASE("multiple-choice summit cards offer distinct choices of the answer's type") {
  SummitCollection summit;
  const SummitSources sources;
  int multiple_choice = 0;
  for (const auto& card : summit.cards()) {
    const auto& choices = card["choices"];
    if (choices.empty()) continue;
    ++multiple_choice;
    const std::string type = card["type"], answer = card["answer"];
    const std::string what = card["id"].get<std::string>() + " " + type + ": " + answer;
    INFO(what);
    std::set<std::string> distinct;
    for (const auto& c : choices) distinct.insert(c.get<std::string>());
    CHECK(distinct.size() == choices.size());
    CHECK(distinct.count(answer) == 1);
    if (type == "who_said" || type == "who_is_reverse") {
      // People for people: each choice is a person (or a pair of people) the articles name.
      for (const auto& c : distinct) {
        const std::string first = c.substr(0, c.find(" and "));
        const auto kind = sources.kind.find(citecard::name_key(first));
        CHECK((kind == sources.kind.end() || kind->second == citecard::EntityKind::person));
        CHECK_FALSE(has_digit(c));
      }
    } else if (type == "fact_cloze") {
      for (const auto& c : distinct) {
        CHECK(has_digit(c) == has_digit(answer));
        if (has_digit(answer)) CHECK(unit_words(c) == unit_words(answer));
      }
    }
    // Never the true answer under another name.
    const auto alias = sources.aliases.find(citecard::name_key(answer));
    if (alias != sources.aliases.end())
      for (const auto& c : distinct)
        if (c != answer) CHECK_FALSE(alias->second.count(citecard::name_key(c)));
  }
  CHECK(multiple_choice >= 60);
}

TEST_CASE("a quote worded differently across sources is one card citing each wording") {
  // Kim's words as CBC News ("sacred fight against hegemonic forces") and AP ("just fight") print
  // them, on the who-said card; the cloze that cited a1's bare "sacred fight" beside "just fight"
  // is gone as a repeat of that card (one fact asked once).
  SummitCollection summit;
  bool sacred_and_just = false;
  for (const auto& card : summit.cards()) {
    bool sacred = false, just = false;
    for (const auto& c : card["citations"]) {
      const std::string text = c["text"];
      sacred |= text.rfind("sacred fight", 0) == 0 && text.size() < 60;
      just |= text == "just fight";
    }
    sacred_and_just |= sacred && just;
  }
  CHECK(sacred_and_just);
}

TEST_CASE("the same summit deck builds to byte-identical `cards --json`") {
  SummitCollection first;
  SummitCollection second;
  CHECK(first.run("cards --json").out == second.run("cards --json").out);
}

TEST_CASE("curating and rebuilding keeps every card's id and history") {
  TempDir dir;
  const auto deck = dir / "summit-2023";
  std::filesystem::copy(citecard::test::kSummitDeck, deck,
                        std::filesystem::copy_options::recursive);
  auto collection = citecard::Collection::open(dir / "collection.db");
  REQUIRE(collection.ok());
  REQUIRE(collection->build(deck).ok());
  const auto before = collection->cards();
  REQUIRE(before.ok());

  // Answer the first generated card of each kind that deck.toml does not already decide (both
  // summit quote clozes are curated: an entry naming one again is refused); the first is then
  // rejected, the second edited.
  std::ifstream overlay_in(deck / "deck.toml");
  const std::string overlay((std::istreambuf_iterator<char>(overlay_in)),
                            std::istreambuf_iterator<char>());
  std::vector<std::string> answered;
  for (const char* type : {"quote_cloze", "fact_cloze", "who_is", "who_said"}) {
    const auto card = std::find_if(before->begin(), before->end(), [&](const citecard::Card& c) {
      return c.type == type && overlay.find(c.id) == std::string::npos;
    });
    if (card != before->end()) answered.push_back(card->id);
  }
  // A who-said card the curator already edited: a curator who changes their mind about it writes
  // another context line in its entry (the rules judge the edited card, so the quote stays).
  std::size_t edited_prompt_at = std::string::npos, edited_prompt_end = std::string::npos;
  for (const auto& c : *before) {
    const auto entry = overlay.find("id = \"" + c.id + "\"\naction = \"edit\"");
    if (entry == std::string::npos) continue;
    const auto next_entry = overlay.find("[[card]]", entry);
    const auto prompt = overlay.find("\nprompt = \"Who said this? (", entry);
    if (prompt == std::string::npos || prompt > next_entry) continue;
    answered.push_back(c.id);
    edited_prompt_at = prompt + 1;
    edited_prompt_end = overlay.find('\n', edited_prompt_at);
    break;
  }
  REQUIRE(answered.size() >= 3);
  REQUIRE(edited_prompt_at != std::string::npos);
  const citecard::Timestamp now = 1'700'000'000;
  for (const auto& id : answered)
    REQUIRE(collection->answer(id, citecard::Rating::Good, now, 4000).ok());
  const std::string rejected = answered[0], edited = answered.back();

  std::string curated = overlay;
  const std::string old_prompt =
      overlay.substr(edited_prompt_at, edited_prompt_end - edited_prompt_at);
  const std::string quote_line = old_prompt.substr(old_prompt.find("\\n"));
  curated.replace(edited_prompt_at, edited_prompt_end - edited_prompt_at,
                  "prompt = \"Who said this? (Edited context)" + quote_line);
  std::ofstream(deck / "deck.toml")
      << curated << "\n[[card]]\nid = \"" << rejected << "\"\naction = \"reject\"\n";
  const auto report = collection->build(deck);
  REQUIRE_MESSAGE(report.ok(), (report.ok() ? std::string() : report.error().message));
  CHECK(report->cards_archived == 1);
  CHECK(report->cards_updated >= 1);
  CHECK(report->cards_added == 0);

  const auto after = collection->cards();
  REQUIRE(after.ok());
  CHECK(after->size() == before->size() - 1);
  for (const auto& id : answered) {
    auto log = collection->review_log(id);
    REQUIRE(log.ok());
    CHECK(log->size() == 1);  // the rejected card is archived with its history
  }
  for (const auto& card : *after) {
    CHECK(card.id != rejected);
    if (card.id == edited) CHECK(card.prompt.rfind("Who said this? (Edited context)\n", 0) == 0);
  }
  auto edited_memory = collection->memory(edited);
  REQUIRE(edited_memory.ok());
  CHECK(edited_memory->reps == 1);
}

TEST_CASE("the answer's place among the choices varies, so position is no clue") {
  SummitCollection summit;
  std::map<std::string, std::map<std::size_t, int>> positions;
  std::map<std::string, int> counts;
  for (const auto& card : summit.cards()) {
    const auto& choices = card["choices"];
    if (choices.empty()) continue;
    const std::string type = card["type"];
    for (std::size_t i = 0; i < choices.size(); ++i)
      if (choices[i] == card["answer"]) ++positions[type][i];
    ++counts[type];
  }
  for (const auto& [card_type, count] : counts) {
    if (count < 12) continue;
    const std::string type = card_type;  // INFO captures it; clang 14 cannot capture a binding
    INFO(type);
    for (const auto& [position, n] : positions[type]) CHECK(n * 2 <= count);
  }
}
