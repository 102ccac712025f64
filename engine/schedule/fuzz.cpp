#include "fuzz.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "rounding.hpp"

namespace citecard::schedule_detail {
namespace {

// SplitMix64's finaliser: a cheap bijective mix with good avalanche.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

struct FuzzRange {
  double start;
  double end;
  double factor;
};

constexpr std::array<FuzzRange, 3> kFuzzRanges = {{
    {2.5, 7.0, 0.15},
    {7.0, 20.0, 0.10},
    {20.0, std::numeric_limits<double>::infinity(), 0.05},
}};

}  // namespace

double fuzz_factor(std::uint64_t seed, Timestamp now, int reps) {
  const std::uint64_t h =
      mix(mix(mix(seed) ^ static_cast<std::uint64_t>(now)) ^ static_cast<std::uint64_t>(reps));
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

int fuzzed_interval(int interval, int elapsed_days, int maximum_interval, double factor) {
  const double ivl = interval;
  if (ivl < 2.5) return interval;
  double delta = 1.0;
  for (const auto& range : kFuzzRanges) {
    delta += range.factor * std::max(std::min(ivl, range.end) - range.start, 0.0);
  }
  const double capped = std::min(ivl, static_cast<double>(maximum_interval));
  double lowest = std::max(2.0, round_half_up(capped - delta));
  const double highest =
      std::min(round_half_up(capped + delta), static_cast<double>(maximum_interval));
  if (capped > elapsed_days) lowest = std::max(lowest, elapsed_days + 1.0);
  lowest = std::min(lowest, highest);
  return static_cast<int>(std::floor(factor * (highest - lowest + 1.0) + lowest));
}

}  // namespace citecard::schedule_detail
