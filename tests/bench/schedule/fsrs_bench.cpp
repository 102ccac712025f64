// FSRS next-state throughput: how many answers per second the scheduler turns into next states.
//
//   fsrs_bench --write-events FILE   writes the review stream both sides replay (TSV: card, unix
//                                    time, rating), made deterministically by simulating learners
//   fsrs_bench --events FILE         replays it and prints "<next-states per second>"
//   --short (first): 100 simulated cards and one replay, for CI's run of every benchmark
//
// run.sh times ts-fsrs on the same file with ts_fsrs_bench.mjs and prints the ratio.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "citecard/fsrs.hpp"

using namespace citecard;

namespace {

struct Event {
  int card;
  Timestamp time;
  Rating rating;
};

constexpr int kReviewsPerCard = 50;

// Learners who mostly answer on time, sometimes early or late, mostly Good.
std::vector<Event> simulate(int cards) {
  std::mt19937_64 random(20230913);
  const Scheduler scheduler;
  std::vector<Event> events;
  const Timestamp start = *parse_iso8601("2024-01-01T08:00:00Z");
  for (int card_index = 0; card_index < cards; ++card_index) {
    Timestamp now = start + static_cast<Timestamp>(random() % (30 * kSecondsPerDay));
    CardMemory card = new_card_memory(now);
    for (int i = 0; i < kReviewsPerCard; ++i) {
      if (i > 0) {
        const Timestamp wait = std::max<Timestamp>(card.due - card.last_review, 60);
        const double lateness = std::uniform_real_distribution<double>(-0.3, 0.8)(random);
        now = std::max(card.last_review, card.due + static_cast<Timestamp>(lateness * wait));
      }
      const int roll = static_cast<int>(random() % 100);
      const Rating rating = roll < 12   ? Rating::Again
                            : roll < 25 ? Rating::Hard
                            : roll < 88 ? Rating::Good
                                        : Rating::Easy;
      card = scheduler.next(card, now, rating);
      events.push_back({card_index, now, rating});
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.time < b.time; });
  return events;
}

std::vector<Event> read_events(const char* path) {
  std::ifstream in(path);
  std::vector<Event> events;
  long long card, time;
  int rating;
  while (in >> card >> time >> rating) {
    events.push_back({static_cast<int>(card), time, static_cast<Rating>(rating)});
  }
  return events;
}

// Replays the stream repeatedly for at least a second (once when short); the best pass is the
// rate.
double next_states_per_second(const std::vector<Event>& events, bool short_mode) {
  const Scheduler scheduler;
  int cards = 0;
  for (const auto& e : events) cards = std::max(cards, e.card + 1);
  std::vector<CardMemory> state(static_cast<std::size_t>(cards));
  double best = 0.0, total = 0.0, checksum = 0.0;
  for (int pass = 0; short_mode ? pass < 1 : (pass < 3 || total < 1.0); ++pass) {
    for (const auto& e : events) state[static_cast<std::size_t>(e.card)] = CardMemory{};
    for (auto& s : state) s.due = 0;
    const auto begin = std::chrono::steady_clock::now();
    for (const auto& e : events) {
      auto& card = state[static_cast<std::size_t>(e.card)];
      if (card.reps == 0) card = new_card_memory(e.time);
      card = scheduler.next(card, e.time, e.rating);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    total += seconds;
    best = std::max(best, static_cast<double>(events.size()) / seconds);
    checksum = 0.0;
    for (const auto& s : state) checksum += s.stability;
  }
  // The final states' total stability: keeps the work from being optimised away and must equal
  // the ts-fsrs side's.
  std::fprintf(stderr, "checksum %.6f\n", checksum);
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const bool short_mode = argc > 1 && std::strcmp(argv[1], "--short") == 0;
  if (short_mode) --argc, ++argv;
  if (argc == 3 && std::strcmp(argv[1], "--write-events") == 0) {
    const auto events = simulate(short_mode ? 100 : 2000);
    std::FILE* out = std::fopen(argv[2], "w");
    if (!out) return 1;
    for (const auto& e : events) {
      std::fprintf(out, "%d\t%lld\t%d\n", e.card, static_cast<long long>(e.time),
                   static_cast<int>(e.rating));
    }
    std::fclose(out);
    return 0;
  }
  if (argc == 3 && std::strcmp(argv[1], "--events") == 0) {
    const auto events = read_events(argv[2]);
    if (events.empty()) return 1;
    std::printf("%.0f\n", next_states_per_second(events, short_mode));
    return 0;
  }
  std::fprintf(stderr, "usage: fsrs_bench [--short] --write-events FILE | --events FILE\n");
  return 2;
}
