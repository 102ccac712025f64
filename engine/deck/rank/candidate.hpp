// A card the generator could make, with what its rules say of it: the pool a deck's cards are
// chosen from. Every fact sentence gives one candidate per answer span, every quote its who-said
// and complete-the-quote cards, every person with a role their who-is cards; the keep model
// (keep_model.hpp) scores each, and choose.hpp picks an article's best.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "citecard/card.hpp"
#include "deck/made_note.hpp"

namespace citecard::deck {

// A named feature and its value: 1 for a trait the candidate has, a fraction for a measure.
using Feature = std::pair<std::string, double>;

struct Candidate {
  Card card;
  MadeNote note;
  int article = 0;          // the index of the article of the card's first citation
  std::string answer_kind;  // fact clozes: the hidden span's kind ("number", "person" …)
  bool offered = false;     // the generator's rules alone would offer it unasked
  bool held_back = false;   // a who-said card whose speaker is not sure enough
  std::vector<std::string> findings;  // the rules that would not offer it, by rule id
  std::vector<Feature> features;
  // How likely a careful reader is to keep the card (keep_model.hpp), and the features that weigh
  // most in that estimate, strongest first, signed ("+offered", "-finding:protagonist").
  double keep = 0;
  std::vector<std::string> why;
};

}  // namespace citecard::deck
