// The workload simulator: reproducible by seed, its memorised count equal (within sampling error)
// to the expectation worked out here from FSRS's forgetting curve, its limits kept, and the
// retention sweep finding a cheapest retention inside the range, not at an end.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "citecard/simulation.hpp"

using namespace citecard;

namespace {

// A deck every card of which is learned on day 0 and answered Good whenever recalled, without
// same-day steps or limits: the only randomness left is recall itself.
SimulationConfig good_only_without_limits() {
  SimulationConfig c;
  c.deck_size = 10000;
  c.days = 365;
  c.seconds_per_day = 1e12;
  c.learning_step_count = 0;
  c.relearning_step_count = 0;
  c.habits.first_rating = {0, 0, 1, 0};
  c.habits.review_rating = {0, 1, 0};
  return c;
}

// The expected number of cards recalled on each day for that deck, computed without the
// simulator: every possible history of one card (recalled or forgotten at each review) is
// followed with its probability, and each day adds the card's probability of recall then.
// Written from the FSRS-6 formulas (the forgetting curve R(t) = (1 + F t / S)^-w20 with
// R(S) = 0.9, and the stability and difficulty updates after a recall and a lapse).
std::vector<double> expected_memorized(const SimulationConfig& c, double* collapsed_mass) {
  const FsrsWeights& w = c.weights;
  const double decay = w[20];
  const double f = std::pow(0.9, -1.0 / decay) - 1.0;
  auto recall = [&](double t, double s) { return std::pow(1.0 + f * t / s, -decay); };
  // The interval at which R falls to the desired retention, in whole days.
  auto interval = [&](double s) {
    const double t = s / f * (std::pow(c.desired_retention, -1.0 / decay) - 1.0);
    return std::clamp(std::round(t), 1.0, double(c.maximum_interval));
  };
  auto d0 = [&](int g) { return w[4] - std::exp(w[5] * (g - 1)) + 1.0; };
  auto next_d = [&](double d, int g) {
    const double linear = d - w[6] * (g - 3) * (10.0 - d) / 9.0;
    return std::clamp(w[7] * d0(4) + (1.0 - w[7]) * linear, 1.0, 10.0);
  };
  auto s_recall = [&](double s, double d, double r) {  // rating Good
    return s * (1.0 + std::exp(w[8]) * (11.0 - d) * std::pow(s, -w[9]) *
                          (std::exp(w[10] * (1.0 - r)) - 1.0));
  };
  auto s_lapse = [&](double s, double d, double r) {
    const double s1 = w[11] * std::pow(d, -w[12]) * (std::pow(s + 1.0, w[13]) - 1.0) *
                      std::exp(w[14] * (1.0 - r));
    return std::max(std::min(s1, s / std::exp(w[17] * w[18])), 0.001);
  };

  std::vector<double> per_card(static_cast<std::size_t>(c.days), 0.0);
  *collapsed_mass = 0;
  // Every history down to a probability of 1e-6 is followed in full. Below that, a history goes
  // on as if every later review were recalled: its recall still runs from 1 down to the desired
  // retention between reviews, which is what matters here, so the shortcut moves the total by
  // far less than the weight it applies to (reported, and checked to be small).
  std::function<void(int, double, double, double, bool)> follow = [&](int last, double s, double d,
                                                                      double p, bool collapsed) {
    const int due = last + static_cast<int>(interval(s));
    for (int t = last; t < std::min(due, c.days); ++t)
      per_card[static_cast<std::size_t>(t)] += p * recall(t - last, s);
    if (due >= c.days) return;
    const double r = recall(due - last, s);
    if (!collapsed && p < 1e-6) {
      *collapsed_mass += p;
      collapsed = true;
    }
    if (collapsed) return follow(due, s_recall(s, d, r), next_d(d, 3), p, true);
    follow(due, s_recall(s, d, r), next_d(d, 3), p * r, false);
    follow(due, s_lapse(s, d, r), next_d(d, 1), p * (1.0 - r), false);
  };
  follow(0, w[2], d0(3), 1.0, false);
  for (double& v : per_card) v *= c.deck_size;
  return per_card;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

}  // namespace

TEST_CASE("the same seed gives the same simulation, another seed another one") {
  SimulationConfig c;
  c.deck_size = 2000;
  c.days = 120;
  c.seed = 7;
  const auto a = simulate(c);
  const auto b = simulate(c);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->memorized_per_day == b->memorized_per_day);
  CHECK(a->reviews_per_day == b->reviews_per_day);
  CHECK(a->learned_per_day == b->learned_per_day);
  CHECK(a->seconds_per_day == b->seconds_per_day);
  c.seed = 8;
  const auto other = simulate(c);
  REQUIRE(other);
  CHECK(other->seconds_per_day != a->seconds_per_day);
}

TEST_CASE("without limits the memorised count is FSRS's expectation within 1 %") {
  const SimulationConfig c = good_only_without_limits();
  const auto run = simulate(c);
  REQUIRE(run);
  CHECK(run->learned_per_day[0] == c.deck_size);
  double collapsed = 0;
  const std::vector<double> expected = expected_memorized(c, &collapsed);
  MESSAGE("histories followed only through recalls: ", collapsed * 100, " % of the weight");
  CHECK(collapsed < 0.05);
  const double simulated_mean = mean(run->memorized_per_day);
  const double expected_mean = mean(expected);
  MESSAGE("mean memorised per day: simulated ", simulated_mean, ", expected ", expected_mean,
          "; last day: simulated ", run->memorized_per_day.back(), ", expected ", expected.back());
  CHECK(std::abs(simulated_mean / expected_mean - 1.0) < 0.01);
  CHECK(std::abs(run->memorized_per_day.back() / expected.back() - 1.0) < 0.01);
  // Day 0 is the day every card was learned: all of them are recalled.
  CHECK(run->memorized_per_day[0] == doctest::Approx(c.deck_size));
}

TEST_CASE("daily limits and the time cap hold on every day") {
  SimulationConfig c;
  c.deck_size = 3000;
  c.days = 200;
  c.new_per_day = 25;
  c.reviews_per_day = 60;
  c.seconds_per_day = 900;
  const auto run = simulate(c);
  REQUIRE(run);
  // The card that crosses the cap is still done: at most one card's time over it (an answer and
  // at most five step answers).
  double longest = 0;
  for (const auto& row : c.habits.seconds)
    for (double s : row) longest = std::max(longest, s);
  bool capped_somewhere = false;
  for (int day = 0; day < c.days; ++day) {
    const auto d = static_cast<std::size_t>(day);
    CHECK(run->learned_per_day[d] <= c.new_per_day);
    CHECK(run->reviews_per_day[d] <= c.reviews_per_day);
    CHECK(run->seconds_per_day[d] <= c.seconds_per_day + 6 * longest);
    capped_somewhere |=
        run->reviews_per_day[d] == c.reviews_per_day || run->seconds_per_day[d] > c.seconds_per_day;
  }
  CHECK(capped_somewhere);  // the limits were reached, so the checks above tested something
  CHECK(run->total_learned() > 0);

  c.new_per_day = 0;
  const auto nothing_new = simulate(c);
  REQUIRE(nothing_new);
  CHECK(nothing_new->total_learned() == 0);
  CHECK(nothing_new->total_seconds() == 0);
}

TEST_CASE("the retention sweep finds the cheapest retention strictly inside 0.70 to 0.95") {
  // A learner for whom forgetting is dear (a lapse takes a minute, relearning half of one) and
  // who learns 10 new cards a day without a time cap: a low retention then costs more in lapses
  // than it saves in reviews. (With fsrs-rs's default times the cheapest retention is 0.70, the
  // end of the range, as fsrs-rs's own test of optimal_retention finds.)
  SimulationConfig c;
  c.deck_size = 3000;
  c.days = 365;
  c.new_per_day = 10;
  c.seconds_per_day = std::numeric_limits<double>::infinity();
  c.habits.seconds[1][0] = 60;
  c.habits.seconds[2] = {40, 30, 25, 20};
  const auto sweep = sweep_retention(c, kSweepLowest, kSweepHighest, 0.01, 2);
  REQUIRE(sweep);
  REQUIRE(sweep->points.size() == 26);
  CHECK(sweep->points.front().retention == doctest::Approx(0.70));
  CHECK(sweep->points.back().retention == doctest::Approx(0.95));
  const auto& best = sweep->points[sweep->optimum];
  MESSAGE("optimum ", best.retention, " at ", best.seconds_per_memorized,
          " s per card; 0.70: ", sweep->points.front().seconds_per_memorized,
          ", 0.95: ", sweep->points.back().seconds_per_memorized);
  CHECK(sweep->optimum > 0);
  CHECK(sweep->optimum + 1 < sweep->points.size());
  for (const auto& p : sweep->points) CHECK(best.seconds_per_memorized <= p.seconds_per_memorized);
  // Higher retention costs more time and keeps more cards.
  CHECK(sweep->points.back().total_seconds > sweep->points.front().total_seconds);
  CHECK(sweep->points.back().memorized > sweep->points.front().memorized);
}

TEST_CASE("a configuration the simulator cannot run is refused with the reason") {
  SimulationConfig c;
  c.desired_retention = 1.0;
  auto r = simulate(c);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("desired retention") != std::string::npos);
  c = {};
  c.habits.first_rating = {0, 0, 0, 0};
  r = simulate(c);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("first-answer") != std::string::npos);
  c = {};
  c.deck_size = 0;
  CHECK_FALSE(simulate(c));
  c = {};
  c.days = kMostSimulatedDays + 1;
  r = simulate(c);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("number of days") != std::string::npos);
}

TEST_CASE("habits from a log: first answers, recalled buttons and median times per state") {
  // Card 1: new Good (8 s), review Good (4 s), review Again (20 s), relearning Good (6 s).
  // Card 2: new Again (10 s), learning Good (7 s), review Easy (2 s), review Hard (no time).
  const std::vector<RevlogEntry> log = {
      {1, 1000, 3, 0, 8000},  {1, 2000, 3, 2, 4000}, {1, 3000, 1, 2, 20000}, {1, 4000, 3, 3, 6000},
      {2, 1500, 1, 0, 10000}, {2, 1600, 3, 1, 7000}, {2, 5000, 4, 2, 2000},  {2, 6000, 2, 2, 0},
      {3, 7000, 0, 5, 0},  // a manual entry, not an answer
  };
  const HabitsFromLog h = habits_from_log(log);
  CHECK(h.cards == 2);
  CHECK(h.habits.first_rating[0] == doctest::Approx(0.5));
  CHECK(h.habits.first_rating[2] == doctest::Approx(0.5));
  CHECK(h.habits.first_rating[1] == 0);
  CHECK(h.review_answers == 3);
  CHECK(h.habits.review_rating[0] == doctest::Approx(1.0 / 3));
  CHECK(h.habits.review_rating[1] == doctest::Approx(1.0 / 3));
  CHECK(h.habits.review_rating[2] == doctest::Approx(1.0 / 3));
  CHECK(h.timed_answers == 7);
  CHECK(h.habits.seconds[0][2] == doctest::Approx(7.5));  // learning Good: 8 s and 7 s
  CHECK(h.habits.seconds[0][0] == doctest::Approx(10));
  CHECK(h.habits.seconds[1][0] == doctest::Approx(20));
  CHECK(h.habits.seconds[2][2] == doctest::Approx(6));
  // Review Hard had no recorded time: it keeps the default.
  CHECK(h.habits.seconds[1][1] == AnswerHabits{}.seconds[1][1]);
  const HabitsFromLog empty = habits_from_log({});
  CHECK(empty.habits.first_rating == AnswerHabits{}.first_rating);
}
