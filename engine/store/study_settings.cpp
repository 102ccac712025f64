#include "store/study_settings.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "store/change_log.hpp"

namespace citecard::store {

Result<void> load_settings(const Database& db, StudyOptions& options) {
  auto stmt = db.prepare("SELECT key, value FROM settings");
  if (!stmt) return stmt.error();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string key = stmt->column_text(0);
    const std::string value = stmt->column_text(1);
    try {
      if (key == "new_per_day") options.new_cards_per_day = std::stoi(value);
      if (key == "reviews_per_day") options.reviews_per_day = std::stoi(value);
      if (key == "rollover_hour") options.rollover_hour = std::stoi(value);
      if (key == "leech_lapses") options.leech_lapses = std::stoi(value);
      if (key == "desired_retention") options.fsrs.desired_retention = std::stod(value);
      if (key == "learning_steps" || key == "relearning_steps") {
        Result<std::vector<std::int64_t>> steps = parse_steps(value);
        if (!steps) {
          return make_error(fmt::format("the saved setting {} = '{}' is unreadable ({})", key,
                                        value, steps.error().message));
        }
        (key == "learning_steps" ? options.fsrs.learning_steps : options.fsrs.relearning_steps) =
            *steps;
      }
      if (key == "fsrs_weights") {
        // Weights fitted to the learner's own log (the app's Settings, or an embedding app);
        // without the key the defaults stay, so older collections read as before.
        Result<FsrsWeights> weights = parse_fsrs_weights(value);
        if (!weights) {
          return make_error(
              fmt::format("the saved FSRS weights are unreadable ({}); set them "
                          "again or delete the fsrs_weights setting",
                          weights.error().message));
        }
        options.fsrs.w = *weights;
      }
    } catch (const std::exception&) {
      return make_error(fmt::format("the saved setting {} = '{}' is not a number", key, value));
    }
  }
  return {};
}

Result<void> save_settings(Database& db, const StudyOptions& options) {
  if (options.rollover_hour < 0 || options.rollover_hour > 23)
    return make_error("the day's rollover hour must be between 0 and 23");
  if (options.new_cards_per_day < 0 || options.reviews_per_day < 0 || options.leech_lapses < 0)
    return make_error("daily limits and the leech threshold cannot be negative");
  if (!(options.fsrs.desired_retention > 0 && options.fsrs.desired_retention < 1))
    return make_error("desired retention must be between 0 and 1, e.g. 0.9");
  for (const auto* steps : {&options.fsrs.learning_steps, &options.fsrs.relearning_steps}) {
    for (const std::int64_t step : *steps) {
      if (step <= 0) return make_error("learning steps must be positive, e.g. 1m,10m");
    }
  }
  std::string weights;
  for (std::size_t i = 0; i < options.fsrs.w.size(); ++i) {
    if (!std::isfinite(options.fsrs.w[i])) return make_error("FSRS weights must be finite numbers");
    weights += fmt::format("{}{}", i == 0 ? "" : ",", options.fsrs.w[i]);
  }
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto before = shared_settings(db);
  if (!before) return before.error();
  auto stmt = db.prepare(
      "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = "
      "?2");
  if (!stmt) return stmt.error();
  const std::pair<const char*, std::string> values[] = {
      {"new_per_day", std::to_string(options.new_cards_per_day)},
      {"reviews_per_day", std::to_string(options.reviews_per_day)},
      {"rollover_hour", std::to_string(options.rollover_hour)},
      {"leech_lapses", std::to_string(options.leech_lapses)},
      {"desired_retention", fmt::format("{}", options.fsrs.desired_retention)},
      {"learning_steps", format_steps(options.fsrs.learning_steps)},
      {"relearning_steps", format_steps(options.fsrs.relearning_steps)},
  };
  for (const auto& [key, value] : values) {
    stmt->reset();
    if (auto r = stmt->bind(1, std::string_view(key)).bind(2, value).run(); !r) return r.error();
  }
  // Only fitted weights are kept: a collection on the defaults follows the defaults of the
  // citecard that opens it, as before weights could be saved.
  if (options.fsrs.w == default_fsrs_weights()) {
    if (auto r = db.exec("DELETE FROM settings WHERE key = 'fsrs_weights'"); !r) return r.error();
  } else {
    stmt->reset();
    if (auto r = stmt->bind(1, std::string_view("fsrs_weights")).bind(2, weights).run(); !r)
      return r.error();
  }
  // Each setting that changed is logged, so another device's copy takes it when merging.
  auto after = shared_settings(db);
  if (!after) return after.error();
  std::map<std::string, std::string> changed;
  for (const auto& [key, value] : *after)
    if (auto old = before->find(key); old == before->end() || old->second != value)
      changed[key] = value;
  for (const auto& [key, value] : *before)
    if (!after->count(key)) changed[key] = "";
  for (const auto& [key, value] : changed) {
    if (auto r = record_change(db, {"setting", key, value, now_utc(), std::nullopt}); !r) return r;
  }
  return tx->commit();
}

Result<bool> load_durable(const Database& db) {
  auto durable =
      db.scalar("SELECT COUNT(*) FROM settings WHERE key = 'synchronous' AND value = 'full'");
  if (!durable) return durable.error();
  return *durable > 0;
}

Result<void> save_durable(Database& db, bool durable) {
  auto stmt = db.prepare(
      "INSERT INTO settings (key, value) VALUES ('synchronous', ?1) ON CONFLICT (key) DO UPDATE "
      "SET value = ?1");
  if (!stmt) return stmt.error();
  return stmt->bind(1, std::string_view(durable ? "full" : "normal")).run();
}

Result<DeckOptions> load_deck_options(const Database& db, const std::string& deck) {
  auto stmt = db.prepare(
      "SELECT new_per_day, reviews_per_day, desired_retention FROM deck_options WHERE deck = ?1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, deck).step();
  if (!row) return row.error();
  DeckOptions options;
  if (!*row) return options;
  if (!stmt->column_is_null(0)) options.new_per_day = static_cast<int>(stmt->column_int(0));
  if (!stmt->column_is_null(1)) options.reviews_per_day = static_cast<int>(stmt->column_int(1));
  if (!stmt->column_is_null(2)) options.desired_retention = stmt->column_double(2);
  return options;
}

Result<void> save_deck_options(Database& db, const std::string& deck, const DeckOptions& options) {
  if ((options.new_per_day && *options.new_per_day < 0) ||
      (options.reviews_per_day && *options.reviews_per_day < 0))
    return make_error("daily limits cannot be negative");
  if (options.desired_retention &&
      !(*options.desired_retention > 0 && *options.desired_retention < 1))
    return make_error("desired retention must be between 0 and 1, e.g. 0.9");
  auto exists = db.prepare("SELECT 1 FROM decks WHERE id = ?1");
  if (!exists) return exists.error();
  auto row = exists->bind(1, deck).step();
  if (!row) return row.error();
  if (!*row)
    return make_error(fmt::format("no deck {} in this collection", deck), ErrorCode::NotFound);
  auto stmt = db.prepare(
      "INSERT INTO deck_options (deck, new_per_day, reviews_per_day, desired_retention) "
      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (deck) DO UPDATE SET new_per_day = ?2, "
      "reviews_per_day = ?3, desired_retention = ?4");
  if (!stmt) return stmt.error();
  stmt->bind(1, deck);
  if (options.new_per_day)
    stmt->bind(2, *options.new_per_day);
  else
    stmt->bind_null(2);
  if (options.reviews_per_day)
    stmt->bind(3, *options.reviews_per_day);
  else
    stmt->bind_null(3);
  if (options.desired_retention)
    stmt->bind(4, *options.desired_retention);
  else
    stmt->bind_null(4);
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  if (auto r = stmt->run(); !r) return r;
  nlohmann::json value = {
      {"new_per_day", nullptr}, {"reviews_per_day", nullptr}, {"desired_retention", nullptr}};
  if (options.new_per_day) value["new_per_day"] = *options.new_per_day;
  if (options.reviews_per_day) value["reviews_per_day"] = *options.reviews_per_day;
  if (options.desired_retention) value["desired_retention"] = *options.desired_retention;
  if (auto r = record_change(db, {"deck_options", deck, value.dump(), now_utc(), std::nullopt}); !r)
    return r;
  return tx->commit();
}

Result<FsrsParameters> deck_parameters(const Database& db, const std::string& deck,
                                       const StudyOptions& options) {
  auto own = load_deck_options(db, deck);
  if (!own) return own.error();
  FsrsParameters parameters = options.fsrs;
  if (own->desired_retention) parameters.desired_retention = *own->desired_retention;
  return parameters;
}

}  // namespace citecard::store
