// The fuzz seed of one answer: the card and how many times it was answered before, so that the
// same answer always draws the same fuzz and `check` can replay it exactly.
#pragma once

#include <cstdint>
#include <string>

#include "citecard/fsrs.hpp"
#include "deck/content_id.hpp"

namespace citecard::store {

inline std::uint64_t answer_fuzz_seed(const std::string& card_id, const CardMemory& before) {
  return deck::content_hash({card_id, std::to_string(before.reps)});
}

}  // namespace citecard::store
