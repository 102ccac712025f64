// citecard — what a desired retention costs: a day-by-day Monte Carlo of a deck studied under
// FSRS-6, with daily limits and the time each answer takes.
//
// The semantics are fsrs-rs's simulator (the one Anki's "desired retention" advice runs): new
// cards are introduced in order, due reviews are done before new cards, a card that a limit or
// the daily time cap turns away moves to the next day, recall is drawn from the card's
// retrievability on the day it is reviewed, the button pressed from fixed probabilities, and
// (re)learning steps follow fixed step-to-step rating probabilities. A day's "memorised" count
// is the sum over the cards studied so far of their probability of recall that day.
// Pure computation: the same configuration and seed always give the same result.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "citecard/fsrs.hpp"
#include "citecard/optimize.hpp"
#include "citecard/result.hpp"

namespace citecard {

inline constexpr int kNoDailyLimit = std::numeric_limits<int>::max();
inline constexpr int kMostSimulatedCards = 10'000'000;
inline constexpr int kMostSimulatedDays = 36500;

// What an answer costs, by the card's state when answered: [0] learning (a new card's first
// answer included), [1] review, [2] relearning; then by rating - 1. Seconds.
using AnswerSeconds = std::array<std::array<double, 4>, 3>;

// Where a (re)learning step's rating goes next: [previous rating - 1][next rating - 1].
using StepTransitions = std::array<std::array<double, 4>, 3>;

// How a learner answers: the probabilities of each button and the seconds each answer takes.
// The defaults are fsrs-rs's (from a large set of Anki users' logs).
struct AnswerHabits {
  std::array<double, 4> first_rating{0.24, 0.094, 0.495, 0.171};  // a new card's first answer
  std::array<double, 3> review_rating{0.224, 0.631, 0.145};       // Hard, Good, Easy when recalled
  AnswerSeconds seconds{
      {{19.58, 18.79, 13.78, 10.71}, {19.38, 17.59, 12.38, 8.94}, {16.44, 15.25, 12.32, 8.03}}};
  StepTransitions learning_steps{{{0.3686, 0.0628, 0.5108, 0.0577},
                                  {0.0442, 0.4553, 0.4457, 0.0549},
                                  {0.0519, 0.047, 0.8462, 0.055}}};
  StepTransitions relearning_steps{{{0.2157, 0.0643, 0.6595, 0.0604},
                                    {0.05, 0.4638, 0.4475, 0.0387},
                                    {0.1057, 0.1434, 0.7266, 0.0244}}};
};

struct SimulationConfig {
  int deck_size = 10000;
  int days = 365;
  int new_per_day = kNoDailyLimit;
  int reviews_per_day = kNoDailyLimit;
  // A day's study stops taking cards once this much time is spent (the card that crosses it is
  // still done, as in fsrs-rs).
  double seconds_per_day = 1800;
  double desired_retention = 0.9;
  int maximum_interval = 36500;  // days
  int learning_step_count = 2;
  int relearning_step_count = 1;
  FsrsWeights weights = default_fsrs_weights();  // clamped as the scheduler clamps them
  AnswerHabits habits;
  std::uint64_t seed = 42;
};

// Validates what the simulator cannot run with (sizes, probabilities, retention, times).
Result<void> validate(const SimulationConfig& config);

struct SimulationResult {
  // One entry per simulated day, day 0 first.
  std::vector<double> memorized_per_day;  // expected cards recalled that day
  std::vector<int> reviews_per_day;       // reviews of cards already learned
  std::vector<int> learned_per_day;       // new cards introduced
  std::vector<double> seconds_per_day;    // time spent, steps included

  double total_seconds() const;
  int total_reviews() const;
  int total_learned() const;
  double final_memorized() const {
    return memorized_per_day.empty() ? 0 : memorized_per_day.back();
  }
  // fsrs-rs's measure of a retention's efficiency: all the time spent over the cards memorised
  // on the last day.
  double seconds_per_memorized() const;
};

Result<SimulationResult> simulate(const SimulationConfig& config);

// One desired retention's outcome, averaged over the samples.
struct RetentionPoint {
  double retention = 0;
  double seconds_per_memorized = 0;
  double memorized = 0;      // on the last day
  double total_seconds = 0;  // over all the days
  double seconds_per_day = 0;
};

struct RetentionSweep {
  std::vector<RetentionPoint> points;  // lowest retention first
  std::size_t optimum = 0;             // index of the lowest seconds per memorised card
};

inline constexpr double kSweepLowest = 0.70;
inline constexpr double kSweepHighest = 0.95;

// Simulates each retention from `lowest` to `highest` by `step` (inclusive), `samples` times
// with seeds config.seed, config.seed + 1, ...: every retention sees the same seeds, so their
// differences are the retention's and not the draw's.
Result<RetentionSweep> sweep_retention(SimulationConfig config, double lowest = kSweepLowest,
                                       double highest = kSweepHighest, double step = 0.01,
                                       int samples = 4);

// A learner's habits read from their review log: the first answer of each card, the buttons
// pressed on recalled reviews, and the median seconds per state and rating (answers without a
// recorded duration, or longer than `longest_seconds`, are left out of the times). What the log
// has no answers for keeps the value in `defaults`.
struct HabitsFromLog {
  AnswerHabits habits;
  int cards = 0;           // cards whose first answer counted
  int review_answers = 0;  // recalled reviews counted for the buttons
  int timed_answers = 0;   // answers whose duration counted
};
HabitsFromLog habits_from_log(const std::vector<RevlogEntry>& log,
                              const AnswerHabits& defaults = {}, double longest_seconds = 1200);

}  // namespace citecard
