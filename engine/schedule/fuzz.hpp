// Interval fuzz: spreads cards learned together over nearby days so they do not stay bunched.
#pragma once

#include <cstdint>

#include "citecard/time.hpp"

namespace citecard::schedule_detail {

// A number in [0, 1) that depends only on the seed, the review time and the number of earlier
// reviews, so replaying a review log gives the same intervals.
double fuzz_factor(std::uint64_t seed, Timestamp now, int reps);

// Anki's fuzz: up to ±(1 + 15% of the part of the interval between 2.5 and 7 days, 10% between 7
// and 20, 5% beyond), never below 2 days, never past `maximum_interval`, and never at or before
// the days already elapsed when the interval exceeds them. Intervals under 2.5 days are not fuzzed.
int fuzzed_interval(int interval, int elapsed_days, int maximum_interval, double factor);

}  // namespace citecard::schedule_detail
