// Reading a card's answers in replay order and writing back what their replay gives: the
// answers' before/after snapshots, the card's state row and its `seen` mark.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "citecard/fsrs.hpp"
#include "store/database.hpp"

namespace citecard::store {

struct LoggedAnswer {
  std::int64_t row = 0;  // review_log.id in this file
  Timestamp at = 0;
  Rating rating = Rating::Good;
  std::int64_t parameters = 0;  // parameter_sets.id
  bool balanced = false;
  int balanced_days = 0;
  std::string before_json;  // as stored, to rewrite only what the replay changes
  std::string after_json;
};

// The card's answers that count (not undone), in replay order: time, then collection id, then
// the entry's number.
Result<std::vector<LoggedAnswer>> counted_answers(StatementCache& db, const std::string& card);

// Replaces an answer's snapshots (and what derives from them) with its replay.
Result<void> write_snapshots(StatementCache& db, const LoggedAnswer& answer,
                             const CardMemory& before, const CardMemory& after);

// The card's state row from its replay: none (and not seen) when no answer counts.
Result<void> write_card_state(StatementCache& db, const std::string& card,
                              const std::optional<CardMemory>& state);

Result<FsrsParameters> load_parameter_set(const Database& db, std::int64_t id);

}  // namespace citecard::store
