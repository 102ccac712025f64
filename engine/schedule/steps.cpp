#include "steps.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <limits>
#include <string>

#include "rounding.hpp"

namespace citecard {
namespace schedule_detail {
namespace {

constexpr std::int64_t kSecondsPerMinute = 60;

// Steps given in whole minutes are kept in whole minutes, as learners and the reference
// scheduler count them: the Hard step of 1m,10m is 6m, not 5m30s.
std::int64_t round_step(double seconds, bool whole_minutes) {
  if (whole_minutes) {
    return static_cast<std::int64_t>(round_half_up(seconds / kSecondsPerMinute)) *
           kSecondsPerMinute;
  }
  return static_cast<std::int64_t>(round_half_up(seconds));
}

std::int64_t hard_step(const std::vector<std::int64_t>& steps) {
  const std::int64_t first = steps[0];
  if (steps.size() == 1) return round_step(first * 1.5, first % kSecondsPerMinute == 0);
  const std::int64_t second = steps[1];
  const bool whole_minutes = first % kSecondsPerMinute == 0 && second % kSecondsPerMinute == 0;
  return round_step((static_cast<double>(first) + static_cast<double>(second)) / 2.0,
                    whole_minutes);
}

}  // namespace

StepOutcome step_outcome(const FsrsParameters& parameters, CardState state, int current_step,
                         Rating rating) {
  const bool relearning = state == CardState::Relearning || state == CardState::Review;
  const auto& steps = relearning ? parameters.relearning_steps : parameters.learning_steps;
  const int count = static_cast<int>(steps.size());
  // Past the last step (the steps were shortened since) every answer graduates.
  if (count == 0 || current_step >= count) return {};
  const int step = std::max(0, current_step);

  if (state == CardState::Review) {
    if (rating == Rating::Again) return {steps[static_cast<std::size_t>(step)], 0};
    return {};
  }
  switch (rating) {
    case Rating::Again:
      return {steps[0], 0};
    case Rating::Hard:
      return {hard_step(steps), current_step};
    case Rating::Good:
      if (current_step + 1 < count && steps[static_cast<std::size_t>(current_step + 1)] > 0) {
        return {steps[static_cast<std::size_t>(current_step + 1)], current_step + 1};
      }
      return {};
    case Rating::Easy:
      return {};
  }
  return {};
}

}  // namespace schedule_detail

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Result<std::int64_t> parse_step(std::string_view item, std::string_view whole) {
  auto bad = [&](std::string_view why) {
    return make_error(fmt::format("'{}' in steps '{}' {} (expected e.g. 1m,10m; units s, m, h, d)",
                                  item, whole, why));
  };
  if (item.empty()) return bad("is empty");
  std::int64_t unit = 0;
  switch (item.back()) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    default:
      return bad("has no unit");
  }
  const std::string_view number = item.substr(0, item.size() - 1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc{} || end != number.data() + number.size()) {
    return bad("is not a whole number with a unit");
  }
  if (value < 0) return bad("is negative");
  if (value > std::numeric_limits<std::int64_t>::max() / unit / 2) return bad("is too long");
  return value * unit;
}

}  // namespace

Result<std::vector<std::int64_t>> parse_steps(std::string_view text) {
  std::vector<std::int64_t> steps;
  if (trim(text).empty() || trim(text) == "none") return steps;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string_view item =
        trim(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
    auto step = parse_step(item, text);
    if (!step) return step.error();
    steps.push_back(*step);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return steps;
}

std::string format_steps(const std::vector<std::int64_t>& seconds) {
  if (seconds.empty()) return "none";
  std::string text;
  for (const std::int64_t step : seconds) {
    if (!text.empty()) text += ',';
    if (step > 0 && step % 86400 == 0) {
      text += std::to_string(step / 86400) + "d";
    } else if (step > 0 && step % 3600 == 0) {
      text += std::to_string(step / 3600) + "h";
    } else if (step > 0 && step % 60 == 0) {
      text += std::to_string(step / 60) + "m";
    } else {
      text += std::to_string(step) + "s";
    }
  }
  return text;
}

}  // namespace citecard
