// What is due: the study queue of one deck or of the whole collection.
//
// Order, as Anki learners expect: learning cards due now first; then reviews due today (most
// overdue relative to their stability first) with new cards (in deck order) interleaved at a
// steady rate, each within its deck's daily limit. Suspended cards never come; a card whose
// sibling (another card of the same note) was answered today is buried until tomorrow. When
// nothing else is left, a learning card due within the next 20 minutes is shown early rather than
// ending the session.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "citecard/collection.hpp"
#include "store/database.hpp"

namespace citecard::store {

inline constexpr std::int64_t kLearnAheadSeconds = 20 * 60;

struct QueueCounts {
  int new_available = 0;  // new cards still to introduce today (limits applied)
  int learning_due = 0;
  int review_due = 0;  // reviews still to do today (limits applied)
  int new_introduced_today = 0;
  int reviewed_today = 0;
};

// `deck` empty means every deck.
Result<std::map<std::string, QueueCounts>> queue_counts_by_deck(const Database& db,
                                                                const std::string& deck,
                                                                Timestamp now,
                                                                const StudyOptions& options);
Result<QueueCounts> queue_counts(const Database& db, const std::string& deck, Timestamp now,
                                 const StudyOptions& options);

Result<std::optional<std::string>> next_card_id(const Database& db, const std::string& deck,
                                                Timestamp now, const StudyOptions& options);

}  // namespace citecard::store
