// FSRS-6: the memory model (stability, difficulty, retrievability) and the state machine that
// turns an answer into the card's next state. Every formula, clamp and rounding follows ts-fsrs
// 5.4.2, the reference the tests compare with; "reference" below means that implementation.
#include <fmt/format.h>

#include <cmath>
#include <cstddef>

#include "citecard/fsrs.hpp"
#include "fuzz.hpp"
#include "rounding.hpp"
#include "steps.hpp"

namespace citecard {

using schedule_detail::clamp;
using schedule_detail::floor_div;
using schedule_detail::round8;
using schedule_detail::round_half_up;

namespace {

constexpr double kMinStability = 0.001;
constexpr double kMaxStability = 36500.0;
constexpr double kMaxInitialStability = 100.0;
constexpr double kShortTermExponentCeiling = 2.0;

struct Range {
  double lo;
  double hi;
};

// The ranges FSRS-6 weights are trained within; weights outside them are clamped in.
std::array<Range, kFsrsParameterCount> weight_ranges(bool short_term) {
  return {{
      {kMinStability, kMaxInitialStability},  // w0..w3: initial stability per first rating
      {kMinStability, kMaxInitialStability},
      {kMinStability, kMaxInitialStability},
      {kMinStability, kMaxInitialStability},
      {1.0, 10.0},    // w4: initial difficulty (Good)
      {0.001, 4.0},   // w5: initial difficulty spread
      {0.001, 4.0},   // w6: difficulty step
      {0.001, 0.75},  // w7: mean reversion
      {0.0, 4.5},     // w8..w10: stability after recall
      {0.0, 0.8},
      {0.001, 3.5},
      {0.001, 5.0},  // w11..w14: stability after forgetting
      {0.001, 0.25},
      {0.001, 0.9},
      {0.0, 4.0},
      {0.0, 1.0},                        // w15: Hard penalty
      {1.0, 6.0},                        // w16: Easy bonus
      {0.0, kShortTermExponentCeiling},  // w17, w18: same-day reviews
      {0.0, kShortTermExponentCeiling},
      {short_term ? 0.01 : 0.0, 0.8},  // w19: same-day saturation
      {0.1, 0.8},                      // w20: decay
  }};
}

FsrsWeights clamp_weights(const FsrsWeights& w, std::size_t relearning_steps, bool short_term) {
  auto ranges = weight_ranges(short_term);
  auto in_range = [&](std::size_t i) {
    const double value = std::isnan(w[i]) ? 0.0 : w[i];
    return clamp(value, ranges[i].lo, ranges[i].hi);
  };
  if (relearning_steps > 1) {
    // Several relearning steps each multiply stability by up to e^(w17·w18); bound that product
    // so that relearning cannot end above the stability the card had before it lapsed (taken at
    // D = 1, R = 0.7, S = 1).
    const double w11 = in_range(11), w13 = in_range(13), w14 = in_range(14);
    const double limit = -(std::log(w11) + std::log(std::pow(2.0, w13) - 1.0) + w14 * 0.3) /
                         static_cast<double>(relearning_steps);
    const double ceiling =
        clamp(round8(std::sqrt(std::max(limit, 0.0))), 0.01, kShortTermExponentCeiling);
    ranges[17].hi = ceiling;
    ranges[18].hi = ceiling;
  }
  FsrsWeights clamped{};
  for (std::size_t i = 0; i < kFsrsParameterCount; ++i) clamped[i] = in_range(i);
  return clamped;
}

int rating_value(Rating rating) {
  return static_cast<int>(rating);
}

std::int64_t day_number(Timestamp t) {
  return floor_div(t, kSecondsPerDay);
}

}  // namespace

const char* to_string(CardState state) {
  switch (state) {
    case CardState::New:
      return "new";
    case CardState::Learning:
      return "learning";
    case CardState::Review:
      return "review";
    case CardState::Relearning:
      return "relearning";
  }
  return "?";
}

const char* to_string(Rating rating) {
  switch (rating) {
    case Rating::Again:
      return "again";
    case Rating::Hard:
      return "hard";
    case Rating::Good:
      return "good";
    case Rating::Easy:
      return "easy";
  }
  return "?";
}

CardMemory new_card_memory(Timestamp now) {
  CardMemory card;
  card.due = now;
  return card;
}

const FsrsWeights& default_fsrs_weights() {
  static const FsrsWeights weights = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                      0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                      1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
  return weights;
}

Result<void> validate(const FsrsParameters& p) {
  for (std::size_t i = 0; i < kFsrsParameterCount; ++i) {
    if (!std::isfinite(p.w[i]))
      return make_error(fmt::format("FSRS weight w{} is not a number", i));
  }
  if (!(p.desired_retention > 0.0 && p.desired_retention <= 1.0)) {
    return make_error(
        fmt::format("desired retention {} is outside (0, 1]; try 0.9", p.desired_retention));
  }
  if (p.maximum_interval < 1) {
    return make_error(fmt::format("maximum interval {} days is below one day", p.maximum_interval));
  }
  for (const auto* steps : {&p.learning_steps, &p.relearning_steps}) {
    for (std::int64_t step : *steps) {
      if (step < 0) return make_error("a (re)learning step is negative");
    }
  }
  return {};
}

// One answer being scheduled.
struct Scheduler::Review {
  const CardMemory& card;
  Timestamp now;
  int elapsed_days;    // calendar days (UTC) since the last review; 0 for a new card
  double fuzz_factor;  // uniform in [0, 1), the same for every interval of this answer
};

Scheduler::Scheduler(FsrsParameters parameters) : parameters_(std::move(parameters)) {
  // The constructor cannot fail; values validate() rejects fall back to the defaults.
  if (!(parameters_.desired_retention > 0.0 && parameters_.desired_retention <= 1.0)) {
    parameters_.desired_retention = FsrsParameters{}.desired_retention;
  }
  if (parameters_.maximum_interval < 1) {
    parameters_.maximum_interval = FsrsParameters{}.maximum_interval;
  }
  parameters_.w = clamp_weights(parameters_.w, parameters_.relearning_steps.size(),
                                parameters_.enable_short_term);
  const auto& w = parameters_.w;
  decay_ = -w[20];
  decay_factor_ = round8(std::exp(std::pow(decay_, -1.0) * std::log(0.9)) - 1.0);
  interval_modifier_ =
      round8((std::pow(parameters_.desired_retention, 1.0 / decay_) - 1.0) / decay_factor_);
  easy_initial_difficulty_ = round8(w[4] - std::exp((rating_value(Rating::Easy) - 1) * w[5]) + 1.0);
}

double Scheduler::forgetting_curve(int elapsed_days, double stability) const {
  return round8(std::pow(1.0 + decay_factor_ * elapsed_days / stability, decay_));
}

double Scheduler::next_difficulty(double difficulty, Rating rating) const {
  const auto& w = parameters_.w;
  const double delta = -w[6] * (rating_value(rating) - 3);
  // Linear damping: the closer to the maximum of 10, the smaller the step up.
  const double damped = difficulty + round8(delta * (10.0 - difficulty) / 9.0);
  // Mean reversion towards the difficulty of a card first answered Easy.
  return clamp(round8(w[7] * easy_initial_difficulty_ + (1.0 - w[7]) * damped), 1.0, 10.0);
}

Scheduler::Memory Scheduler::next_memory(const CardMemory& card, int elapsed_days, Rating rating,
                                         double recall_probability) const {
  const auto& w = parameters_.w;
  const int g = rating_value(rating);
  const double s = card.stability;
  const double d = card.difficulty;
  if (d == 0.0 && s == 0.0) {
    return {std::max(w[static_cast<std::size_t>(g - 1)], 0.1),
            clamp(round8(w[4] - std::exp((g - 1) * w[5]) + 1.0), 1.0, 10.0)};
  }
  const double r = recall_probability;
  double next_s;
  if (elapsed_days == 0 && parameters_.enable_short_term) {
    // Same-day review: stability grows with the rating and saturates for stable cards.
    const double growth = std::pow(s, -w[19]) * std::exp(w[17] * (g - 3 + w[18]));
    const double masked = rating >= Rating::Hard ? std::max(growth, 1.0) : growth;
    next_s = round8(clamp(s * masked, kMinStability, kMaxStability));
  } else if (rating == Rating::Again) {
    const double after_lapse =
        round8(clamp(w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) *
                         std::exp((1.0 - r) * w[14]),
                     kMinStability, kMaxStability));
    // A lapse never leaves the card more stable than the relearning steps could bring it back to.
    const double short_term_gain =
        parameters_.enable_short_term ? std::exp(w[17] * w[18]) : std::exp(0.0);
    next_s = clamp(round8(s / short_term_gain), kMinStability, after_lapse);
  } else {
    const double hard_penalty = rating == Rating::Hard ? w[15] : 1.0;
    const double easy_bonus = rating == Rating::Easy ? w[16] : 1.0;
    next_s = round8(
        clamp(s * (1.0 + std::exp(w[8]) * (11.0 - d) * std::pow(s, -w[9]) *
                             (std::exp((1.0 - r) * w[10]) - 1.0) * hard_penalty * easy_bonus),
              kMinStability, kMaxStability));
  }
  return {next_s, next_difficulty(d, rating)};
}

int Scheduler::next_interval(double stability, const Review& review) const {
  const double days = std::min(std::max(1.0, round_half_up(stability * interval_modifier_)),
                               static_cast<double>(parameters_.maximum_interval));
  const int interval = static_cast<int>(days);
  if (!parameters_.enable_fuzz) return interval;
  return schedule_detail::fuzzed_interval(interval, review.elapsed_days,
                                          parameters_.maximum_interval, review.fuzz_factor);
}

void Scheduler::apply_steps(CardMemory& next, const Review& review, Rating rating,
                            CardState step_state) const {
  const auto step = schedule_detail::step_outcome(parameters_, review.card.state,
                                                  review.card.learning_steps, rating);
  if (step.seconds > 0 && step.seconds < kSecondsPerDay) {
    next.state = step_state;
    next.learning_steps = step.next_step;
    next.scheduled_days = 0;
    next.due = review.now + step.seconds;
    return;
  }
  next.state = CardState::Review;
  if (step.seconds >= kSecondsPerDay) {
    // A step of a day or more is kept as given, though the card now counts as in review.
    next.learning_steps = step.next_step;
    next.scheduled_days = static_cast<int>(step.seconds / kSecondsPerDay);
    next.due = review.now + step.seconds;
  } else {
    next.learning_steps = 0;
    next.scheduled_days = next_interval(next.stability, review);
    next.due = review.now + std::int64_t{next.scheduled_days} * kSecondsPerDay;
  }
}

CardMemory Scheduler::next_with_steps(const Review& review, Rating rating) const {
  const CardMemory& card = review.card;
  CardMemory next = card;
  next.last_review = review.now;
  next.reps += 1;
  const bool initial = card.stability == 0.0 && card.difficulty == 0.0;
  const double r = initial ? 1.0 : forgetting_curve(review.elapsed_days, card.stability);

  auto set_memory = [&](const Memory& m) {
    next.stability = m.stability;
    next.difficulty = m.difficulty;
  };
  if (card.state != CardState::Review) {
    set_memory(next_memory(card, review.elapsed_days, rating, r));
    apply_steps(next, review, rating,
                card.state == CardState::New ? CardState::Learning : card.state);
    return next;
  }
  if (rating == Rating::Again) {
    set_memory(next_memory(card, review.elapsed_days, rating, r));
    apply_steps(next, review, rating, CardState::Relearning);
    next.lapses += 1;
    return next;
  }
  // Hard, Good and Easy keep their intervals strictly ordered, so each depends on the ones below.
  const Memory hard = next_memory(card, review.elapsed_days, Rating::Hard, r);
  const Memory good = next_memory(card, review.elapsed_days, Rating::Good, r);
  int hard_days = next_interval(hard.stability, review);
  int good_days = next_interval(good.stability, review);
  hard_days = std::min(hard_days, good_days);
  good_days = std::max(good_days, hard_days + 1);
  int days = 0;
  switch (rating) {
    case Rating::Hard:
      set_memory(hard);
      days = hard_days;
      break;
    case Rating::Good:
      set_memory(good);
      days = good_days;
      break;
    default: {
      const Memory easy = next_memory(card, review.elapsed_days, Rating::Easy, r);
      set_memory(easy);
      days = std::max(next_interval(easy.stability, review), good_days + 1);
      break;
    }
  }
  next.state = CardState::Review;
  next.learning_steps = 0;
  next.scheduled_days = days;
  next.due = review.now + std::int64_t{days} * kSecondsPerDay;
  return next;
}

// Without short-term scheduling there are no steps and no same-day stability: every answer, even
// the first, gets a day interval, and the four intervals are kept strictly ordered.
CardMemory Scheduler::next_long_term(const Review& review, Rating rating) const {
  const CardMemory& card = review.card;
  const bool initial = card.stability == 0.0 && card.difficulty == 0.0;
  const double r = initial ? 1.0 : forgetting_curve(review.elapsed_days, card.stability);

  const int highest = std::max(rating_value(rating), rating_value(Rating::Hard));
  std::array<Memory, 4> memory{};
  std::array<int, 4> days{};
  for (int g = 1; g <= highest; ++g) {
    memory[static_cast<std::size_t>(g - 1)] =
        next_memory(card, review.elapsed_days, static_cast<Rating>(g), r);
    days[static_cast<std::size_t>(g - 1)] =
        next_interval(memory[static_cast<std::size_t>(g - 1)].stability, review);
  }
  days[0] = std::min(days[0], days[1]);
  for (int g = 2; g <= highest; ++g) {
    const auto i = static_cast<std::size_t>(g - 1);
    days[i] = std::max(days[i], days[i - 1] + 1);
  }
  const auto chosen = static_cast<std::size_t>(rating_value(rating) - 1);
  CardMemory next = card;
  next.last_review = review.now;
  next.reps += 1;
  next.stability = memory[chosen].stability;
  next.difficulty = memory[chosen].difficulty;
  next.state = CardState::Review;
  next.learning_steps = 0;
  next.scheduled_days = days[chosen];
  next.due = review.now + std::int64_t{days[chosen]} * kSecondsPerDay;
  if (rating == Rating::Again && card.state != CardState::New) next.lapses += 1;
  return next;
}

CardMemory Scheduler::next(const CardMemory& card, Timestamp now, Rating rating,
                           std::uint64_t fuzz_seed) const {
  int elapsed_days = 0;
  if (card.state != CardState::New) {
    // Calendar days, not 24-hour periods: 23:59 to 00:01 is a day.
    elapsed_days =
        static_cast<int>(std::max<std::int64_t>(0, day_number(now) - day_number(card.last_review)));
  }
  const double fuzz_factor =
      parameters_.enable_fuzz ? schedule_detail::fuzz_factor(fuzz_seed, now, card.reps) : 0.0;
  const Review review{card, now, elapsed_days, fuzz_factor};
  return parameters_.enable_short_term ? next_with_steps(review, rating)
                                       : next_long_term(review, rating);
}

std::array<CardMemory, 4> Scheduler::preview(const CardMemory& card, Timestamp now,
                                             std::uint64_t fuzz_seed) const {
  return {next(card, now, Rating::Again, fuzz_seed), next(card, now, Rating::Hard, fuzz_seed),
          next(card, now, Rating::Good, fuzz_seed), next(card, now, Rating::Easy, fuzz_seed)};
}

double Scheduler::retrievability(const CardMemory& card, Timestamp now) const {
  if (card.state == CardState::New || card.stability <= 0.0) return 1.0;
  // Whole 24-hour periods here, as the reference shows it.
  const auto elapsed = std::max<std::int64_t>(0, floor_div(now - card.last_review, kSecondsPerDay));
  return forgetting_curve(static_cast<int>(elapsed), round8(card.stability));
}

}  // namespace citecard
