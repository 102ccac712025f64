// Settings a learner keeps in the collection: collection-wide StudyOptions and per-deck options.
#pragma once

#include <string>

#include "citecard/collection.hpp"
#include "store/database.hpp"

namespace citecard::store {

// Overrides the fields of `options` that the collection has saved.
Result<void> load_settings(const Database& db, StudyOptions& options);
Result<void> save_settings(Database& db, const StudyOptions& options);

// Whether every commit is flushed to disk (Collection::set_durable); false when never set.
Result<bool> load_durable(const Database& db);
Result<void> save_durable(Database& db, bool durable);

Result<DeckOptions> load_deck_options(const Database& db, const std::string& deck);
Result<void> save_deck_options(Database& db, const std::string& deck, const DeckOptions& options);

// The parameters a deck's answers are scheduled with: the collection's, with its own retention.
Result<FsrsParameters> deck_parameters(const Database& db, const std::string& deck,
                                       const StudyOptions& options);

}  // namespace citecard::store
