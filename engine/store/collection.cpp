#include "citecard/collection.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "deck/card_maker.hpp"
#include "deck/content_id.hpp"
#include "deck/deck_spec.hpp"
#include "store/database.hpp"
#include "store/deck_writer.hpp"
#include "store/memory_codec.hpp"
#include "store/queue.hpp"
#include "store/schema.hpp"

namespace citecard {

using store::Database;
using store::Statement;
using store::Transaction;

struct Collection::Impl {
  Database db;
  StudyOptions options;
  Scheduler scheduler;
  std::int64_t parameter_set = -1;  // id of `options.fsrs` in parameter_sets, once stored
};

namespace {

constexpr const char* kCardColumns = "c.id, c.deck, c.note, c.type, c.prompt, c.answer, c.choices";

Card card_from_row(const Statement& row) {
  Card card;
  card.id = row.column_text(0);
  card.deck = row.column_text(1);
  card.note = row.column_text(2);
  card.type = row.column_text(3);
  card.prompt = row.column_text(4);
  card.answer = row.column_text(5);
  const auto choices = nlohmann::json::parse(row.column_text(6), nullptr, false);
  if (choices.is_array())
    for (const auto& c : choices)
      if (c.is_string()) card.choices.push_back(c.get<std::string>());
  return card;
}

// Citations of the given note, or of every note when `note` is empty, grouped by note.
Result<std::map<std::string, std::vector<Citation>>> load_citations(const Database& db,
                                                                    const std::string& note) {
  auto stmt = db.prepare(
      std::string("SELECT ci.note, ci.source, s.title, s.outlet, s.date, ci.start, ci.end, ci.text "
                  "FROM citations ci JOIN sources s ON s.deck = ci.deck AND s.id = ci.source") +
      (note.empty() ? "" : " WHERE ci.note = ?1") + " ORDER BY ci.note, ci.position");
  if (!stmt) return stmt.error();
  if (!note.empty()) stmt->bind(1, note);
  std::map<std::string, std::vector<Citation>> by_note;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    by_note[stmt->column_text(0)].push_back(Citation{
        stmt->column_text(1), stmt->column_text(2), stmt->column_text(3), stmt->column_text(4),
        stmt->column_int(5), stmt->column_int(6), stmt->column_text(7)});
  }
  return by_note;
}

std::string parameters_json(const FsrsParameters& p) {
  nlohmann::ordered_json j;
  j["w"] = p.w;
  j["desired_retention"] = p.desired_retention;
  j["maximum_interval"] = p.maximum_interval;
  j["learning_steps"] = p.learning_steps;
  j["relearning_steps"] = p.relearning_steps;
  j["enable_short_term"] = p.enable_short_term;
  j["enable_fuzz"] = p.enable_fuzz;
  return j.dump();
}

Result<std::int64_t> store_parameter_set(Database& db, const FsrsParameters& p) {
  const std::string json = parameters_json(p);
  auto insert = db.prepare("INSERT OR IGNORE INTO parameter_sets (json) VALUES (?1)");
  if (!insert) return insert.error();
  if (auto r = insert->bind(1, json).run(); !r) return r.error();
  auto select = db.prepare("SELECT id FROM parameter_sets WHERE json = ?1");
  if (!select) return select.error();
  auto row = select->bind(1, json).step();
  if (!row) return row.error();
  return select->column_int(0);
}

Result<std::optional<CardMemory>> stored_memory(const Database& db, const std::string& card_id) {
  auto stmt = db.prepare(std::string("SELECT ") + store::kMemoryColumns +
                         " FROM card_state WHERE card = ?1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, card_id).step();
  if (!row) return row.error();
  if (!*row) return std::optional<CardMemory>();
  return std::optional<CardMemory>(store::memory_from_columns(*stmt, 0));
}

Result<bool> card_is_active(const Database& db, const std::string& card_id) {
  auto stmt = db.prepare("SELECT archived FROM cards WHERE id = ?1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, card_id).step();
  if (!row) return row.error();
  if (!*row) return make_error(fmt::format("no card with id {} in this collection", card_id));
  return stmt->column_int(0) == 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------

Result<Collection> Collection::open(const std::filesystem::path& path, StudyOptions options) {
  auto db = Database::open(path);
  if (!db) return db.error();
  if (auto r = store::migrate(*db); !r)
    return make_error(fmt::format("{}: {}", path.string(), r.error().message));
  Scheduler scheduler(options.fsrs);
  return Collection(
      std::make_unique<Impl>(Impl{std::move(*db), std::move(options), std::move(scheduler), -1}));
}

Collection::Collection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Collection::Collection(Collection&&) noexcept = default;
Collection& Collection::operator=(Collection&&) noexcept = default;
Collection::~Collection() = default;

const StudyOptions& Collection::options() const {
  return impl_->options;
}

std::filesystem::path default_collection_path() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  std::filesystem::path base;
  if (data_home && *data_home) {
    base = data_home;
  } else {
    const char* home = std::getenv("HOME");
    base = std::filesystem::path(home && *home ? home : ".") / ".local" / "share";
  }
  return base / "citecard" / "collection.db";
}

// ---------------------------------------------------------------------------------------------
// Building decks
// ---------------------------------------------------------------------------------------------

Result<BuildReport> Collection::build(const std::filesystem::path& deck_dir) {
  auto spec = deck::load_deck(deck_dir);
  if (!spec) return spec.error();
  auto made = deck::make_cards(*spec);
  if (!made) return made.error();
  auto tx = Transaction::begin(impl_->db);
  if (!tx) return tx.error();
  auto report = store::write_deck(impl_->db, *spec, *made, now_utc());
  if (!report) return report.error();
  if (auto r = tx->commit(); !r) return r.error();
  return report;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

Result<std::vector<Card>> Collection::cards() const {
  auto citations = load_citations(impl_->db, "");
  if (!citations) return citations.error();
  auto stmt =
      impl_->db.prepare(std::string("SELECT ") + kCardColumns +
                        " FROM cards c WHERE c.archived = 0 ORDER BY c.deck, c.ordinal, c.id");
  if (!stmt) return stmt.error();
  std::vector<Card> cards;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    Card card = card_from_row(*stmt);
    card.citations = (*citations)[card.note];
    cards.push_back(std::move(card));
  }
  return cards;
}

Result<Card> Collection::card(const std::string& card_id) const {
  auto stmt =
      impl_->db.prepare(std::string("SELECT ") + kCardColumns + " FROM cards c WHERE c.id = ?1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, card_id).step();
  if (!row) return row.error();
  if (!*row) return make_error(fmt::format("no card with id {} in this collection", card_id));
  Card card = card_from_row(*stmt);
  auto citations = load_citations(impl_->db, card.note);
  if (!citations) return citations.error();
  card.citations = (*citations)[card.note];
  return card;
}

Result<Source> Collection::source(const std::string& deck, const std::string& source_id) const {
  auto stmt = impl_->db.prepare(
      "SELECT deck, id, file, outlet, title, author, date, text FROM sources "
      "WHERE deck = ?1 AND id = ?2");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, deck).bind(2, source_id).step();
  if (!row) return row.error();
  if (!*row) return make_error(fmt::format("no source {} in deck {}", source_id, deck));
  Source s;
  s.deck = stmt->column_text(0);
  s.id = stmt->column_text(1);
  s.file = stmt->column_text(2);
  s.outlet = stmt->column_text(3);
  s.title = stmt->column_text(4);
  s.author = stmt->column_text(5);
  s.date = stmt->column_text(6);
  s.text = stmt->column_text(7);
  return s;
}

Result<std::vector<DeckSummary>> Collection::decks(Timestamp now) const {
  auto stmt = impl_->db.prepare(
      "SELECT d.id, d.title, (SELECT COUNT(*) FROM cards c WHERE c.deck = d.id AND c.archived = 0) "
      "FROM decks d ORDER BY d.id");
  if (!stmt) return stmt.error();
  std::vector<DeckSummary> decks;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    DeckSummary summary;
    summary.id = stmt->column_text(0);
    summary.title = stmt->column_text(1);
    summary.total_cards = static_cast<int>(stmt->column_int(2));
    decks.push_back(std::move(summary));
  }
  for (auto& summary : decks) {
    auto counts = store::queue_counts(impl_->db, summary.id, now, impl_->options);
    if (!counts) return counts.error();
    summary.new_available = counts->new_available;
    summary.learning_due = counts->learning_due;
    summary.review_due = counts->review_due;
  }
  return decks;
}

Result<CollectionStats> Collection::stats(Timestamp now) const {
  auto counts = store::queue_counts(impl_->db, "", now, impl_->options);
  if (!counts) return counts.error();
  CollectionStats stats;
  stats.new_available = counts->new_available;
  stats.due_today = counts->learning_due + counts->review_due + counts->new_available;
  auto learning = impl_->db.scalar(
      "SELECT COUNT(*) FROM card_state s JOIN cards c ON c.id = s.card "
      "WHERE c.archived = 0 AND s.state IN (1, 3)");
  if (!learning) return learning.error();
  auto review = impl_->db.scalar(
      "SELECT COUNT(*) FROM card_state s JOIN cards c ON c.id = s.card "
      "WHERE c.archived = 0 AND s.state = 2");
  if (!review) return review.error();
  auto today = impl_->db.prepare("SELECT COUNT(*) FROM review_log WHERE reviewed_at >= ?1");
  if (!today) return today.error();
  auto row = today->bind(1, start_of_day(now, impl_->options.rollover_hour)).step();
  if (!row) return row.error();
  stats.learning = static_cast<int>(*learning);
  stats.review = static_cast<int>(*review);
  stats.reviews_today = static_cast<int>(today->column_int(0));
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Studying
// ---------------------------------------------------------------------------------------------

Result<std::optional<Card>> Collection::next_card(const std::string& deck, Timestamp now) const {
  auto id = store::next_card_id(impl_->db, deck, now, impl_->options);
  if (!id) return id.error();
  if (!*id) return std::optional<Card>();
  auto found = card(**id);
  if (!found) return found.error();
  return std::optional<Card>(std::move(*found));
}

Result<CardMemory> Collection::memory(const std::string& card_id) const {
  auto stored = stored_memory(impl_->db, card_id);
  if (!stored) return stored.error();
  if (*stored) return **stored;
  auto active = card_is_active(impl_->db, card_id);
  if (!active) return active.error();
  return new_card_memory(0);
}

namespace {
std::uint64_t fuzz_seed(const std::string& card_id, const CardMemory& before) {
  return deck::content_hash({card_id, std::to_string(before.reps)});
}
}  // namespace

Result<std::array<CardMemory, 4>> Collection::preview(const std::string& card_id,
                                                      Timestamp now) const {
  auto stored = stored_memory(impl_->db, card_id);
  if (!stored) return stored.error();
  const CardMemory before = *stored ? **stored : new_card_memory(now);
  return impl_->scheduler.preview(before, now, fuzz_seed(card_id, before));
}

Result<CardMemory> Collection::answer(const std::string& card_id, Rating rating, Timestamp now,
                                      std::int64_t duration_ms) {
  auto& db = impl_->db;
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto active = card_is_active(db, card_id);
  if (!active) return active.error();
  if (!*active)
    return make_error(
        fmt::format("card {} is archived: its note is no longer in the deck", card_id));
  auto stored = stored_memory(db, card_id);
  if (!stored) return stored.error();
  const CardMemory before = *stored ? **stored : new_card_memory(now);
  if (before.last_review > now) {
    return make_error(fmt::format("the answer's time {} is before the card's last review {}",
                                  to_iso8601(now), to_iso8601(before.last_review)));
  }
  const CardMemory after = impl_->scheduler.next(before, now, rating, fuzz_seed(card_id, before));

  if (impl_->parameter_set < 0) {
    auto id = store_parameter_set(db, impl_->options.fsrs);
    if (!id) return id.error();
    impl_->parameter_set = *id;
  }
  const std::int64_t elapsed_days =
      before.last_review > 0 ? (now - before.last_review) / kSecondsPerDay : 0;
  auto log = db.prepare(
      "INSERT INTO review_log (card, reviewed_at, rating, elapsed_days, duration_ms, state_before, "
      "state_after, before, after, parameters) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!log) return log.error();
  log->bind(1, card_id).bind(2, now).bind(3, static_cast<int>(rating)).bind(4, elapsed_days);
  log->bind(5, duration_ms).bind(6, static_cast<int>(before.state));
  log->bind(7, static_cast<int>(after.state)).bind(8, store::memory_to_json(before));
  log->bind(9, store::memory_to_json(after)).bind(10, impl_->parameter_set);
  if (auto r = log->run(); !r) return r.error();

  auto state = db.prepare(
      "INSERT INTO card_state (card, state, stability, difficulty, due, last_review, "
      "scheduled_days, learning_steps, reps, lapses) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
      "?10) ON CONFLICT (card) DO UPDATE SET state = ?2, stability = ?3, difficulty = ?4, "
      "due = ?5, last_review = ?6, scheduled_days = ?7, learning_steps = ?8, reps = ?9, "
      "lapses = ?10");
  if (!state) return state.error();
  state->bind(1, card_id).bind(2, static_cast<int>(after.state)).bind(3, after.stability);
  state->bind(4, after.difficulty).bind(5, after.due).bind(6, after.last_review);
  state->bind(7, after.scheduled_days).bind(8, after.learning_steps).bind(9, after.reps);
  state->bind(10, after.lapses);
  if (auto r = state->run(); !r) return r.error();
  if (auto r = tx->commit(); !r) return r.error();
  return after;
}

Result<std::vector<ReviewRecord>> Collection::review_log(const std::string& card_id) const {
  auto stmt = impl_->db.prepare(
      "SELECT id, card, reviewed_at, rating, elapsed_days, duration_ms, before, after "
      "FROM review_log WHERE card = ?1 ORDER BY id");
  if (!stmt) return stmt.error();
  stmt->bind(1, card_id);
  std::vector<ReviewRecord> records;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    ReviewRecord r;
    r.id = stmt->column_int(0);
    r.card = stmt->column_text(1);
    r.reviewed_at = stmt->column_int(2);
    r.rating = static_cast<Rating>(stmt->column_int(3));
    r.elapsed_days = static_cast<int>(stmt->column_int(4));
    r.duration_ms = stmt->column_int(5);
    auto before = store::memory_from_json(stmt->column_text(6));
    if (!before) return before.error();
    auto after = store::memory_from_json(stmt->column_text(7));
    if (!after) return after.error();
    r.before = *before;
    r.after = *after;
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace citecard
