// compute_review_stats on a small invented log: answers land on their study day, true retention
// counts only answers to cards in review, the forecast and histograms count what is due and held.
#include <doctest/doctest.h>

#include "citecard/review_stats.hpp"

using namespace citecard;

namespace {

constexpr Timestamp kDay = 86400;
// 2026-03-10T12:00:00Z: midday, so whole days back stay on their own study day in any zone.
constexpr Timestamp kNow = 1773144000;

CardMemory reviewed(double stability, double difficulty, Timestamp due) {
  CardMemory m;
  m.state = CardState::Review;
  m.stability = stability;
  m.difficulty = difficulty;
  m.due = due;
  m.last_review = kNow - kDay;
  return m;
}

}  // namespace

TEST_CASE("answers are counted on their study day, oldest first, and old ones fall outside") {
  const std::vector<StatsReview> log = {
      {kNow, Rating::Good, CardState::New},
      {kNow - 60, Rating::Again, CardState::Learning},
      {kNow - 2 * kDay, Rating::Good, CardState::Review},
      {kNow - 40 * kDay, Rating::Good, CardState::Review},  // outside 30 days
  };
  ReviewStatsOptions options;
  options.history_days = 30;
  const ReviewStats stats = compute_review_stats(log, {}, kNow, options);
  REQUIRE(stats.answers_per_day.size() == 30);
  CHECK(stats.answers_per_day[29] == 2);
  CHECK(stats.answers_per_day[27] == 1);
  int total = 0;
  for (int n : stats.answers_per_day) total += n;
  CHECK(total == 3);

  options.history_days = 90;
  CHECK(compute_review_stats(log, {}, kNow, options).answers_per_day[89 - 40] == 1);
}

TEST_CASE("true retention is the share of answers to cards in review that were not Again") {
  const std::vector<StatsReview> log = {
      {kNow - kDay, Rating::Good, CardState::Review},
      {kNow - kDay, Rating::Hard, CardState::Review},
      {kNow - kDay, Rating::Easy, CardState::Review},
      {kNow - kDay, Rating::Again, CardState::Review},
      {kNow - kDay, Rating::Again, CardState::Learning},  // learning steps are not retention
      {kNow - kDay, Rating::Good, CardState::New},
  };
  const ReviewStats stats = compute_review_stats(log, {}, kNow);
  CHECK(stats.review_answers == 4);
  CHECK(stats.review_passed == 3);
  CHECK(stats.true_retention() == doctest::Approx(0.75));
  CHECK(compute_review_stats({}, {}, kNow).true_retention() == 0.0);
}

TEST_CASE("the forecast puts overdue cards on today and skips new cards") {
  const std::vector<CardMemory> cards = {
      reviewed(5, 3, kNow - 3 * kDay),  // overdue
      reviewed(5, 3, kNow),             // due today
      reviewed(5, 3, kNow + 2 * kDay),
      reviewed(5, 3, kNow + 100 * kDay),  // past the forecast
      new_card_memory(kNow),
  };
  const ReviewStats stats = compute_review_stats({}, cards, kNow);
  REQUIRE(stats.due_per_day.size() == 30);
  CHECK(stats.due_per_day[0] == 2);
  CHECK(stats.due_per_day[2] == 1);
  int total = 0;
  for (int n : stats.due_per_day) total += n;
  CHECK(total == 3);
}

TEST_CASE("stability and difficulty histograms bin reviewed cards, the last bin holding the rest") {
  const std::vector<CardMemory> cards = {reviewed(0.5, 1.0, kNow), reviewed(12, 5.5, kNow),
                                         reviewed(250, 10.0, kNow), new_card_memory(kNow)};
  const ReviewStats stats = compute_review_stats({}, cards, kNow);
  REQUIRE(stats.stability_histogram.size() == 10);
  CHECK(stats.stability_histogram[0] == 1);
  CHECK(stats.stability_histogram[1] == 1);
  CHECK(stats.stability_histogram[9] == 1);
  CHECK(stats.difficulty_histogram[0] == 1);
  CHECK(stats.difficulty_histogram[4] == 1);
  CHECK(stats.difficulty_histogram[9] == 1);
  CHECK(stats.mean_stability == doctest::Approx((0.5 + 12 + 250) / 3));
  CHECK(stats.mean_difficulty == doctest::Approx((1.0 + 5.5 + 10.0) / 3));
}

TEST_CASE("true retention is split by the interval each review came after") {
  const std::vector<StatsReview> log = {
      {kNow - kDay, Rating::Good, CardState::Review, 1},
      {kNow - kDay, Rating::Again, CardState::Review, 0},  // early: counts as one day
      {kNow - kDay, Rating::Good, CardState::Review, 5},
      {kNow - kDay, Rating::Again, CardState::Review, 200},
      {kNow - kDay, Rating::Good, CardState::Learning, 3},  // not a review: not counted
  };
  const ReviewStats stats = compute_review_stats(log, {}, kNow);
  REQUIRE(stats.retention_by_interval.size() == std::size(kRetentionBucketDays) + 1);
  CHECK(stats.retention_by_interval[0].min_days == 1);
  CHECK(stats.retention_by_interval[0].max_days == 1);
  CHECK(stats.retention_by_interval[0].answers == 2);
  CHECK(stats.retention_by_interval[0].retention() == doctest::Approx(0.5));
  CHECK(stats.retention_by_interval[2].min_days == 4);  // 4-7 days
  CHECK(stats.retention_by_interval[2].passed == 1);
  CHECK(stats.retention_by_interval.back().max_days == 0);
  CHECK(stats.retention_by_interval.back().answers == 1);
  CHECK(stats.retention_by_interval.back().passed == 0);
  int answers = 0;
  for (const RetentionBucket& b : stats.retention_by_interval) answers += b.answers;
  CHECK(answers == stats.review_answers);
}

TEST_CASE("the calendar counts a year of answers whatever the history window") {
  const std::vector<StatsReview> log = {
      {kNow, Rating::Good, CardState::New},
      {kNow - 200 * kDay, Rating::Good, CardState::Review},
      {kNow - 400 * kDay, Rating::Good, CardState::Review},  // beyond 53 weeks
  };
  ReviewStatsOptions options;
  options.history_days = 30;
  const ReviewStats stats = compute_review_stats(log, {}, kNow, options);
  REQUIRE(stats.calendar.size() == 371);
  CHECK(stats.calendar.back() == 1);
  CHECK(stats.calendar[370 - 200] == 1);
  int total = 0;
  for (int n : stats.calendar) total += n;
  CHECK(total == 2);
}

TEST_CASE("retrievability falls with time since the last review, binned in tenths") {
  CardMemory fresh = reviewed(10.0, 5.0, kNow + 9 * kDay);
  fresh.last_review = kNow;
  CardMemory old = reviewed(1.0, 5.0, kNow - 50 * kDay);
  old.last_review = kNow - 600 * kDay;
  const ReviewStats stats = compute_review_stats({}, {fresh, old}, kNow);
  REQUIRE(stats.retrievability_histogram.size() == 10);
  CHECK(stats.retrievability_histogram[9] == 1);  // just reviewed: ~100 %
  int low = 0;
  for (int i = 0; i < 5; ++i) low += stats.retrievability_histogram[static_cast<std::size_t>(i)];
  CHECK(low == 1);  // a year and a half past a one-day stability
  CHECK(stats.mean_retrievability > 0.4);
  CHECK(stats.mean_retrievability < 0.8);
}
