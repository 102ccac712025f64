// citecard — candidates: every card the generator could make of a deck's articles, with how
// likely a careful reader is to keep it and why, best first. The deck offers an article's best
// unasked; a curator (the app's Builder, `citecard candidates`) accepts or rejects the rest by id.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/lint.hpp"
#include "citecard/result.hpp"

namespace citecard {

struct CandidateCard {
  Card card;
  std::string source;      // the id of the article the card asks about
  double keep = 0;         // predicted probability that a careful reader keeps the card
  bool chosen = false;     // the built deck holds it
  bool held_back = false;  // a who-said card whose speaker is too unsure to offer unasked
  // The features that weigh most in `keep`, strongest first: "+offered (+1.20)".
  std::vector<std::string> why;
  std::vector<std::pair<std::string, double>> features;  // every feature, by name
};

struct CandidateReport {
  std::string deck;
  std::vector<CandidateCard> candidates;  // article by article (deck order), best first in each
};

// Makes the deck in memory as a build would (nothing is written) and lists every candidate.
Result<CandidateReport> deck_candidates(const std::filesystem::path& deck_dir,
                                        DeckBuildOptions options = {});

}  // namespace citecard
