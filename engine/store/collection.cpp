#include "citecard/collection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "deck/card_maker.hpp"
#include "deck/cited_wordings.hpp"
#include "deck/content_id.hpp"
#include "deck/deck_spec.hpp"
#include "merge/merge.hpp"
#include "merge/sync_folder.hpp"
#include "store/answer_seed.hpp"
#include "store/backup.hpp"
#include "store/change_log.hpp"
#include "store/check.hpp"
#include "store/database.hpp"
#include "store/deck_writer.hpp"
#include "store/imported_writer.hpp"
#include "store/load_balance.hpp"
#include "store/memory_codec.hpp"
#include "store/ownership.hpp"
#include "store/parameters_codec.hpp"
#include "store/queue.hpp"
#include "store/schema.hpp"
#include "store/study_settings.hpp"

namespace citecard {

using store::Database;
using store::Statement;
using store::Transaction;

struct Collection::Impl {
  // A deck's scheduler and the id of its parameters in parameter_sets (-1 until first stored).
  struct DeckScheduler {
    Scheduler scheduler;
    Scheduler unfuzzed;  // where load balancing starts from
    std::int64_t parameter_set = -1;
  };

  Impl(Database database, StudyOptions study_options)
      : db(std::move(database)), options(std::move(study_options)) {}

  // Statements are declared after `db` so they are finalized before it closes.
  Database db;
  StudyOptions options;
  std::string id;  // the collection's random id: the origin of its answers and changes
  bool durable = false;
  std::map<std::string, DeckScheduler> schedulers;  // by deck; cleared when options change
  std::unordered_map<std::string, Statement> statements;

  // The answer path runs a handful of statements per answer; preparing them once keeps an answer
  // well under a millisecond. The statement comes back reset, with no bindings.
  Result<Statement*> cached(const std::string& sql) {
    auto found = statements.find(sql);
    if (found == statements.end()) {
      auto stmt = db.prepare(sql);
      if (!stmt) return stmt.error();
      found = statements.emplace(sql, std::move(*stmt)).first;
    }
    found->second.reset();
    return &found->second;
  }

  Result<DeckScheduler*> scheduler_for(const std::string& deck) {
    auto found = schedulers.find(deck);
    if (found != schedulers.end()) return &found->second;
    auto parameters = store::deck_parameters(db, deck, options);
    if (!parameters) return parameters.error();
    return &schedulers
                .emplace(deck, DeckScheduler{Scheduler(*parameters),
                                             store::unfuzzed_scheduler(*parameters), -1})
                .first->second;
  }

  // The outcome of an answer as it will be stored: the scheduler's, with its day moved by load
  // balancing when that is on and applies. `balanced` tells whether it was.
  Result<CardMemory> outcome(DeckScheduler& deck, const std::string& card_id,
                             const CardMemory& before, Timestamp now, Rating rating,
                             bool& balanced) {
    CardMemory after =
        deck.scheduler.next(before, now, rating, store::answer_fuzz_seed(card_id, before));
    balanced = false;
    if (!options.load_balance) return after;
    const auto range = store::balance_range(deck.unfuzzed, before, now, rating);
    if (!range) return after;
    auto siblings = cached(store::kSiblingDues);
    if (!siblings) return siblings.error();
    auto load = cached(store::kReviewsDueBetween);
    if (!load) return load.error();
    auto days =
        store::least_loaded_day(**siblings, **load, card_id, *range, now, options.rollover_hour);
    if (!days) return days.error();
    balanced = true;
    return store::with_interval(after, now, *days);
  }
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
  if (!*row)
    return make_error(fmt::format("no card with id {} in this collection", card_id),
                      ErrorCode::NotFound);
  return stmt->column_int(0) == 0;
}

// An unknown deck is an error naming it and the decks there are, so a typo in --deck is not
// mistaken for a deck with nothing due.
Result<void> require_deck(const Database& db, const std::string& deck) {
  auto stmt = db.prepare("SELECT id FROM decks ORDER BY id");
  if (!stmt) return stmt.error();
  std::string known;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string id = stmt->column_text(0);
    if (id == deck) return {};
    known += (known.empty() ? "" : ", ") + id;
  }
  return make_error(fmt::format("no deck {} in this collection ({})", deck,
                                known.empty() ? "it has no decks yet" : "its decks: " + known),
                    ErrorCode::NotFound);
}

// What went wrong reading or making a deck is the deck's fault unless it says otherwise.
Error as_deck_error(Error error) {
  if (error.code == ErrorCode::Failed) error.code = ErrorCode::Deck;
  return error;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------

namespace {

// What opening may have to take back when it fails: the file and the folders it created, so a
// failed open leaves nothing behind.
class CreatedOnFailure {
 public:
  explicit CreatedOnFailure(const std::filesystem::path& path) : path_(path) {
    std::error_code ec;
    if (std::filesystem::exists(path_, ec) || ec) {
      path_.clear();
      return;
    }
    for (auto folder = path.parent_path(); !folder.empty() && folder != folder.parent_path();
         folder = folder.parent_path()) {
      if (std::filesystem::exists(folder, ec) || ec) break;
      folders_.push_back(folder);
    }
  }
  void keep() { path_.clear(); }
  ~CreatedOnFailure() {
    if (path_.empty()) return;
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(path_.string() + suffix, ec);
    for (const auto& folder : folders_) std::filesystem::remove(folder, ec);  // only if empty
  }
  CreatedOnFailure(const CreatedOnFailure&) = delete;
  CreatedOnFailure& operator=(const CreatedOnFailure&) = delete;

 private:
  std::filesystem::path path_;                  // empty: the file existed, or opening succeeded
  std::vector<std::filesystem::path> folders_;  // deepest first
};

}  // namespace

Result<Collection> Collection::open(const std::filesystem::path& path, StudyOptions options,
                                    OpenMode mode) {
  if (auto r = store::check_collection_path(path); !r) return r.error();
  CreatedOnFailure created(mode == OpenMode::CreateIfMissing ? path : std::filesystem::path());
  auto db = Database::connect(path, mode == OpenMode::CreateIfMissing, mode == OpenMode::ReadOnly);
  if (!db) return db.error();
  // Look before writing anything: another application's file, a file that is not a collection,
  // or one from a newer citecard, is left exactly as it was (even its journal mode).
  auto owner = store::ownership(*db, path);
  if (!owner) return owner.error();
  auto found = db->scalar("PRAGMA user_version");
  if (!found) return found.error();
  const int version = static_cast<int>(*found);
  if (version > store::kSchemaVersion)
    return make_error(
        fmt::format("{}: {}", path.string(), store::newer_schema_error(version).message),
        ErrorCode::Newer);
  if (*owner == store::Ownership::Empty && mode != OpenMode::CreateIfMissing)
    return make_error(fmt::format("{} is not a citecard collection (it is empty or holds no "
                                  "citecard data); create one with "
                                  "citecard build DECK_DIR --db {}",
                                  path.string(), path.string()),
                      ErrorCode::Corrupt);
  if (version > 0 && version < store::kSchemaVersion) {
    if (db->read_only())
      return make_error(
          fmt::format(
              "{} was written by an older citecard (schema {}) and must be upgraded, but it is "
              "read-only: check the permissions of the file and its folder",
              path.string(), version),
          ErrorCode::ReadOnly);
    if (auto r = store::back_up(*db, path, version); !r) return r.error();
  }
  if (auto r = db->use_wal(store::Durability::Normal); !r)
    return make_error(
        fmt::format("cannot open the collection {}: {}", path.string(), r.error().message),
        r.error().code);
  if (auto r = store::migrate(*db); !r)
    return make_error(fmt::format("{}: {}", path.string(), r.error().message), r.error().code);
  if (*owner != store::Ownership::Ours && !db->read_only()) {
    if (auto r = store::claim(*db); !r) return r.error();
  }
  if (auto r = store::load_settings(*db, options); !r) return r.error();
  auto durable = store::load_durable(*db);
  if (!durable) return durable.error();
  if (*durable) {
    if (auto r = db->set_durability(store::Durability::Full); !r) return r.error();
  }
  auto id = store::collection_id(*db);
  if (!id) return id.error();
  auto impl = std::make_unique<Impl>(std::move(*db), std::move(options));
  impl->durable = *durable;
  impl->id = std::move(*id);
  created.keep();
  return Collection(std::move(impl));
}

void Collection::set_busy_timeout(int milliseconds) {
  sqlite3_busy_timeout(impl_->db.handle(), milliseconds);
}

Collection::Collection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Collection::Collection(Collection&&) noexcept = default;
Collection& Collection::operator=(Collection&&) noexcept = default;
Collection::~Collection() = default;

const StudyOptions& Collection::options() const {
  return impl_->options;
}

bool Collection::read_only() const {
  return impl_->db.read_only();
}

bool Collection::durable() const {
  return impl_->durable;
}

Result<void> Collection::set_durable(bool durable) {
  if (auto r = store::save_durable(impl_->db, durable); !r) return r;
  if (auto r =
          impl_->db.set_durability(durable ? store::Durability::Full : store::Durability::Normal);
      !r)
    return r;
  impl_->durable = durable;
  return {};
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

Result<BuildReport> Collection::build(const std::filesystem::path& deck_dir,
                                      DeckBuildOptions options) {
  auto spec = deck::load_deck(deck_dir);
  if (!spec) return as_deck_error(spec.error());
  auto made = deck::make_cards(*spec, options);
  if (!made) return as_deck_error(made.error());
  auto tx = Transaction::begin(impl_->db);
  if (!tx) return tx.error();
  // A rebuild archives every card of the deck it does not make: imported cards would go. Asked
  // inside the write transaction: a read left open before it would make its BEGIN fail as busy
  // when another process has written since.
  {
    auto imported = impl_->db.prepare(
        "SELECT COUNT(*) FROM cards WHERE deck = ?1 AND type = 'imported' AND archived = 0");
    if (!imported) return imported.error();
    if (auto row = imported->bind(1, spec->id).step(); !row) return row.error();
    if (imported->column_int(0) > 0)
      return make_error(fmt::format("deck {} holds cards imported from Anki; give the deck "
                                    "folder another id in its manifest",
                                    spec->id),
                        ErrorCode::Deck);
  }
  auto report = store::write_deck(impl_->db, *spec, *made, now_utc());
  if (!report) return report.error();
  report->held_back = made->held_back;
  if (auto r = tx->commit(); !r) return r.error();
  return report;
}

Result<ImportedNotesReport> Collection::add_imported_notes(const std::string& deck,
                                                           const std::string& title,
                                                           const std::vector<ImportedNote>& notes) {
  if (deck.empty()) return make_error("an imported deck needs a name", ErrorCode::Invalid);
  auto tx = Transaction::begin(impl_->db);
  if (!tx) return tx.error();
  auto report = store::write_imported_notes(impl_->db, deck, title, notes, now_utc());
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
  if (!*row)
    return make_error(fmt::format("no card with id {} in this collection", card_id),
                      ErrorCode::NotFound);
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
  if (!*row)
    return make_error(fmt::format("no source {} in deck {}", source_id, deck), ErrorCode::NotFound);
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
  auto counts = store::queue_counts_by_deck(impl_->db, "", now, impl_->options);
  if (!counts) return counts.error();
  for (auto& summary : decks) {
    const store::QueueCounts& c = (*counts)[summary.id];
    summary.new_available = c.new_available;
    summary.learning_due = c.learning_due;
    summary.review_due = c.review_due;
  }
  return decks;
}

Result<CollectionStats> Collection::stats(Timestamp now) const {
  auto counts = store::queue_counts(impl_->db, "", now, impl_->options);
  if (!counts) return counts.error();
  CollectionStats stats;
  stats.new_available = counts->new_available;
  stats.due_today = counts->learning_due + counts->review_due + counts->new_available;
  // Counted on the state index alone; archived cards (few, with their own index) are left out.
  auto learning = impl_->db.scalar(
      "SELECT COUNT(*) FROM card_state WHERE state IN (1, 3) AND "
      "card NOT IN (SELECT id FROM cards WHERE archived = 1)");
  if (!learning) return learning.error();
  auto review = impl_->db.scalar(
      "SELECT COUNT(*) FROM card_state WHERE state = 2 AND "
      "card NOT IN (SELECT id FROM cards WHERE archived = 1)");
  if (!review) return review.error();
  // Today's answers only: one dated in a later year (an imported log's) is not one of them.
  auto today = impl_->db.prepare(
      "SELECT COUNT(*) FROM answers WHERE reviewed_at >= ?1 AND reviewed_at < ?2");
  if (!today) return today.error();
  const Timestamp day_start = start_of_day(now, impl_->options.rollover_hour);
  auto row = today->bind(1, day_start).bind(2, day_start + kSecondsPerDay).step();
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
  if (!deck.empty()) {
    if (auto known = require_deck(impl_->db, deck); !known) return known.error();
  }
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

Result<std::array<CardMemory, 4>> Collection::preview(const std::string& card_id,
                                                      Timestamp now) const {
  auto deck = impl_->cached("SELECT deck FROM cards WHERE id = ?1");
  if (!deck) return deck.error();
  auto row = (*deck)->bind(1, card_id).step();
  if (!row) return row.error();
  if (!*row)
    return make_error(fmt::format("no card with id {} in this collection", card_id),
                      ErrorCode::NotFound);
  auto scheduler = impl_->scheduler_for((*deck)->column_text(0));
  (*deck)->reset();
  if (!scheduler) return scheduler.error();
  auto stored = stored_memory(impl_->db, card_id);
  if (!stored) return stored.error();
  const CardMemory before = *stored ? **stored : new_card_memory(now);
  std::array<CardMemory, 4> outcomes;
  for (int r = 1; r <= 4; ++r) {
    bool balanced = false;
    auto after =
        impl_->outcome(**scheduler, card_id, before, now, static_cast<Rating>(r), balanced);
    if (!after) return after.error();
    outcomes[static_cast<std::size_t>(r - 1)] = *after;
  }
  return outcomes;
}

namespace {

// Anki's rule: a card becomes a leech when its lapses reach the threshold, and again every half
// threshold after that (8, 12, 16, ... by default), so a learner unsuspending it is reminded.
bool becomes_leech(const CardMemory& before, const CardMemory& after, int threshold) {
  if (threshold <= 0 || after.lapses <= before.lapses || after.lapses < threshold) return false;
  return (after.lapses - threshold) % std::max(1, threshold / 2) == 0;
}

}  // namespace

Result<CardMemory> Collection::answer(const std::string& card_id, Rating rating, Timestamp now,
                                      std::int64_t duration_ms) {
  auto& impl = *impl_;
  auto tx = Transaction::begin(impl.db);
  if (!tx) return tx.error();

  auto card_row = impl.cached(
      "SELECT c.archived, c.deck, EXISTS (SELECT 1 FROM suspended x WHERE x.card = c.id), "
      "s.state, s.stability, s.difficulty, s.due, s.last_review, s.scheduled_days, "
      "s.learning_steps, s.reps, s.lapses FROM cards c LEFT JOIN card_state s ON s.card = c.id "
      "WHERE c.id = ?1");
  if (!card_row) return card_row.error();
  Statement& row = **card_row;
  auto found = row.bind(1, card_id).step();
  if (!found) return found.error();
  if (!*found)
    return make_error(fmt::format("no card with id {} in this collection", card_id),
                      ErrorCode::NotFound);
  if (row.column_int(0) != 0)
    return make_error(
        fmt::format("card {} is archived: its note is no longer in the deck", card_id),
        ErrorCode::Invalid);
  if (row.column_int(2) != 0)
    return make_error(fmt::format("card {} is suspended; unsuspend it to study it", card_id),
                      ErrorCode::Invalid);
  const std::string deck = row.column_text(1);
  const bool was_new = row.column_is_null(3);
  const CardMemory before = was_new ? new_card_memory(now) : store::memory_from_columns(row, 3);
  row.reset();
  if (before.last_review > now) {
    return make_error(fmt::format("the answer's time {} is before the card's last review {}",
                                  to_iso8601(now), to_iso8601(before.last_review)),
                      ErrorCode::Invalid);
  }

  auto scheduler = impl.scheduler_for(deck);
  if (!scheduler) return scheduler.error();
  auto& deck_scheduler = **scheduler;
  std::int64_t parameter_set = deck_scheduler.parameter_set;
  if (parameter_set < 0) {
    auto id = store::store_parameter_set(impl.db, deck_scheduler.scheduler.parameters());
    if (!id) return id.error();
    parameter_set = *id;
  }
  bool balanced = false;
  auto outcome = impl.outcome(deck_scheduler, card_id, before, now, rating, balanced);
  if (!outcome) return outcome.error();
  const CardMemory after = *outcome;

  const std::int64_t elapsed_days =
      before.last_review > 0 ? (now - before.last_review) / kSecondsPerDay : 0;
  auto log = impl.cached(
      "INSERT INTO review_log (card, reviewed_at, rating, elapsed_days, duration_ms, state_before, "
      "state_after, before, after, parameters, balanced, origin, seq, balanced_days) VALUES (?1, "
      "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (!log) return log.error();
  // As store::next_entry_seq, with the statement cached: this runs for every answer.
  auto last_seq = impl.cached("SELECT COALESCE(MAX(seq), 0) FROM review_log WHERE origin = ?1");
  if (!last_seq) return last_seq.error();
  (*last_seq)->bind(1, impl.id);
  if (auto r = (*last_seq)->step(); !r) return r.error();
  const std::int64_t seq = store::entry_seq_after((*last_seq)->column_int(0));
  (*last_seq)->reset();
  (*log)->bind(12, impl.id).bind(13, seq).bind(14, after.scheduled_days);
  (*log)->bind(1, card_id).bind(2, now).bind(3, static_cast<int>(rating)).bind(4, elapsed_days);
  (*log)->bind(5, duration_ms).bind(6, static_cast<int>(before.state));
  (*log)->bind(7, static_cast<int>(after.state)).bind(8, store::memory_to_json(before));
  (*log)->bind(9, store::memory_to_json(after)).bind(10, parameter_set).bind(11, balanced ? 1 : 0);
  if (auto r = (*log)->run(); !r) return r.error();

  auto state = impl.cached(
      "INSERT INTO card_state (card, state, stability, difficulty, due, last_review, "
      "scheduled_days, learning_steps, reps, lapses, deck) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
      "?8, ?9, ?10, ?11) ON CONFLICT (card) DO UPDATE SET state = ?2, stability = ?3, "
      "difficulty = ?4, due = ?5, last_review = ?6, scheduled_days = ?7, learning_steps = ?8, "
      "reps = ?9, lapses = ?10, deck = ?11");
  if (!state) return state.error();
  if (auto r = store::bind_memory((**state).bind(1, card_id).bind(11, deck), 2, after).run(); !r)
    return r.error();
  if (was_new) {
    auto seen = impl.cached("UPDATE cards SET seen = 1 WHERE id = ?1");
    if (!seen) return seen.error();
    if (auto r = (*seen)->bind(1, card_id).run(); !r) return r.error();
  }
  if (becomes_leech(before, after, impl.options.leech_lapses)) {
    // Logged as a change this answer caused, so undoing the answer, here or on a device this
    // collection merges with, lifts it.
    if (auto r = store::record_change(
            impl.db, {"suspend", card_id, "leech", now, std::make_pair(impl.id, seq)});
        !r)
      return r.error();
    if (auto r = store::settle_card_flags(impl.db, card_id); !r) return r.error();
  }
  if (auto r = tx->commit(); !r) return r.error();
  deck_scheduler.parameter_set = parameter_set;  // only once it is surely stored
  return after;
}

Result<int> Collection::answer_all(const std::vector<PlannedAnswer>& answers,
                                   std::size_t* failed_at) {
  auto tx = Transaction::begin(impl_->db);
  if (!tx) return tx.error();
  int recorded = 0;
  for (const PlannedAnswer& planned : answers) {
    auto answered = answer(planned.card, planned.rating, planned.at, planned.duration_ms);
    if (!answered) {
      // The schedulers remember which parameter set they stored; that row is rolled back too.
      impl_->schedulers.clear();
      if (failed_at) *failed_at = static_cast<std::size_t>(recorded);
      return answered.error();
    }
    ++recorded;
  }
  if (auto r = tx->commit(); !r) {
    impl_->schedulers.clear();
    return r.error();
  }
  return recorded;
}

Result<void> Collection::all_or_nothing(const std::function<Result<void>()>& steps) {
  auto tx = Transaction::begin(impl_->db);
  if (!tx) return tx.error();
  // The schedulers remember which parameter set they stored; a rollback takes that row back too.
  auto forget = [&] { impl_->schedulers.clear(); };
  try {
    if (auto r = steps(); !r) {
      forget();
      return r.error();
    }
  } catch (...) {
    forget();
    throw;
  }
  if (auto r = tx->commit(); !r) {
    forget();
    return r.error();
  }
  return {};
}

Result<std::optional<ReviewRecord>> Collection::undo_last_answer() {
  auto& db = impl_->db;
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  auto last = db.prepare(
      "SELECT id, card, reviewed_at, rating, elapsed_days, duration_ms, before, after "
      "FROM answers WHERE origin = ?1 ORDER BY id DESC LIMIT 1");
  if (!last) return last.error();
  last->bind(1, impl_->id);
  auto row = last->step();
  if (!row) return row.error();
  if (!*row) return std::optional<ReviewRecord>();
  ReviewRecord record;
  record.id = last->column_int(0);
  record.card = last->column_text(1);
  record.reviewed_at = last->column_int(2);
  record.rating = static_cast<Rating>(last->column_int(3));
  record.elapsed_days = static_cast<int>(last->column_int(4));
  record.duration_ms = last->column_int(5);
  auto before = store::memory_from_json(last->column_text(6));
  if (!before) return before.error();
  auto after = store::memory_from_json(last->column_text(7));
  if (!after) return after.error();
  record.before = *before;
  record.after = *after;
  last->reset();

  // The answer stays in the log, marked undone: the log only ever grows. The card is replayed
  // without it (new again when it was its only answer), and what it caused (a leech suspension)
  // no longer stands.
  auto undo = db.prepare(
      "INSERT INTO review_undo (log_id, undone_at) VALUES (?1, CAST(strftime('%s', 'now') AS "
      "INTEGER))");
  if (!undo) return undo.error();
  if (auto r = undo->bind(1, record.id).run(); !r) return r.error();
  if (auto r = merge::replay_and_settle(db, {record.card}); !r) return r.error();
  if (auto r = tx->commit(); !r) return r.error();
  return std::optional<ReviewRecord>(std::move(record));
}

namespace {

// Logs a change of a card's flags made here, and sets the flags from the card's changes.
Result<void> change_flags(Database& db, store::Change change) {
  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  const std::string card = change.target;
  if (auto r = store::record_change(db, std::move(change)); !r) return r;
  if (auto r = store::settle_card_flags(db, card); !r) return r;
  return tx->commit();
}

}  // namespace

Result<void> Collection::suspend(const std::string& card_id) {
  if (auto active = card_is_active(impl_->db, card_id); !active) return active.error();
  auto suspended = is_suspended(card_id);
  if (!suspended) return suspended.error();
  if (*suspended) return {};
  return change_flags(impl_->db, {"suspend", card_id, "learner", now_utc(), std::nullopt});
}

Result<void> Collection::unsuspend(const std::string& card_id) {
  if (auto active = card_is_active(impl_->db, card_id); !active) return active.error();
  auto suspended = is_suspended(card_id);
  if (!suspended) return suspended.error();
  if (!*suspended) return {};
  return change_flags(impl_->db, {"unsuspend", card_id, "learner", now_utc(), std::nullopt});
}

Result<bool> Collection::is_suspended(const std::string& card_id) const {
  auto stmt = impl_->db.prepare("SELECT COUNT(*) FROM suspended WHERE card = ?1");
  if (!stmt) return stmt.error();
  if (auto r = stmt->bind(1, card_id).step(); !r) return r.error();
  return stmt->column_int(0) > 0;
}

Result<void> Collection::bury(const std::string& card_id, Timestamp now) {
  if (auto active = card_is_active(impl_->db, card_id); !active) return active.error();
  auto tx = Transaction::begin(impl_->db);
  if (!tx) return tx.error();
  auto expired = impl_->db.prepare("DELETE FROM buried WHERE until <= ?1");
  if (!expired) return expired.error();
  if (auto r = expired->bind(1, now).run(); !r) return r.error();
  const Timestamp until = start_of_next_day(now, impl_->options.rollover_hour);
  if (auto r = change_flags(impl_->db, {"bury", card_id, std::to_string(until), now, std::nullopt});
      !r)
    return r;
  return tx->commit();
}

Result<bool> Collection::is_buried(const std::string& card_id, Timestamp now) const {
  auto stmt = impl_->db.prepare("SELECT COUNT(*) FROM buried WHERE card = ?1 AND until > ?2");
  if (!stmt) return stmt.error();
  if (auto r = stmt->bind(1, card_id).bind(2, now).step(); !r) return r.error();
  return stmt->column_int(0) > 0;
}

Result<std::vector<std::string>> Collection::tags(const std::string& card_id) const {
  auto stmt = impl_->db.prepare("SELECT tag FROM card_tags WHERE card = ?1 ORDER BY tag");
  if (!stmt) return stmt.error();
  stmt->bind(1, card_id);
  std::vector<std::string> tags;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    tags.push_back(stmt->column_text(0));
  }
  return tags;
}

Result<void> Collection::save_options(const StudyOptions& options) {
  if (auto r = store::save_settings(impl_->db, options); !r) return r;
  impl_->options = options;
  impl_->schedulers.clear();
  return {};
}

Result<DeckOptions> Collection::deck_options(const std::string& deck) const {
  if (auto known = require_deck(impl_->db, deck); !known) return known.error();
  return store::load_deck_options(impl_->db, deck);
}

Result<void> Collection::set_deck_options(const std::string& deck, const DeckOptions& options) {
  if (auto r = store::save_deck_options(impl_->db, deck, options); !r) return r;
  impl_->schedulers.erase(deck);
  return {};
}

const std::string& Collection::id() const {
  return impl_->id;
}

Result<MergeReport> Collection::merge(const std::filesystem::path& other, Timestamp now) {
  if (impl_->db.read_only())
    return make_error("this collection is read-only; nothing can be merged into it",
                      ErrorCode::ReadOnly);
  auto report = merge::merge_into(impl_->db, other, now);
  if (!report) return report.error();
  // Settings may have come in: the collection's own, over what it was opened with.
  StudyOptions options = impl_->options;
  if (auto r = store::load_settings(impl_->db, options); !r) return r.error();
  impl_->options = options;
  impl_->schedulers.clear();
  return report;
}

Result<FolderMergeReport> Collection::merge_folder(const std::filesystem::path& folder,
                                                   Timestamp now) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    return make_error(fmt::format("{}: no such folder", folder.string()), ErrorCode::NotFound);
  if (impl_->db.read_only())
    return make_error("this collection is read-only; nothing can be merged into it",
                      ErrorCode::ReadOnly);
  FolderMergeReport report;
  for (const auto& file : merge::folder_collection_files(folder)) {
    auto merged = merge(file, now);
    if (merged)
      report.merged.emplace_back(file, std::move(*merged));
    else
      report.skipped.push_back(
          fmt::format("{}: {}", file.filename().string(), merged.error().message));
  }
  report.written = folder / (impl_->id + ".db");
  if (auto r = store::write_copy(impl_->db, report.written); !r) return r.error();
  return report;
}

Result<CheckReport> Collection::check() const {
  return store::check_collection(impl_->db);
}

Result<std::vector<ReviewRecord>> Collection::review_log(const std::string& card_id) const {
  auto stmt = impl_->db.prepare(
      "SELECT id, card, reviewed_at, rating, elapsed_days, duration_ms, before, after "
      "FROM answers WHERE card = ?1 ORDER BY reviewed_at, origin, seq");
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

// ---------------------------------------------------------------------------------------------
// Typed answers
// ---------------------------------------------------------------------------------------------

namespace {

// Cards whose answer is a person: who-said (either form) and "who is" asked the other way round.
bool answers_with_a_person(const std::string& type) {
  return type == card_type::kWhoSaid || type == card_type::kWhoSaidTyped ||
         type == card_type::kWhoIsReverse;
}

}  // namespace

Result<AnswerCheck> Collection::check_typed_answer(const Card& card, std::string_view typed) const {
  if (!answers_with_a_person(card.type))
    return check_answer(typed, card.answer, deck::other_cited_wordings(card));
  auto stmt = impl_->db.prepare(
      "SELECT DISTINCT answer FROM cards WHERE deck = ?1 AND archived = 0 AND type IN (?2, ?3, "
      "?4)");
  if (!stmt) return stmt.error();
  stmt->bind(1, card.deck).bind(2, card_type::kWhoSaid).bind(3, card_type::kWhoSaidTyped);
  stmt->bind(4, card_type::kWhoIsReverse);
  std::vector<std::string> people;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    people.push_back(stmt->column_text(0));
  }
  return check_answer(typed, card.answer, speaker_aliases(card.answer, people));
}

}  // namespace citecard
