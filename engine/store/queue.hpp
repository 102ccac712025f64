// What is due: the study queue of one deck or of the whole collection.
//
// Order, as Anki learners expect: learning cards due now, then reviews due today (most overdue
// first), then new cards in deck order within the daily limit. When nothing else is left, a
// learning card due within the next 20 minutes is shown early rather than ending the session.
#pragma once

#include <optional>
#include <string>

#include "citecard/collection.hpp"
#include "store/database.hpp"

namespace citecard::store {

inline constexpr std::int64_t kLearnAheadSeconds = 20 * 60;

struct QueueCounts {
  int new_available = 0;
  int learning_due = 0;
  int review_due = 0;
};

// `deck` empty means every deck.
Result<QueueCounts> queue_counts(const Database& db, const std::string& deck, Timestamp now,
                                 const StudyOptions& options);

Result<std::optional<std::string>> next_card_id(const Database& db, const std::string& deck,
                                                Timestamp now, const StudyOptions& options);

}  // namespace citecard::store
