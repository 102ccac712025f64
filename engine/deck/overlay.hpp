// The curator's overlay: deck.toml's [[card]] entries accept, reject or edit generated cards by id.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/result.hpp"
#include "deck/deck_spec.hpp"

namespace citecard::deck {

// Applies every entry to `generated` (rejected cards are removed). An entry naming no generated
// card is an error naming its line: its card's article was removed or its text moved, and a
// silent overlay would let a curator believe a decision still holds.
Result<void> apply_overlay(const std::vector<OverlayEntry>& overlay, std::vector<Card>& generated,
                           const std::set<std::string>& hand_card_ids);

}  // namespace citecard::deck
