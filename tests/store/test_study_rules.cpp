// The queue rules a learner relies on: per-deck limits and retention, new cards spread through
// reviews, siblings buried, suspension and leeches, undo, the day boundary across DST.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>

#include "citecard/collection.hpp"
#include "store/database.hpp"
#include "store/study_deck.hpp"
#include "support/temp_dir.hpp"

using namespace citecard;
using citecard::test::TempDir;

namespace {

constexpr Timestamp kMorning = 1'709'632'800;  // 2024-03-05T10:00:00Z, a Tuesday
constexpr Timestamp kDay = kSecondsPerDay;

// Sets TZ for the test's lifetime and puts UTC back afterwards (the other suites expect UTC).
struct TimeZone {
  explicit TimeZone(const char* tz) {
    setenv("TZ", tz, 1);
    tzset();
  }
  ~TimeZone() {
    setenv("TZ", "UTC", 1);
    tzset();
  }
};

struct Study {
  TimeZone tz{"UTC"};
  TempDir dir;
  std::optional<Collection> collection;

  explicit Study(StudyOptions options = {},
                 std::vector<std::pair<std::string, int>> decks = {{"alpha", 12}}) {
    auto c = Collection::open(dir / "c.db", options);
    REQUIRE(c.ok());
    collection.emplace(std::move(*c));
    for (const auto& [id, count] : decks) {
      citecard::test::write_quote_deck(dir, id, count);
      REQUIRE(collection->build(dir / id).ok());
    }
  }
  std::vector<std::string> ids(const std::string& deck) {
    std::vector<std::string> out;
    for (const auto& card : *collection->cards())
      if (card.deck == deck) out.push_back(card.id);
    return out;
  }
  std::string next(Timestamp now, const std::string& deck = "") {
    auto card = collection->next_card(deck, now);
    REQUIRE(card.ok());
    return *card ? (*card)->id : std::string("(none)");
  }
  void answer(const std::string& id, Rating rating, Timestamp now) {
    auto r = collection->answer(id, rating, now, 1000);
    REQUIRE_MESSAGE(r.ok(), r.error().message);
  }
  DeckSummary deck(const std::string& id, Timestamp now) {
    for (const auto& d : *collection->decks(now))
      if (d.id == id) return d;
    FAIL("no deck " << id);
    return {};
  }
  store::Database raw() {
    auto db = store::Database::open(dir / "c.db");
    REQUIRE(db.ok());
    return std::move(*db);
  }
};

}  // namespace

TEST_CASE("each deck's own daily limits apply, and the remaining counts show them") {
  Study s({}, {{"alpha", 6}, {"beta", 6}});
  REQUIRE(s.collection->set_deck_options("alpha", DeckOptions{2, 5, std::nullopt}).ok());
  CHECK(s.deck("alpha", kMorning).new_available == 2);
  CHECK(s.deck("beta", kMorning).new_available == 6);  // the collection's 20, but it has 6
  CHECK(s.collection->stats(kMorning)->new_available == 8);
  s.answer(s.ids("alpha")[0], Rating::Easy, kMorning);
  CHECK(s.deck("alpha", kMorning).new_available == 1);
  s.answer(s.ids("alpha")[1], Rating::Easy, kMorning);
  CHECK(s.deck("alpha", kMorning).new_available == 0);
  // Only beta's new cards remain today.
  for (int i = 0; i < 3; ++i) CHECK(s.collection->next_card("", kMorning)->value().deck == "beta");
  CHECK(s.next(kMorning, "alpha") == "(none)");
  CHECK(s.deck("alpha", kMorning + kDay).new_available == 2);  // a new day
}

// Without load balancing, cards answered alike come due on the same day; the queue tests use that.
StudyOptions unbalanced() {
  StudyOptions options;
  options.load_balance = false;
  return options;
}

TEST_CASE("the daily review limit caps the reviews shown, per deck") {
  Study s(unbalanced());
  const auto ids = s.ids("alpha");
  for (int i = 0; i < 6; ++i) s.answer(ids[static_cast<std::size_t>(i)], Rating::Easy, kMorning);
  const Timestamp due = s.collection->memory(ids[0])->due + 3600;
  REQUIRE(s.deck("alpha", due).review_due == 6);
  REQUIRE(s.collection->set_deck_options("alpha", DeckOptions{0, 4, std::nullopt}).ok());
  CHECK(s.deck("alpha", due).review_due == 4);
  for (int i = 0; i < 4; ++i) {
    const auto id = s.next(due);
    REQUIRE(id != "(none)");
    s.answer(id, Rating::Good, due);
  }
  CHECK(s.deck("alpha", due).review_due == 0);
  CHECK(s.next(due) == "(none)");
}

TEST_CASE("a deck's desired retention overrides the collection's and is logged with the answer") {
  Study s({}, {{"alpha", 4}, {"beta", 4}});
  REQUIRE(
      s.collection->set_deck_options("beta", DeckOptions{std::nullopt, std::nullopt, 0.8}).ok());
  CHECK(s.collection->deck_options("beta")->desired_retention == doctest::Approx(0.8));
  const auto a = s.ids("alpha")[0], b = s.ids("beta")[0];
  s.answer(a, Rating::Easy, kMorning);
  s.answer(b, Rating::Easy, kMorning);
  // Lower retention: the same memory is tested later.
  CHECK(s.collection->memory(b)->due > s.collection->memory(a)->due);
  auto report = s.collection->check();
  REQUIRE(report.ok());
  CHECK(report->problems.empty());
  CHECK(*s.raw().scalar("SELECT COUNT(DISTINCT parameters) FROM review_log") == 2);
}

TEST_CASE("new cards are spread evenly through the day's reviews") {
  StudyOptions options = unbalanced();
  options.new_cards_per_day = 2;
  Study s(options);
  const auto ids = s.ids("alpha");
  const Timestamp day0 = kMorning - 10 * kDay;
  // Four cards learned long ago; all four come due on the same later day.
  for (int i = 0; i < 4; ++i) s.answer(ids[static_cast<std::size_t>(i)], Rating::Easy, day0);
  const Timestamp due = s.collection->memory(ids[0])->due + 3600;
  REQUIRE(s.deck("alpha", due).review_due == 4);
  std::string order;
  for (;;) {
    const auto id = s.next(due);
    if (id == "(none)") break;
    order += s.collection->memory(id)->state == CardState::New ? 'N' : 'R';
    s.answer(id, Rating::Easy, due);
  }
  // 2 new among 6: one new card after every two reviews, not all at the start or the end.
  CHECK(order == "RNRRNR");
}

TEST_CASE("a due learning card comes back within the session before anything else") {
  Study s;
  const auto ids = s.ids("alpha");
  s.answer(ids[0], Rating::Again, kMorning);  // back in 1 minute
  CHECK(s.next(kMorning + 30) == ids[1]);
  s.answer(ids[1], Rating::Good, kMorning + 30);
  CHECK(s.next(kMorning + 61) == ids[0]);
}

TEST_CASE("due reviews come most overdue relative to stability first") {
  Study s;
  const auto ids = s.ids("alpha");
  s.answer(ids[0], Rating::Easy, kMorning);
  s.answer(ids[1], Rating::Easy, kMorning + 2 * kDay);  // same stability, due two days later
  const Timestamp late = s.collection->memory(ids[1])->due + 3600;
  REQUIRE(s.collection->set_deck_options("alpha", DeckOptions{0, std::nullopt, std::nullopt}).ok());
  CHECK(s.next(late) == ids[0]);
}

TEST_CASE("a card whose sibling was answered today waits until tomorrow") {
  Study s;
  const auto ids = s.ids("alpha");
  {
    // A second card from the first card's note, introduced last.
    auto db = s.raw();
    REQUIRE(db.exec("INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, "
                    "created_at) SELECT 'sibling', note, deck, type, 'Who else?', answer, "
                    "choices, 1000, created_at FROM cards WHERE id = '" +
                    ids[0] + "'")
                .ok());
  }
  REQUIRE(
      s.collection->set_deck_options("alpha", DeckOptions{100, std::nullopt, std::nullopt}).ok());
  s.answer(ids[0], Rating::Easy, kMorning);
  std::vector<std::string> shown;
  for (;;) {
    const auto id = s.next(kMorning + 60);
    if (id == "(none)") break;
    shown.push_back(id);
    s.answer(id, Rating::Easy, kMorning + 60);
  }
  CHECK(shown.size() == ids.size() - 1);
  CHECK(std::find(shown.begin(), shown.end(), "sibling") == shown.end());
  CHECK(s.next(kMorning + kDay) == "sibling");  // tomorrow it comes
}

TEST_CASE("a suspended card is never shown nor answered until unsuspended") {
  Study s;
  const auto ids = s.ids("alpha");
  REQUIRE(s.collection->suspend(ids[0]).ok());
  CHECK(*s.collection->is_suspended(ids[0]));
  CHECK(s.next(kMorning) == ids[1]);
  CHECK(s.deck("alpha", kMorning).new_available == 11);
  auto refused = s.collection->answer(ids[0], Rating::Good, kMorning, 1000);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("suspended") != std::string::npos);
  REQUIRE(s.collection->unsuspend(ids[0]).ok());
  CHECK(s.next(kMorning) == ids[0]);
  CHECK_FALSE(s.collection->suspend("no-such-card").ok());
}

TEST_CASE("a buried card waits until the next study day starts, in learning too") {
  StudyOptions options;
  options.rollover_hour = 4;
  Study s(options);
  const auto ids = s.ids("alpha");
  REQUIRE(s.next(kMorning) == ids[0]);
  REQUIRE(s.collection->bury(ids[0], kMorning).ok());
  CHECK(*s.collection->is_buried(ids[0], kMorning));
  CHECK(s.next(kMorning) == ids[1]);
  CHECK(s.deck("alpha", kMorning).new_available == 11);
  CHECK(s.next(kMorning + 12 * 3600) != ids[0]);  // 22:00, still today
  // The next day starts at 04:00: it is back, and nothing else about it changed.
  const Timestamp tomorrow = kMorning - 6 * 3600 + kDay;
  CHECK_FALSE(*s.collection->is_buried(ids[0], tomorrow));
  CHECK(s.next(tomorrow) == ids[0]);
  CHECK(s.collection->memory(ids[0])->state == CardState::New);

  // A learning card due again in a minute stays away too.
  s.answer(ids[1], Rating::Again, kMorning);
  REQUIRE(s.collection->bury(ids[1], kMorning).ok());
  CHECK(s.next(kMorning + 600) != ids[1]);
  CHECK(s.next(tomorrow + 1) == ids[1]);
  CHECK_FALSE(s.collection->bury("no-such-card", kMorning).ok());
}

TEST_CASE("learning steps saved with the options are the steps of every later open") {
  TempDir dir;
  {
    auto c = Collection::open(dir / "c.db");
    REQUIRE(c.ok());
    StudyOptions options = c->options();
    options.fsrs.learning_steps = {120, 3600, 86400};
    options.fsrs.relearning_steps = {};
    REQUIRE(c->save_options(options).ok());
    options.fsrs.learning_steps = {0};
    CHECK_FALSE(c->save_options(options).ok());
  }
  auto c = Collection::open(dir / "c.db");
  REQUIRE(c.ok());
  CHECK(c->options().fsrs.learning_steps == std::vector<std::int64_t>{120, 3600, 86400});
  CHECK(c->options().fsrs.relearning_steps.empty());
  CHECK(format_steps(c->options().fsrs.learning_steps) == "2m,1h,1d");
  CHECK(format_steps({}) == "none");
  CHECK(format_steps({90}) == "90s");
}

TEST_CASE("a card lapsing as often as the leech threshold is tagged leech and suspended") {
  StudyOptions options;
  options.leech_lapses = 2;
  Study s(options);
  const auto id = s.ids("alpha")[0];
  Timestamp t = kMorning;
  auto lapse = [&] {
    s.answer(id, Rating::Easy, t);  // to review
    while (s.collection->memory(*&id)->state != CardState::Review) s.answer(id, Rating::Easy, t);
    t = s.collection->memory(id)->due;
    s.answer(id, Rating::Again, t);  // a lapse
    t += 3600;
  };
  lapse();
  CHECK_FALSE(*s.collection->is_suspended(id));
  lapse();
  CHECK(s.collection->memory(id)->lapses == 2);
  CHECK(*s.collection->is_suspended(id));
  CHECK(*s.collection->tags(id) == std::vector<std::string>{"leech"});
  CHECK(s.next(t + kDay) != id);
  // Undoing the answer that made it a leech lifts both.
  REQUIRE(s.collection->undo_last_answer().ok());
  CHECK_FALSE(*s.collection->is_suspended(id));
  CHECK(s.collection->tags(id)->empty());
}

TEST_CASE("undo restores the card's exact previous state and the answer no longer counts") {
  Study s;
  const auto ids = s.ids("alpha");
  CHECK_FALSE(s.collection->undo_last_answer()->has_value());  // nothing to undo
  s.answer(ids[0], Rating::Good, kMorning);
  s.answer(ids[0], Rating::Good, kMorning + 600);
  const CardMemory middle = *s.collection->memory(ids[0]);
  s.answer(ids[0], Rating::Easy, kMorning + 1200);
  REQUIRE(s.collection->review_log(ids[0])->size() == 3);

  auto undone = s.collection->undo_last_answer();
  REQUIRE(undone.ok());
  REQUIRE(undone->has_value());
  CHECK((*undone)->rating == Rating::Easy);
  CHECK(*s.collection->memory(ids[0]) == middle);
  CHECK(s.collection->review_log(ids[0])->size() == 2);
  CHECK(s.collection->check()->problems.empty());

  // Undoing a card's first answer makes it new again: first in the queue, counted as new.
  REQUIRE(s.collection->undo_last_answer().ok());
  REQUIRE(s.collection->undo_last_answer().ok());
  CHECK(s.collection->review_log(ids[0])->empty());
  CHECK(s.collection->memory(ids[0])->state == CardState::New);
  CHECK(s.next(kMorning + 1300) == ids[0]);
  CHECK(s.deck("alpha", kMorning + 1300).new_available == 12);
  CHECK(s.collection->check()->problems.empty());
}

TEST_CASE("undo appends to the log: the undone answer stays, marked, and no row is ever deleted") {
  Study s;
  const auto ids = s.ids("alpha");
  s.answer(ids[0], Rating::Good, kMorning);
  s.answer(ids[1], Rating::Again, kMorning + 60);
  REQUIRE(s.collection->undo_last_answer()->has_value());
  s.answer(ids[1], Rating::Easy, kMorning + 120);  // the answer given instead

  auto db = store::Database::open(s.dir / "c.db");
  REQUIRE(db.ok());
  CHECK(*db->scalar("SELECT COUNT(*) FROM review_log") == 3);
  CHECK(*db->scalar("SELECT COUNT(*) FROM review_undo") == 1);
  CHECK(*db->scalar("SELECT rating FROM review_log WHERE id IN (SELECT log_id FROM review_undo)") ==
        1);
  CHECK(*db->scalar("SELECT COUNT(*) FROM answers") == 2);
  // The card's history is what counts: its Easy answer, not the Again taken back.
  const auto log = s.collection->review_log(ids[1]);
  REQUIRE(log->size() == 1);
  CHECK(log->front().rating == Rating::Easy);
  CHECK(s.collection->check()->problems.empty());
  // Neither log can lose or change a row, even by hand.
  CHECK_FALSE(db->exec("DELETE FROM review_log").ok());
  CHECK_FALSE(db->exec("DELETE FROM review_undo").ok());
  CHECK_FALSE(db->exec("UPDATE review_undo SET undone_at = 0").ok());
  CHECK(*db->scalar("SELECT COUNT(*) FROM review_log") == 3);
}

TEST_CASE("the day starts at the saved rollover hour in local time, also on a 23-hour DST day") {
  TimeZone berlin("Europe/Berlin");  // clocks go 02:00 -> 03:00 on 2024-03-31
  TempDir dir;
  citecard::test::write_quote_deck(dir, "alpha", 4);
  {
    auto c = Collection::open(dir / "c.db");
    REQUIRE(c.ok());
    REQUIRE(c->build(dir / "alpha").ok());
    StudyOptions options = c->options();
    options.new_cards_per_day = 1;
    options.rollover_hour = 5;
    REQUIRE(c->save_options(options).ok());
  }
  auto c = Collection::open(dir / "c.db");  // default options given; the saved ones win
  REQUIRE(c.ok());
  CHECK(c->options().rollover_hour == 5);
  const Timestamp saturday_noon = 1'711'800'000;  // 2024-03-30T12:00:00Z, 13:00 CET
  REQUIRE(c->answer(c->cards()->front().id, Rating::Easy, saturday_noon, 1000).ok());
  CHECK(c->stats(saturday_noon)->new_available == 0);
  const Timestamp sunday_0430_cest = 1'711'852'200;  // 2024-03-31T02:30:00Z
  CHECK(c->stats(sunday_0430_cest)->new_available == 0);
  const Timestamp sunday_0501_cest = 1'711'854'060;  // 2024-03-31T03:01:00Z
  CHECK(c->stats(sunday_0501_cest)->new_available == 1);
}

TEST_CASE("check finds a stored state that differs from its log, naming the card") {
  Study s;
  const auto ids = s.ids("alpha");
  s.answer(ids[0], Rating::Good, kMorning);
  s.answer(ids[1], Rating::Again, kMorning);
  REQUIRE(s.collection->check()->problems.empty());
  REQUIRE(s.raw()
              .exec("UPDATE card_state SET stability = stability * 2 WHERE card = '" + ids[1] + "'")
              .ok());
  auto report = s.collection->check();
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].find(ids[1]) != std::string::npos);
  CHECK(report->answers_checked == 2);
}

TEST_CASE("check finds a citation that is not verbatim and choices that are not distinct") {
  Study s;
  const auto ids = s.ids("alpha");
  auto db = s.raw();
  REQUIRE(db.exec("UPDATE citations SET start = start + 1, end = end + 1 WHERE rowid = "
                  "(SELECT MIN(rowid) FROM citations)")
              .ok());
  REQUIRE(db.exec("UPDATE cards SET choices = '[\"Tom Lee\", \"Tom Lee\"]', answer = 'Ana Ruiz' "
                  "WHERE id = '" +
                  ids[0] + "'")
              .ok());
  auto report = s.collection->check();
  REQUIRE(report.ok());
  std::string all;
  for (const auto& p : report->problems) all += p + "\n";
  CHECK(all.find("not verbatim") != std::string::npos);
  CHECK(all.find(ids[0] + ": its choices are not distinct") != std::string::npos);
  CHECK(all.find(ids[0] + ": its answer is not among its choices") != std::string::npos);
}

namespace {

std::map<Timestamp, int> due_days(Study& s, const std::vector<std::string>& ids) {
  std::map<Timestamp, int> per_day;
  for (const auto& id : ids) ++per_day[start_of_day(s.collection->memory(id)->due)];
  return per_day;
}

}  // namespace

TEST_CASE("load balancing spreads cards answered alike over the days of their fuzz range") {
  Study balanced;
  Study plain(unbalanced());
  auto ids = balanced.ids("alpha");
  ids.resize(10);
  for (const auto& id : ids) {
    auto preview = balanced.collection->preview(id, kMorning);
    REQUIRE(preview.ok());
    balanced.answer(id, Rating::Easy, kMorning);
    CHECK((*preview)[3] == *balanced.collection->memory(id));  // the button showed the outcome
  }
  for (const auto& id : plain.ids("alpha")) plain.answer(id, Rating::Easy, kMorning);
  CHECK(due_days(plain, plain.ids("alpha")).size() == 1);
  const auto spread = due_days(balanced, ids);
  CHECK(spread.size() >= 4);
  int most = 0, least = 100;
  for (const auto& [day, count] : spread) {
    most = std::max(most, count);
    least = std::min(least, count);
  }
  CHECK(most - least <= 1);
  auto report = balanced.collection->check();
  REQUIRE(report.ok());
  CHECK(report->problems.empty());
  CHECK(*balanced.raw().scalar("SELECT COUNT(*) FROM review_log WHERE balanced = 1") == 10);
}

TEST_CASE("load balancing keeps a card away from the days its sibling is due") {
  Study s;
  const auto ids = s.ids("alpha");
  REQUIRE(s.raw()
              .exec("INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, "
                    "created_at) SELECT 'sibling', note, deck, type, 'Who else?', answer, "
                    "choices, 1000, created_at FROM cards WHERE id = '" +
                    ids[0] + "'")
              .ok());
  s.answer("sibling", Rating::Easy, kMorning);
  s.answer(ids[0], Rating::Easy, kMorning);
  const Timestamp a = s.collection->memory("sibling")->due, b = s.collection->memory(ids[0])->due;
  CHECK(std::abs(a - b) >= 2 * kDay);
  CHECK(s.collection->check()->problems.empty());
}

TEST_CASE("answers recorded together are all kept, or none when one of them fails") {
  Study s;
  const auto ids = s.ids("alpha");
  const std::vector<Collection::PlannedAnswer> failing = {
      {ids[0], Rating::Good, kMorning, 1000},
      {ids[1], Rating::Again, kMorning + 60, 1000},
      {"no-such-card", Rating::Good, kMorning + 120, 1000},
  };
  std::size_t failed_at = 99;
  const auto refused = s.collection->answer_all(failing, &failed_at);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::NotFound);
  CHECK(failed_at == 2);
  auto db = store::Database::open(s.dir / "c.db");
  REQUIRE(db.ok());
  CHECK(*db->scalar("SELECT COUNT(*) FROM review_log") == 0);
  CHECK(*db->scalar("SELECT COUNT(*) FROM parameter_sets") == 0);
  CHECK(s.collection->memory(ids[0])->state == CardState::New);

  // Nothing the failed batch began is remembered: the next answers are stored whole.
  const auto recorded = s.collection->answer_all({failing[0], failing[1]});
  REQUIRE(recorded.ok());
  CHECK(*recorded == 2);
  CHECK(*db->scalar("SELECT COUNT(*) FROM review_log") == 2);
  CHECK(s.collection->check()->problems.empty());
}
