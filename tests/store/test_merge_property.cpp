// Merging is exact whatever the histories: for many random seeds, two or three copies of one
// collection are studied apart (answers, undos, suspensions, burials, settings, deck options,
// notes only one copy has), then merged in every order. Every order gives the same collection,
// byte for byte in its log and state; merging again adds nothing; `check` finds nothing wrong;
// every acknowledged answer is there exactly once, and those taken back are marked undone.
// CITECARD_MERGE_SEEDS=N runs N seeds (default 1000; 250 under a sanitizer),
// CITECARD_MERGE_FIRST_SEED the first.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "citecard/collection.hpp"
#include "collection_dump.hpp"
#include "store/database.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;

namespace {

constexpr Timestamp kStart = 1704099600;  // 2024-01-01T09:00:00Z
constexpr Timestamp kMergeClock = kStart + 400 * kSecondsPerDay;

using Ack = std::tuple<std::string, Timestamp, int>;  // card, time, rating

// A folder in memory where there is one (/dev/shm): a seed writes a dozen small collections, and
// on a disk their flushes, not the merges, would take the time.
class ScratchDir {
 public:
  ScratchDir() {
    std::error_code ec;
    const std::filesystem::path shm = "/dev/shm";
    const auto parent =
        std::filesystem::is_directory(shm, ec) ? shm : std::filesystem::temp_directory_path();
    std::string pattern = (parent / "citecard-merge-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value ? std::atoi(value) : fallback;
}

struct History {
  std::vector<Ack> acknowledged;  // every answer a device reported recorded
  std::vector<Ack> undone;        // the answers undo reported taken back
};

std::vector<ImportedNote> notes(const std::string& prefix, int count) {
  std::vector<ImportedNote> made;
  for (int i = 0; i < count; ++i)
    made.push_back(
        {prefix + " question " + std::to_string(i), prefix + " answer " + std::to_string(i), {}});
  return made;
}

// Studies `path` for a while with random actions from `rng`, starting at `clock`.
void study_apart(const std::filesystem::path& path, int device, std::mt19937_64& rng,
                 Timestamp clock, int actions, History& history) {
  auto collection = Collection::open(path, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  int answered_here = 0;  // answers given here and not taken back
  int added = 0;
  for (int step = 0; step < actions; ++step) {
    auto cards = collection->cards();
    REQUIRE(cards.ok());
    const auto& card = (*cards)[rng() % cards->size()].id;
    const int roll = static_cast<int>(rng() % 100);
    if (roll < 60) {
      const int rating = 1 + static_cast<int>(rng() % 4);
      if (collection->answer(card, static_cast<Rating>(rating), clock, 5000).ok()) {
        history.acknowledged.emplace_back(card, clock, rating);
        ++answered_here;
      }
      // Minutes while learning, or days.
      clock += rng() % 2 ? 60 + static_cast<Timestamp>(rng() % 1200)
                         : static_cast<Timestamp>(rng() % (4 * kSecondsPerDay));
    } else if (roll < 68) {
      if (answered_here == 0) continue;  // the copies share the first answers; take back one's own
      auto undone = collection->undo_last_answer();
      REQUIRE(undone.ok());
      --answered_here;
      if (*undone)
        history.undone.emplace_back((*undone)->card, (*undone)->reviewed_at,
                                    static_cast<int>((*undone)->rating));
    } else if (roll < 76) {
      REQUIRE(collection->suspend(card).ok());
    } else if (roll < 82) {
      REQUIRE(collection->unsuspend(card).ok());
    } else if (roll < 87) {
      REQUIRE(collection->bury(card, clock).ok());
    } else if (roll < 91) {
      StudyOptions options = collection->options();
      options.fsrs.desired_retention = 0.8 + 0.01 * static_cast<double>(rng() % 15);
      options.new_cards_per_day = 5 + static_cast<int>(rng() % 20);
      REQUIRE(collection->save_options(options).ok());
    } else if (roll < 95) {
      DeckOptions options;
      if (rng() % 2) options.desired_retention = 0.85 + 0.01 * static_cast<double>(rng() % 10);
      if (rng() % 2) options.reviews_per_day = static_cast<int>(rng() % 300);
      REQUIRE(collection->set_deck_options("shared", options).ok());
    } else {
      const std::string prefix =
          "device " + std::to_string(device) + " note " + std::to_string(added++);
      REQUIRE(collection->add_imported_notes("shared", "Shared", notes(prefix, 1)).ok());
    }
  }
}

std::multiset<Ack> counted_answers(const std::filesystem::path& path) {
  auto db = store::Database::connect(path, false, true);
  REQUIRE(db.ok());
  auto stmt = db->prepare("SELECT card, reviewed_at, rating FROM answers");
  REQUIRE(stmt.ok());
  std::multiset<Ack> answers;
  for (;;) {
    auto row = stmt->step();
    REQUIRE(row.ok());
    if (!*row) break;
    answers.emplace(stmt->column_text(0), stmt->column_int(1),
                    static_cast<int>(stmt->column_int(2)));
  }
  return answers;
}

std::int64_t scalar(const std::filesystem::path& path, const std::string& sql) {
  auto db = store::Database::connect(path, false, true);
  REQUIRE(db.ok());
  auto value = db->scalar(sql);
  REQUIRE(value.ok());
  return *value;
}

// Copies `order[0]` to `into` and merges the others into it, one by one.
void merge_in_order(const std::vector<std::filesystem::path>& order,
                    const std::filesystem::path& into) {
  std::filesystem::copy_file(order[0], into, std::filesystem::copy_options::overwrite_existing);
  auto collection = Collection::open(into, {}, OpenMode::MustExist);
  REQUIRE(collection.ok());
  for (std::size_t i = 1; i < order.size(); ++i) {
    auto merged = collection->merge(order[i], kMergeClock);
    REQUIRE_MESSAGE(merged.ok(), merged.error().message);
  }
  auto report = collection->check();
  REQUIRE(report.ok());
  CHECK_MESSAGE(report->problems.empty(),
                (report->problems.empty() ? "" : report->problems.front()));
}

void run_seed(std::uint64_t seed) {
  CAPTURE(seed);
  std::mt19937_64 rng(seed);
  ScratchDir dir;
  const auto base = dir / "base.db";
  History history;
  {
    auto collection = Collection::open(base);
    REQUIRE(collection.ok());
    StudyOptions options;
    options.leech_lapses = rng() % 3 == 0 ? 2 : 8;  // leeches often, on some seeds
    options.load_balance = rng() % 2 == 0;
    REQUIRE(collection->save_options(options).ok());
    REQUIRE(collection->add_imported_notes("shared", "Shared", notes("shared", 4)).ok());
    auto cards = collection->cards();
    REQUIRE(cards.ok());
    for (int i = 0; i < static_cast<int>(rng() % 4); ++i) {
      const auto& card = (*cards)[rng() % cards->size()].id;
      const Timestamp at = kStart + i * 600;
      REQUIRE(collection->answer(card, Rating::Good, at, 1000).ok());
      history.acknowledged.emplace_back(card, at, 3);
    }
  }
  const int devices = seed % 3 == 0 ? 3 : 2;
  std::vector<std::filesystem::path> copies;
  for (int d = 0; d < devices; ++d) {
    copies.push_back(dir / ("device" + std::to_string(d) + ".db"));
    std::filesystem::copy_file(base, copies.back());
    const Timestamp clock = kStart + kSecondsPerDay + static_cast<Timestamp>(rng() % 7200);
    study_apart(copies.back(), d, rng, clock, 6 + static_cast<int>(rng() % 14), history);
  }

  // Every order of merging gives the same collection.
  std::vector<std::size_t> order(copies.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::string first_dump;
  const auto merged = dir / "merged.db";
  do {
    std::vector<std::filesystem::path> files;
    for (auto i : order) files.push_back(copies[i]);
    merge_in_order(files, merged);
    const std::string dump = test::dump_collection(merged, kMergeClock);
    if (first_dump.empty())
      first_dump = dump;
    else
      REQUIRE(dump == first_dump);
  } while (std::next_permutation(order.begin(), order.end()));

  // Merging again adds nothing and changes nothing.
  {
    auto collection = Collection::open(merged, {}, OpenMode::MustExist);
    REQUIRE(collection.ok());
    for (const auto& copy : copies) {
      auto again = collection->merge(copy, kMergeClock);
      REQUIRE(again.ok());
      CHECK(again->answers_added + again->undos_added + again->changes_added + again->cards_added ==
            0);
    }
  }
  CHECK(test::dump_collection(merged, kMergeClock) == first_dump);

  // Grouped differently: A + (B + C) is (A + B) + C.
  if (devices == 3) {
    const auto bc = dir / "bc.db";
    merge_in_order({copies[1], copies[2]}, bc);
    const auto a_bc = dir / "a_bc.db";
    merge_in_order({copies[0], bc}, a_bc);
    CHECK(test::dump_collection(a_bc, kMergeClock) == first_dump);
  }

  // No acknowledged answer is lost or doubled; the undone ones stay in the log, marked.
  std::multiset<Ack> expected(history.acknowledged.begin(), history.acknowledged.end());
  for (const auto& undone : history.undone) {
    auto found = expected.find(undone);
    REQUIRE(found != expected.end());
    expected.erase(found);
  }
  CHECK(counted_answers(merged) == expected);
  CHECK(scalar(merged, "SELECT COUNT(*) FROM review_log") ==
        static_cast<std::int64_t>(history.acknowledged.size()));
}

}  // namespace

// Under a sanitizer every step runs several times slower: a quarter of the seeds there, so the
// sanitizer build stays within CI's time (the plain build runs them all).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kDefaultSeeds = 250;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr int kDefaultSeeds = 250;
#else
constexpr int kDefaultSeeds = 1000;
#endif
#else
constexpr int kDefaultSeeds = 1000;
#endif

// In quarters, so that CTest runs them side by side.
void run_quarter(int quarter) {
  const int seeds = env_int("CITECARD_MERGE_SEEDS", kDefaultSeeds);
  const int first = env_int("CITECARD_MERGE_FIRST_SEED", 1);
  const int from = first + seeds * quarter / 4, to = first + seeds * (quarter + 1) / 4;
  for (int seed = from; seed < to; ++seed) run_seed(static_cast<std::uint64_t>(seed));
}

TEST_CASE("copies studied apart merge alike in every order, losing nothing (seeds, 1st quarter)") {
  run_quarter(0);
}
TEST_CASE("copies studied apart merge alike in every order, losing nothing (seeds, 2nd quarter)") {
  run_quarter(1);
}
TEST_CASE("copies studied apart merge alike in every order, losing nothing (seeds, 3rd quarter)") {
  run_quarter(2);
}
TEST_CASE("copies studied apart merge alike in every order, losing nothing (seeds, 4th quarter)") {
  run_quarter(3);
}
