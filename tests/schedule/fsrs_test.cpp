// The FSRS-6 memory model and review scheduling, checked against numbers worked out by hand from
// the published formulas with the default weights.
#include <doctest/doctest.h>

#include <limits>
#include <set>

#include "citecard/fsrs.hpp"

using namespace citecard;

namespace {

const Timestamp kMonday9am = *parse_iso8601("2024-01-01T09:00:00Z");
constexpr Timestamp kMinute = 60;
constexpr Timestamp kDay = kSecondsPerDay;

// A card answered Easy when new: in review, stability w3 = 8.2956, difficulty 1, due in 8 days.
CardMemory easy_first_card(const Scheduler& scheduler) {
  return scheduler.next(new_card_memory(kMonday9am), kMonday9am, Rating::Easy);
}

}  // namespace

TEST_CASE("the default weights are the FSRS-6 defaults of ts-fsrs 5.4.2") {
  const auto& w = default_fsrs_weights();
  CHECK(w[0] == 0.212);
  CHECK(w[3] == 8.2956);
  CHECK(w[20] == 0.1542);
  CHECK(Scheduler().parameters().w == w);
}

TEST_CASE(
    "a new card's first answer sets stability to w0..w3 and difficulty to w4 - e^((g-1)w5) + 1") {
  const Scheduler scheduler;
  const auto next = scheduler.preview(new_card_memory(kMonday9am), kMonday9am);
  CHECK(next[0].stability == doctest::Approx(0.212).epsilon(1e-12));
  CHECK(next[1].stability == doctest::Approx(1.2931).epsilon(1e-12));
  CHECK(next[2].stability == doctest::Approx(2.3065).epsilon(1e-12));
  CHECK(next[3].stability == doctest::Approx(8.2956).epsilon(1e-12));
  CHECK(next[0].difficulty == doctest::Approx(6.4133).epsilon(1e-12));
  CHECK(next[1].difficulty == doctest::Approx(5.11217071).epsilon(1e-12));
  CHECK(next[2].difficulty == doctest::Approx(2.11810397).epsilon(1e-12));
  CHECK(next[3].difficulty == 1.0);  // 6.4133 - e^2.5002 + 1 < 1, clamped
  for (const auto& card : next) CHECK(card.reps == 1);
}

TEST_CASE(
    "new cards walk the learning steps 1m, 10m: Again 1m, Hard 6m, Good 10m, Easy graduates") {
  const Scheduler scheduler;
  const auto next = scheduler.preview(new_card_memory(kMonday9am), kMonday9am);
  CHECK(next[0].state == CardState::Learning);
  CHECK(next[0].due == kMonday9am + 1 * kMinute);
  CHECK(next[1].due == kMonday9am + 6 * kMinute);  // (1 + 10) / 2 = 5.5, rounded up
  CHECK(next[1].learning_steps == 0);
  CHECK(next[2].due == kMonday9am + 10 * kMinute);
  CHECK(next[2].learning_steps == 1);
  CHECK(next[2].scheduled_days == 0);
  CHECK(next[3].state == CardState::Review);
  CHECK(next[3].scheduled_days == 8);  // at 90% retention the interval is the stability, 8.2956
  CHECK(next[3].due == kMonday9am + 8 * kDay);
}

TEST_CASE("Good past the last learning step graduates to a day interval") {
  const Scheduler scheduler;
  auto card = scheduler.next(new_card_memory(kMonday9am), kMonday9am, Rating::Good);
  card = scheduler.next(card, card.due, Rating::Good);
  CHECK(card.state == CardState::Review);
  CHECK(card.learning_steps == 0);
  // Same day: short-term stability S·max(S^-w19 · e^(w17·w18), 1) = 2.3065 (the factor is < 1).
  CHECK(card.stability == doctest::Approx(2.3065).epsilon(1e-12));
  CHECK(card.scheduled_days == 2);
}

TEST_CASE("a same-day Again lowers stability by S^-w19 · e^(w17(w18 - 2))") {
  const Scheduler scheduler;
  auto card = scheduler.next(new_card_memory(kMonday9am), kMonday9am, Rating::Again);
  card = scheduler.next(card, card.due, Rating::Again);
  CHECK(card.stability == doctest::Approx(0.08335672).epsilon(1e-9));
  CHECK(card.state == CardState::Learning);
}

TEST_CASE("retrievability is 90% when the elapsed days equal the stability") {
  const Scheduler scheduler;
  CardMemory card = easy_first_card(scheduler);
  card.stability = 10.0;
  CHECK(scheduler.retrievability(card, kMonday9am + 10 * kDay) ==
        doctest::Approx(0.9).epsilon(1e-7));
  CHECK(scheduler.retrievability(card, kMonday9am) == 1.0);
  CHECK(scheduler.retrievability(card, kMonday9am + 100 * kDay) < 0.8);
  CHECK(scheduler.retrievability(new_card_memory(kMonday9am), kMonday9am) == 1.0);
}

TEST_CASE("a review on time updates stability after recall, with Hard penalised and Easy boosted") {
  const Scheduler scheduler;
  const CardMemory card = easy_first_card(scheduler);
  // R(8 days, S = 8.2956) = 0.9024733; S' = S(1 + e^w8 (11 - D) S^-w9 (e^(w10(1-R)) - 1) · w15|w16)
  const auto next = scheduler.preview(card, card.due);
  CHECK(next[1].stability == doctest::Approx(26.70418346).epsilon(1e-9));
  CHECK(next[2].stability == doctest::Approx(38.90515015).epsilon(1e-9));
  CHECK(next[3].stability == doctest::Approx(65.62422648).epsilon(1e-9));
  CHECK(next[1].scheduled_days == 27);
  CHECK(next[2].scheduled_days == 39);
  CHECK(next[3].scheduled_days == 66);
  CHECK(next[2].due == card.due + 39 * kDay);
}

TEST_CASE("a lapse enters relearning with stability after forgetting and one more lapse") {
  const Scheduler scheduler;
  const CardMemory card = easy_first_card(scheduler);
  const auto lapsed = scheduler.next(card, card.due, Rating::Again);
  // min(S / e^(w17·w18) = 7.895, w11 D^-w12 ((S+1)^w13 - 1) e^(w14(1-R)) = 1.38863246)
  CHECK(lapsed.stability == doctest::Approx(1.38863246).epsilon(1e-9));
  // D = 1 + w6·2·(10-1)/9 = 7.0388, then 0.1% mean reversion towards D0(4) = -4.77
  CHECK(lapsed.difficulty == doctest::Approx(7.02698957).epsilon(1e-9));
  CHECK(lapsed.state == CardState::Relearning);
  CHECK(lapsed.due == card.due + 10 * kMinute);
  CHECK(lapsed.lapses == 1);
  CHECK(lapsed.reps == 2);
}

TEST_CASE("Hard, Good and Easy intervals stay strictly ordered even when stability does not grow") {
  const Scheduler scheduler;
  const CardMemory card = easy_first_card(scheduler);
  // Eleven hours later, same day: Hard and Good both keep S = 8.2956 (8 days); Good gets 9.
  const auto next = scheduler.preview(card, kMonday9am + 11 * 3600);
  CHECK(next[1].scheduled_days == 8);
  CHECK(next[2].scheduled_days == 9);
  CHECK(next[3].scheduled_days >= 10);
}

TEST_CASE("elapsed days are calendar days: two seconds across midnight is a day") {
  const Scheduler scheduler;
  const Timestamp late = *parse_iso8601("2024-01-01T23:59:59Z");
  CardMemory card = scheduler.next(new_card_memory(late), late, Rating::Easy);
  const auto after_midnight = scheduler.next(card, late + 2, Rating::Good);
  const auto same_day = scheduler.next(card, late, Rating::Good);
  CHECK(same_day.stability == doctest::Approx(card.stability));  // short-term: unchanged
  CHECK(after_midnight.stability > card.stability * 1.05);       // a real day of recall
}

TEST_CASE("desired retention sets the interval and the maximum interval caps it") {
  FsrsParameters strict;
  strict.desired_retention = 0.97;
  const auto strict_card =
      Scheduler(strict).next(new_card_memory(kMonday9am), kMonday9am, Rating::Easy);
  CHECK(strict_card.scheduled_days == 2);  // 8.2956 × 0.97-interval modifier ≈ 2.36

  FsrsParameters capped;
  capped.maximum_interval = 5;
  const auto capped_card =
      Scheduler(capped).next(new_card_memory(kMonday9am), kMonday9am, Rating::Easy);
  CHECK(capped_card.scheduled_days == 5);
}

TEST_CASE(
    "without short-term scheduling every answer gets a day interval, Again < Hard < Good < Easy") {
  FsrsParameters parameters;
  parameters.enable_short_term = false;
  const Scheduler scheduler(parameters);
  const auto first = scheduler.preview(new_card_memory(kMonday9am), kMonday9am);
  CHECK(first[0].state == CardState::Review);
  CHECK(first[0].scheduled_days == 1);
  CHECK(first[1].scheduled_days == 2);  // 1.2931 rounds to 1, pushed above Again
  CHECK(first[2].scheduled_days == 3);  // 2.3065 rounds to 2, pushed above Hard
  CHECK(first[3].scheduled_days == 8);
  CHECK(first[0].lapses == 0);
  const auto lapse = scheduler.next(first[3], first[3].due, Rating::Again);
  CHECK(lapse.state == CardState::Review);
  CHECK(lapse.lapses == 1);
}

TEST_CASE(
    "weights outside their trained ranges are clamped, the short-term exponents by the relearning "
    "steps") {
  FsrsParameters parameters;
  parameters.w[20] = 0.05;  // below the smallest decay 0.1
  parameters.w[17] = 2.5;
  parameters.relearning_steps = {600, 1800, 7200};
  const Scheduler scheduler(parameters);
  CHECK(scheduler.parameters().w[20] == 0.1);
  // sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / 3) = sqrt(-(0.39441 - 1.60999 + 0.49449) / 3)
  CHECK(scheduler.parameters().w[17] == doctest::Approx(0.49027301).epsilon(1e-8));
  CHECK(scheduler.parameters().w[18] == default_fsrs_weights()[18]);
}

TEST_CASE("fuzz is deterministic per seed and stays within Anki's range") {
  FsrsParameters parameters;
  parameters.enable_fuzz = true;
  parameters.maximum_interval = 36500;
  const Scheduler fuzzed(parameters);
  const Scheduler plain;
  CardMemory card = easy_first_card(plain);
  card.stability = 100.0;  // Good on time: ≈ 236 days unfuzzed
  const Timestamp due = card.due;
  const int plain_days = plain.next(card, due, Rating::Good).scheduled_days;
  // ±(1 + 0.15·4.5 + 0.1·13 + 0.05·(I - 20))
  const double spread = 1 + 0.675 + 1.3 + 0.05 * (plain_days - 20);
  std::set<int> seen;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const int days = fuzzed.next(card, due, Rating::Good, seed).scheduled_days;
    CHECK(days == fuzzed.next(card, due, Rating::Good, seed).scheduled_days);
    CHECK(days >= plain_days - spread - 0.5);
    CHECK(days <= plain_days + spread + 0.5);
    seen.insert(days);
  }
  CHECK(seen.size() > 10);
}

TEST_CASE("short intervals are not fuzzed") {
  FsrsParameters parameters;
  parameters.enable_fuzz = true;
  const Scheduler scheduler(parameters);
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    CHECK(scheduler.next(new_card_memory(kMonday9am), kMonday9am, Rating::Hard, seed).due ==
          kMonday9am + 6 * kMinute);
  }
}

TEST_CASE("validate rejects what the scheduler cannot work with") {
  FsrsParameters parameters;
  CHECK(validate(parameters).ok());
  parameters.desired_retention = 1.5;
  CHECK_FALSE(validate(parameters).ok());
  parameters = {};
  parameters.maximum_interval = 0;
  CHECK_FALSE(validate(parameters).ok());
  parameters = {};
  parameters.w[3] = std::numeric_limits<double>::quiet_NaN();
  CHECK(validate(parameters).error().message.find("w3") != std::string::npos);
}

TEST_CASE("parse_fsrs_weights takes exactly 21 numbers") {
  const auto weights = parse_fsrs_weights(
      "0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,0.0614,"
      "0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542");
  REQUIRE(weights.ok());
  CHECK(*weights == default_fsrs_weights());
  CHECK_FALSE(parse_fsrs_weights("1,2,3").ok());
  CHECK_FALSE(parse_fsrs_weights("0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,"
                                 "0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,"
                                 "0.0912,x,0.1542")
                  .ok());
}
