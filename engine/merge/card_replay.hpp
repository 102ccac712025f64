// A card's state is the replay of its answers in time order. When a merge brings in answers
// given elsewhere, or an undo takes one back, the card is replayed: each answer with the
// parameters recorded on it, its fuzz drawn from the card and its review count, a load-balanced
// answer keeping the interval it chose as far as the replayed state allows.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "citecard/fsrs.hpp"
#include "store/database.hpp"
#include "store/replay_rows.hpp"

namespace citecard::merge {

// Schedulers by parameter set, loaded once for many cards.
class SchedulerCache {
 public:
  struct Pair {
    Scheduler scheduler;
    Scheduler unfuzzed;
  };
  Result<const Pair*> get(const store::Database& db, std::int64_t parameter_set);

 private:
  std::map<std::int64_t, Pair> pairs_;
};

struct ReplayedAnswer {
  CardMemory before;
  CardMemory after;
};

// The replay of `answers` (in replay order) of `card`.
Result<std::vector<ReplayedAnswer>> replay(const store::Database& db, const std::string& card,
                                           const std::vector<store::LoggedAnswer>& answers,
                                           SchedulerCache& schedulers);

// Replays `card` and stores the result: the answers' snapshots and the card's state.
Result<void> replay_card(store::StatementCache& statements, const std::string& card,
                         SchedulerCache& schedulers);

}  // namespace citecard::merge
