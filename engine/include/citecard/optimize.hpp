// citecard — fitting FSRS-6 to a learner's own review log.
//
// A review log (one row per answer, in the FSRS standard CSV format used by fsrs-rs and the FSRS
// tools) is turned into training items the way fsrs-rs turns one into items, and the 21 weights
// are fitted with fsrs-rs's objective: binary cross-entropy on recall, recency weights, an L2 pull
// towards the starting weights, its clipping bounds, and initial stabilities pre-fitted from the
// first rating. Gradients are exact (forward-mode dual numbers); training is deterministic for a
// given input and seed whatever the number of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "citecard/fsrs.hpp"
#include "citecard/result.hpp"

namespace citecard {

// One row of a review log. Ratings 1..4 are answers; 0 marks a manual entry (reset, reschedule),
// which training ignores. States: 0 new, 1 learning, 2 review, 3 relearning, 4 filtered, 5 manual.
struct RevlogEntry {
  std::int64_t card_id = 0;
  std::int64_t review_time_ms = 0;  // epoch milliseconds
  int rating = 3;
  int state = 0;
  std::int64_t duration_ms = 0;
  std::size_t line = 0;  // line in the CSV it was read from, for error messages; 0 otherwise

  bool operator==(const RevlogEntry& o) const {  // the review itself; where it was read is not
    return card_id == o.card_id && review_time_ms == o.review_time_ms && rating == o.rating &&
           state == o.state && duration_ms == o.duration_ms;
  }
};

// "card_id,review_time,review_rating,review_state,review_duration" and one line per entry.
std::string format_revlog_csv(const std::vector<RevlogEntry>& entries);

// Parses the format above (header required, columns in any order, CRLF accepted). Any bad row
// fails the whole parse with "line N: ..." naming the first bad line.
Result<std::vector<RevlogEntry>> parse_revlog_csv(std::string_view text);

// Where a learner's day starts: `next_day_starts_at` o'clock in `time_zone`, which is "UTC", a
// fixed offset ("+08:00", "UTC-5") or an IANA name ("Europe/Berlin", resolved by the C library).
struct DayBoundary {
  int next_day_starts_at = 4;
  std::string time_zone = "UTC";
};

// One answer inside a training item: the rating and whole learner-days since the previous answer.
struct ItemReview {
  int rating = 0;
  int delta_t = 0;
  bool operator==(const ItemReview&) const = default;
};

// A review log as training data. Each card keeps its answers once; an item is a prefix of a
// card's answers ending at a review on a later day than the one before it (the review to predict).
struct TrainingSet {
  struct Card {
    std::int64_t id = 0;
    std::uint32_t first = 0;  // index into `reviews`
    std::uint32_t count = 0;
  };
  struct Item {
    std::uint32_t card = 0;    // index into `cards`
    std::uint32_t length = 0;  // answers in the prefix, the predicted one included (>= 2)
    std::int64_t time_ms = 0;  // when the predicted answer was given
  };
  std::vector<Card> cards;
  std::vector<ItemReview> reviews;
  std::vector<Item> items;  // in the order of time_ms (the order recency weights follow)
  std::size_t revlog_entries = 0;

  std::vector<ItemReview> item_reviews(std::size_t item) const;
};

// fsrs-rs's conversion: per card, answers sorted by time; everything before the card's last block
// of new/learning answers is dropped (a reset starts the card over; a card with no learning answer
// is dropped); manual entries (rating 0) are skipped; delta_t counts day boundaries crossed; only
// reviews with delta_t > 0 become items.
Result<TrainingSet> build_training_set(std::vector<RevlogEntry> entries,
                                       const DayBoundary& boundary = {});

struct OptimizerConfig {
  bool enable_short_term = true;
  int relearning_steps = 1;
  int epochs = 5;
  int min_steps = 150;  // small logs get more epochs, up to this many optimiser steps in all
  int batch_size = 512;
  std::uint64_t seed = 2023;
  double learning_rate = 4e-2;
  int max_seq_len = 256;
  double gamma = 1.0;  // weight of the pull towards the starting weights
  int threads = 0;     // 0: all cores
  // Called after each batch with (done, total) over all epochs; returning false stops training.
  std::function<bool(std::size_t, std::size_t)> progress;
};

struct OptimizeResult {
  FsrsWeights weights{};
  std::size_t items_used = 0;  // items trained on after fsrs-rs's outlier filter
};

// Fits the weights. With too little data (under 8 items) the defaults come back, and under 64
// items only the pre-fitted initial stabilities change, as in fsrs-rs.
Result<OptimizeResult> optimize(const TrainingSet& data, const OptimizerConfig& config = {});

struct Evaluation {
  double log_loss = 0.0;
  double rmse_bins = 0.0;
};

// fsrs-rs's metrics for `weights` on `data`: recency-weighted log loss and RMSE over bins of
// (interval, review count, lapse count), summed in double precision. `predictions`, when given,
// receives each item's predicted recall, in item order.
Result<Evaluation> evaluate(const TrainingSet& data, const FsrsWeights& weights,
                            std::vector<double>* predictions = nullptr);

// The weights clipped into the ranges training keeps them in (fsrs-rs's bounds).
FsrsWeights clip_trained_weights(FsrsWeights w, int relearning_steps, bool enable_short_term);

}  // namespace citecard
