// Building the day's queue and returning the first card on a 1,000,000-card collection (20,000
// with --short).
//   store_queue_bench [--short] [WORK_DIR]
// Prints a Markdown row: the median and worst of repeated next_card calls on an open collection,
// and the first call after opening.
#include <algorithm>
#include <chrono>
#include <vector>

#include "synthetic_collection.hpp"

using namespace citecard;

namespace {

double millis_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  const auto sizes = bench::parse_arguments(argc, argv);
  const std::filesystem::path path = sizes.work_dir / "queue-bench.db";
  const std::int64_t kCards = sizes.short_mode ? 20'000 : 1'000'000;
  const Timestamp now = 1'717'232'400;  // 2024-06-01T09:00:00Z
  const auto made = std::chrono::steady_clock::now();
  bench::make_collection(path, kCards, 10, now, kCards / 50);
  const double make_ms = millis_since(made);

  const auto opened = std::chrono::steady_clock::now();
  auto collection = Collection::open(path);
  if (!collection) bench::must(collection.error());
  auto first = collection->next_card("", now);
  if (!first) bench::must(first.error());
  const double first_ms = millis_since(opened);
  if (!first->has_value()) {
    std::fprintf(stderr, "queue bench: nothing due, the collection is not shaped as intended\n");
    return 1;
  }
  std::vector<double> ms;
  for (int i = 0; i < 30; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto card = collection->next_card("", now + i);
    if (!card) bench::must(card.error());
    ms.push_back(millis_since(start));
  }
  std::sort(ms.begin(), ms.end());
  // The remaining counts shown beside the queue (every deck's limits applied).
  const auto counted = std::chrono::steady_clock::now();
  auto decks = collection->decks(now);
  if (!decks) bench::must(decks.error());
  const double decks_ms = millis_since(counted);
  const auto stats_started = std::chrono::steady_clock::now();
  auto stats = collection->stats(now);
  if (!stats) bench::must(stats.error());
  const double stats_ms = millis_since(stats_started);
  fmt::print(
      "| day's queue + first card, {} cards (10 decks, ~{} overdue) | median {:.1f} ms, "
      "worst {:.1f} ms | open + first call {:.1f} ms; remaining counts of all decks {:.1f} ms, "
      "stats {:.1f} ms; "
      "collection made in {:.1f} s | median {:.1f} ms | ≤ 20 ms |\n",
      bench::with_commas(kCards), bench::with_commas(kCards / 50), ms[ms.size() / 2], ms.back(),
      first_ms, decks_ms, stats_ms, make_ms / 1000, ms[ms.size() / 2]);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return 0;
}
