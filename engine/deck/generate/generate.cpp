// The generator's order of work: read the sources once, group what several sources report, then
// make each card type the deck asks for. The output depends only on the deck's files.
#include <algorithm>

#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {

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
    out.refused = std::move(corpus->refused);
  }
  if (wants("who_is") || wants("who_is_reverse")) {
    Generated people;
    make_who_is(*corpus, wants("who_is_reverse"), people);
    for (auto& card : people.cards)
      if (wants(card.type.c_str())) out.cards.push_back(std::move(card));
    for (auto& note : people.notes) add_note(out, std::move(note));
  }
  return out;
}

}  // namespace citecard::deck::generate
