// citecard — the FSRS-6 spaced-repetition scheduler.
//
// Pure computation: given a card's memory state, the time and a rating, the next state. It does
// no I/O and keeps no state, so the store can rebuild any card by replaying its review log.
// The algorithm and its edge cases follow the reference implementation ts-fsrs 5.4.2.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "citecard/result.hpp"
#include "citecard/time.hpp"

namespace citecard {

enum class Rating : int { Again = 1, Hard = 2, Good = 3, Easy = 4 };
enum class CardState : int { New = 0, Learning = 1, Review = 2, Relearning = 3 };

const char* to_string(CardState state);  // "new", "learning", "review", "relearning"
const char* to_string(Rating rating);    // "again", "hard", "good", "easy"

// What the scheduler knows of one card.
struct CardMemory {
  CardState state = CardState::New;
  double stability = 0.0;
  double difficulty = 0.0;
  Timestamp due = 0;          // when the card is next due
  Timestamp last_review = 0;  // 0 when never reviewed
  int scheduled_days = 0;     // interval set by the last review, in days (0 while in steps)
  int learning_steps = 0;     // index of the current (re)learning step
  int reps = 0;
  int lapses = 0;

  bool operator==(const CardMemory&) const = default;
};

// A new card, due at `now`.
CardMemory new_card_memory(Timestamp now);

constexpr std::size_t kFsrsParameterCount = 21;
using FsrsWeights = std::array<double, kFsrsParameterCount>;

// FSRS-6 default parameters (as shipped by ts-fsrs 5.4.2).
const FsrsWeights& default_fsrs_weights();

struct FsrsParameters {
  FsrsWeights w = default_fsrs_weights();
  double desired_retention = 0.9;
  int maximum_interval = 36500;                       // days
  std::vector<std::int64_t> learning_steps{60, 600};  // seconds: 1m, 10m
  std::vector<std::int64_t> relearning_steps{600};    // seconds: 10m
  bool enable_short_term = true;
  bool enable_fuzz = false;
};

// Checks what FSRS cannot work with (retention outside (0, 1], a maximum interval below one day,
// non-finite weights, negative steps). Weights out of their trainable ranges are not errors: the
// scheduler clamps them, as ts-fsrs does.
Result<void> validate(const FsrsParameters& parameters);

class Scheduler {
 public:
  // `parameters.w` is clamped to the ranges FSRS-6 was trained in; parameters() shows the result.
  // A retention or maximum interval that validate() rejects is replaced by its default.
  explicit Scheduler(FsrsParameters parameters = {});

  const FsrsParameters& parameters() const { return parameters_; }

  // The state after answering `card` with `rating` at `now`. Days since the last review are counted
  // as UTC calendar days, as the reference does. Fuzz, when enabled, is drawn from `fuzz_seed`
  // (e.g. the card's id), `now` and the card's review count: the same card and review always get
  // the same interval. It is ignored when fuzz is off.
  CardMemory next(const CardMemory& card, Timestamp now, Rating rating,
                  std::uint64_t fuzz_seed = 0) const;

  // The four possible next states, indexed by rating - 1; shown on the answer buttons.
  std::array<CardMemory, 4> preview(const CardMemory& card, Timestamp now,
                                    std::uint64_t fuzz_seed = 0) const;

  // Probability of recall at `now`, counting whole days since the last review (1.0 for a new card).
  double retrievability(const CardMemory& card, Timestamp now) const;

 private:
  struct Memory {
    double stability;
    double difficulty;
  };
  struct Review;  // one answer being scheduled: the card, the time, the days since the last review

  Memory next_memory(const CardMemory& card, int elapsed_days, Rating rating,
                     double recall_probability) const;
  double forgetting_curve(int elapsed_days, double stability) const;
  double next_difficulty(double difficulty, Rating rating) const;
  int next_interval(double stability, const Review& review) const;
  void apply_steps(CardMemory& next, const Review& review, Rating rating,
                   CardState step_state) const;
  CardMemory next_with_steps(const Review& review, Rating rating) const;
  CardMemory next_long_term(const Review& review, Rating rating) const;

  FsrsParameters parameters_;
  double decay_ = 0;              // -w20
  double decay_factor_ = 0;       // 0.9^(1/decay) - 1: makes R(S) = 0.9
  double interval_modifier_ = 0;  // interval = stability * this, for the desired retention
  double easy_initial_difficulty_ = 0;
};

// One answer in a review log.
struct ReviewEvent {
  std::string card;
  Timestamp time = 0;
  Rating rating = Rating::Good;
};

// Replays a stream of answers to many cards, interleaved, and gives each card's state after each
// answer. A card starts new at its first answer; answers to one card must not go back in time.
// Fuzz, if the scheduler has it on, uses seed 0.
class ReviewReplay {
 public:
  explicit ReviewReplay(Scheduler scheduler) : scheduler_(std::move(scheduler)) {}

  Result<CardMemory> apply(const ReviewEvent& event);

 private:
  Scheduler scheduler_;
  std::unordered_map<std::string, CardMemory> cards_;
};

// "1m", "10m", "3h", "3d", "2.1mo", "1.5y": the short interval label shown on answer buttons.
std::string format_interval(std::int64_t seconds);

// Parses "1m,10m" / "30s,1h,1d" into seconds; "" or "none" gives no steps.
Result<std::vector<std::int64_t>> parse_steps(std::string_view text);
// The inverse: each step in its largest whole unit ("1m,10m", "30s,1h,1d"); "none" for no steps.
std::string format_steps(const std::vector<std::int64_t>& seconds);

// Parses "0.212,1.2931,...": exactly 21 comma-separated numbers.
Result<FsrsWeights> parse_fsrs_weights(std::string_view text);

}  // namespace citecard
