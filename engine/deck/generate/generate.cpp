// The generator's order of work: read the sources once, group what several sources report, make
// each card type the deck asks for by the rules, then pool every candidate (the rules' cards,
// those they withhold or hold back, and a fact cloze of every answer span), score each with the
// keep model and choose each article's best. The output depends only on the deck's files.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "deck/generate/generate.hpp"
#include "deck/rank/choose.hpp"
#include "deck/rank/keep_model.hpp"

namespace citecard::deck::generate {
namespace {

int article_of(const Corpus& corpus, const Card& card) {
  if (card.citations.empty()) return 0;
  for (std::size_t a = 0; a < corpus.articles.size(); ++a)
    if (corpus.articles[a].source->id == card.citations.front().source) return static_cast<int>(a);
  return 0;
}

std::string answer_kind_of(const MadeNote& note) {
  const auto body = nlohmann::json::parse(note.body_json, nullptr, /*allow_exceptions=*/false);
  if (body.is_object() && body.contains("kind") && body["kind"].is_string())
    return body["kind"].get<std::string>();
  return {};
}

Candidate pooled(const Corpus& corpus, Card card, MadeNote note) {
  Candidate c;
  c.article = article_of(corpus, card);
  if (card.type == card_type::kFactCloze) c.answer_kind = answer_kind_of(note);
  c.card = std::move(card);
  c.note = std::move(note);
  return c;
}

// Every candidate the rules made, offered, withheld or held back, then the fact clozes they did
// not make.
std::vector<Candidate> pool_of(const Corpus& corpus, const Generated& made, bool fact_clozes) {
  std::vector<Candidate> pool;
  std::map<std::string, const MadeNote*> notes;
  for (const auto& note : made.notes) notes.emplace(note.id, &note);
  for (const auto& card : made.cards) {
    const auto note = notes.find(card.note);
    if (note == notes.end()) continue;
    pool.push_back(pooled(corpus, card, *note->second));
    pool.back().offered = true;
  }
  for (const auto& w : made.withheld) {
    pool.push_back(pooled(corpus, w.card, w.note));
    pool.back().findings.push_back("withheld");
  }
  for (const auto& held : made.held_back)
    for (const auto& card : held.cards) {
      pool.push_back(pooled(corpus, card, held.note));
      pool.back().held_back = true;
    }
  if (fact_clozes) pool_fact_clozes(corpus, pool);
  return pool;
}

// The rules' cards become the pool's chosen ones: `cards` what the keep model chose, `withheld`
// every other candidate but the held-back quotes, which stay as they were.
void choose_from_pool(const Corpus& corpus, Generated& out, bool fact_clozes) {
  auto pool = pool_of(corpus, out, fact_clozes);
  add_features(corpus, pool);
  rank::score(pool);
  const auto chosen = rank::choose(pool, rank::default_limits());
  std::vector<bool> is_chosen(pool.size(), false);
  for (const std::size_t i : chosen) is_chosen[i] = true;
  out.cards.clear();
  out.notes.clear();
  out.withheld.clear();
  for (const std::size_t i : chosen) {
    out.cards.push_back(pool[i].card);
    add_note(out, pool[i].note);
  }
  for (std::size_t i = 0; i < pool.size(); ++i)
    if (!is_chosen[i] && !pool[i].held_back) out.withheld.push_back({pool[i].card, pool[i].note});
  out.pool = std::move(pool);
}

}  // namespace

Result<Generated> generate_cards(const DeckSpec& deck) {
  Generated out;
  if (!deck.generate.enabled) return out;
  auto corpus = read_corpus(deck);
  if (!corpus) return corpus.error();
  auto wants = [&](const char* type) {
    return std::find(deck.generate.types.begin(), deck.generate.types.end(), type) !=
           deck.generate.types.end();
  };
  const auto quotes = group_quotes(*corpus);
  if (wants("who_said") || wants("who_said_typed")) {
    Generated said;
    make_who_said(*corpus, quotes, wants("who_said_typed"), said);
    for (auto& card : said.cards)
      if (wants(card.type.c_str())) out.cards.push_back(std::move(card));
    for (auto& note : said.notes) add_note(out, std::move(note));
    for (auto& held : said.held_back) {
      std::erase_if(held.cards, [&](const Card& c) { return !wants(c.type.c_str()); });
      if (!held.cards.empty()) out.held_back.push_back(std::move(held));
    }
  }
  if (wants("quote_cloze")) make_quote_cloze(*corpus, quotes, out);
  if (wants("which_outlet")) make_which_outlet(*corpus, quotes, out);
  if (wants("fact_cloze")) {
    auto facts = group_facts(*corpus);
    rank_by_importance(*corpus, facts);
    make_fact_cloze(*corpus, facts, out);
    out.refused = corpus->refused;
  }
  if (wants("who_is") || wants("who_is_reverse")) {
    Generated people;
    make_who_is(*corpus, wants("who_is_reverse"), people);
    for (auto& card : people.cards)
      if (wants(card.type.c_str())) out.cards.push_back(std::move(card));
    for (auto& note : people.notes) add_note(out, std::move(note));
  }
  choose_from_pool(*corpus, out, wants("fact_cloze"));
  return out;
}

}  // namespace citecard::deck::generate
