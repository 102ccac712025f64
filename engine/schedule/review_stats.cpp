#include "citecard/review_stats.hpp"

#include <algorithm>
#include <cmath>

namespace citecard {
namespace {

// Whole study days from the day starting at `day` to the day containing `t` (negative before).
// A study day is 24 h here; across a DST change the count can be off by one for an hour, which a
// chart of days does not show.
long long days_between(Timestamp day, Timestamp t, int rollover_hour) {
  const Timestamp other = start_of_day(t, rollover_hour);
  return static_cast<long long>(std::llround(static_cast<double>(other - day) / 86400.0));
}

}  // namespace

ReviewStats compute_review_stats(const std::vector<StatsReview>& log,
                                 const std::vector<CardMemory>& cards, Timestamp now,
                                 const ReviewStatsOptions& options) {
  ReviewStats stats;
  const int history = std::max(1, options.history_days);
  const int forecast = std::max(1, options.forecast_days);
  const Timestamp today = start_of_day(now, options.rollover_hour);
  stats.answers_per_day.assign(static_cast<std::size_t>(history), 0);
  stats.due_per_day.assign(static_cast<std::size_t>(forecast), 0);
  stats.stability_histogram.assign(static_cast<std::size_t>(std::max(1, options.stability_bins)),
                                   0);
  stats.difficulty_histogram.assign(10, 0);
  stats.retrievability_histogram.assign(10, 0);
  int previous_max = 0;
  for (const int max_days : kRetentionBucketDays) {
    stats.retention_by_interval.push_back(RetentionBucket{previous_max + 1, max_days, 0, 0});
    previous_max = max_days;
  }
  stats.retention_by_interval.push_back(RetentionBucket{previous_max + 1, 0, 0, 0});
  const int calendar = std::max(1, options.calendar_days);
  stats.calendar.assign(static_cast<std::size_t>(calendar), 0);

  for (const StatsReview& review : log) {
    const long long ago = -days_between(today, review.at, options.rollover_hour);
    if (ago >= 0 && ago < calendar) ++stats.calendar[static_cast<std::size_t>(calendar - 1 - ago)];
    if (ago < 0 || ago >= history) continue;
    ++stats.answers_per_day[static_cast<std::size_t>(history - 1 - ago)];
    if (review.state_before == CardState::Review) {
      ++stats.review_answers;
      const bool passed = review.rating != Rating::Again;
      if (passed) ++stats.review_passed;
      // Intervals under a day (a review answered early) count with one day.
      const int interval = std::max(1, review.elapsed_days);
      for (RetentionBucket& bucket : stats.retention_by_interval) {
        if (bucket.max_days != 0 && interval > bucket.max_days) continue;
        ++bucket.answers;
        if (passed) ++bucket.passed;
        break;
      }
    }
  }
  const Scheduler scheduler(options.parameters);

  int counted = 0;
  for (const CardMemory& card : cards) {
    if (card.state == CardState::New) continue;
    const long long ahead = std::max(0LL, days_between(today, card.due, options.rollover_hour));
    if (ahead < forecast) ++stats.due_per_day[static_cast<std::size_t>(ahead)];

    const auto last_bin = static_cast<long long>(stats.stability_histogram.size()) - 1;
    const long long bin =
        std::clamp(static_cast<long long>(std::floor(card.stability / options.stability_bin_days)),
                   0LL, last_bin);
    ++stats.stability_histogram[static_cast<std::size_t>(bin)];
    const long long difficulty_bin =
        std::clamp(static_cast<long long>(std::floor(card.difficulty)) - 1, 0LL, 9LL);
    ++stats.difficulty_histogram[static_cast<std::size_t>(difficulty_bin)];
    const double recall = scheduler.retrievability(card, now);
    const long long recall_bin =
        std::clamp(static_cast<long long>(std::floor(recall * 10.0)), 0LL, 9LL);
    ++stats.retrievability_histogram[static_cast<std::size_t>(recall_bin)];
    stats.mean_retrievability += recall;
    stats.mean_stability += card.stability;
    stats.mean_difficulty += card.difficulty;
    ++counted;
  }
  if (counted > 0) {
    stats.mean_stability /= counted;
    stats.mean_difficulty /= counted;
    stats.mean_retrievability /= counted;
  }
  return stats;
}

}  // namespace citecard
