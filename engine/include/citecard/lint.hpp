// citecard — lint: which cards of a deck a rule suspects (a blank the sentence gives away, a
// weekday or filler blank, a caption cited as reporting, two choices naming one thing, a fact asked
// twice ...), each with the rule and a reason a curator can act on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "citecard/result.hpp"

namespace citecard {

// How a deck is made from its folder.
struct DeckBuildOptions {
  // false: the generator's cards alone, without the hand-written notes and the [[card]] overlay of
  // deck.toml, to see what the generator makes of articles nobody curated.
  bool curated = true;
};

struct LintFinding {
  std::string card_id;
  std::string card_type;
  std::string rule;  // "place-shown", "alias-choices", ...
  std::string reason;
  std::string prompt;
  std::string answer;
};

struct LintReport {
  std::string deck;
  int cards = 0;
  std::vector<LintFinding> findings;  // in card order
};

// Makes the deck's cards as a build would (nothing is written) and applies every rule.
Result<LintReport> lint_deck(const std::filesystem::path& deck_dir, DeckBuildOptions options = {});

}  // namespace citecard
