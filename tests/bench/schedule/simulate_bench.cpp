// The workload simulator's speed: 10,000 cards over 365 days, the median of several runs, for
// fsrs-rs's default setting (30 minutes a day) and for the heaviest case (no limits at all: every
// card is learned on day 0 and every due review is done).
//
//   simulate_bench [RUNS]   prints "<default seconds> <unlimited seconds> <reviews unlimited>"
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <vector>

#include "citecard/simulation.hpp"

using namespace citecard;

namespace {

struct Timing {
  double seconds = 0;
  int reviews = 0;
};

Timing median_time(const SimulationConfig& config, int runs) {
  std::vector<double> times;
  int reviews = 0;
  for (int i = 0; i < runs; ++i) {
    const auto begin = std::chrono::steady_clock::now();
    const auto result = simulate(config);
    const auto end = std::chrono::steady_clock::now();
    if (!result) {
      fmt::print(stderr, "simulate failed: {}\n", result.error().message);
      std::exit(1);
    }
    reviews = result->total_reviews();
    times.push_back(std::chrono::duration<double>(end - begin).count());
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], reviews};
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  SimulationConfig capped;
  capped.deck_size = 10000;
  capped.days = 365;
  SimulationConfig unlimited = capped;
  unlimited.seconds_per_day = std::numeric_limits<double>::infinity();
  const Timing a = median_time(capped, runs);
  const Timing b = median_time(unlimited, runs);
  fmt::print("{:.4f} {:.4f} {}\n", a.seconds, b.seconds, b.reviews);
}
