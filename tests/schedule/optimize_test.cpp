// The optimizer: conversion of a log into training items (fsrs-rs's rules), exact gradients,
// determinism, the CSV format, fsrs-rs's evaluation metrics on hand-worked cases.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "citecard/optimize.hpp"
#include "schedule/optimize/model.hpp"
#include "schedule/optimize/prepare.hpp"

using namespace citecard;

namespace {

constexpr std::int64_t kDay = 86'400'000;            // ms
constexpr std::int64_t kT0 = 1'704'099'600'000 + 0;  // 2024-01-01T09:00:00Z

RevlogEntry row(std::int64_t card, std::int64_t time_ms, int rating, int state) {
  return {card, time_ms, rating, state, 1000, 0};
}

// Items as lists of (rating, delta_t), in the set's order.
std::vector<std::vector<ItemReview>> items_of(const TrainingSet& set) {
  std::vector<std::vector<ItemReview>> out;
  for (std::size_t i = 0; i < set.items.size(); ++i) out.push_back(set.item_reviews(i));
  return out;
}

using Items = std::vector<std::vector<ItemReview>>;

// A learner answering with the probability the FSRS model gives under `truth`, one review a day
// at growing intervals; the same log on every run.
std::vector<RevlogEntry> simulated_log(int cards, const FsrsWeights& truth, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const optimize_detail::Model<double> model(truth);
  std::vector<RevlogEntry> log;
  for (int c = 0; c < cards; ++c) {
    std::int64_t t = kT0 + (c % 30) * kDay;
    int rating = 1 + static_cast<int>(u(rng) * 4);
    auto memory = model.first(rating);
    log.push_back(row(c + 1, t, rating, 0));
    for (int k = 0; k < 8; ++k) {
      const int days = std::max(1, static_cast<int>(memory.s * (0.5 + u(rng))));
      t += days * kDay;
      const bool recalled = u(rng) < model.recall(days, memory.s);
      rating = recalled ? (u(rng) < 0.8 ? 3 : (u(rng) < 0.5 ? 2 : 4)) : 1;
      log.push_back(row(c + 1, t, rating, 2));
      memory = model.next(memory, days, rating);
    }
  }
  return log;
}

}  // namespace

TEST_CASE("conversion follows fsrs-rs's rules on a table of small logs") {
  struct Case {
    const char* rule;
    std::vector<RevlogEntry> log;
    Items expected;
  };
  const std::vector<Case> cases = {
      {"a first review alone makes no item", {row(1, kT0, 3, 0)}, {}},
      {"each later-day review is an item with the history before it",
       {row(1, kT0, 3, 0), row(1, kT0 + kDay, 3, 2), row(1, kT0 + 4 * kDay, 1, 2)},
       {{{3, 0}, {3, 1}}, {{3, 0}, {3, 1}, {1, 3}}}},
      {"same-day reviews stay in the history with delta_t 0 but are not predicted",
       {row(1, kT0, 1, 0), row(1, kT0 + 600'000, 3, 1), row(1, kT0 + 2 * kDay, 3, 2)},
       {{{1, 0}, {3, 0}, {3, 2}}}},
      {"days turn at 04:00, not midnight",
       // 23:00 then 03:00 the next calendar day: the same learner-day. 05:00 is the next one.
       {row(1, kT0 + 14 * 3'600'000, 3, 0), row(1, kT0 + 18 * 3'600'000, 3, 2),
        row(1, kT0 + 20 * 3'600'000, 3, 2)},
       {{{3, 0}, {3, 0}, {3, 1}}}},
      {"reviews before the card's last learning block are dropped (a reset)",
       {row(1, kT0, 3, 0), row(1, kT0 + 3 * kDay, 3, 2), row(1, kT0 + 10 * kDay, 0, 5),
        row(1, kT0 + 11 * kDay, 2, 0), row(1, kT0 + 13 * kDay, 3, 2)},
       {{{2, 0}, {3, 2}}}},
      {"a card never in learning is dropped", {row(1, kT0, 3, 2), row(1, kT0 + kDay, 3, 2)}, {}},
      {"manual entries are not answers",
       {row(1, kT0, 3, 0), row(1, kT0 + kDay, 0, 5), row(1, kT0 + 2 * kDay, 3, 2)},
       {{{3, 0}, {3, 2}}}},
      {"rows come in any order; items follow the time of the predicted review",
       {row(2, kT0 + 5 * kDay, 4, 2), row(1, kT0 + 3 * kDay, 3, 2), row(2, kT0 + kDay, 1, 0),
        row(1, kT0, 3, 0)},
       {{{3, 0}, {3, 3}}, {{1, 0}, {4, 4}}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.rule);
    const auto set = build_training_set(c.log);
    REQUIRE(set.ok());
    CHECK(items_of(*set) == c.expected);
  }
}

TEST_CASE("the day boundary is counted in the given time zone") {
  // 19:00 UTC and 02:00 UTC the next day: in UTC with the day turning at 04:00 that is one day;
  // at +08:00 (03:00 and 10:00 local) they fall on two days.
  const std::vector<RevlogEntry> log = {row(1, kT0 + 10 * 3'600'000, 3, 0),
                                        row(1, kT0 + 17 * 3'600'000, 3, 2),
                                        row(1, kT0 + 3 * kDay, 3, 2)};
  const auto utc = build_training_set(log, {4, "UTC"});
  const auto east = build_training_set(log, {4, "+08:00"});
  REQUIRE(utc.ok());
  REQUIRE(east.ok());
  CHECK(items_of(*utc) == Items{{{3, 0}, {3, 0}, {3, 3}}});
  CHECK(items_of(*east) == Items{{{3, 0}, {3, 1}}, {{3, 0}, {3, 1}, {3, 2}}});
  CHECK_FALSE(build_training_set(log, {4, "Mars/Olympus"}).ok());
  CHECK_FALSE(build_training_set(log, {24, "UTC"}).ok());
}

TEST_CASE("the model's dual-number gradient equals central finite differences") {
  const FsrsWeights w = {0.35, 1.1,  3.4,  11.0, 6.0,  0.7, 2.4, 0.012, 1.55, 0.12, 1.05,
                         1.7,  0.08, 0.35, 1.9,  0.45, 2.2, 0.4, 0.25,  0.1,  0.22};
  struct Step {
    int rating;
    double days;
  };
  const std::vector<Step> steps = {{1, 0}, {3, 0}, {3, 1},  {2, 3},  {1, 9}, {3, 0},
                                   {3, 2}, {4, 5}, {3, 17}, {1, 40}, {3, 1}, {3, 4}};
  using std::log;
  // Log loss of every later-day answer along the card, as training scores it.
  auto loss = [&](auto model) {
    auto memory = model.first(steps[0].rating);
    decltype(memory.s) total(0.0);
    for (std::size_t k = 1; k < steps.size(); ++k) {
      if (steps[k].days > 0) {
        const auto p = model.recall(steps[k].days, memory.s);
        total = steps[k].rating > 1 ? total - log(p) : total - log(1.0 - p);
      }
      memory = model.next(memory, steps[k].days, steps[k].rating);
    }
    return total;
  };
  using optimize_detail::Dual;
  using optimize_detail::Model;
  const Dual exact = loss(Model<Dual>(w));
  int nonzero = 0;
  for (std::size_t i = 0; i < kFsrsParameterCount; ++i) {
    CAPTURE(i);
    const double h = 1e-6 * std::max(1.0, std::abs(w[i]));
    FsrsWeights up = w, down = w;
    up[i] += h;
    down[i] -= h;
    const double numeric = (loss(Model<double>(up)) - loss(Model<double>(down))) / (2 * h);
    CHECK(exact.d[i] == doctest::Approx(numeric).epsilon(1e-5).scale(1.0));
    if (exact.d[i] != 0.0) ++nonzero;
  }
  CHECK(exact.v == doctest::Approx(loss(Model<double>(w))));
  CHECK(nonzero >= 17);  // every weight the log exercises (w1..w3: no first Hard/Good/Easy)
}

TEST_CASE("optimising the same log twice, on one thread or two, gives identical weights") {
  const auto log = simulated_log(400, default_fsrs_weights(), 7);
  const auto data = build_training_set(log);
  REQUIRE(data.ok());
  OptimizerConfig one;
  one.threads = 1;
  OptimizerConfig two;
  two.threads = 2;
  const auto a = optimize(*data, two);
  const auto b = optimize(*data, two);
  const auto c = optimize(*data, one);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  CHECK(a->weights == b->weights);
  CHECK(a->weights == c->weights);
  CHECK(a->weights != default_fsrs_weights());
  OptimizerConfig other_seed = two;
  other_seed.seed = 99;
  CHECK(optimize(*data, other_seed)->weights != a->weights);
}

TEST_CASE("fitting a learner's log lowers its log loss below the default weights'") {
  const FsrsWeights truth = {0.6, 2.0, 5.0, 14.0, 5.5, 0.6, 2.0, 0.05, 1.4, 0.25, 1.2,
                             1.6, 0.1, 0.4, 2.0,  0.4, 2.4, 0.3, 0.2,  0.1, 0.3};
  const auto data = build_training_set(simulated_log(1500, truth, 11));
  REQUIRE(data.ok());
  const auto fitted = optimize(*data);
  REQUIRE(fitted.ok());
  const auto before = evaluate(*data, default_fsrs_weights());
  const auto after = evaluate(*data, fitted->weights);
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  CHECK(after->log_loss < before->log_loss);
  CHECK(after->rmse_bins < before->rmse_bins);
  // Every weight stays inside fsrs-rs's bounds.
  CHECK(clip_trained_weights(fitted->weights, 1, true) == fitted->weights);
}

TEST_CASE("evaluation gives fsrs-rs's log loss and RMSE(bins) on a hand-worked log") {
  // Two cards, first answered Good, then one recalled after 1 day and one forgotten after 1 day.
  // Both predictions are R(1 day, S = w2) under the default curve; two items get recency weights
  // 0.25 and 1.0, and share one bin.
  const std::vector<RevlogEntry> log = {row(1, kT0, 3, 0), row(2, kT0 + 1000, 3, 0),
                                        row(1, kT0 + kDay, 3, 2), row(2, kT0 + kDay + 1000, 1, 2)};
  const auto data = build_training_set(log);
  REQUIRE(data.ok());
  const auto& w = default_fsrs_weights();
  const double decay = -w[20];
  const double factor = std::pow(0.9, 1.0 / decay) - 1.0;
  const double r = std::pow(1.0 + factor / w[2], decay);
  const auto e = evaluate(*data, w);
  REQUIRE(e.ok());
  CHECK(e->log_loss == doctest::Approx((-0.25 * std::log(r) - 1.0 * std::log(1 - r)) / 1.25));
  CHECK(e->rmse_bins == doctest::Approx(std::abs(r - 0.5)));
}

TEST_CASE("S0 smoothing fills unseen first ratings and orders them, as fsrs-rs does") {
  using optimize_detail::smooth_and_fill;
  // Only Good seen: all four scale with it.
  const auto only_good =
      smooth_and_fill({std::nullopt, std::nullopt, 4.6130, std::nullopt}, {0, 0, 50, 0});
  REQUIRE(only_good.ok());
  const auto& d = default_fsrs_weights();
  CHECK((*only_good)[0] == doctest::Approx(d[0] * 2.0));
  CHECK((*only_good)[3] == doctest::Approx(d[3] * 2.0));
  // Again above Hard: the rating seen more often (Hard) wins.
  const auto ordered = smooth_and_fill({5.0, 2.0, 3.0, 9.0}, {10, 20, 100, 30});
  REQUIRE(ordered.ok());
  CHECK((*ordered)[0] == doctest::Approx(2.0));
  CHECK((*ordered)[1] == doctest::Approx(2.0));
  CHECK((*ordered)[3] == doctest::Approx(9.0));
  CHECK_FALSE(smooth_and_fill({}, {0, 0, 0, 0}).ok());
}

TEST_CASE("a review log survives CSV format and parse unchanged") {
  const std::vector<RevlogEntry> log = {
      row(17, kT0, 3, 0), row(17, kT0 + kDay, 1, 2), {9007199254740991, 1, 0, 5, 0, 0}};
  const std::string csv = format_revlog_csv(log);
  CHECK(csv.rfind("card_id,review_time,review_rating,review_state,review_duration\n", 0) == 0);
  const auto parsed = parse_revlog_csv(csv);
  REQUIRE(parsed.ok());
  CHECK(*parsed == log);
  CHECK((*parsed)[1].line == 3);
  // Columns in another order and CRLF line ends read the same.
  const auto reordered = parse_revlog_csv(
      "review_time,card_id,review_state,review_rating,review_duration\r\n"
      "1704099600000,17,0,3,1000\r\n");
  REQUIRE(reordered.ok());
  CHECK(reordered->front() == log.front());
}

TEST_CASE("a bad CSV row fails the whole parse with its line number") {
  const std::string header = "card_id,review_time,review_rating,review_state,review_duration\n";
  const std::string good = "1,1704099600000,3,0,1000\n";
  struct Bad {
    std::string row;
    std::string message;
  };
  const std::vector<Bad> bad = {
      {"1,1704099600000,5,0,1000", "line 4: review_rating 5"},
      {"1,yesterday,3,0,1000", "line 4: review_time 'yesterday' is not a whole number"},
      {"1,1704099600000,3,0", "line 4: 4 fields where the header has 5"},
      {"1,1704099600000,3,9,1000", "line 4: review_state 9"},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.row);
    const auto parsed = parse_revlog_csv(header + good + good + b.row + "\n" + good);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.find(b.message) != std::string::npos);
  }
  const auto no_header = parse_revlog_csv("card,time\n1,2\n");
  REQUIRE_FALSE(no_header.ok());
  CHECK(no_header.error().message.find("line 1") != std::string::npos);
}
