// `citecard check`, `undo`, `suspend`, `unsuspend` and `options`, run as the real binary.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdint>

#include "citecard/collection.hpp"
#include "cli_fixture.hpp"

using namespace citecard;
using citecard::test::SummitCollection;

namespace {

constexpr Timestamp kStart = 1'704'099'600;  // 2024-01-01T09:00:00Z

void sql(const std::string& db_path, const std::string& statement) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// A learner's ratings: mostly Good, with some Again, Hard and Easy, the same on every run.
struct Ratings {
  std::uint64_t state = 42;
  Rating next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto roll = (state >> 33) % 100;
    return roll < 15   ? Rating::Again
           : roll < 30 ? Rating::Hard
           : roll < 85 ? Rating::Good
                       : Rating::Easy;
  }
};

}  // namespace

TEST_CASE("check is clean after a scripted session of 1,000 answers with undos and suspensions") {
  SummitCollection summit;
  int answers = 0, undos = 0, suspended = 0;
  {
    StudyOptions options;
    options.new_cards_per_day = 15;
    auto opened = Collection::open(summit.db, options);
    REQUIRE(opened.ok());
    Collection& collection = *opened;
    Ratings ratings;
    Timestamp now = kStart;
    for (int day = 0; answers < 1000 && day < 1000;) {
      auto next = collection.next_card("", now);
      REQUIRE(next.ok());
      if (!next->has_value()) {
        now = start_of_next_day(now) + 5 * 3600;  // tomorrow, 9:00
        ++day;
        continue;
      }
      const std::string id = (*next)->id;
      if (answers % 211 == 210 && suspended < 3) {
        REQUIRE(collection.suspend(id).ok());
        ++suspended;
        ++answers;
        continue;
      }
      auto answered = collection.answer(id, ratings.next(), now, 5000);
      REQUIRE_MESSAGE(answered.ok(), answered.error().message);
      ++answers;
      if (answers % 97 == 0) {
        REQUIRE(collection.undo_last_answer().ok());
        ++undos;
      }
      now += 40;
    }
  }
  REQUIRE(answers == 1000);
  CHECK(undos > 5);
  const auto check = summit.run("check");
  CHECK_MESSAGE(check.status == 0, std::string(check.out + check.err));
  CHECK(check.out.find("no problems.") != std::string::npos);
  CHECK(check.out.find("1,000") == std::string::npos);  // plain numbers
  // Generated and hand notes; quote notes cite the sentences that attribute them and, when those
  // say only "he" or "they", the sentence that names the speaker. (127 since one fact is asked
  // once: 13 repeated cards gone, 10 hand-written questions added; 119 since fact clozes ask only
  // numbers, dates and full names, 3 an article, and quote clozes only sure speakers; 122 on
  // merge9's deck; 123 after the seventh reading: nine cards removed, nine questions added, three
  // who-said quotes asked by the generator's cards, which do not gather Kim's other phrases; 124
  // after the eighth reading: the repeated sanctions card's sentence moved onto the card it
  // repeated, and a question on Putin's "lifelines" added; 123 since a person blank after a
  // title, "former U.S. President _____", is not made; 124 since the keep model chooses the
  // generated cards, adding a fact cloze on the three tranches of aid.)
  CHECK_MESSAGE(check.out.find(" 124 citations") != std::string::npos, check.out);
}

TEST_CASE("check fails naming the card whose stored state was changed behind the log's back") {
  SummitCollection summit;
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", "\n3\n\n4\nq\n");
  REQUIRE(session.status == 0);
  REQUIRE(summit.run("check").status == 0);
  const std::string card = summit.cards()[1]["id"];
  sql(summit.db, "UPDATE card_state SET due = due + 86400 WHERE card = '" + card + "'");
  const auto check = summit.run("check");
  CHECK(check.status != 0);
  CHECK(check.out.find("card " + card) != std::string::npos);
  CHECK(check.out.find("1 problem") != std::string::npos);
}

TEST_CASE("undo takes back the last answer; u in a study session does the same") {
  SummitCollection summit;
  REQUIRE(summit.run("study --now 2024-01-01T09:00:00Z", "\n3\nq\n").status == 0);
  CHECK(summit.stats("2024-01-01T09:05:00Z")["reviews_today"] == 1);
  const auto undo = summit.run("undo");
  REQUIRE(undo.status == 0);
  CHECK(undo.out.find("Took back 'good'") != std::string::npos);
  CHECK(summit.stats("2024-01-01T09:05:00Z")["reviews_today"] == 0);
  CHECK(summit.run("undo").out.find("no answer to take back") != std::string::npos);

  // Rate the first card, then press u at the second: one answer is left, none taken twice.
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", "\n3\n\nu\n\n4\nq\n");
  REQUIRE(session.status == 0);
  CHECK(session.out.find("Took back 'good' on the previous card") != std::string::npos);
  CHECK(summit.stats("2024-01-01T09:05:00Z")["reviews_today"] == 1);
  CHECK(summit.run("check").status == 0);
}

TEST_CASE("a suspended card is skipped by study until unsuspended") {
  SummitCollection summit;
  const std::string first = summit.cards()[0]["id"];
  const auto suspended = summit.run("suspend " + first);
  REQUIRE(suspended.status == 0);
  CHECK(summit.stats("2024-01-01T09:00:00Z")["new"] == 20);  // another card takes its place
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", "\n3\nq\n");
  REQUIRE(session.status == 0);
  auto collection = Collection::open(summit.db);
  REQUIRE(collection.ok());
  CHECK(collection->review_log(first)->empty());
  REQUIRE(summit.run("unsuspend " + first).status == 0);
  CHECK(collection->next_card("", kStart + 60)->value().id == first);
  CHECK(summit.run("suspend no-such-card").status != 0);

  // s at the rating prompt suspends the card shown.
  const auto with_s = summit.run("study --now 2024-01-01T09:01:00Z", "\ns\nq\n");
  CHECK(with_s.out.find("Suspended") != std::string::npos);
  CHECK(*collection->is_suspended(first));
}

TEST_CASE("options set per-deck limits and the day's rollover hour, and study shows what is left") {
  SummitCollection summit;
  const auto set = summit.run("options --deck summit-2023 --new-per-day 3 --retention 0.85");
  REQUIRE_MESSAGE(set.status == 0, set.err);
  CHECK(set.out.find("New cards per day:  3") != std::string::npos);
  CHECK(summit.stats("2024-01-01T09:00:00Z")["new"] == 3);
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", "\n3\nq\n");
  CHECK(session.out.find("Left today: 3 new · 0 learning · 0 review") != std::string::npos);

  const auto rollover = summit.run("options --rollover-hour 6");
  REQUIRE(rollover.status == 0);
  CHECK(rollover.out.find("Day starts at:      06:00") != std::string::npos);
  CHECK(summit.run("options --deck summit-2023 --rollover-hour 5").status != 0);
  CHECK(summit.run("options --deck nope --new-per-day 1").status != 0);
  // The test binary runs with TZ unset or UTC: at 05:30 the new day (06:00) has not begun.
  CHECK(summit.stats("2024-01-02T05:30:00Z")["new"] == 2);
  CHECK(summit.stats("2024-01-02T06:30:00Z")["new"] == 3);
}
