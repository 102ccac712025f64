// A merge killed with SIGKILL at a random moment leaves the collection exactly as it was or
// fully merged, never in between, and the other device's file untouched: the real `citecard
// merge` is killed 16 times while merging two 12,000-answer logs (8 times, 4,000 answers, under a
// sanitizer), at moments from its start to a little after its usual end, so kills land before,
// during and after the commit.
// CITECARD_CRASH_SEED=N replays a run.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

#include "child_process.hpp"
#include "citecard/collection.hpp"
#include "collection_dump.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;

namespace {

// Under a sanitizer each step is several times slower: fewer kills on smaller logs there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CITECARD_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CITECARD_SANITIZED 1
#endif
#endif
#ifdef CITECARD_SANITIZED
constexpr int kKills = 8;
constexpr int kAnswers = 4000;
#else
constexpr int kKills = 16;
constexpr int kAnswers = 12000;
#endif
constexpr int kCards = 300;
constexpr Timestamp kStart = 1704099600;  // 2024-01-01T09:00:00Z
constexpr Timestamp kNow = kStart + 400 * kSecondsPerDay;
const std::string kNowText = "2025-02-04T09:00:00Z";

void study(const std::filesystem::path& path, Timestamp offset) {
  auto collection = Collection::open(path);
  REQUIRE(collection.ok());
  std::vector<ImportedNote> notes;
  for (int i = 0; i < kCards; ++i)
    notes.push_back({"Question " + std::to_string(i), "Answer " + std::to_string(i), {}});
  auto added = collection->add_imported_notes("shared", "Shared", notes);
  REQUIRE(added.ok());
  std::vector<Collection::PlannedAnswer> plan;
  for (int round = 0; static_cast<int>(plan.size()) < kAnswers; ++round)
    for (int i = 0; i < kCards; ++i)
      plan.push_back({added->card_ids[static_cast<std::size_t>(i)],
                      i % 7 == round % 7 ? Rating::Again : Rating::Good,
                      kStart + round * 2 * kSecondsPerDay + offset + i, 3000});
  REQUIRE(collection->answer_all(plan).ok());
}

// Opens the collection (recovering what a killed writer left) and describes it.
std::string state_of(const std::filesystem::path& path) {
  {
    auto collection = Collection::open(path, {}, OpenMode::MustExist);
    REQUIRE(collection.ok());
    auto report = collection->check();
    REQUIRE(report.ok());
    CHECK_MESSAGE(report->problems.empty(),
                  (report->problems.empty() ? "" : report->problems.front()));
  }
  return test::dump_collection(path, kNow);
}

void copy_over(const std::filesystem::path& from, const std::filesystem::path& to) {
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(to.string() + suffix);
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("a merge killed at any moment leaves the collection as it was or fully merged") {
  test::TempDir dir;
  const auto original = dir / "original.db", other = dir / "other.db";
  study(original, 0);
  study(other, kSecondsPerDay);
  const std::string before = state_of(original);
  const std::string other_bytes = test::read_file(other);

  // The merge run to its end, timed, gives the state a finished merge must leave.
  const auto work = dir / "work.db";
  copy_over(original, work);
  const auto started = std::chrono::steady_clock::now();
  {
    test::ChildProcess merge(
        {CITECARD_CLI, "merge", other.string(), "--db", work.string(), "--now", kNowText});
    REQUIRE(merge.wait() == 0);
  }
  const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  const std::string after = state_of(work);
  REQUIRE(after != before);

  const std::uint64_t seed = std::getenv("CITECARD_CRASH_SEED")
                                 ? std::strtoull(std::getenv("CITECARD_CRASH_SEED"), nullptr, 10)
                                 : std::random_device{}();
  std::printf(
      "merge kill harness: seed %llu (CITECARD_CRASH_SEED replays it), merge takes %lld ms\n",
      static_cast<unsigned long long>(seed), static_cast<long long>(duration.count() / 1000));
  std::mt19937_64 rng(seed);
  int unchanged = 0, merged = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    CAPTURE(kill);
    copy_over(original, work);
    test::ChildProcess merge(
        {CITECARD_CLI, "merge", other.string(), "--db", work.string(), "--now", kNowText});
    const auto window = static_cast<std::uint64_t>(std::max<std::int64_t>(1, duration.count()));
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % (window + window / 4)));
    merge.kill();
    const std::string state = state_of(work);
    const bool as_before = state == before, as_after = state == after;
    CHECK((as_before || as_after));
    unchanged += as_before ? 1 : 0;
    merged += as_after ? 1 : 0;
    CHECK(test::read_file(other) == other_bytes);
  }
  std::printf("merge kill harness: %d kills left it as it was, %d fully merged\n", unchanged,
              merged);
}
