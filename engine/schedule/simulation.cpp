// The simulator of simulation.hpp. Day by day rather than fsrs-rs's priority queue over all the
// cards: a card is only ever due on a whole day, and a day's cards are taken in fsrs-rs's order
// (reviews before new cards, reviews by difficulty), so visiting the days in turn gives the same
// order without the queue.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "citecard/simulation.hpp"

namespace citecard {

namespace {

constexpr double kMinStability = 0.001;
constexpr double kMaxStability = 36500.0;
constexpr double kMinDifficulty = 1.0;
constexpr double kMaxDifficulty = 10.0;
// fsrs-rs gives (re)learning at most this many step answers, however the draws go.
constexpr int kMaxStepAnswers = 5;

enum StateIndex { kLearning = 0, kReview = 1, kRelearning = 2 };

// A reproducible stream: the engine and distribution are spelled out so every platform draws
// the same numbers from the same seed (std's distributions are not).
class Draws {
 public:
  explicit Draws(std::uint64_t seed) : state_(seed) {}
  // splitmix64: fast, and any seed (0 included) gives a well-mixed stream.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  // An index drawn with probability proportional to its weight.
  template <std::size_t N>
  int pick(const std::array<double, N>& weights) {
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double u = uniform() * total;
    for (std::size_t i = 0; i + 1 < N; ++i) {
      if (u < weights[i]) return static_cast<int>(i);
      u -= weights[i];
    }
    return static_cast<int>(N - 1);
  }

 private:
  std::uint64_t state_;
};

// FSRS-6's memory model, as the simulator needs it (continuous days, no fuzz).
class Model {
 public:
  Model(const FsrsWeights& w, double desired_retention) : w_(w) {
    decay_ = -w_[20];
    factor_ = std::pow(0.9, 1.0 / decay_) - 1.0;
    interval_scale_ = (std::pow(desired_retention, 1.0 / decay_) - 1.0) / factor_;
  }

  double recall(double elapsed_days, double stability) const {
    return std::pow(1.0 + factor_ * elapsed_days / stability, decay_);
  }
  double interval(double stability) const { return stability * interval_scale_; }

  double initial_stability(int rating) const { return w_[rating - 1]; }
  double initial_difficulty(int rating) const {
    return w_[4] - std::exp(w_[5] * (rating - 1)) + 1.0;
  }
  double next_difficulty(double d, int rating) const {
    const double step = -w_[6] * (rating - 3);
    const double moved = d + (10.0 - d) / 9.0 * step;  // smaller steps near the top
    const double reverted = w_[7] * initial_difficulty(4) + (1.0 - w_[7]) * moved;
    return std::clamp(reverted, kMinDifficulty, kMaxDifficulty);
  }
  double after_recall(double s, double d, double r, int rating) const {
    const double hard = rating == 2 ? w_[15] : 1.0;
    const double easy = rating == 4 ? w_[16] : 1.0;
    const double growth = std::exp(w_[8]) * (11.0 - d) * std::pow(s, -w_[9]) *
                          (std::exp((1.0 - r) * w_[10]) - 1.0) * hard * easy;
    return std::clamp(s * (1.0 + growth), kMinStability, kMaxStability);
  }
  double after_lapse(double s, double d, double r) const {
    const double fresh = w_[11] * std::pow(d, -w_[12]) * (std::pow(s + 1.0, w_[13]) - 1.0) *
                         std::exp((1.0 - r) * w_[14]);
    // A lapse never leaves the card more stable than relearning could.
    const double ceiling = s / std::exp(w_[17] * w_[18]);
    return std::clamp(std::min(fresh, ceiling), kMinStability, kMaxStability);
  }
  double same_day(double s, int rating) const {
    const double change = std::exp(w_[17] * (rating - 3 + w_[18])) * std::pow(s, -w_[19]);
    return std::clamp(s * (rating >= 3 ? std::max(change, 1.0) : change), kMinStability,
                      kMaxStability);
  }

 private:
  FsrsWeights w_;
  double decay_ = 0;
  double factor_ = 0;
  double interval_scale_ = 0;
};

struct Memory {
  double stability = 0;
  double difficulty = 0;
  double seconds = 0;
};

// A card's (re)learning steps: answers drawn from the step transitions until it has passed the
// steps in a row, or is answered Easy, or runs out of answers. `first_rating` is the answer that
// started them (0 for relearning, which starts as an Again whose time the review counted).
Memory run_steps(const Model& model, Memory m, int first_rating, const std::array<double, 4>& cost,
                 const StepTransitions& transitions, int step_count, Draws& draws) {
  int rating = first_rating == 0 ? 1 : first_rating;
  if (first_rating != 0) m.seconds += cost[static_cast<std::size_t>(rating - 1)];
  // Good or Easy on a new card already counts as passing its first step.
  const int needed = rating > 2 ? std::max(step_count - 1, 0) : step_count;
  int passed_in_a_row = 0;
  for (int i = 0; i < kMaxStepAnswers; ++i) {
    if (passed_in_a_row >= needed || rating >= 4) break;
    rating = draws.pick(transitions[static_cast<std::size_t>(rating - 1)]) + 1;
    m.stability = model.same_day(m.stability, rating);
    m.difficulty = model.next_difficulty(m.difficulty, rating);
    m.seconds += cost[static_cast<std::size_t>(rating - 1)];
    if (rating > 2)
      ++passed_in_a_row;
    else if (rating == 1)
      passed_in_a_row = 0;
  }
  m.stability = std::clamp(m.stability, kMinStability, kMaxStability);
  m.difficulty = std::clamp(m.difficulty, kMinDifficulty, kMaxDifficulty);
  return m;
}

struct SimCard {
  double stability = 0;
  double difficulty = 0;
  int last_day = 0;
  // fsrs-rs orders a day's reviews by difficulty in hundredths, as an integer.
  int priority = 0;
};

bool is_probability_list(const double* p, std::size_t n) {
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(p[i]) || p[i] < 0) return false;
    total += p[i];
  }
  return total > 0;
}

}  // namespace

Result<void> validate(const SimulationConfig& c) {
  // The bounds keep a mistyped number from asking for gigabytes of per-day and per-card state.
  if (c.deck_size < 1 || c.deck_size > kMostSimulatedCards)
    return make_error(fmt::format("the deck size must be from 1 to {} cards, not {}",
                                  kMostSimulatedCards, c.deck_size));
  if (c.days < 1 || c.days > kMostSimulatedDays)
    return make_error(fmt::format("the number of days must be from 1 to {} (a century), not {}",
                                  kMostSimulatedDays, c.days));
  if (c.new_per_day < 0 || c.reviews_per_day < 0)
    return make_error("the daily limits must be 0 or more");
  if (!(c.seconds_per_day >= 0)) return make_error("the daily time cap must be 0 or more seconds");
  if (!(c.desired_retention > 0 && c.desired_retention < 1))
    return make_error(fmt::format(
        "the desired retention must be between 0 and 1 (e.g. 0.9), not {}", c.desired_retention));
  if (c.maximum_interval < 1) return make_error("the maximum interval must be at least 1 day");
  if (c.learning_step_count < 0 || c.relearning_step_count < 0)
    return make_error("the number of (re)learning steps must be 0 or more");
  const AnswerHabits& h = c.habits;
  if (!is_probability_list(h.first_rating.data(), 4))
    return make_error(
        "the first-answer probabilities must be 4 numbers of 0 or more, not all 0 (Again, Hard, "
        "Good, Easy)");
  if (!is_probability_list(h.review_rating.data(), 3))
    return make_error(
        "the review probabilities must be 3 numbers of 0 or more, not all 0 (Hard, Good, Easy of "
        "the recalled reviews)");
  for (const auto& row : h.seconds)
    for (double s : row)
      if (!std::isfinite(s) || s < 0)
        return make_error("the seconds per answer must be finite and 0 or more");
  for (const StepTransitions* t : {&h.learning_steps, &h.relearning_steps})
    for (const auto& row : *t)
      if (!is_probability_list(row.data(), 4))
        return make_error("each row of step transitions must be 4 probabilities, not all 0");
  for (double w : c.weights)
    if (!std::isfinite(w)) return make_error("the FSRS weights must be finite numbers");
  return {};
}

double SimulationResult::total_seconds() const {
  return std::accumulate(seconds_per_day.begin(), seconds_per_day.end(), 0.0);
}
int SimulationResult::total_reviews() const {
  return std::accumulate(reviews_per_day.begin(), reviews_per_day.end(), 0);
}
int SimulationResult::total_learned() const {
  return std::accumulate(learned_per_day.begin(), learned_per_day.end(), 0);
}
double SimulationResult::seconds_per_memorized() const {
  const double memorized = final_memorized();
  return memorized > 0 ? total_seconds() / memorized : std::numeric_limits<double>::infinity();
}

namespace {

// One review of a due card whose recall is `r`: recalled or lapsed by a draw, the card's memory
// after it (through the relearning steps on a lapse), and the seconds it took.
double review_card(const Model& model, const AnswerHabits& habits, int relearning_steps, double r,
                   SimCard& card, Draws& draws) {
  if (draws.uniform() < r) {
    const int rating = draws.pick(habits.review_rating) + 2;
    card.stability = model.after_recall(card.stability, card.difficulty, r, rating);
    card.difficulty = model.next_difficulty(card.difficulty, rating);
    return habits.seconds[kReview][static_cast<std::size_t>(rating - 1)];
  }
  Memory m{model.after_lapse(card.stability, card.difficulty, r),
           model.next_difficulty(card.difficulty, 1), 0.0};
  m = run_steps(model, m, 0, habits.seconds[kRelearning], habits.relearning_steps, relearning_steps,
                draws);
  card.stability = m.stability;
  card.difficulty = m.difficulty;
  return habits.seconds[kReview][0] + m.seconds;
}

}  // namespace

Result<SimulationResult> simulate(const SimulationConfig& config) {
  if (auto ok = validate(config); !ok) return ok.error();
  // The weights as the scheduler uses them: clamped into their trained ranges.
  FsrsParameters parameters;
  parameters.w = config.weights;
  parameters.relearning_steps.assign(static_cast<std::size_t>(config.relearning_step_count), 600);
  const Model model(Scheduler(parameters).parameters().w, config.desired_retention);
  const AnswerHabits& habits = config.habits;
  const auto days = static_cast<std::size_t>(config.days);

  SimulationResult out;
  out.memorized_per_day.assign(days, 0.0);
  out.reviews_per_day.assign(days, 0);
  out.learned_per_day.assign(days, 0);
  out.seconds_per_day.assign(days, 0.0);

  Draws draws(config.seed);
  std::vector<SimCard> cards;
  cards.reserve(static_cast<std::size_t>(config.deck_size));
  std::vector<std::vector<int>> due_on(days);

  // Probability of recall from the card's last review up to (not including) `until`.
  auto add_memorized = [&](const SimCard& card, int until) {
    for (int day = card.last_day; day < until; ++day)
      out.memorized_per_day[static_cast<std::size_t>(day)] +=
          model.recall(day - card.last_day, card.stability);
  };
  // After an answer on `day`: the next interval, and the card filed under its due day.
  auto schedule = [&](int index, int day) {
    SimCard& card = cards[static_cast<std::size_t>(index)];
    card.last_day = day;
    card.priority = static_cast<int>(card.difficulty * 100);
    const double interval = std::clamp(std::round(model.interval(card.stability)), 1.0,
                                       static_cast<double>(config.maximum_interval));
    const double due = day + interval;
    if (due < config.days)
      due_on[static_cast<std::size_t>(due)].push_back(index);
    else
      add_memorized(card, config.days);
  };

  // New card i may first be introduced on day i / new_per_day (all on day 0 without a limit).
  auto first_day_of_new = [&](int i) {
    return config.new_per_day == kNoDailyLimit || config.new_per_day == 0 ? 0
                                                                          : i / config.new_per_day;
  };
  const int new_cards = config.new_per_day == 0 ? 0 : config.deck_size;
  int introduced = 0;

  std::vector<int> todays;
  for (int day = 0; day < config.days; ++day) {
    const auto d = static_cast<std::size_t>(day);
    todays.swap(due_on[d]);
    due_on[d].clear();
    std::sort(todays.begin(), todays.end(), [&](int a, int b) {
      const int pa = cards[static_cast<std::size_t>(a)].priority;
      const int pb = cards[static_cast<std::size_t>(b)].priority;
      return pa != pb ? pa < pb : a < b;
    });
    for (int index : todays) {
      if (out.reviews_per_day[d] + 1 > config.reviews_per_day ||
          out.seconds_per_day[d] > config.seconds_per_day) {
        // Turned away today: tomorrow, or never within the span.
        if (day + 1 < config.days)
          due_on[d + 1].push_back(index);
        else
          add_memorized(cards[static_cast<std::size_t>(index)], config.days);
        continue;
      }
      SimCard& card = cards[static_cast<std::size_t>(index)];
      const double r = model.recall(day - card.last_day, card.stability);
      add_memorized(card, day);
      const double seconds =
          review_card(model, habits, config.relearning_step_count, r, card, draws);
      out.reviews_per_day[d] += 1;
      out.seconds_per_day[d] += seconds;
      schedule(index, day);
    }
    todays.clear();

    // New cards, in order, while today's limits allow.
    while (introduced < new_cards && first_day_of_new(introduced) <= day &&
           out.learned_per_day[d] + 1 <= config.new_per_day &&
           !(out.seconds_per_day[d] > config.seconds_per_day)) {
      const int rating = draws.pick(habits.first_rating) + 1;
      Memory m{model.initial_stability(rating),
               std::clamp(model.initial_difficulty(rating), kMinDifficulty, kMaxDifficulty), 0.0};
      m = run_steps(model, m, rating, habits.seconds[kLearning], habits.learning_steps,
                    config.learning_step_count, draws);
      cards.push_back(SimCard{m.stability, m.difficulty, day, 0});
      out.learned_per_day[d] += 1;
      out.seconds_per_day[d] += m.seconds;
      schedule(static_cast<int>(cards.size()) - 1, day);
      ++introduced;
    }
  }
  return out;
}

Result<RetentionSweep> sweep_retention(SimulationConfig config, double lowest, double highest,
                                       double step, int samples) {
  if (!(lowest > 0 && highest < 1 && lowest <= highest && step > 0))
    return make_error("the retentions to sweep must rise by a positive step within (0, 1)");
  if (samples < 1) return make_error("the sweep needs at least 1 sample per retention");
  RetentionSweep sweep;
  const std::uint64_t first_seed = config.seed;
  // Counted in whole steps so that 0.95 is reached despite rounding.
  const int count = static_cast<int>(std::floor((highest - lowest) / step + 1e-9)) + 1;
  for (int i = 0; i < count; ++i) {
    RetentionPoint point;
    point.retention = lowest + step * i;
    config.desired_retention = point.retention;
    for (int s = 0; s < samples; ++s) {
      config.seed = first_seed + static_cast<std::uint64_t>(s);
      auto run = simulate(config);
      if (!run) return run.error();
      point.memorized += run->final_memorized() / samples;
      point.total_seconds += run->total_seconds() / samples;
    }
    point.seconds_per_memorized = point.memorized > 0 ? point.total_seconds / point.memorized
                                                      : std::numeric_limits<double>::infinity();
    point.seconds_per_day = point.total_seconds / config.days;
    sweep.points.push_back(point);
  }
  for (std::size_t i = 1; i < sweep.points.size(); ++i)
    if (sweep.points[i].seconds_per_memorized < sweep.points[sweep.optimum].seconds_per_memorized)
      sweep.optimum = i;
  return sweep;
}

}  // namespace citecard
