// Replaying a review log, and the engine against the committed ts-fsrs golden vectors (the same
// data the `citecard fsrs replay` command tests use, here without going through the command line).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "citecard/fsrs.hpp"

using namespace citecard;

namespace {

ReviewEvent event(std::string card, const char* time, Rating rating) {
  return {std::move(card), *parse_iso8601(time), rating};
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  return nlohmann::json::parse(in);
}

FsrsParameters parameters_from_flags(const nlohmann::json& args) {
  FsrsParameters p;
  for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
    const std::string flag = args[i];
    const std::string value = args[i + 1];
    if (flag == "--params") p.w = *parse_fsrs_weights(value);
    if (flag == "--retention") p.desired_retention = std::stod(value);
    if (flag == "--learning-steps") p.learning_steps = *parse_steps(value);
    if (flag == "--relearning-steps") p.relearning_steps = *parse_steps(value);
    if (flag == "--max-interval") p.maximum_interval = std::stoi(value);
    if (flag == "--short-term") p.enable_short_term = value == "on";
  }
  return p;
}

}  // namespace

TEST_CASE("a replayed card starts new at its first review and cards do not affect each other") {
  ReviewReplay replay{Scheduler()};
  const auto first = replay.apply(event("a", "2024-01-01T09:00:00Z", Rating::Good));
  const auto other = replay.apply(event("b", "2024-01-01T09:05:00Z", Rating::Again));
  const auto second = replay.apply(event("a", "2024-01-01T09:10:00Z", Rating::Good));
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(first->state == CardState::Learning);
  CHECK(first->due == *parse_iso8601("2024-01-01T09:10:00Z"));
  CHECK(other->learning_steps == 0);
  CHECK(second->state == CardState::Review);
  CHECK(second->reps == 2);
}

TEST_CASE("a replay refuses a review earlier than the card's previous one") {
  ReviewReplay replay{Scheduler()};
  REQUIRE(replay.apply(event("a", "2024-01-02T09:00:00Z", Rating::Good)).ok());
  const auto backwards = replay.apply(event("a", "2024-01-01T09:00:00Z", Rating::Good));
  REQUIRE_FALSE(backwards.ok());
  CHECK(backwards.error().message.find("'a'") != std::string::npos);
}

TEST_CASE("the scheduler reproduces every ts-fsrs 5.4.2 golden state") {
  const std::string dir = std::string(CITECARD_TEST_DATA_DIR) + "/fsrs/";
  const auto manifest = read_json(dir + "cases.json");
  std::size_t compared = 0;
  for (const auto& c : manifest.at("cases")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    ReviewReplay replay{Scheduler(parameters_from_flags(c.at("args")))};
    std::ifstream in(dir + name + ".in.jsonl");
    std::ifstream expected_in(dir + name + ".out.jsonl");
    std::string line, expected_line;
    while (std::getline(in, line)) {
      REQUIRE(std::getline(expected_in, expected_line));
      const auto input = nlohmann::json::parse(line);
      const auto expected = nlohmann::json::parse(expected_line);
      const auto state =
          replay.apply(event(input.at("card"), input.at("t").get<std::string>().c_str(),
                             static_cast<Rating>(input.at("rating").get<int>())));
      REQUIRE(state.ok());
      CAPTURE(line);
      CHECK(to_string(state->state) == expected.at("state"));
      CHECK(state->scheduled_days == expected.at("scheduled_days"));
      CHECK(to_iso8601(state->due) == expected.at("due"));
      CHECK(state->learning_steps == expected.at("learning_steps"));
      CHECK(state->stability ==
            doctest::Approx(expected.at("stability").get<double>()).epsilon(1e-6));
      CHECK(state->difficulty ==
            doctest::Approx(expected.at("difficulty").get<double>()).epsilon(1e-6));
      ++compared;
    }
  }
  CHECK(compared >= 5000);
}
