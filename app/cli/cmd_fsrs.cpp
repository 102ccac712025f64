// `citecard fsrs replay`: replays a stream of review events through the FSRS scheduler and prints
// each card's state after each event, so the scheduler can be checked against the reference
// implementation (tests/schedule/golden) or studied on a learner's own log.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "citecard/fsrs.hpp"
#include "commands.hpp"

namespace citecard::cli {
namespace {

struct ReplayOptions {
  std::string weights;
  double retention = 0.9;
  std::string learning_steps = "1m,10m";
  std::string relearning_steps = "10m";
  int maximum_interval = 36500;
  std::string short_term = "on";
};

Result<FsrsParameters> scheduler_parameters(const ReplayOptions& options) {
  FsrsParameters parameters;
  if (!options.weights.empty()) {
    auto weights = parse_fsrs_weights(options.weights);
    if (!weights) return weights.error();
    parameters.w = *weights;
  }
  parameters.desired_retention = options.retention;
  parameters.maximum_interval = options.maximum_interval;
  auto learning = parse_steps(options.learning_steps);
  if (!learning) return make_error("--learning-steps: " + learning.error().message);
  parameters.learning_steps = std::move(*learning);
  auto relearning = parse_steps(options.relearning_steps);
  if (!relearning) return make_error("--relearning-steps: " + relearning.error().message);
  parameters.relearning_steps = std::move(*relearning);
  parameters.enable_short_term = options.short_term == "on";
  parameters.enable_fuzz = false;
  if (auto valid = validate(parameters); !valid) return valid.error();
  return parameters;
}

Result<ReviewEvent> parse_event(const std::string& line) {
  const auto json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return make_error("not a JSON object");
  const auto card = json.find("card");
  const auto time = json.find("t");
  const auto rating = json.find("rating");
  if (card == json.end() || !card->is_string()) return make_error("\"card\" must be a string");
  if (time == json.end() || !time->is_string()) {
    return make_error("\"t\" must be an ISO 8601 time string");
  }
  if (rating == json.end() || !rating->is_number_integer() || *rating < 1 || *rating > 4) {
    return make_error("\"rating\" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
  }
  auto when = parse_iso8601(time->get<std::string>());
  if (!when) return when.error();
  return ReviewEvent{card->get<std::string>(), *when, static_cast<Rating>(rating->get<int>())};
}

void append_state(std::string& out, const std::string& card, const CardMemory& m) {
  fmt::format_to(std::back_inserter(out),
                 "{{\"card\":{},\"state\":\"{}\",\"stability\":{},\"difficulty\":{},"
                 "\"scheduled_days\":{},\"due\":\"{}\",\"learning_steps\":{}}}\n",
                 nlohmann::json(card).dump(), to_string(m.state), m.stability, m.difficulty,
                 m.scheduled_days, to_iso8601(m.due), m.learning_steps);
}

// Reads all events before printing anything, so a bad line leaves no partial output.
void run_replay(const ReplayOptions& options) {
  ReviewReplay replay(Scheduler(value_or_fail(scheduler_parameters(options))));
  std::string out;
  std::string line;
  for (long number = 1; std::getline(std::cin, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto event = parse_event(line);
    if (!event) fail(make_error(fmt::format("stdin line {}: {}", number, event.error().message)));
    auto state = replay.apply(*event);
    if (!state) fail(make_error(fmt::format("stdin line {}: {}", number, state.error().message)));
    append_state(out, event->card, *state);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

void add_fsrs_command(CLI::App& app) {
  auto* fsrs = app.add_subcommand("fsrs", "The FSRS scheduler on its own");
  fsrs->require_subcommand(1);
  auto options = std::make_shared<ReplayOptions>();
  auto* replay = fsrs->add_subcommand(
      "replay",
      "Replay review events (JSON Lines on stdin: {\"card\":\"c1\",\"t\":\"2024-01-01T09:00:00Z\","
      "\"rating\":3}) and print each card's state after each one");
  replay->add_option("--params", options->weights, "The 21 FSRS-6 weights w0,...,w20");
  replay->add_option("--retention", options->retention, "Desired retention, in (0, 1]")
      ->capture_default_str();
  replay->add_option("--learning-steps", options->learning_steps, "e.g. 1m,10m, or none")
      ->capture_default_str();
  replay->add_option("--relearning-steps", options->relearning_steps, "e.g. 10m, or none")
      ->capture_default_str();
  replay->add_option("--max-interval", options->maximum_interval, "Longest interval, in days")
      ->capture_default_str();
  replay->add_option("--short-term", options->short_term, "Same-day steps and stability")
      ->check(CLI::IsMember({"on", "off"}))
      ->capture_default_str();
  replay->callback([options] { run_replay(*options); });
}

}  // namespace citecard::cli
