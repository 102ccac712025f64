#include "exchange/card_table.hpp"

#include <nlohmann/json.hpp>

#include "exchange/delimited.hpp"

namespace citecard::exchange {
namespace {

std::string lines(const std::vector<Card>::value_type& card, std::string (*part)(const Citation&)) {
  std::string out;
  // Appended piece by piece: g++ 12 at -O3 misreads `"\n" + std::string` as an overlapping copy.
  for (std::size_t i = 0; i < card.citations.size(); ++i) {
    if (i) out += '\n';
    out += part(card.citations[i]);
  }
  return out;
}

}  // namespace

std::string cards_json(const std::vector<Card>& cards) {
  nlohmann::json out = nlohmann::json::array();
  for (const Card& card : cards) {
    nlohmann::json citations = nlohmann::json::array();
    for (const Citation& c : card.citations)
      citations.push_back({{"source", c.source},
                           {"outlet", c.outlet},
                           {"title", c.title},
                           {"date", c.date},
                           {"start", c.start},
                           {"end", c.end},
                           {"text", c.text}});
    out.push_back({{"id", card.id},
                   {"deck", card.deck},
                   {"note", card.note},
                   {"type", card.type},
                   {"cited", is_cited(card)},
                   {"prompt", card.prompt},
                   {"answer", card.answer},
                   {"choices", card.choices},
                   {"citations", citations}});
  }
  return out.dump(2) + "\n";
}

std::string cards_csv(const std::vector<Card>& cards) {
  std::string out =
      delimited_row({"id", "deck", "type", "cited", "prompt", "answer", "choices", "source",
                     "outlet", "title", "date", "start", "end", "cited_text"},
                    ',');
  for (const Card& card : cards) {
    std::string choices;
    for (std::size_t i = 0; i < card.choices.size(); ++i) {
      if (i) choices += '\n';  // not "\n" + string: see lines()
      choices += card.choices[i];
    }
    out += delimited_row(
        {card.id, card.deck, card.type, is_cited(card) ? "yes" : "no", card.prompt, card.answer,
         choices, lines(card, [](const Citation& c) { return c.source; }),
         lines(card, [](const Citation& c) { return c.outlet; }),
         lines(card, [](const Citation& c) { return c.title; }),
         lines(card, [](const Citation& c) { return c.date; }),
         lines(card, [](const Citation& c) { return std::to_string(c.start); }),
         lines(card, [](const Citation& c) { return std::to_string(c.end); }),
         lines(card, [](const Citation& c) { return c.text; })},
        ',');
  }
  return out;
}

}  // namespace citecard::exchange
