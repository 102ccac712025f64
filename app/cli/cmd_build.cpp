// citecard build DECK_DIR — build or update a deck in the collection.
#include <fmt/format.h>

#include "commands.hpp"

namespace citecard::cli {

void add_build_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string deck_dir;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "build",
      "Build or update a deck (manifest.toml, deck.toml, sources/) in the collection. "
      "Cards keep their ids and history across rebuilds.");
  command->add_option("DECK_DIR", options->deck_dir, "Deck folder, e.g. decks/summit-2023")
      ->required();
  add_db_option(*command, options->db);
  command->callback([options] {
    Collection collection = open_collection_or_fail(options->db, Access::Build);
    const BuildReport report = value_or_fail(collection.build(options->deck_dir));
    fmt::print("Built {}: {} sources, {} notes, {} cards ({} new, {} updated, {} archived)\n",
               report.deck, report.sources, report.notes, report.cards_total, report.cards_added,
               report.cards_updated, report.cards_archived);
  });
}

}  // namespace citecard::cli
