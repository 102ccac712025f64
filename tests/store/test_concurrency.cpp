// Two processes answer different cards of one collection at the same time, as the app and the
// command line may: every answer either one acknowledged is in the log exactly once, neither
// ever reports the collection busy or locked, and the collection checks clean afterwards. The same
// holds while a deck is rebuilt under a learner who is answering.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "child_process.hpp"
#include "citecard/collection.hpp"
#include "review_ledger.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using namespace std::chrono_literals;

TEST_CASE("two processes answering different cards at once lose and double no review") {
  test::TempDir dir;
  const std::string db = (dir / "collection.db").string();
  {
    auto collection = Collection::open(db);
    REQUIRE(collection.ok());
    REQUIRE(collection->build(std::string(CITECARD_DECKS_DIR) + "/summit-2023").ok());
  }
  const std::string start = "1704067200";  // 2024-01-01T00:00:00Z
  const std::string seconds = "3";
  test::ChildProcess even(
      {CITECARD_ANSWER_HARNESS, db, start, "1", "--cards", "0/2", "--seconds", seconds});
  test::ChildProcess odd(
      {CITECARD_ANSWER_HARNESS, db, start, "2", "--cards", "1/2", "--seconds", seconds});
  for (bool even_open = true, odd_open = true; even_open || odd_open;) {
    if (even_open) even_open = even.pump(10ms);
    if (odd_open) odd_open = odd.pump(10ms);
  }
  CHECK(even.wait() == 0);
  CHECK(odd.wait() == 0);

  test::Ledger ledger;
  std::size_t each[2] = {0, 0};
  int i = 0;
  for (auto* process : {&even, &odd}) {
    const auto lines = process->remaining_lines();
    const auto acked_before = ledger.acked.size();
    ledger.take(lines);
    each[i++] = ledger.acked.size() - acked_before;
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "done");
  }
  for (const auto& error : ledger.errors) FAIL_CHECK(error);  // e.g. "database is locked"
  std::printf("concurrency: %zu and %zu answers acknowledged by the two processes\n", each[0],
              each[1]);
  CHECK(each[0] > 0);
  CHECK(each[1] > 0);
  CHECK(ledger.tried == ledger.acked);  // no process was killed: every answer tried committed

  auto after = store::Database::connect(db, false);
  REQUIRE(after.ok());
  for (const auto& problem : test::compare_with_log(*after, ledger)) FAIL_CHECK(problem);
  auto logged = after->scalar("SELECT COUNT(*) FROM review_log");
  REQUIRE(logged.ok());
  CHECK(*logged == static_cast<std::int64_t>(ledger.acked.size()));
  const auto check =
      test::run_command(std::string("'") + CITECARD_CLI + "' check --db '" + db + "'");
  CHECK_MESSAGE(check.status == 0, (check.out + check.err));
}

TEST_CASE(
    "a deck rebuilt while a learner answers loses and doubles no answer, and every rebuild "
    "succeeds") {
  test::TempDir dir;
  const std::string db = (dir / "collection.db").string();
  const std::string deck = std::string(CITECARD_DECKS_DIR) + "/summit-2023";
  {
    auto collection = Collection::open(db);
    REQUIRE(collection.ok());
    REQUIRE(collection->build(deck).ok());
  }
  test::ChildProcess learner(
      {CITECARD_ANSWER_HARNESS, db, "1704067200", "3", "--cards", "0/1", "--seconds", "4"});
  // Each rebuild rewrites the whole deck in one write transaction, so it contends with every
  // answer for the lock, as a curator's `citecard build` does while the app is studying.
  int rebuilds = 0;
  std::string build_failures;
  for (bool open = true; open;) {
    open = learner.pump(10ms);
    if (!open) break;
    const auto build = test::run_command(std::string("'") + CITECARD_CLI + "' build '" + deck +
                                         "' --db '" + db + "'");
    ++rebuilds;
    if (build.status != 0) build_failures += build.out + build.err;
  }
  CHECK(learner.wait() == 0);
  CHECK_MESSAGE(build_failures.empty(), build_failures);
  CHECK(rebuilds >= 2);  // a sanitized build rebuilds slowly; two still overlap the answers

  test::Ledger ledger;
  const auto lines = learner.remaining_lines();
  ledger.take(lines);
  REQUIRE(!lines.empty());
  CHECK(lines.back() == "done");
  for (const auto& error : ledger.errors) FAIL_CHECK(error);
  std::printf("rebuild while studying: %d rebuilds, %zu answers acknowledged\n", rebuilds,
              ledger.acked.size());
  CHECK(ledger.acked.size() > 0);
  CHECK(ledger.tried == ledger.acked);

  auto after = store::Database::connect(db, false);
  REQUIRE(after.ok());
  for (const auto& problem : test::compare_with_log(*after, ledger)) FAIL_CHECK(problem);
  const auto check =
      test::run_command(std::string("'") + CITECARD_CLI + "' check --db '" + db + "'");
  CHECK_MESSAGE(check.status == 0, (check.out + check.err));
}
