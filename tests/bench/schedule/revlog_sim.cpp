// revlog_sim: a deterministic simulated learner, for the optimizer benchmark. Cards are scheduled
// by citecard's FSRS-6 scheduler (learning steps 1m 10m, relearning 10m, retention 0.9) and
// answered by a "true" memory with known weights: recall is drawn with the true model's
// probability, the grade among recalls from fixed shares. Prints the log as FSRS CSV.
//   revlog_sim --reviews N [--seed S] > log.csv
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "citecard/fsrs.hpp"
#include "citecard/optimize.hpp"
#include "schedule/optimize/model.hpp"

namespace {

using citecard::optimize_detail::Model;

// The learner's true weights: not the defaults, so that fitting has something to find.
constexpr citecard::FsrsWeights kTrue = {0.35,  1.1,  3.4,  11.0, 6.0,  0.7,  2.4,
                                         0.012, 1.55, 0.12, 1.05, 1.7,  0.08, 0.35,
                                         1.9,   0.45, 2.2,  0.4,  0.25, 0.1,  0.22};

struct SimCard {
  citecard::CardMemory schedule;  // what the scheduler thinks
  Model<double>::Memory truth{};  // what the learner actually remembers
  std::int64_t last_day = 0;
  bool seen = false;
};

std::int64_t learner_day(std::int64_t t) {  // day boundary 04:00 UTC, as the optimizer counts
  return (t - 4 * 3600) / 86400;
}

}  // namespace

int main(int argc, char** argv) {
  long reviews = 10000;
  std::uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--reviews") reviews = std::atol(argv[i + 1]);
    if (arg == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  const Model<double> truth(kTrue);
  citecard::Scheduler scheduler(citecard::FsrsParameters{});

  // About 12 reviews per card over the simulated time; 20 new cards a day.
  const long card_count = std::max(50L, reviews / 12);
  const long new_per_day = 20;
  std::vector<SimCard> cards(static_cast<std::size_t>(card_count));
  using Due = std::pair<std::int64_t, long>;  // (due time, card)
  std::priority_queue<Due, std::vector<Due>, std::greater<>> queue;
  const std::int64_t start = 1'700'000'000 - 1'700'000'000 % 86400 + 9 * 3600;
  long introduced = 0;
  std::int64_t clock = start;
  std::int64_t next_intro_day = 0;

  std::vector<citecard::RevlogEntry> log;
  log.reserve(static_cast<std::size_t>(reviews));
  while (static_cast<long>(log.size()) < reviews) {
    // New cards arrive at the start of each day's session.
    const std::int64_t intro_time = start + next_intro_day * 86400;
    if (introduced < card_count && (queue.empty() || queue.top().first >= intro_time)) {
      for (long k = 0; k < new_per_day && introduced < card_count; ++k) {
        queue.push({intro_time, introduced++});
      }
      ++next_intro_day;
      continue;
    }
    if (queue.empty()) break;
    auto [due, id] = queue.top();
    queue.pop();
    SimCard& card = cards[static_cast<std::size_t>(id)];
    clock = std::max(clock + 8, due);
    const std::int64_t day = learner_day(clock);
    int rating;
    if (!card.seen) {
      const double u = uniform(rng);
      rating = u < 0.25 ? 1 : u < 0.35 ? 2 : u < 0.9 ? 3 : 4;
    } else {
      const double elapsed_days = static_cast<double>(clock - card.schedule.last_review) / 86400.0;
      const double p = truth.recall(elapsed_days, card.truth.s);
      if (uniform(rng) >= p) {
        rating = 1;
      } else {
        const double u = uniform(rng);
        rating = u < 0.12 ? 2 : u < 0.92 ? 3 : 4;
      }
    }
    const int state = static_cast<int>(card.schedule.state);
    card.truth = card.seen
                     ? truth.next(card.truth, static_cast<double>(day - card.last_day), rating)
                     : truth.first(rating);
    card.schedule = scheduler.next(card.seen ? card.schedule : citecard::new_card_memory(clock),
                                   clock, static_cast<citecard::Rating>(rating));
    card.seen = true;
    card.last_day = day;
    log.push_back({id + 1, clock * 1000, rating, state, 6000});
    queue.push({card.schedule.due, id});
  }
  fmt::print("{}", citecard::format_revlog_csv(log));
  return 0;
}
