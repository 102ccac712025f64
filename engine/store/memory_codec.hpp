// CardMemory <-> the card_state row and the review log's JSON snapshots.
#pragma once

#include <string>

#include "citecard/fsrs.hpp"
#include "citecard/result.hpp"
#include "store/database.hpp"

namespace citecard::store {

std::string memory_to_json(const CardMemory& memory);
Result<CardMemory> memory_from_json(const std::string& json);

// Reads the columns state, stability, difficulty, due, last_review, scheduled_days,
// learning_steps, reps, lapses starting at column `first`.
CardMemory memory_from_columns(const Statement& row, int first);

// Binds the same nine values, in that order, to ?first .. ?first+8.
Statement& bind_memory(Statement& stmt, int first, const CardMemory& memory);

// The columns above, in that order, for SELECTs.
inline constexpr const char* kMemoryColumns =
    "state, stability, difficulty, due, last_review, scheduled_days, learning_steps, reps, lapses";

}  // namespace citecard::store
