#include <fmt/format.h>

#include <cmath>
#include <string>

#include "citecard/fsrs.hpp"

namespace citecard {
namespace {

// "2.1" or, when the decimal is zero, "2".
std::string one_decimal(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text.size() >= 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

}  // namespace

// Anki's units: a month is 30 days and a year 365, as learners read them on the buttons.
std::string format_interval(std::int64_t seconds) {
  const double s = static_cast<double>(std::max<std::int64_t>(seconds, 0));
  const double days = s / kSecondsPerDay;
  if (s < 60) return fmt::format("{}s", static_cast<std::int64_t>(s));
  if (s < 3600) return fmt::format("{}m", static_cast<std::int64_t>(std::lround(s / 60)));
  if (s < kSecondsPerDay)
    return fmt::format("{}h", static_cast<std::int64_t>(std::lround(s / 3600)));
  if (days < 30) return fmt::format("{}d", static_cast<std::int64_t>(std::lround(days)));
  if (days < 365) return one_decimal(days / 30) + "mo";
  return one_decimal(days / 365) + "y";
}

}  // namespace citecard
