// citecard lint DECK_DIR [--no-overlay] — every card a rule suspects, with the rule and the reason;
// exit status 1 if there is any. Nothing is written: the deck is made in memory as build makes it.
#include <fmt/format.h>

#include "citecard/lint.hpp"
#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_lint_command(CLI::App& app) {
  struct Options {
    std::string deck_dir;
    bool no_overlay = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "lint",
      "List every card of a deck that a rule suspects (a blank the sentence gives away, a weekday "
      "or filler blank, a caption cited as reporting, two choices naming one thing, a fact asked "
      "twice ...) with the rule and the reason; exit status 1 if any");
  command->add_option("DECK_DIR", options->deck_dir, "Deck folder, e.g. decks/summit-2023")
      ->required();
  command->add_flag("--no-overlay", options->no_overlay,
                    "Lint the generator's cards alone, without deck.toml's hand-written notes and "
                    "[[card]] decisions");
  command->callback([options] {
    const LintReport report = value_or_fail(
        lint_deck(options->deck_dir, DeckBuildOptions{.curated = !options->no_overlay}));
    for (const auto& f : report.findings) {
      fmt::print("{} {} [{}] {}\n", f.card_id, f.card_type, f.rule, terminal_safe(f.reason));
      fmt::print("    answer: {}\n", terminal_safe(f.answer));
    }
    fmt::print("Linted {}: {} card{}, {} suspect{}.\n", report.deck, report.cards,
               report.cards == 1 ? "" : "s", report.findings.size(),
               report.findings.size() == 1 ? "" : "s");
    if (!report.findings.empty())
      fail(Error{fmt::format("{} card finding{} (listed above)", report.findings.size(),
                             report.findings.size() == 1 ? "" : "s")});
  });
}

}  // namespace citecard::cli
