// Writes notes imported from another flashcard app into the collection as uncited cards.
#pragma once

#include <string>
#include <vector>

#include "citecard/collection.hpp"
#include "citecard/result.hpp"
#include "store/database.hpp"

namespace citecard::store {

// The id of the card an imported note becomes: derived from its text alone, so importing the same
// note again (into any deck) finds it.
std::string imported_card_id(const ImportedNote& note);

// Runs inside the caller's transaction.
Result<ImportedNotesReport> write_imported_notes(Database& db, const std::string& deck,
                                                 const std::string& title,
                                                 const std::vector<ImportedNote>& notes,
                                                 Timestamp now);

}  // namespace citecard::store
