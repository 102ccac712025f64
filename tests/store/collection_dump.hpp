// Everything a collection holds that merging must make equal, as one text: the log (by global
// id, with the parameters' JSON instead of a file's own row numbers), undos, changes, card states
// and flags, content, settings. Two copies merged in any order must give the same text.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "citecard/time.hpp"
#include "store/database.hpp"

namespace citecard::test {

inline std::string dump_query(const store::Database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE_MESSAGE(stmt.ok(), sql);
  std::string out = sql + "\n";
  for (;;) {
    auto row = stmt->step();
    REQUIRE(row.ok());
    if (!*row) break;
    // Every query below concatenates its columns into one text column.
    out += stmt->column_text(0);
    out += '\n';
  }
  return out;
}

// `live_at`: burials that have ended by then are left out (they mean nothing, and a burial
// cleans up ended ones on its own device only).
inline std::string dump_collection(const std::filesystem::path& path, Timestamp live_at) {
  auto db = store::Database::connect(path, false, true);
  REQUIRE_MESSAGE(db.ok(), path.string());
  std::string out;
  for (const std::string& sql : std::vector<std::string>{
           "SELECT r.origin || '|' || r.seq || '|' || r.card || '|' || r.reviewed_at || '|' || "
           "r.rating || '|' || r.elapsed_days || '|' || r.duration_ms || '|' || r.state_before || "
           "'|' || r.state_after || '|' || r.before || '|' || r.after || '|' || p.json || '|' || "
           "r.balanced || '|' || r.balanced_days || '|' || COALESCE(u.undone_at, '-') FROM "
           "review_log r JOIN parameter_sets p ON p.id = r.parameters LEFT JOIN review_undo u ON "
           "u.log_id = r.id ORDER BY r.origin, r.seq",
           "SELECT origin || '|' || seq || '|' || at || '|' || kind || '|' || target || '|' || "
           "value || '|' || COALESCE(cause_origin, '-') || '|' || COALESCE(cause_seq, '-') FROM "
           "changes ORDER BY origin, seq",
           "SELECT card || '|' || state || '|' || stability || '|' || difficulty || '|' || due || "
           "'|' || last_review || '|' || scheduled_days || '|' || learning_steps || '|' || reps || "
           "'|' || lapses || '|' || deck FROM card_state ORDER BY card",
           "SELECT id || '|' || note || '|' || deck || '|' || type || '|' || prompt || '|' || "
           "answer || '|' || choices || '|' || ordinal || '|' || archived || '|' || seen FROM "
           "cards ORDER BY id",
           "SELECT id || '|' || deck || '|' || body || '|' || archived FROM notes ORDER BY id",
           "SELECT id || '|' || title || '|' || description || '|' || built_at FROM decks ORDER BY "
           "id",
           "SELECT s.card || '|' || s.reason || '|' || COALESCE(r.origin || '/' || r.seq, '-') "
           "FROM suspended s LEFT JOIN review_log r ON r.id = s.log_id ORDER BY s.card",
           "SELECT t.card || '|' || t.tag || '|' || COALESCE(r.origin || '/' || r.seq, '-') FROM "
           "card_tags t LEFT JOIN review_log r ON r.id = t.log_id ORDER BY t.card, t.tag",
           "SELECT card || '|' || until FROM buried WHERE until > " + std::to_string(live_at) +
               " ORDER BY card",
           "SELECT key || '|' || value FROM settings WHERE key <> 'synchronous' ORDER BY key",
           "SELECT deck || '|' || COALESCE(new_per_day, '-') || '|' || COALESCE(reviews_per_day, "
           "'-') || '|' || COALESCE(desired_retention, '-') FROM deck_options ORDER BY deck",
       })
    out += dump_query(*db, sql);
  return out;
}

}  // namespace citecard::test
