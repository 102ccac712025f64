#include "merge/card_replay.hpp"

#include "store/answer_seed.hpp"
#include "store/load_balance.hpp"

namespace citecard::merge {

Result<const SchedulerCache::Pair*> SchedulerCache::get(const store::Database& db,
                                                        std::int64_t parameter_set) {
  if (auto found = pairs_.find(parameter_set); found != pairs_.end()) return &found->second;
  auto parameters = store::load_parameter_set(db, parameter_set);
  if (!parameters) return parameters.error();
  return &pairs_
              .emplace(parameter_set,
                       Pair{Scheduler(*parameters), store::unfuzzed_scheduler(*parameters)})
              .first->second;
}

Result<std::vector<ReplayedAnswer>> replay(const store::Database& db, const std::string& card,
                                           const std::vector<store::LoggedAnswer>& answers,
                                           SchedulerCache& schedulers) {
  std::vector<ReplayedAnswer> replayed;
  replayed.reserve(answers.size());
  for (const auto& answer : answers) {
    auto pair = schedulers.get(db, answer.parameters);
    if (!pair) return pair.error();
    const CardMemory before = replayed.empty() ? new_card_memory(answer.at) : replayed.back().after;
    CardMemory after = (*pair)->scheduler.next(before, answer.at, answer.rating,
                                               store::answer_fuzz_seed(card, before));
    if (answer.balanced)
      after = store::replay_balanced((*pair)->unfuzzed, after, before, answer.at, answer.rating,
                                     answer.balanced_days);
    replayed.push_back({before, after});
  }
  return replayed;
}

Result<void> replay_card(store::StatementCache& db, const std::string& card,
                         SchedulerCache& schedulers) {
  auto answers = store::counted_answers(db, card);
  if (!answers) return answers.error();
  auto replayed = replay(db.database(), card, *answers, schedulers);
  if (!replayed) return replayed.error();
  for (std::size_t i = 0; i < answers->size(); ++i) {
    if (auto r =
            store::write_snapshots(db, (*answers)[i], (*replayed)[i].before, (*replayed)[i].after);
        !r)
      return r;
  }
  return store::write_card_state(
      db, card,
      replayed->empty() ? std::nullopt : std::optional<CardMemory>(replayed->back().after));
}

}  // namespace citecard::merge
