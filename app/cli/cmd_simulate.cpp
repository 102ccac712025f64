// citecard simulate — what studying a deck at a desired retention costs, day by day, and which
// retention costs least per card remembered (the engine's simulator, fsrs-rs's semantics).
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "citecard/learner_simulation.hpp"
#include "citecard/simulation.hpp"
#include "commands.hpp"

namespace citecard::cli {

namespace {

// "0.2,0.1,0.5,0.2": exactly N numbers.
template <std::size_t N>
Result<std::array<double, N>> parse_numbers(const std::string& option, const std::string& text) {
  std::array<double, N> out{};
  std::stringstream in(text);
  std::string item;
  std::size_t n = 0;
  while (std::getline(in, item, ',')) {
    if (n == N) break;
    try {
      std::size_t used = 0;
      out[n] = std::stod(item, &used);
      if (used != item.size()) throw std::invalid_argument(item);
    } catch (const std::exception&) {
      return make_error(fmt::format("{}: \"{}\" is not a number", option, item));
    }
    ++n;
  }
  if (n != N || in.good())
    return make_error(fmt::format(
        "{} takes {} comma-separated numbers, e.g. {}", option, N,
        N == 4 ? "0.2,0.1,0.5,0.2 (Again, Hard, Good, Easy)" : "0.2,0.6,0.2 (Hard, Good, Easy)"));
  return out;
}

std::string limit_text(int limit) {
  return limit == kNoDailyLimit ? "no limit" : std::to_string(limit);
}

nlohmann::ordered_json habits_json(const SimulationConfig& c) {
  nlohmann::ordered_json j;
  j["first_rating"] = c.habits.first_rating;
  j["review_rating"] = c.habits.review_rating;
  j["seconds_learning"] = c.habits.seconds[0];
  j["seconds_review"] = c.habits.seconds[1];
  j["seconds_relearning"] = c.habits.seconds[2];
  return j;
}

void print_run(const SimulationConfig& c, const SimulationResult& r, bool every_day) {
  fmt::print("{} cards over {} days at retention {:.2f}; new/day {}, reviews/day {}, {}\n",
             c.deck_size, c.days, c.desired_retention, limit_text(c.new_per_day),
             limit_text(c.reviews_per_day),
             std::isinf(c.seconds_per_day)
                 ? std::string("no time cap")
                 : fmt::format("at most {:.0f} min/day", c.seconds_per_day / 60));
  fmt::print("\n{:>5}  {:>10}  {:>8}  {:>6}  {:>8}\n", "day", "memorised", "reviews", "new",
             "minutes");
  const int step = every_day ? 1 : std::max(1, c.days / 12);
  for (int day = 0; day < c.days; ++day) {
    if (day % step != 0 && day != c.days - 1) continue;
    const auto d = static_cast<std::size_t>(day);
    fmt::print("{:>5}  {:>10.0f}  {:>8}  {:>6}  {:>8.1f}\n", day + 1, r.memorized_per_day[d],
               r.reviews_per_day[d], r.learned_per_day[d], r.seconds_per_day[d] / 60);
  }
  fmt::print(
      "\nIn all: {} new cards, {} reviews, {:.1f} hours ({:.1f} min/day on average); {:.0f} cards "
      "memorised on the last day, {:.1f} s of study per card memorised.\n",
      r.total_learned(), r.total_reviews(), r.total_seconds() / 3600,
      r.total_seconds() / 60 / c.days, r.final_memorized(), r.seconds_per_memorized());
}

void print_sweep(const SimulationConfig& c, const RetentionSweep& s, int samples) {
  fmt::print("{} cards over {} days, {} sample(s) per retention\n\n", c.deck_size, c.days, samples);
  fmt::print("{:>9}  {:>11}  {:>10}  {:>11}\n", "retention", "min/day", "memorised", "s/memorised");
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const RetentionPoint& p = s.points[i];
    fmt::print("{:>9.2f}  {:>11.1f}  {:>10.0f}  {:>11.2f}{}\n", p.retention, p.seconds_per_day / 60,
               p.memorized, p.seconds_per_memorized,
               i == s.optimum ? "  <- least time per card memorised" : "");
  }
  const RetentionPoint& best = s.points[s.optimum];
  fmt::print("\nOptimum: {:.2f} ({:.2f} s of study per card memorised)\n", best.retention,
             best.seconds_per_memorized);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::optional<int> deck_size;
    int days = 365;
    std::optional<int> new_per_day;
    std::optional<int> reviews_per_day;
    double minutes_per_day = 30;
    bool no_time_cap = false;
    std::optional<double> retention;
    std::string first_ratings, review_ratings;
    std::string seconds_learning, seconds_review, seconds_relearning;
    std::uint64_t seed = 42;
    bool sweep = false;
    int samples = 4;
    bool json = false;
    bool every_day = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "simulate",
      "Simulate studying a deck day by day under FSRS (fsrs-rs's simulator): cards memorised, "
      "reviews and time per day; --retention-sweep finds the retention that costs least per card "
      "memorised");
  command->add_option("--db", o->db,
                      "Take the answer habits (buttons, seconds per answer) from this "
                      "collection's review log, and its weights, retention, steps and card count");
  command->add_option("--deck-size", o->deck_size, "Cards in the deck (default 10000, or --db's)");
  command->add_option("--days", o->days, "Days to simulate")->capture_default_str();
  command->add_option("--new-per-day", o->new_per_day, "New cards a day (default: no limit)");
  command->add_option("--reviews-per-day", o->reviews_per_day, "Reviews a day (default: no limit)");
  command->add_option("--minutes-per-day", o->minutes_per_day, "Daily time cap")
      ->capture_default_str();
  command->add_flag("--no-time-cap", o->no_time_cap, "Study every due card whatever the time");
  command->add_option("--retention", o->retention, "Desired retention (default 0.9, or --db's)");
  command->add_option("--first-ratings", o->first_ratings,
                      "Probabilities of Again,Hard,Good,Easy on a new card's first answer");
  command->add_option("--review-ratings", o->review_ratings,
                      "Probabilities of Hard,Good,Easy on a recalled review");
  command->add_option("--seconds-learning", o->seconds_learning,
                      "Seconds an answer takes while learning, for Again,Hard,Good,Easy");
  command->add_option("--seconds-review", o->seconds_review,
                      "Seconds a review answer takes, for Again,Hard,Good,Easy");
  command->add_option("--seconds-relearning", o->seconds_relearning,
                      "Seconds an answer takes while relearning, for Again,Hard,Good,Easy");
  command->add_option("--seed", o->seed, "Seed of the draws: the same seed, the same result")
      ->capture_default_str();
  command->add_flag("--retention-sweep", o->sweep,
                    "Simulate every retention from 0.70 to 0.95 and print the time per card "
                    "memorised, and the optimum");
  command->add_option("--samples", o->samples, "Simulations averaged per retention in a sweep")
      ->capture_default_str();
  command->add_flag("--every-day", o->every_day, "Print every day, not a dozen of them");
  command->add_flag("--json", o->json, "Print one JSON object");
  command->callback([o] {
    LearnerSimulation learner;
    if (!o->db.empty()) {
      const Collection collection = open_collection_or_fail(o->db, Access::Read);
      learner = value_or_fail(learner_simulation(collection));
    }
    SimulationConfig& c = learner.config;
    if (o->deck_size) c.deck_size = *o->deck_size;
    c.days = o->days;
    if (o->new_per_day) c.new_per_day = *o->new_per_day;
    if (o->reviews_per_day) c.reviews_per_day = *o->reviews_per_day;
    c.seconds_per_day =
        o->no_time_cap ? std::numeric_limits<double>::infinity() : o->minutes_per_day * 60;
    if (o->retention) c.desired_retention = *o->retention;
    if (!o->first_ratings.empty())
      c.habits.first_rating = value_or_fail(parse_numbers<4>("--first-ratings", o->first_ratings));
    if (!o->review_ratings.empty())
      c.habits.review_rating =
          value_or_fail(parse_numbers<3>("--review-ratings", o->review_ratings));
    const std::pair<const char*, std::string*> seconds[] = {
        {"--seconds-learning", &o->seconds_learning},
        {"--seconds-review", &o->seconds_review},
        {"--seconds-relearning", &o->seconds_relearning}};
    for (std::size_t row = 0; row < 3; ++row)
      if (!seconds[row].second->empty())
        c.habits.seconds[row] =
            value_or_fail(parse_numbers<4>(seconds[row].first, *seconds[row].second));
    c.seed = o->seed;
    value_or_fail(validate(c));

    const bool from_log = !o->db.empty();
    if (o->sweep) {
      const RetentionSweep s =
          value_or_fail(sweep_retention(c, kSweepLowest, kSweepHighest, 0.01, o->samples));
      if (o->json) {
        nlohmann::ordered_json j;
        j["deck_size"] = c.deck_size;
        j["days"] = c.days;
        j["samples"] = o->samples;
        j["habits"] = habits_json(c);
        j["points"] = nlohmann::ordered_json::array();
        for (const RetentionPoint& p : s.points)
          j["points"].push_back({{"retention", p.retention},
                                 {"seconds_per_memorized", p.seconds_per_memorized},
                                 {"memorized", p.memorized},
                                 {"seconds_per_day", p.seconds_per_day}});
        j["optimum"] = s.points[s.optimum].retention;
        fmt::print("{}\n", j.dump());
        return;
      }
      if (from_log)
        fmt::print(
            "Habits from {} answers in {} ({} first answers, {} recalled reviews, {} timed)\n",
            learner.answers, o->db, learner.from_log.cards, learner.from_log.review_answers,
            learner.from_log.timed_answers);
      print_sweep(c, s, o->samples);
      return;
    }

    const SimulationResult r = value_or_fail(simulate(c));
    if (o->json) {
      nlohmann::ordered_json j;
      j["deck_size"] = c.deck_size;
      j["days"] = c.days;
      j["desired_retention"] = c.desired_retention;
      j["seed"] = c.seed;
      j["habits"] = habits_json(c);
      j["memorized_per_day"] = r.memorized_per_day;
      j["reviews_per_day"] = r.reviews_per_day;
      j["new_per_day"] = r.learned_per_day;
      j["seconds_per_day"] = r.seconds_per_day;
      j["total_reviews"] = r.total_reviews();
      j["total_new"] = r.total_learned();
      j["total_seconds"] = r.total_seconds();
      j["memorized"] = r.final_memorized();
      j["seconds_per_memorized"] = r.seconds_per_memorized();
      fmt::print("{}\n", j.dump());
      return;
    }
    if (from_log)
      fmt::print("Habits from {} answers in {} ({} first answers, {} recalled reviews, {} timed)\n",
                 learner.answers, o->db, learner.from_log.cards, learner.from_log.review_answers,
                 learner.from_log.timed_answers);
    print_run(c, r, o->every_day);
  });
}

}  // namespace citecard::cli
