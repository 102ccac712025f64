#include "store/change_log.hpp"

#include <nlohmann/json.hpp>
#include <random>

namespace citecard::store {

std::int64_t new_entry_seq() {
  thread_local std::mt19937_64 rng{[] {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }()};
  for (;;) {
    const auto value = static_cast<std::int64_t>(rng() >> 1);
    if (value != 0) return value;
  }
}

Result<std::int64_t> next_entry_seq(const Database& db, std::string_view table,
                                    const std::string& origin) {
  auto stmt =
      db.prepare("SELECT COALESCE(MAX(seq), 0) FROM " + std::string(table) + " WHERE origin = ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, origin);
  if (auto r = stmt->step(); !r) return r.error();
  return entry_seq_after(stmt->column_int(0));
}

std::int64_t entry_seq_after(std::int64_t last) {
  const std::int64_t count = (last >> 31) + 1;
  std::int64_t low = 0;
  while (low == 0) low = new_entry_seq() & 0x7FFFFFFF;
  return (count << 31) | low;
}

Result<std::string> collection_id(const Database& db) {
  auto stmt = db.prepare("SELECT collection FROM identity");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return make_error("the collection has no id; open it with citecard to upgrade it");
  return stmt->column_text(0);
}

Result<void> record_change(Database& db, Change change) {
  auto origin = collection_id(db);
  if (!origin) return origin.error();
  auto latest = db.prepare(
      "SELECT MAX(t) FROM (SELECT MAX(at) AS t FROM changes WHERE target = ?1 AND kind IN (?2, ?3) "
      "UNION ALL SELECT MAX(reviewed_at) FROM review_log WHERE card = ?1)");
  if (!latest) return latest.error();
  const bool flag = change.kind == "suspend" || change.kind == "unsuspend";
  latest->bind(1, change.target)
      .bind(2, flag ? std::string_view("suspend") : std::string_view(change.kind))
      .bind(3, flag ? std::string_view("unsuspend") : std::string_view(change.kind));
  if (auto r = latest->step(); !r) return r.error();
  if (!change.cause && change.kind != "bury" && !latest->column_is_null(0) &&
      latest->column_int(0) >= change.at)
    change.at = latest->column_int(0) + 1;
  auto stmt = db.prepare(
      "INSERT INTO changes (origin, seq, at, kind, target, value, cause_origin, cause_seq) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!stmt) return stmt.error();
  auto seq = next_entry_seq(db, "changes", *origin);
  if (!seq) return seq.error();
  stmt->bind(1, *origin).bind(2, *seq).bind(3, change.at).bind(4, change.kind);
  stmt->bind(5, change.target).bind(6, change.value);
  if (change.cause) {
    stmt->bind(7, change.cause->first).bind(8, change.cause->second);
  } else {
    stmt->bind_null(7).bind_null(8);
  }
  return stmt->run();
}

namespace {

// Changes of a card's suspension that stand: those following an answer count while it does.
constexpr const char* kStandingFlags =
    "FROM changes c WHERE c.target = ?1 AND c.kind IN ('suspend', 'unsuspend') AND NOT EXISTS "
    "(SELECT 1 FROM review_log r JOIN review_undo u ON u.log_id = r.id "
    "WHERE r.origin = c.cause_origin AND r.seq = c.cause_seq)";

Result<void> run_for(Database& db, const std::string& sql, const std::string& target) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  return stmt->bind(1, target).run();
}

Result<void> run_for(StatementCache& statements, const std::string& sql,
                     const std::string& target) {
  auto stmt = statements.get(sql);
  if (!stmt) return stmt.error();
  return (*stmt)->bind(1, target).run();
}

}  // namespace

Result<void> settle_card_flags(Database& db, const std::string& card) {
  StatementCache statements(db);
  return settle_card_flags(statements, card);
}

Result<void> settle_card_flags(StatementCache& db, const std::string& card) {
  const std::string cause_row =
      "(SELECT r.id FROM review_log r WHERE r.origin = w.cause_origin AND r.seq = w.cause_seq)";
  for (const std::string& sql :
       {std::string("DELETE FROM suspended WHERE card = ?1"),
        "INSERT INTO suspended (card, reason, log_id) SELECT ?1, w.value, " + cause_row +
            " FROM (SELECT c.* " + kStandingFlags +
            " ORDER BY c.at DESC, c.origin DESC, c.seq DESC LIMIT 1) w WHERE w.kind = 'suspend'",
        std::string("DELETE FROM card_tags WHERE card = ?1 AND tag = 'leech'"),
        "INSERT INTO card_tags (card, tag, log_id) SELECT ?1, 'leech', " + cause_row +
            " FROM (SELECT c.* " + kStandingFlags +
            " AND c.value = 'leech' AND c.kind = 'suspend' ORDER BY c.at, c.origin, c.seq "
            "LIMIT 1) w"}) {
    if (auto r = run_for(db, sql, card); !r) return r;
  }
  if (auto r = run_for(db, "DELETE FROM buried WHERE card = ?1", card); !r) return r;
  return run_for(db,
                 "INSERT INTO buried (card, until) SELECT ?1, MAX(CAST(value AS INTEGER)) FROM "
                 "changes WHERE target = ?1 AND kind = 'bury' HAVING COUNT(*) > 0",
                 card);
}

namespace {

// The latest change of `kind` to `target`: its value, or nullopt when there is none.
Result<std::optional<std::string>> latest_value(const Database& db, const std::string& kind,
                                                const std::string& target) {
  auto stmt = db.prepare(
      "SELECT value FROM changes WHERE target = ?1 AND kind = ?2 "
      "ORDER BY at DESC, origin DESC, seq DESC LIMIT 1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, target).bind(2, kind).step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

}  // namespace

Result<void> settle_setting(Database& db, const std::string& key) {
  auto value = latest_value(db, "setting", key);
  if (!value) return value.error();
  if (!*value) return {};
  if (value->value().empty()) return run_for(db, "DELETE FROM settings WHERE key = ?1", key);
  auto stmt = db.prepare(
      "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET "
      "value = ?2");
  if (!stmt) return stmt.error();
  return stmt->bind(1, key).bind(2, **value).run();
}

Result<void> settle_deck_options(Database& db, const std::string& deck) {
  auto value = latest_value(db, "deck_options", deck);
  if (!value) return value.error();
  if (!*value) return {};
  const auto json = nlohmann::json::parse(**value, nullptr, false);
  if (!json.is_object())
    return make_error("a change of deck " + deck + "'s options is damaged", ErrorCode::Corrupt);
  auto stmt = db.prepare(
      "INSERT INTO deck_options (deck, new_per_day, reviews_per_day, desired_retention) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (deck) DO UPDATE SET new_per_day = ?2, "
      "reviews_per_day = ?3, desired_retention = ?4");
  if (!stmt) return stmt.error();
  stmt->bind(1, deck);
  int index = 2;
  for (const char* field : {"new_per_day", "reviews_per_day", "desired_retention"}) {
    const auto found = json.find(field);
    if (found == json.end() || found->is_null())
      stmt->bind_null(index);
    else if (found->is_number_integer())
      stmt->bind(index, found->get<std::int64_t>());
    else if (found->is_number())
      stmt->bind(index, found->get<double>());
    else
      return make_error("a change of deck " + deck + "'s options is damaged", ErrorCode::Corrupt);
    ++index;
  }
  return stmt->run();
}

Result<std::map<std::string, std::string>> shared_settings(const Database& db) {
  auto stmt = db.prepare("SELECT key, value FROM settings WHERE key <> 'synchronous'");
  if (!stmt) return stmt.error();
  std::map<std::string, std::string> settings;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    settings[stmt->column_text(0)] = stmt->column_text(1);
  }
  return settings;
}

}  // namespace citecard::store
