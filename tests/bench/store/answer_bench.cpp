// Answer + persist: one SQLite transaction (WAL) per answer on a 100,000-card collection
// (10,000 cards and 500 answers with --short). Prints a Markdown row: median and p99 latency of
// Collection::answer.
//   store_answer_bench [--short] [WORK_DIR]
#include <algorithm>
#include <chrono>
#include <vector>

#include "synthetic_collection.hpp"

using namespace citecard;

int main(int argc, char** argv) {
  const auto sizes = bench::parse_arguments(argc, argv);
  const std::filesystem::path path = sizes.work_dir / "answer-bench.db";
  const std::int64_t kCards = sizes.short_mode ? 10'000 : 100'000;
  const int kAnswers = sizes.short_mode ? 500 : 5'000;
  const Timestamp now = 1'717'232'400;  // 2024-06-01T09:00:00Z
  bench::make_collection(path, kCards, 4, now, kCards / 50);

  auto collection = Collection::open(path);
  if (!collection) bench::must(collection.error());
  std::vector<double> micros;
  micros.reserve(kAnswers);
  const Rating ratings[] = {Rating::Good, Rating::Good, Rating::Again, Rating::Easy, Rating::Hard};
  for (int i = 0; i < kAnswers; ++i) {
    // Mostly reviewed cards, some new ones, spread through the collection.
    const std::int64_t card = (static_cast<std::int64_t>(i) * 7919) % kCards;
    const Timestamp at = now + i;  // reviews answered on their day, early or late, and new cards
    const auto start = std::chrono::steady_clock::now();
    auto r = collection->answer(bench::card_id(card), ratings[i % 5], at, 3000);
    const auto end = std::chrono::steady_clock::now();
    if (!r) bench::must(r.error());
    micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  std::sort(micros.begin(), micros.end());
  auto db = store::Database::open(path);
  if (!db) bench::must(db.error());
  const auto balanced = db->scalar("SELECT COUNT(*) FROM review_log WHERE balanced = 1");
  if (!balanced) bench::must(balanced.error());
  const double median = micros[micros.size() / 2];
  const double p99 = micros[micros.size() * 99 / 100];
  fmt::print(
      "| answer + persist (1 transaction, WAL), {} cards | median {:.0f} µs, p99 {:.0f} "
      "µs | {} answers, {} of them load-balanced | median {:.0f} µs | median ≤ 200 µs |\n",
      bench::with_commas(kCards), median, p99, kAnswers, *balanced, median);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return 0;
}
