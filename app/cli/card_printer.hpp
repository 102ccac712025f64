// How the terminal shows a card: its front (prompt and lettered choices) and its back (the answer
// and every citation with its source). Shared by `study` and `show`.
#pragma once

#include "citecard/card.hpp"

namespace citecard::cli {

// `heading` is the rule's label, e.g. "Card 3".
void print_card_front(const Card& card, const std::string& heading);
void print_card_back(const Card& card);

}  // namespace citecard::cli
