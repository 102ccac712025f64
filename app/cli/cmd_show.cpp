// citecard show CARD_ID... — a card's front and back as `study` shows them, without studying it.
#include <fmt/format.h>

#include "card_printer.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_show_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::vector<std::string> ids;
    std::string type;
    std::size_t limit = 0;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "show", "Show cards' fronts and backs (answer and citations) as a study session would");
  command->add_option("CARD_ID", options->ids, "Cards to show (ids from `citecard cards`)");
  command->add_option("--type", options->type,
                      "Show the cards of this type instead, e.g. who_said, fact_cloze");
  command->add_option("--limit", options->limit, "With --type: at most this many cards");
  add_db_option(*command, options->db);
  command->callback([options] {
    if (options->ids.empty() == options->type.empty())
      fail(make_error("give card ids, or --type TYPE (not both)"));
    Collection collection = open_collection_or_fail(options->db, Access::Read);
    std::vector<Card> cards;
    if (!options->type.empty()) {
      for (Card& card : value_or_fail(collection.cards()))
        if (card.type == options->type) cards.push_back(std::move(card));
      if (cards.empty()) fail(make_error(fmt::format("no cards of type {}", options->type)));
      if (options->limit > 0 && cards.size() > options->limit) cards.resize(options->limit);
    } else {
      for (const auto& id : options->ids) cards.push_back(value_or_fail(collection.card(id)));
    }
    for (const Card& card : cards) {
      print_card_front(card, fmt::format("{} {}", card.type, card.id));
      print_card_back(card);
    }
  });
}

}  // namespace citecard::cli
