// Merging another copy of a collection into this one, by their logs (docs/merge.md). Every
// answer, undo and change carries an id no other copy gives, so a merge adds what this copy
// lacks and replays the cards that changed; the result does not depend on the order in which
// copies are merged, and merging again adds nothing.
#pragma once

#include <filesystem>

#include "citecard/collection.hpp"
#include "store/database.hpp"

namespace citecard::merge {

// Merges the collection file at `other` into `db` in one transaction: all of it or, on any
// error, nothing. `now` is this device's clock, against which others' are checked.
Result<MergeReport> merge_into(store::Database& db, const std::filesystem::path& other,
                               Timestamp now);

// Replays `cards` and settles their flags: what an undo does to the card it takes back.
Result<void> replay_and_settle(store::Database& db, const std::vector<std::string>& cards);

}  // namespace citecard::merge
