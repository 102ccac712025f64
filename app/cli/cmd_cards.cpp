// citecard cards [--json] — list the collection's cards with their citations.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {
namespace {

nlohmann::ordered_json card_to_json(const Card& card) {
  nlohmann::ordered_json j;
  j["id"] = card.id;
  j["deck"] = card.deck;
  j["type"] = card.type;
  j["cited"] = is_cited(card);  // false for a card imported from Anki: it has no citations
  j["prompt"] = card.prompt;
  j["answer"] = card.answer;
  j["choices"] = card.choices;
  j["citations"] = nlohmann::ordered_json::array();
  for (const auto& c : card.citations) {
    nlohmann::ordered_json citation;
    citation["source"] = c.source;
    citation["title"] = c.title;
    citation["outlet"] = c.outlet;
    citation["start"] = c.start;
    citation["end"] = c.end;
    citation["text"] = c.text;
    j["citations"].push_back(std::move(citation));
  }
  return j;
}

// The prompt's first line, shortened for a one-line listing.
std::string headline(const std::string& prompt) {
  std::string line = prompt.substr(0, prompt.find('\n'));
  if (prompt.find('\n') != std::string::npos) line += " " + prompt.substr(prompt.find('\n') + 1);
  constexpr std::size_t kWidth = 90;
  if (line.size() > kWidth) {
    std::size_t cut = kWidth;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "…";
  }
  return line;
}

}  // namespace

void add_cards_command(CLI::App& app) {
  struct Options {
    std::string db;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("cards", "List the collection's cards");
  command->add_flag("--json", options->json,
                    "Print a JSON array: id, deck, type, prompt, answer, choices, citations "
                    "(source, title, outlet, start, end, text; byte offsets, end exclusive)");
  add_db_option(*command, options->db);
  command->callback([options] {
    Collection collection = open_collection_or_fail(options->db, Access::Read);
    const auto cards = value_or_fail(collection.cards());
    if (options->json) {
      auto all = nlohmann::ordered_json::array();
      for (const auto& card : cards) all.push_back(card_to_json(card));
      fmt::print("{}\n", all.dump(2));
      return;
    }
    for (const auto& card : cards)
      fmt::print("{}  {:<8}  {}\n", card.id, card.type, terminal_safe(headline(card.prompt)));
    fmt::print("{} cards\n", cards.size());
  });
}

}  // namespace citecard::cli
