// The log of changes a learner makes besides answering (suspend, unsuspend, bury, settings, deck
// options), and the tables that hold each change's current winner. A change is identified, like
// an answer, by the collection that made it and a random 63-bit number, so copies of a
// collection merge their changes without collisions (merge/, docs/merge.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "citecard/time.hpp"
#include "store/database.hpp"

namespace citecard::store {

// A fresh random number; never 0.
std::int64_t new_entry_seq();

// The number of the next entry `origin` makes in `table` ("review_log" or "changes"): a count in
// the high 32 bits, so a copy's entries made in one second replay in the order they were made,
// and random low 31 bits, so two copies of one file never give one number twice.
Result<std::int64_t> next_entry_seq(const Database& db, std::string_view table,
                                    const std::string& origin);
// The number that follows `last`, the origin's highest so far (0 for none): next_entry_seq's
// arithmetic, for callers that read `last` through a statement of their own.
std::int64_t entry_seq_after(std::int64_t last);

// The collection's random id (schema 5 onwards).
Result<std::string> collection_id(const Database& db);

struct Change {
  std::string kind;  // suspend, unsuspend, bury, setting, deck_options
  std::string target;
  std::string value;
  Timestamp at = 0;
  std::optional<std::pair<std::string, std::int64_t>> cause;  // the answer a leech change follows
};

// Appends `change`, made by this collection. Its time is moved to just after the latest change
// or answer it overrides when the clock reads earlier, so a change always wins over what the
// learner saw when making it.
Result<void> record_change(Database& db, Change change);

// Sets suspended, the leech tag and buried for `card` from its changes: the latest suspend or
// unsuspend (by time, then id) whose causing answer, if any, is not undone; the leech tag while
// one leech change stands; buried until the latest burial ends (an expired burial is harmless).
Result<void> settle_card_flags(StatementCache& statements, const std::string& card);
Result<void> settle_card_flags(Database& db, const std::string& card);

// Sets the setting `key` (an empty value: removed) and a deck's options from their latest change.
Result<void> settle_setting(Database& db, const std::string& key);
Result<void> settle_deck_options(Database& db, const std::string& deck);

// The collection's settings that travel with it (not this device's durability), by key.
Result<std::map<std::string, std::string>> shared_settings(const Database& db);

}  // namespace citecard::store
