// The order in which a deck's new cards are introduced: a first day of twenty new cards should
// show every kind of card and every source, never two cards of one note close together.
#pragma once

#include <vector>

#include "citecard/card.hpp"

namespace citecard::deck {

// Cards of one note closer than this in the order are moved apart where the deck allows.
inline constexpr std::size_t kSiblingGap = 5;

// Reorders `cards`: round-robin over card types (in order of first appearance), each type's cards
// round-robin over their first citation's source, each keeping its relative order; then a card
// whose note appeared within the last kSiblingGap places is moved later. Deterministic.
void interleave_for_study(std::vector<Card>& cards);

}  // namespace citecard::deck
