// The answer harness is killed with SIGKILL at 50 random moments while it answers cards on the
// summit deck. After every kill the collection must pass SQLite's integrity check, hold every
// acknowledged answer exactly once (and nothing never tried), pass `citecard check`, and let a
// `citecard study` session answer a card. CITECARD_CRASH_SEED=N replays a run.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "citecard/collection.hpp"
#include "review_ledger.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using namespace std::chrono_literals;

namespace {

constexpr int kKills = 50;
constexpr Timestamp kStart = 1704067200;  // 2024-01-01T00:00:00Z

std::uint64_t master_seed() {
  if (const char* given = std::getenv("CITECARD_CRASH_SEED"))
    return std::strtoull(given, nullptr, 10);
  return std::random_device{}();
}

// The time of the latest answer in the log (kStart when there is none): the next answer must
// come after it.
Timestamp latest_answer(const store::Database& db) {
  auto latest = db.scalar("SELECT COALESCE(MAX(reviewed_at), 0) FROM review_log");
  REQUIRE(latest.ok());
  return std::max<Timestamp>(*latest, kStart);
}

std::string fmt_acks(int acks) {
  char text[32];
  std::snprintf(text, sizeof text, "after %2d acks ", acks);
  return text;
}

std::string integrity(const store::Database& db) {
  auto check = db.prepare("PRAGMA integrity_check");
  REQUIRE(check.ok());
  auto row = check->step();
  REQUIRE(row.ok());
  return check->column_text(0);
}

}  // namespace

TEST_CASE("answers acknowledged before a SIGKILL are kept exactly once, across 50 kills") {
  test::TempDir dir;
  const std::string db = (dir / "collection.db").string();
  {
    auto collection = Collection::open(db);
    REQUIRE(collection.ok());
    REQUIRE(collection->build(std::string(CITECARD_DECKS_DIR) + "/summit-2023").ok());
  }
  const std::uint64_t seed = master_seed();
  std::printf("crash harness: seed %llu (CITECARD_CRASH_SEED=%llu replays it)\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
  std::mt19937_64 rng(seed);
  test::Ledger ledger;
  int survived = 0;
  int mid_answer_kills = 0;

  for (int kill = 1; kill <= kKills; ++kill) {
    Timestamp start = 0;
    {
      auto opened = store::Database::connect(db, false);
      REQUIRE(opened.ok());
      start = latest_answer(*opened) + 1;
    }
    const auto run_seed = rng();
    // Mostly while answering: after a random number of acknowledged answers, a random few
    // hundred microseconds into the next ones. Now and then while still opening (WAL recovery
    // after the last kill).
    const bool early = rng() % 8 == 0;
    const int wait_acks = early ? 0 : static_cast<int>(rng() % 40);
    const auto delay = std::chrono::microseconds(rng() % (early ? 5'000 : 2'000));
    CAPTURE(kill);
    CAPTURE(run_seed);
    CAPTURE(wait_acks);
    CAPTURE(delay.count());

    test::ChildProcess harness(
        {CITECARD_ANSWER_HARNESS, db, std::to_string(start), std::to_string(run_seed)});
    std::vector<std::string> lines;
    for (int acks = early ? 0 : -1; acks < wait_acks;) {
      const auto line = harness.read_line(60s);
      REQUIRE_MESSAGE(line.has_value(), "the harness stopped before it was killed");
      if (*line == "ready") acks = 0;
      if (line->rfind("ack ", 0) == 0) ++acks;
      REQUIRE_MESSAGE(line->rfind("error ", 0) != 0, *line);
      lines.push_back(*line);
    }
    // Three kills in four land inside an answer: wait for the harness to start one, then kill a
    // few microseconds into it. Timing alone cannot promise that: in a slow (sanitized) build
    // choosing the next card takes longer than writing the answer.
    const bool aim_inside = !early && rng() % 4 != 0;
    if (aim_inside) {
      for (;;) {
        const auto line = harness.read_line(60s);
        REQUIRE_MESSAGE(line.has_value(), "the harness stopped before it was killed");
        REQUIRE_MESSAGE(line->rfind("error ", 0) != 0, *line);
        lines.push_back(*line);
        if (line->rfind("try ", 0) == 0) break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(rng() % 50));
    } else {
      std::this_thread::sleep_for(delay);
    }
    harness.kill();
    for (auto& line : harness.remaining_lines()) lines.push_back(std::move(line));
    const auto before = ledger.acked.size();
    ledger.take(lines);
    REQUIRE_MESSAGE(ledger.errors.empty(), ledger.errors.front());
    // Killed between an answer's start and its acknowledgement: the case that matters most.
    const bool mid_answer = !lines.empty() && lines.back().rfind("try ", 0) == 0;
    mid_answer_kills += mid_answer ? 1 : 0;
    std::printf("kill %2d: %s + %4lld us, %3zu answers acknowledged%s\n", kill,
                early ? "at start       " : fmt_acks(wait_acks).c_str(),
                static_cast<long long>(delay.count()), ledger.acked.size() - before,
                mid_answer ? ", killed mid-answer" : "");

    std::vector<std::string> problems;
    Timestamp resume = 0;
    {
      // Its own connection, closed before the commands run: a statement left open here would
      // pin an old snapshot of the log.
      auto after = store::Database::connect(db, false);
      REQUIRE(after.ok());
      CHECK(integrity(*after) == "ok");
      problems = test::compare_with_log(*after, ledger);
      for (const auto& p : problems) FAIL_CHECK(p);
      resume = latest_answer(*after) + 1;
    }
    {
      // The first time from then on when a card is due (limits and buried siblings may leave
      // nothing due for a while), found as the harness finds it.
      auto collection = Collection::open(db, {}, OpenMode::MustExist);
      REQUIRE(collection.ok());
      for (;; resume += 3600) {
        auto next = collection->next_card("", resume);
        REQUIRE(next.ok());
        if (next->has_value()) break;
      }
    }

    const auto check =
        test::run_command(std::string("'") + CITECARD_CLI + "' check --db '" + db + "'");
    CHECK_MESSAGE(check.status == 0, (check.out + check.err));
    CHECK(check.out.find("no problems.") != std::string::npos);

    // Study resumes: one card answered through the real command, once the next card is due.
    const auto study = test::run_command(
        std::string("'") + CITECARD_CLI + "' study --db '" + db + "' --now " + to_iso8601(resume),
        "\n3\nq\n");
    CHECK_MESSAGE(study.status == 0, study.err);
    CHECK(study.out.find("You answered 1 card.") != std::string::npos);
    {
      auto after = store::Database::connect(db, false);
      REQUIRE(after.ok());
      auto resumed =
          after->prepare("SELECT card, reviewed_at FROM review_log ORDER BY id DESC LIMIT 1");
      REQUIRE(resumed.ok());
      REQUIRE(*resumed->step());
      const test::AnswerKey studied{resumed->column_text(0), resumed->column_int(1)};
      CHECK(studied.second >= resume);
      ledger.tried.insert(studied);
      ledger.acked.insert(studied);
    }
    if (problems.empty() && check.status == 0 && study.status == 0) ++survived;
  }
  std::printf(
      "crash harness: %d of %d kills survived (%d mid-answer), %zu acknowledged answers, none "
      "lost\n",
      survived, kKills, mid_answer_kills, ledger.acked.size());
  CHECK(survived == kKills);
  // The kills must land while answers are being written, or they test little.
  CHECK(mid_answer_kills >= 3);
}
