#include "store/load_balance.hpp"

#include <algorithm>

#include <cmath>
#include <cstdlib>
#include <vector>

#include "schedule/fuzz.hpp"

namespace citecard::store {

namespace {

std::int64_t utc_day(Timestamp t) {
  return t >= 0 ? t / kSecondsPerDay : -((-t + kSecondsPerDay - 1) / kSecondsPerDay);
}

}  // namespace

Scheduler unfuzzed_scheduler(const FsrsParameters& parameters) {
  FsrsParameters unfuzzed = parameters;
  unfuzzed.enable_fuzz = false;
  return Scheduler(unfuzzed);
}

std::optional<DayRange> balance_range(const Scheduler& unfuzzed, const CardMemory& before,
                                      Timestamp now, Rating rating) {
  const CardMemory base = unfuzzed.next(before, now, rating);
  if (base.state != CardState::Review || base.learning_steps != 0 || base.scheduled_days < 3 ||
      base.scheduled_days > kLoadBalanceMaxDays)
    return std::nullopt;
  // As the scheduler counts them: UTC calendar days since the last review.
  const int elapsed =
      before.state == CardState::New
          ? 0
          : static_cast<int>(std::max<std::int64_t>(0, utc_day(now) - utc_day(before.last_review)));
  const int maximum = unfuzzed.parameters().maximum_interval;
  DayRange range;
  range.preferred = base.scheduled_days;
  range.lowest = schedule_detail::fuzzed_interval(base.scheduled_days, elapsed, maximum, 0.0);
  range.highest = schedule_detail::fuzzed_interval(base.scheduled_days, elapsed, maximum,
                                                   std::nextafter(1.0, 0.0));
  return range;
}

Result<int> least_loaded_day(Statement& siblings_stmt, Statement& count_stmt,
                             const std::string& card_id, const DayRange& range, Timestamp now,
                             int rollover_hour) {
  Statement* siblings = &siblings_stmt;
  Statement* count = &count_stmt;
  siblings->reset();
  siblings->bind(1, card_id);
  std::vector<Timestamp> sibling_dues;
  for (;;) {
    auto row = siblings->step();
    if (!row) return row.error();
    if (!*row) break;
    sibling_dues.push_back(siblings->column_int(0));
  }
  siblings->reset();

  struct Candidate {
    int days;
    bool near_sibling;
    std::int64_t due_that_day;
  };
  std::vector<Candidate> candidates;
  bool any_clear = false;
  for (int d = range.lowest; d <= range.highest; ++d) {
    const Timestamp at = now + std::int64_t{d} * kSecondsPerDay;
    const Timestamp begin = start_of_day(at, rollover_hour);
    const Timestamp end = start_of_next_day(at, rollover_hour);
    count->reset();
    auto row = count->bind(1, begin).bind(2, end).step();
    if (!row) return row.error();
    bool near = false;  // a sibling due that day or the day before or after
    for (Timestamp due : sibling_dues)
      near = near || (due >= begin - kSecondsPerDay && due < end + kSecondsPerDay);
    any_clear = any_clear || !near;
    candidates.push_back({d, near, count->column_int(0)});
  }
  count->reset();
  const Candidate* best = nullptr;
  for (const auto& c : candidates) {
    if (any_clear && c.near_sibling) continue;
    if (!best || c.due_that_day < best->due_that_day ||
        (c.due_that_day == best->due_that_day &&
         std::abs(c.days - range.preferred) < std::abs(best->days - range.preferred)))
      best = &c;
  }
  return best ? best->days : range.preferred;
}

CardMemory with_interval(CardMemory after, Timestamp now, int days) {
  after.scheduled_days = days;
  after.due = now + std::int64_t{days} * kSecondsPerDay;
  return after;
}

CardMemory replay_balanced(const Scheduler& unfuzzed, const CardMemory& scheduled,
                           const CardMemory& before, Timestamp now, Rating rating,
                           int chosen_days) {
  const auto range = balance_range(unfuzzed, before, now, rating);
  if (!range) return scheduled;
  return with_interval(scheduled, now, std::clamp(chosen_days, range->lowest, range->highest));
}

}  // namespace citecard::store
