#include "store/merge_rows.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/schema.hpp"

namespace citecard::store {
namespace {

// A file: URI for `path`, so SQLite can open it read-only.
std::string read_only_uri(const std::filesystem::path& path) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#')
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else
      uri += c;
  }
  return uri + "?mode=ro";
}

Result<int> run_counting(Database& db, const std::string& sql) {
  if (auto r = db.exec(sql); !r) return r.error();
  return sqlite3_changes(db.handle());
}

}  // namespace

Result<void> attach_other(Database& db, const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return make_error(fmt::format("{}: no such collection file", path.string()),
                      ErrorCode::NotFound);
  auto attach = db.prepare("ATTACH DATABASE ?1 AS other");
  if (!attach) return attach.error();
  if (auto r = attach->bind(1, read_only_uri(path)).run(); !r)
    return make_error(fmt::format("cannot read {}: {}", path.string(), r.error().message),
                      r.error().code);
  auto version = db.scalar("PRAGMA other.user_version");
  auto identity = db.scalar(
      "SELECT COUNT(*) FROM other.sqlite_schema WHERE type = 'table' AND name = 'identity'");
  const auto refuse = [&](std::string message, ErrorCode code) -> Result<void> {
    detach_other(db);
    return make_error(fmt::format("{}: {}", path.string(), message), code);
  };
  if (!version || !identity)
    return refuse("not a citecard collection (SQLite cannot read it)", ErrorCode::Corrupt);
  if (*version > kSchemaVersion)
    return refuse(newer_schema_error(static_cast<int>(*version)).message, ErrorCode::Newer);
  if (*version == 0 || (*version == kSchemaVersion && *identity == 0))
    return refuse("not a citecard collection", ErrorCode::Foreign);
  if (*version < kSchemaVersion)
    return refuse(fmt::format("written by an older citecard (schema {}); open it once with this "
                              "citecard on its device (e.g. citecard check --db FILE) so it gets "
                              "an id, then merge it",
                              *version),
                  ErrorCode::Invalid);
  return {};
}

void detach_other(Database& db) {
  (void)db.exec("DETACH DATABASE other");
}

Result<std::string> other_collection_id(const Database& db) {
  auto stmt = db.prepare("SELECT collection FROM other.identity");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return make_error("the other collection has no id", ErrorCode::Corrupt);
  return stmt->column_text(0);
}

Result<ContentAdded> add_missing_content(Database& db) {
  ContentAdded added;
  // A source both copies hold with different text takes the text of the deck's latest build,
  // decided before the deck itself is (the same order as the deck's own row, then the text).
  if (auto r = db.exec(
          "UPDATE sources SET file = o.file, outlet = o.outlet, title = o.title, author = "
          "o.author, "
          "date = o.date, text = o.text FROM other.sources o JOIN other.decks od ON od.id = o.deck "
          "JOIN decks d ON d.id = o.deck WHERE o.deck = sources.deck AND o.id = sources.id AND "
          "o.text <> sources.text AND (od.built_at, od.title, od.description, o.text) > "
          "(d.built_at, d.title, d.description, sources.text)");
      !r)
    return r.error();
  // A deck keeps the title and description of its latest build (then the greater text), so
  // the result is the same whichever copy merges into which.
  if (auto r = db.exec(
          "UPDATE decks SET title = o.title, description = o.description, built_at = o.built_at "
          "FROM other.decks o WHERE o.id = decks.id AND (o.built_at, o.title, o.description) > "
          "(decks.built_at, decks.title, decks.description)");
      !r)
    return r.error();
  auto decks = run_counting(db, "INSERT OR IGNORE INTO decks SELECT * FROM other.decks");
  if (!decks) return decks.error();
  added.decks = *decks;
  if (auto r = db.exec(
          "INSERT OR IGNORE INTO sources (deck, id, file, outlet, title, author, date, text) "
          "SELECT deck, id, file, outlet, title, author, date, text FROM other.sources");
      !r)
    return r.error();
  auto notes = run_counting(db,
                            "INSERT OR IGNORE INTO notes (id, deck, kind, body, archived) "
                            "SELECT id, deck, kind, body, archived FROM other.notes");
  if (!notes) return notes.error();
  added.notes = *notes;
  if (auto r = db.exec(
          "INSERT OR IGNORE INTO citations (note, position, deck, source, start, end, text) "
          "SELECT note, position, deck, source, start, end, text FROM other.citations o "
          "WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.note = o.note)");
      !r)
    return r.error();
  auto cards = run_counting(
      db,
      "INSERT OR IGNORE INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, "
      "created_at, archived, seen) SELECT id, note, deck, type, prompt, answer, choices, "
      "ordinal, created_at, archived, 0 FROM other.cards");
  if (!cards) return cards.error();
  added.cards = *cards;
  // Active in either copy: active in both (a rebuild that dropped a card on one device does
  // not take it from the other).
  for (const char* sql : {"UPDATE notes SET archived = 0 WHERE archived = 1 AND id IN "
                          "(SELECT id FROM other.notes WHERE archived = 0)",
                          "UPDATE cards SET archived = 0 WHERE archived = 1 AND id IN "
                          "(SELECT id FROM other.cards WHERE archived = 0)"}) {
    if (auto r = db.exec(sql); !r) return r.error();
  }
  return added;
}

Result<std::vector<std::string>> conflicting_answers(const Database& db) {
  auto stmt = db.prepare(
      "SELECT o.origin, o.seq, o.card, m.card FROM other.review_log o JOIN main.review_log m "
      "ON m.origin = o.origin AND m.seq = o.seq WHERE m.card <> o.card OR "
      "m.reviewed_at <> o.reviewed_at OR m.rating <> o.rating LIMIT 3");
  if (!stmt) return stmt.error();
  std::vector<std::string> conflicts;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    conflicts.push_back(fmt::format("answer {}/{} is of card {} in one file and {} in the other",
                                    stmt->column_text(0), stmt->column_int(1), stmt->column_text(2),
                                    stmt->column_text(3)));
  }
  return conflicts;
}

Result<int> add_missing_answers(Database& db) {
  for (const char* sql :
       {"INSERT OR IGNORE INTO parameter_sets (json) SELECT json FROM other.parameter_sets",
        "INSERT INTO temp.merge_new_answers SELECT o.card, o.reviewed_at, o.rating, "
        "o.elapsed_days, o.duration_ms, o.state_before, o.state_after, o.before, o.after, "
        "o.parameters, o.balanced, o.origin, o.seq, o.balanced_days FROM other.review_log o "
        "WHERE NOT EXISTS (SELECT 1 FROM main.review_log m WHERE m.origin = o.origin AND "
        "m.seq = o.seq)",
        "INSERT OR IGNORE INTO temp.merge_cards (card) SELECT card FROM temp.merge_new_answers"}) {
    if (auto r = db.exec(sql); !r) return r.error();
  }
  auto added = run_counting(
      db,
      "INSERT INTO review_log (card, reviewed_at, rating, elapsed_days, duration_ms, "
      "state_before, state_after, before, after, parameters, balanced, origin, seq, "
      "balanced_days) SELECT n.card, n.reviewed_at, n.rating, n.elapsed_days, n.duration_ms, "
      "n.state_before, n.state_after, n.before, n.after, p.id, n.balanced, n.origin, n.seq, "
      "n.balanced_days FROM temp.merge_new_answers n "
      "JOIN other.parameter_sets op ON op.id = n.parameters "
      "JOIN main.parameter_sets p ON p.json = op.json ORDER BY n.reviewed_at, n.origin, n.seq");
  if (!added) return added.error();
  auto expected = db.scalar("SELECT COUNT(*) FROM temp.merge_new_answers");
  if (!expected) return expected.error();
  if (*expected != *added)
    return make_error("the other collection's log names parameter sets it does not hold",
                      ErrorCode::Corrupt);
  return added;
}

Result<std::vector<ClockSkew>> answers_dated_after(const Database& db, std::int64_t limit) {
  auto stmt = db.prepare(
      "SELECT origin, MAX(reviewed_at) - ?1 FROM temp.merge_new_answers WHERE reviewed_at > ?1 "
      "GROUP BY origin ORDER BY origin");
  if (!stmt) return stmt.error();
  stmt->bind(1, limit);
  std::vector<ClockSkew> skews;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    skews.push_back({stmt->column_text(0), stmt->column_int(1)});
  }
  return skews;
}

Result<int> add_missing_undos(Database& db) {
  for (const char* sql :
       {"INSERT INTO temp.merge_undos SELECT m.id, m.card, u.undone_at FROM other.review_undo u "
        "JOIN other.review_log o ON o.id = u.log_id JOIN main.review_log m ON m.origin = o.origin "
        "AND m.seq = o.seq",
        "INSERT OR IGNORE INTO temp.merge_cards (card) SELECT card FROM temp.merge_undos n "
        "WHERE NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.log_id = n.log_id)"}) {
    if (auto r = db.exec(sql); !r) return r.error();
  }
  return run_counting(db,
                      "INSERT OR IGNORE INTO review_undo (log_id, undone_at) "
                      "SELECT log_id, undone_at FROM temp.merge_undos");
}

Result<int> add_missing_changes(Database& db) {
  for (const char* sql :
       {"INSERT INTO temp.merge_new_changes SELECT o.origin, o.seq, o.at, o.kind, o.target, "
        "o.value, o.cause_origin, o.cause_seq FROM other.changes o WHERE NOT EXISTS "
        "(SELECT 1 FROM main.changes m WHERE m.origin = o.origin AND m.seq = o.seq)",
        "INSERT OR IGNORE INTO temp.merge_flags (target) SELECT target FROM "
        "temp.merge_new_changes WHERE kind IN ('suspend', 'unsuspend', 'bury')",
        "INSERT OR IGNORE INTO temp.merge_settings (target) SELECT target FROM "
        "temp.merge_new_changes WHERE kind = 'setting'",
        "INSERT OR IGNORE INTO temp.merge_deck_options (target) SELECT target FROM "
        "temp.merge_new_changes WHERE kind = 'deck_options'"}) {
    if (auto r = db.exec(sql); !r) return r.error();
  }
  return run_counting(db,
                      "INSERT INTO changes (origin, seq, at, kind, target, value, cause_origin, "
                      "cause_seq) SELECT origin, seq, at, kind, target, value, cause_origin, "
                      "cause_seq FROM temp.merge_new_changes");
}

Result<std::vector<std::string>> merge_targets(const Database& db, const std::string& table) {
  auto stmt = db.prepare(fmt::format("SELECT * FROM temp.{} ORDER BY 1", table));
  if (!stmt) return stmt.error();
  std::vector<std::string> targets;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    targets.push_back(stmt->column_text(0));
  }
  return targets;
}

// Created once per connection and emptied, not dropped: a table created or dropped changes the
// schema, and every statement SQLite has prepared must then be prepared again.
constexpr const char* kMergeTables[] = {"merge_cards",        "merge_flags",       "merge_settings",
                                        "merge_deck_options", "merge_new_answers", "merge_undos",
                                        "merge_new_changes"};

Result<void> create_merge_tables(Database& db) {
  if (auto r = db.exec(
          "CREATE TEMP TABLE IF NOT EXISTS merge_cards (card TEXT PRIMARY KEY);"
          "CREATE TEMP TABLE IF NOT EXISTS merge_flags (target TEXT PRIMARY KEY);"
          "CREATE TEMP TABLE IF NOT EXISTS merge_settings (target TEXT PRIMARY KEY);"
          "CREATE TEMP TABLE IF NOT EXISTS merge_deck_options (target TEXT PRIMARY KEY);"
          "CREATE TEMP TABLE IF NOT EXISTS merge_new_answers (card, reviewed_at, rating, "
          "elapsed_days, duration_ms, state_before, state_after, before, after, parameters, "
          "balanced, origin, seq, balanced_days);"
          "CREATE TEMP TABLE IF NOT EXISTS merge_undos (log_id, card, undone_at);"
          "CREATE TEMP TABLE IF NOT EXISTS merge_new_changes (origin, seq, at, kind, target, "
          "value, cause_origin, cause_seq);");
      !r)
    return r;
  drop_merge_tables(db);
  return {};
}

void drop_merge_tables(Database& db) {
  for (const char* table : kMergeTables) (void)db.exec(fmt::format("DELETE FROM temp.{}", table));
}

}  // namespace citecard::store
