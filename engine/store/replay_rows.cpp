#include "store/replay_rows.hpp"

#include <fmt/format.h>

#include "store/memory_codec.hpp"
#include "store/parameters_codec.hpp"

namespace citecard::store {

Result<std::vector<LoggedAnswer>> counted_answers(StatementCache& db, const std::string& card) {
  auto stmt = db.get(
      "SELECT id, reviewed_at, rating, parameters, balanced, balanced_days, before, after "
      "FROM answers WHERE card = ?1 ORDER BY reviewed_at, origin, seq");
  if (!stmt) return stmt.error();
  (*stmt)->bind(1, card);
  std::vector<LoggedAnswer> answers;
  for (;;) {
    auto row = (*stmt)->step();
    if (!row) return row.error();
    if (!*row) break;
    LoggedAnswer a;
    a.row = (*stmt)->column_int(0);
    a.at = (*stmt)->column_int(1);
    a.rating = static_cast<Rating>((*stmt)->column_int(2));
    a.parameters = (*stmt)->column_int(3);
    a.balanced = (*stmt)->column_int(4) != 0;
    a.balanced_days = static_cast<int>((*stmt)->column_int(5));
    a.before_json = (*stmt)->column_text(6);
    a.after_json = (*stmt)->column_text(7);
    answers.push_back(std::move(a));
  }
  return answers;
}

Result<void> write_snapshots(StatementCache& db, const LoggedAnswer& answer,
                             const CardMemory& before, const CardMemory& after) {
  const std::string before_json = memory_to_json(before), after_json = memory_to_json(after);
  if (before_json == answer.before_json && after_json == answer.after_json) return {};
  auto stmt = db.get(
      "UPDATE review_log SET before = ?2, after = ?3, state_before = ?4, state_after = ?5, "
      "elapsed_days = ?6 WHERE id = ?1");
  if (!stmt) return stmt.error();
  const std::int64_t elapsed =
      before.last_review > 0 ? (answer.at - before.last_review) / kSecondsPerDay : 0;
  (*stmt)->bind(1, answer.row).bind(2, before_json).bind(3, after_json);
  (*stmt)->bind(4, static_cast<int>(before.state)).bind(5, static_cast<int>(after.state));
  return (*stmt)->bind(6, elapsed).run();
}

Result<void> write_card_state(StatementCache& db, const std::string& card,
                              const std::optional<CardMemory>& state) {
  if (!state) {
    for (const char* sql :
         {"DELETE FROM card_state WHERE card = ?1", "UPDATE cards SET seen = 0 WHERE id = ?1"}) {
      auto stmt = db.get(std::string(sql));
      if (!stmt) return stmt.error();
      if (auto r = (*stmt)->bind(1, card).run(); !r) return r;
    }
    return {};
  }
  auto stmt = db.get(
      "INSERT INTO card_state (card, state, stability, difficulty, due, last_review, "
      "scheduled_days, learning_steps, reps, lapses, deck) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, deck FROM cards WHERE id = ?1 ON CONFLICT (card) DO UPDATE SET state = ?2, "
      "stability = ?3, difficulty = ?4, due = ?5, last_review = ?6, scheduled_days = ?7, "
      "learning_steps = ?8, reps = ?9, lapses = ?10, deck = excluded.deck");
  if (!stmt) return stmt.error();
  if (auto r = bind_memory((*stmt)->bind(1, card), 2, *state).run(); !r) return r;
  auto seen = db.get("UPDATE cards SET seen = 1 WHERE id = ?1 AND seen = 0");
  if (!seen) return seen.error();
  return (*seen)->bind(1, card).run();
}

Result<FsrsParameters> load_parameter_set(const Database& db, std::int64_t id) {
  auto stmt = db.prepare("SELECT json FROM parameter_sets WHERE id = ?1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, id).step();
  if (!row) return row.error();
  if (!*row) return make_error(fmt::format("parameter set {} is missing", id), ErrorCode::Corrupt);
  return parameters_from_json(stmt->column_text(0));
}

}  // namespace citecard::store
