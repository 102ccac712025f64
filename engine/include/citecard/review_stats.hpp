// citecard — a learner's progress in numbers, for the app's Stats view and any embedding app:
// answers per study day, the reviews falling due in the days ahead, true retention (how often a
// card in review was remembered), and how stability and difficulty are spread over the cards.
// Pure computation over a review log and the cards' memory states; the caller reads them from
// the collection.
#pragma once

#include <vector>

#include "citecard/fsrs.hpp"
#include "citecard/time.hpp"

namespace citecard {

// One answer, as the statistics need it.
struct StatsReview {
  Timestamp at = 0;
  Rating rating = Rating::Good;
  CardState state_before = CardState::New;  // the card's state when it was answered
  int elapsed_days = 0;  // days since the card's previous answer (its interval, for reviews)
};

// Upper bounds (days, inclusive) of the interval buckets true retention is split into; the last
// bucket holds every longer interval.
inline constexpr int kRetentionBucketDays[] = {1, 3, 7, 15, 30, 90};

struct ReviewStatsOptions {
  int history_days = 30;   // days of answers counted, today included (30, 90, 365 in the app)
  int forecast_days = 30;  // days of due reviews forecast, today included
  int rollover_hour = 4;   // a study day starts at this local hour, as the scheduler's
  int stability_bins = 10;
  double stability_bin_days = 10.0;  // width of a stability bin; the last bin holds the rest
  int calendar_days = 371;    // days of answers in the calendar heat map: 53 weeks, today last
  FsrsParameters parameters;  // for each card's probability of recall now
};

// Reviews of cards in review whose interval fell in one bucket, and how many were remembered.
struct RetentionBucket {
  int min_days = 0;
  int max_days = 0;  // 0 for the open-ended last bucket
  int answers = 0;
  int passed = 0;
  double retention() const { return answers == 0 ? 0.0 : static_cast<double>(passed) / answers; }
};

struct ReviewStats {
  // Answers per study day, oldest first: [history_days - 1] is today.
  std::vector<int> answers_per_day;
  // Cards due per study day ahead: [0] is today, overdue cards included; new cards not counted.
  std::vector<int> due_per_day;
  // Answers to cards in review within the history window, and how many were not Again.
  int review_answers = 0;
  int review_passed = 0;
  double true_retention() const {
    return review_answers == 0 ? 0.0 : static_cast<double>(review_passed) / review_answers;
  }
  // Cards that have been reviewed (not new), by stability (days) and by difficulty (1-10, one bin
  // per whole number: [0] holds 1 up to 2, [9] holds exactly 10).
  std::vector<int> stability_histogram;
  std::vector<int> difficulty_histogram;
  double mean_stability = 0;  // over the cards counted in the histograms
  double mean_difficulty = 0;
  // The same cards by probability of recall now, in tenths: [0] is 0-10 %, [9] is 90-100 %.
  std::vector<int> retrievability_histogram;
  double mean_retrievability = 0;
  // True retention within the history window, by the interval the card was reviewed after.
  std::vector<RetentionBucket> retention_by_interval;
  // Answers per study day for the calendar heat map, oldest first, today last (not limited to
  // the history window).
  std::vector<int> calendar;
};

ReviewStats compute_review_stats(const std::vector<StatsReview>& log,
                                 const std::vector<CardMemory>& cards, Timestamp now,
                                 const ReviewStatsOptions& options = {});

}  // namespace citecard
