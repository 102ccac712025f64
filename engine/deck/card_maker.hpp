// Turns a checked deck into notes and cards: a quote becomes a "who said it" card whose wrong
// choices are other speakers of the same kind; a fact becomes a question card.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/lint.hpp"
#include "citecard/result.hpp"
#include "deck/deck_spec.hpp"
#include "deck/made_note.hpp"
#include "deck/rank/candidate.hpp"

namespace citecard::deck {

struct MadeDeck {
  std::vector<MadeNote> notes;
  std::vector<Card> cards;  // the order new cards are introduced (interleave_for_study)
  std::vector<HeldBackQuote> held_back;  // not accepted by the overlay
  // Every candidate the generator scored, the built cards among them (citecard/candidates.hpp).
  std::vector<Candidate> pool;
};

// With `options.curated` false, the deck's hand-written notes and [[card]] overlay are left out:
// the generator's cards alone.
Result<MadeDeck> make_cards(const DeckSpec& deck, DeckBuildOptions options = {});

}  // namespace citecard::deck
