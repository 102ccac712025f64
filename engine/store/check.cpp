// How the log is checked. Every answer's fuzz is drawn from a seed fixed by the card and its
// review count (store/answer_seed.hpp), and each log entry names the parameter set it was
// scheduled with, so replay is exact: each entry's `before` must equal the previous entry's
// `after` (or a new card at the first answer), its `after` must equal the scheduler's outcome for
// (before, time, rating, parameters), and the card_state row must equal the last `after`. Exact
// equality is possible because doubles survive the JSON snapshots and SQLite REALs bit for bit.
//
// Load-balanced answers are the one exception: their day depended on how many other reviews were
// due at the time, which later answers and undos change, so it cannot be recomputed. The log
// marks them and records the day chosen; for them every field but the interval and due must still
// be exactly the scheduler's, and the interval must lie in the fuzz range the answer allowed
// (store/load_balance.hpp), with the due date following from it. Replay continues from the
// recorded state, so one balanced answer never makes the rest of the card's log unverifiable.
#include "store/check.hpp"

#include "deck/card_rules.hpp"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/answer_seed.hpp"
#include "store/load_balance.hpp"
#include "store/memory_codec.hpp"
#include "store/parameters_codec.hpp"

namespace citecard::store {
namespace {

std::string describe(const CardMemory& m) {
  return fmt::format("{} due {} S={} D={} reps={} lapses={} step={} interval={}d",
                     to_string(m.state), to_iso8601(m.due), m.stability, m.difficulty, m.reps,
                     m.lapses, m.learning_steps, m.scheduled_days);
}

struct Schedulers {
  Scheduler scheduler;
  Scheduler unfuzzed;
};

Result<std::map<std::int64_t, Schedulers>> load_schedulers(const Database& db) {
  auto stmt = db.prepare("SELECT id, json FROM parameter_sets");
  if (!stmt) return stmt.error();
  std::map<std::int64_t, Schedulers> schedulers;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    auto parameters = parameters_from_json(stmt->column_text(1));
    if (!parameters)
      return make_error(
          fmt::format("parameter set {}: {}", stmt->column_int(0), parameters.error().message));
    schedulers.emplace(stmt->column_int(0),
                       Schedulers{Scheduler(*parameters), unfuzzed_scheduler(*parameters)});
  }
  return schedulers;
}

Result<std::map<std::string, CardMemory>> load_states(const Database& db) {
  auto stmt = db.prepare(std::string("SELECT card, ") + kMemoryColumns + " FROM card_state");
  if (!stmt) return stmt.error();
  std::map<std::string, CardMemory> states;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    states.emplace(stmt->column_text(0), memory_from_columns(*stmt, 1));
  }
  return states;
}

// Replays every card's log; the cards whose log matches their state are removed from `states`.
Result<void> check_log(const Database& db, std::map<std::string, CardMemory>& states,
                       CheckReport& report) {
  auto schedulers = load_schedulers(db);
  if (!schedulers) return schedulers.error();
  auto stmt = db.prepare(
      "SELECT id, card, reviewed_at, rating, parameters, before, after, balanced FROM answers "
      "ORDER BY card, reviewed_at, origin, seq");
  if (!stmt) return stmt.error();
  std::string card;
  std::optional<CardMemory> replayed;  // the card's state after the entries seen so far
  bool card_ok = true;
  auto finish_card = [&] {
    if (card.empty()) return;
    ++report.cards_checked;
    auto stored = states.find(card);
    if (stored == states.end()) {
      report.problems.push_back(
          fmt::format("card {}: has answers in the log but no stored state", card));
    } else {
      if (card_ok && stored->second != *replayed)
        report.problems.push_back(
            fmt::format("card {}: stored state ({}) differs from the replay of its log ({})", card,
                        describe(stored->second), describe(*replayed)));
      states.erase(stored);
    }
  };
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string this_card = stmt->column_text(1);
    if (this_card != card) {
      finish_card();
      card = this_card;
      replayed.reset();
      card_ok = true;
    }
    ++report.answers_checked;
    if (!card_ok) continue;
    const std::int64_t id = stmt->column_int(0);
    const Timestamp time = stmt->column_int(2);
    const auto rating = static_cast<Rating>(stmt->column_int(3));
    auto before = memory_from_json(stmt->column_text(5));
    auto after = memory_from_json(stmt->column_text(6));
    const auto scheduler = schedulers->find(stmt->column_int(4));
    const auto fail = [&](const std::string& what) {
      report.problems.push_back(
          fmt::format("card {}: answer #{} at {}: {}", card, id, to_iso8601(time), what));
      card_ok = false;
    };
    if (!before || !after) {
      fail("its state snapshot is damaged");
      continue;
    }
    if (scheduler == schedulers->end()) {
      fail(fmt::format("its parameter set {} is missing", stmt->column_int(4)));
      continue;
    }
    const CardMemory expected_before = replayed ? *replayed : new_card_memory(time);
    if (*before != expected_before) {
      fail(fmt::format("the state before it ({}) is not the state the previous answers left ({})",
                       describe(*before), describe(expected_before)));
      continue;
    }
    CardMemory expected_after = scheduler->second.scheduler.next(expected_before, time, rating,
                                                                 answer_fuzz_seed(card, *before));
    // A balanced answer whose replayed state allows no balancing (a merge brought in an earlier
    // answer) replays to the scheduler's own outcome.
    const auto range = stmt->column_int(7) != 0 ? balance_range(scheduler->second.unfuzzed,
                                                                expected_before, time, rating)
                                                : std::nullopt;
    if (range) {
      if (after->scheduled_days < range->lowest || after->scheduled_days > range->highest) {
        fail(fmt::format("its load-balanced interval of {} days is outside the allowed {}–{} days",
                         after->scheduled_days, range->lowest, range->highest));
        continue;
      }
      expected_after = with_interval(expected_after, time, after->scheduled_days);
    }
    if (*after != expected_after) {
      fail(fmt::format("the logged outcome ({}) is not what the scheduler gives ({})",
                       describe(*after), describe(expected_after)));
      continue;
    }
    replayed = expected_after;
  }
  finish_card();
  for (const auto& [orphan, memory] : states)
    report.problems.push_back(fmt::format(
        "card {}: has a stored state ({}) but no answers in the log", orphan, describe(memory)));
  return {};
}

// Every citation must be the exact bytes of its source at its offsets.
Result<void> check_citations(const Database& db, CheckReport& report) {
  std::map<std::pair<std::string, std::string>, std::string> sources;
  auto texts = db.prepare("SELECT deck, id, text FROM sources");
  if (!texts) return texts.error();
  for (;;) {
    auto row = texts->step();
    if (!row) return row.error();
    if (!*row) break;
    sources[{texts->column_text(0), texts->column_text(1)}] = texts->column_text(2);
  }
  auto stmt = db.prepare(
      "SELECT note, position, deck, source, start, end, text FROM citations ORDER BY note, "
      "position");
  if (!stmt) return stmt.error();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    ++report.citations_checked;
    const std::string note = stmt->column_text(0);
    const std::string source = stmt->column_text(3);
    const auto found = sources.find({stmt->column_text(2), source});
    if (found == sources.end()) {
      report.problems.push_back(
          fmt::format("note {}: cites source {}, which is not stored", note, source));
      continue;
    }
    const std::int64_t start = stmt->column_int(4), end = stmt->column_int(5);
    if (!deck::is_verbatim(found->second, start, end, stmt->column_text(6))) {
      report.problems.push_back(
          fmt::format("note {}: citation {} is not verbatim at bytes {}–{} of source {}", note,
                      stmt->column_int(1), start, end, source));
    }
  }
  return {};
}

// Multiple-choice cards offer distinct choices, one of them the answer.
Result<void> check_choices(const Database& db, CheckReport& report) {
  auto stmt = db.prepare("SELECT id, answer, choices FROM cards WHERE archived = 0 ORDER BY id");
  if (!stmt) return stmt.error();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string id = stmt->column_text(0);
    const auto choices = nlohmann::json::parse(stmt->column_text(2), nullptr, false);
    if (!choices.is_array()) {
      report.problems.push_back(fmt::format("card {}: its choices are damaged", id));
      continue;
    }
    std::vector<std::string> texts;
    for (const auto& c : choices) texts.push_back(c.is_string() ? c.get<std::string>() : c.dump());
    for (const auto& problem : deck::choices_problems(texts, stmt->column_text(1)))
      report.problems.push_back(fmt::format("card {}: {}", id, problem));
  }
  return {};
}

// A built card cites at least one source; an imported card cites none, so it is never taken for
// a cited one.
Result<void> check_cited(const Database& db, CheckReport& report) {
  auto stmt = db.prepare(
      "SELECT c.id, c.type = 'imported', "
      "EXISTS (SELECT 1 FROM citations ci WHERE ci.note = c.note) "
      "FROM cards c WHERE c.archived = 0 ORDER BY c.id");
  if (!stmt) return stmt.error();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    const bool imported = stmt->column_int(1) != 0, cites = stmt->column_int(2) != 0;
    if (imported && cites)
      report.problems.push_back(fmt::format(
          "card {}: an imported card has citations, which no import writes", stmt->column_text(0)));
    if (!imported && !cites)
      report.problems.push_back(fmt::format("card {}: cites no source", stmt->column_text(0)));
  }
  return {};
}

// cards.seen mirrors "has a card_state row" and card_state.deck mirrors cards.deck; the queue
// relies on both.
Result<void> check_seen(const Database& db, CheckReport& report) {
  auto stmt = db.prepare(
      "SELECT c.id FROM cards c LEFT JOIN card_state s ON s.card = c.id "
      "WHERE c.seen <> (s.card IS NOT NULL) OR s.deck <> c.deck ORDER BY c.id");
  if (!stmt) return stmt.error();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    report.problems.push_back(
        fmt::format("card {}: its 'seen' mark disagrees with whether it has a stored state",
                    stmt->column_text(0)));
  }
  return {};
}

}  // namespace

Result<CheckReport> check_collection(const Database& db) {
  CheckReport report;
  auto states = load_states(db);
  if (!states) return states.error();
  if (auto r = check_log(db, *states, report); !r) return r.error();
  if (auto r = check_citations(db, report); !r) return r.error();
  if (auto r = check_choices(db, report); !r) return r.error();
  if (auto r = check_cited(db, report); !r) return r.error();
  if (auto r = check_seen(db, report); !r) return r.error();
  return report;
}

}  // namespace citecard::store
