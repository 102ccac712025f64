// citecard build DECK_DIR — build or update a deck in the collection.
#include <fmt/format.h>

#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_build_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string deck_dir;
    bool no_overlay = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "build",
      "Build or update a deck (manifest.toml, deck.toml, sources/) in the collection. "
      "Cards keep their ids and history across rebuilds.");
  command->add_option("DECK_DIR", options->deck_dir, "Deck folder, e.g. decks/summit-2023")
      ->required();
  command->add_flag("--no-overlay", options->no_overlay,
                    "Build the generator's cards alone, without deck.toml's hand-written notes and "
                    "[[card]] decisions");
  add_db_option(*command, options->db);
  command->callback([options] {
    Collection collection = open_collection_or_fail(options->db, Access::Build);
    const BuildReport report = value_or_fail(
        collection.build(options->deck_dir, DeckBuildOptions{.curated = !options->no_overlay}));
    fmt::print("Built {}: {} sources, {} notes, {} cards ({} new, {} updated, {} archived)\n",
               terminal_safe(report.deck), report.sources, report.notes, report.cards_total,
               report.cards_added, report.cards_updated, report.cards_archived);
    if (!report.held_back.empty()) {
      fmt::print(
          "Held back {} quote(s) whose speaker is not sure enough for a who-said card; to keep "
          "one, add [[card]] id = \"ID\" with action = \"accept\" (or action = \"edit\" and "
          "answer = \"the right speaker\") to deck.toml:\n",
          report.held_back.size());
      for (const auto& h : report.held_back) {
        std::string quote = h.quote.size() > 70 ? h.quote.substr(0, 67) + "..." : h.quote;
        fmt::print("  {}  {}  \u201C{}\u201D -> {}: {}\n", h.card_id, terminal_safe(h.source),
                   terminal_safe(quote), terminal_safe(h.speaker), terminal_safe(h.reason));
      }
    }
  });
}

}  // namespace citecard::cli
