// Merging two devices' copies of a collection, each with 100,000 answers on the same 2,000
// cards (every card studied on both, so every card is replayed and most answers' snapshots are
// rewritten: the worst case). Prints one Markdown table row; target ≤ 1 s.
//   store_merge_bench [--short] [WORK_DIR]   (--short: 200 cards, 2,000 answers; CI's run)
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <random>

#include "citecard/collection.hpp"
#include "synthetic_collection.hpp"

using namespace citecard;

namespace {

int kCards = 2000;
int kAnswersPerDevice = 100000;
constexpr Timestamp kStart = 1704099600;  // 2024-01-01T09:00:00Z

template <class T>
T must(Result<T> r) {
  if (!r) {
    std::fprintf(stderr, "merge bench: %s\n", r.error().message.c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

// A device's copy: the shared cards, answered 50 times each, `offset` seconds into each round.
void study(const std::filesystem::path& path, Timestamp offset, std::uint64_t seed) {
  StudyOptions options;
  options.leech_lapses = 0;  // a leech would be suspended, and the plan's next answer refused
  auto collection = must(Collection::open(path, options));
  std::vector<ImportedNote> notes;
  for (int i = 0; i < kCards; ++i)
    notes.push_back({fmt::format("Question {}?", i), fmt::format("Answer {}", i), {}});
  auto added = must(collection.add_imported_notes("shared", "Shared", notes));
  std::mt19937_64 rng(seed);
  std::vector<Collection::PlannedAnswer> plan;
  plan.reserve(kAnswersPerDevice);
  for (int round = 0; static_cast<int>(plan.size()) < kAnswersPerDevice; ++round) {
    for (int i = 0; i < kCards && static_cast<int>(plan.size()) < kAnswersPerDevice; ++i) {
      const Rating rating = rng() % 10 == 0 ? Rating::Again : Rating::Good;
      plan.push_back({added.card_ids[static_cast<std::size_t>(i)], rating,
                      kStart + round * 2 * kSecondsPerDay + offset + i, 4000});
    }
  }
  must(collection.answer_all(plan));
}

}  // namespace

int main(int argc, char** argv) {
  const auto sizes = bench::parse_arguments(argc, argv);
  if (sizes.short_mode) {
    kCards = 200;
    kAnswersPerDevice = 2000;
  }
  const std::filesystem::path work = sizes.work_dir;
  const auto studied = work / "merge-a-studied.db", a = work / "merge-a.db",
             b = work / "merge-b.db";
  // CITECARD_BENCH_REUSE=1 keeps the two studied copies of an earlier run (they take a minute).
  if (!std::getenv("CITECARD_BENCH_REUSE") || !std::filesystem::exists(studied) ||
      !std::filesystem::exists(b)) {
    for (const auto& p : {studied, b})
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    study(studied, 0, 1);
    study(b, kSecondsPerDay, 2);
  }
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(a.string() + suffix);
  std::filesystem::copy_file(studied, a, std::filesystem::copy_options::overwrite_existing);

  auto collection = must(Collection::open(a, {}, OpenMode::MustExist));
  const auto started = std::chrono::steady_clock::now();
  const MergeReport report = must(collection.merge(b, kStart + 400 * kSecondsPerDay));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto check = must(collection.check());
  if (!check.problems.empty()) {
    std::fprintf(stderr, "merge bench: check found %s\n", check.problems.front().c_str());
    return 1;
  }
  fmt::print(
      "| merge two devices' logs of {} answers each ({} cards, all on both) | {:.2f} s | {} "
      "answers in, {} cards replayed, check clean over {} answers | ≤ 1 s |\n",
      kAnswersPerDevice, kCards, seconds, report.answers_added, report.cards_replayed,
      check.answers_checked);
  return 0;
}
