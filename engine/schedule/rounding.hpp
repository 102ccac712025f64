// Rounding exactly as the reference scheduler does it, so that intervals and due dates agree to the
// second and memory states to the last printed digit.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace citecard::schedule_detail {

// Half-way cases go up (towards +infinity). std::round goes away from zero, and floor(x + 0.5)
// turns 0.49999999999999994 into 1.
inline double round_half_up(double x) {
  const double down = std::floor(x);
  return x - down >= 0.5 ? down + 1.0 : down;
}

// FSRS keeps memory quantities to 8 decimals, which also hides last-bit differences between
// math libraries.
inline double round8(double x) {
  return round_half_up(x * 1e8) / 1e8;
}

// Unlike std::clamp, defined when lo > hi (the upper bound wins).
inline double clamp(double value, double lo, double hi) {
  return std::min(std::max(value, lo), hi);
}

// Floor division, for day numbers of times before 1970 too.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace citecard::schedule_detail
