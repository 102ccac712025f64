// Load balancing, as Anki does it: rather than a random fuzz, a review interval of up to 90 days
// goes to the day within its fuzz range that has the fewest reviews already due, avoiding the days
// next to a sibling's (a card of the same note), so the coming days' workload stays even.
//
// Replay stays checkable: the log marks each balanced answer and records the day chosen; `check`
// verifies that day lies in the fuzz range the answer allowed and every other field is exactly the
// scheduler's outcome (store/check.cpp).
#pragma once

#include <optional>
#include <string>

#include "citecard/fsrs.hpp"
#include "store/database.hpp"

namespace citecard::store {

inline constexpr int kLoadBalanceMaxDays = 90;

struct DayRange {
  int lowest = 0;
  int highest = 0;
  int preferred = 0;  // the unfuzzed interval
};

// The scheduler whose intervals balancing starts from: `parameters` without fuzz.
Scheduler unfuzzed_scheduler(const FsrsParameters& parameters);

// The days a balanced answer may choose from: Anki's fuzz range around the interval
// `unfuzzed` gives. Nullopt when the answer does not end in a review interval of 3 to 90 days
// (learning steps, short or long intervals are left as scheduled).
std::optional<DayRange> balance_range(const Scheduler& unfuzzed, const CardMemory& before,
                                      Timestamp now, Rating rating);

// The day in `range` with the fewest reviews due, away from the card's siblings where possible;
// ties go to the day nearest the unfuzzed interval, then the earlier.
// `siblings` is kSiblingDues and `load` kReviewsDueBetween, prepared by the caller (who keeps them
// for the next answer).
Result<int> least_loaded_day(Statement& siblings, Statement& load, const std::string& card_id,
                             const DayRange& range, Timestamp now, int rollover_hour);

inline constexpr const char* kSiblingDues =
    "SELECT s.due FROM cards c JOIN cards sib ON sib.note = c.note AND sib.id <> c.id "
    "JOIN card_state s ON s.card = sib.id WHERE c.id = ?1";
inline constexpr const char* kReviewsDueBetween =
    "SELECT COUNT(*) FROM card_state INDEXED BY card_state_queue "
    "WHERE state = 2 AND due >= ?1 AND due < ?2";

// `after` with its interval moved to `days`.
CardMemory with_interval(CardMemory after, Timestamp now, int days);

// What a load-balanced answer replays to from `before`: the scheduler's `scheduled` outcome with
// the interval balancing chose (`chosen_days`) moved into the range `before` allows, or the
// scheduler's outcome itself when `before` allows none (a merge brought in an earlier answer
// that changed the card's state).
CardMemory replay_balanced(const Scheduler& unfuzzed, const CardMemory& scheduled,
                           const CardMemory& before, Timestamp now, Rating rating, int chosen_days);

}  // namespace citecard::store
