// Writes a built deck into the collection: sources, notes with citations, cards. Cards keep
// their ids across rebuilds, so their history stays; cards whose note is gone are archived.
#pragma once

#include "citecard/collection.hpp"
#include "citecard/result.hpp"
#include "deck/card_maker.hpp"
#include "store/database.hpp"

namespace citecard::store {

// Runs inside the caller's transaction.
Result<BuildReport> write_deck(Database& db, const deck::DeckSpec& spec, const deck::MadeDeck& made,
                               Timestamp now);

}  // namespace citecard::store
