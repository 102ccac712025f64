// `citecard simulate`, run as the real binary: reproducible by seed, its JSON consistent with
// itself, the sweep's optimum the cheapest point, habits taken from a collection's own log, and
// bad numbers refused with what to give instead.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <string>

#include "citecard/optimize.hpp"
#include "citecard/revlog.hpp"
#include "cli_fixture.hpp"

using namespace citecard;
using citecard::test::kCli;
using citecard::test::run_command;
using citecard::test::SummitCollection;

namespace {

citecard::test::CommandResult simulate(const std::string& args) {
  return run_command("'" + kCli + "' simulate " + args);
}

}  // namespace

TEST_CASE("simulate prints the same days for the same seed, and its totals add up") {
  const auto a = simulate("--deck-size 500 --days 60 --new-per-day 20 --seed 3 --json");
  const auto b = simulate("--deck-size 500 --days 60 --new-per-day 20 --seed 3 --json");
  REQUIRE_MESSAGE(a.status == 0, a.err);
  CHECK(a.out == b.out);
  const auto j = nlohmann::json::parse(a.out);
  REQUIRE(j["memorized_per_day"].size() == 60);
  const auto reviews = j["reviews_per_day"].get<std::vector<int>>();
  const auto learned = j["new_per_day"].get<std::vector<int>>();
  CHECK(std::accumulate(reviews.begin(), reviews.end(), 0) == j["total_reviews"].get<int>());
  CHECK(std::accumulate(learned.begin(), learned.end(), 0) == j["total_new"].get<int>());
  CHECK(*std::max_element(learned.begin(), learned.end()) <= 20);
  CHECK(j["total_new"].get<int>() == 500);  // 20 a day for 25 days
  const auto other = simulate("--deck-size 500 --days 60 --new-per-day 20 --seed 4 --json");
  CHECK(other.out != a.out);

  const auto text = simulate("--deck-size 500 --days 60 --seed 3");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("memorised") != std::string::npos);
  CHECK(text.out.find("In all: 500 new cards") != std::string::npos);
}

TEST_CASE("simulate --retention-sweep lists 0.70 to 0.95 and names the cheapest as the optimum") {
  const auto r = simulate(
      "--retention-sweep --samples 1 --deck-size 1000 --days 200 --new-per-day 10 --no-time-cap "
      "--seconds-review 60,17.59,12.38,8.94 --seconds-relearning 40,30,25,20 --json");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  const auto& points = j["points"];
  REQUIRE(points.size() == 26);
  CHECK(points.front()["retention"].get<double>() == doctest::Approx(0.70));
  CHECK(points.back()["retention"].get<double>() == doctest::Approx(0.95));
  double cheapest = 1e300, at = 0;
  for (const auto& p : points)
    if (p["seconds_per_memorized"].get<double>() < cheapest) {
      cheapest = p["seconds_per_memorized"].get<double>();
      at = p["retention"].get<double>();
    }
  CHECK(j["optimum"].get<double>() == doctest::Approx(at));
  CHECK(at > 0.70);
  CHECK(at < 0.95);
  const auto text = simulate("--retention-sweep --samples 1 --deck-size 300 --days 60");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("Optimum: 0.") != std::string::npos);
}

TEST_CASE("simulate --db takes the learner's buttons, times and card count from the collection") {
  SummitCollection c;
  const auto cards = c.cards();
  // Four cards learned with Good twice in 6 s each, then a recalled review Easy in 3 s.
  std::vector<RevlogEntry> log;
  constexpr std::int64_t kStartMs = 1'704'099'600'000;
  for (std::size_t i = 0; i < 4; ++i) {
    const std::int64_t card = revlog_card_number(cards[i]["id"].get<std::string>());
    log.push_back({card, kStartMs + std::int64_t(i) * 60'000, 3, 0, 6000, 0});
    log.push_back({card, kStartMs + 3'600'000 + std::int64_t(i) * 60'000, 3, 0, 6000, 0});
    log.push_back({card, kStartMs + 20 * 86'400'000LL + std::int64_t(i) * 60'000, 4, 0, 3000, 0});
  }
  const std::string csv = (c.dir / "log.csv").string();
  std::ofstream(csv) << format_revlog_csv(log);
  REQUIRE(c.run("revlog import '" + csv + "'").status == 0);

  const auto r = c.run("simulate --days 30 --json");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["deck_size"].get<std::size_t>() == cards.size());
  CHECK(j["habits"]["first_rating"] == nlohmann::json::parse("[0.0,0.0,1.0,0.0]"));
  CHECK(j["habits"]["review_rating"] == nlohmann::json::parse("[0.0,0.0,1.0]"));
  CHECK(j["habits"]["seconds_learning"][2].get<double>() == doctest::Approx(6));
  CHECK(j["habits"]["seconds_review"][3].get<double>() == doctest::Approx(3));
  // A flag given on the command line wins over the log.
  const auto own = c.run("simulate --days 30 --json --review-ratings 0.2,0.6,0.2");
  REQUIRE(own.status == 0);
  CHECK(nlohmann::json::parse(own.out)["habits"]["review_rating"][1].get<double>() ==
        doctest::Approx(0.6));
  const auto text = c.run("simulate --days 30");
  CHECK(text.out.find("Habits from 12 answers") != std::string::npos);
}

TEST_CASE("simulate refuses numbers it cannot use, saying what to give") {
  auto r = simulate("--first-ratings 0.5,0.5");
  CHECK(r.status == 1);
  CHECK(r.err.find("--first-ratings takes 4 comma-separated numbers") != std::string::npos);
  r = simulate("--review-ratings 0.2,x,0.2");
  CHECK(r.status == 1);
  CHECK(r.err.find("\"x\" is not a number") != std::string::npos);
  r = simulate("--retention 1.5");
  CHECK(r.status == 1);
  CHECK(r.err.find("desired retention must be between 0 and 1") != std::string::npos);
  r = simulate("--deck-size 0");
  CHECK(r.status == 1);
  CHECK(r.err.find("deck size") != std::string::npos);
  r = simulate("--db /nonexistent/collection.db");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
}
