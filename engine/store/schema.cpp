#include "store/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace citecard::store {
namespace {

// Each entry takes the schema from version i to i + 1. Never edit a released entry: add one.
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 0 -> 1: decks, their sources, notes with verbatim citations, cards, scheduling state and the
    // append-only review log.
    R"sql(
CREATE TABLE decks (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  built_at    INTEGER NOT NULL
);
CREATE TABLE sources (
  deck   TEXT NOT NULL REFERENCES decks(id),
  id     TEXT NOT NULL,
  file   TEXT NOT NULL,
  outlet TEXT NOT NULL,
  title  TEXT NOT NULL,
  author TEXT NOT NULL,
  date   TEXT NOT NULL,
  text   BLOB NOT NULL,
  PRIMARY KEY (deck, id)
);
CREATE TABLE notes (
  id       TEXT PRIMARY KEY,
  deck     TEXT NOT NULL REFERENCES decks(id),
  kind     TEXT NOT NULL CHECK (kind IN ('quote', 'fact')),
  body     TEXT NOT NULL,            -- the note's fields as JSON
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE citations (
  note     TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  deck     TEXT NOT NULL,
  source   TEXT NOT NULL,
  start    INTEGER NOT NULL,
  end      INTEGER NOT NULL CHECK (end > start),
  text     TEXT NOT NULL,
  PRIMARY KEY (note, position),
  FOREIGN KEY (deck, source) REFERENCES sources(deck, id)
);
CREATE TABLE cards (
  id         TEXT PRIMARY KEY,
  note       TEXT NOT NULL REFERENCES notes(id),
  deck       TEXT NOT NULL REFERENCES decks(id),
  type       TEXT NOT NULL,
  prompt     TEXT NOT NULL,
  answer     TEXT NOT NULL,
  choices    TEXT NOT NULL,          -- JSON array, empty for free recall
  ordinal    INTEGER NOT NULL,       -- order in which new cards are introduced
  created_at INTEGER NOT NULL,
  archived   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cards_new_order ON cards (deck, archived, ordinal);

-- One row per card that has been answered at least once; a card without a row is new.
CREATE TABLE card_state (
  card           TEXT PRIMARY KEY REFERENCES cards(id),
  state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
  stability      REAL NOT NULL,
  difficulty     REAL NOT NULL,
  due            INTEGER NOT NULL,
  last_review    INTEGER NOT NULL,
  scheduled_days INTEGER NOT NULL,
  learning_steps INTEGER NOT NULL,
  reps           INTEGER NOT NULL,
  lapses         INTEGER NOT NULL
);
CREATE INDEX card_state_due ON card_state (state, due);

CREATE TABLE parameter_sets (
  id   INTEGER PRIMARY KEY,
  json TEXT NOT NULL UNIQUE
);

-- The truth: every answer ever given. Rows are never changed; a card's state is their replay.
CREATE TABLE review_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  card         TEXT NOT NULL REFERENCES cards(id),
  reviewed_at  INTEGER NOT NULL,
  rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
  elapsed_days INTEGER NOT NULL,
  duration_ms  INTEGER NOT NULL,
  state_before INTEGER NOT NULL,
  state_after  INTEGER NOT NULL,
  before       TEXT NOT NULL,        -- full CardMemory as JSON
  after        TEXT NOT NULL,
  parameters   INTEGER NOT NULL REFERENCES parameter_sets(id)
);
CREATE INDEX review_log_card ON review_log (card, id);
CREATE INDEX review_log_time ON review_log (reviewed_at);
CREATE TRIGGER review_log_is_append_only BEFORE UPDATE ON review_log
BEGIN
  SELECT RAISE(ABORT, 'the review log is append-only');
END;
)sql",
    // 1 -> 2: what a learner sets: collection-wide settings, per-deck limits and retention,
    // suspended cards and tags (leeches). Indexes for the queue on large collections.
    R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- NULL means "use the collection's default".
CREATE TABLE deck_options (
  deck              TEXT PRIMARY KEY REFERENCES decks(id),
  new_per_day       INTEGER CHECK (new_per_day >= 0),
  reviews_per_day   INTEGER CHECK (reviews_per_day >= 0),
  desired_retention REAL CHECK (desired_retention > 0 AND desired_retention < 1)
);
-- `log_id` is the answer that suspended or tagged the card (a leech), so undoing it undoes them.
CREATE TABLE suspended (
  card   TEXT PRIMARY KEY REFERENCES cards(id),
  reason TEXT NOT NULL,
  log_id INTEGER
);
CREATE TABLE card_tags (
  card   TEXT NOT NULL REFERENCES cards(id),
  tag    TEXT NOT NULL,
  log_id INTEGER,
  PRIMARY KEY (card, tag)
);
-- `seen` is 1 once a card has a card_state row: the partial index then finds the next new card
-- without walking past every card already studied.
ALTER TABLE cards ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;
UPDATE cards SET seen = 1 WHERE id IN (SELECT card FROM card_state);
CREATE INDEX cards_note ON cards (note);
CREATE INDEX cards_unseen ON cards (deck, ordinal) WHERE archived = 0 AND seen = 0;
CREATE INDEX cards_archived ON cards (id) WHERE archived = 1;
-- The card's deck, copied so the day's queue is one scan of this covering index, whatever the
-- collection's size: what is due, in which deck, and how overdue relative to its stability.
ALTER TABLE card_state ADD COLUMN deck TEXT NOT NULL DEFAULT '';
UPDATE card_state SET deck = (SELECT c.deck FROM cards c WHERE c.id = card_state.card);
DROP INDEX card_state_due;
CREATE INDEX card_state_queue ON card_state (state, due, deck, stability, card);
-- 1 when the answer's day was chosen by load balancing within its fuzz range (store/load_balance).
ALTER TABLE review_log ADD COLUMN balanced INTEGER NOT NULL DEFAULT 0;
)sql",
    // 2 -> 3: cards a learner buried (put aside for the rest of the study day), shown again from
    // `until`, the start of the next study day; expired rows are harmless and dropped on the
    // next bury.
    R"sql(
CREATE TABLE buried (
  card  TEXT PRIMARY KEY REFERENCES cards(id),
  until INTEGER NOT NULL
);
)sql",
    // 3 -> 4: undo appends instead of deleting. An undone answer stays in the log, marked by a
    // row here; the answers that count are the view `answers`. Neither table loses a row.
    R"sql(
CREATE TABLE review_undo (
  log_id    INTEGER PRIMARY KEY REFERENCES review_log(id),
  undone_at INTEGER NOT NULL
);
CREATE VIEW answers AS
  SELECT * FROM review_log r WHERE NOT EXISTS (SELECT 1 FROM review_undo u WHERE u.log_id = r.id);
CREATE TRIGGER review_log_keeps_its_rows BEFORE DELETE ON review_log
BEGIN
  SELECT RAISE(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER review_undo_is_append_only BEFORE UPDATE ON review_undo
BEGIN
  SELECT RAISE(ABORT, 'the undo log is append-only');
END;
CREATE TRIGGER review_undo_keeps_its_rows BEFORE DELETE ON review_undo
BEGIN
  SELECT RAISE(ABORT, 'the undo log is append-only');
END;
)sql",
};

}  // namespace

Error newer_schema_error(int version) {
  return make_error(
      fmt::format(
          "this collection was written by a newer citecard (schema {}, this one knows up to {}); "
          "upgrade citecard to open it",
          version, kSchemaVersion),
      ErrorCode::Newer);
}

Result<void> migrate(Database& db, int target) {
  target = std::min(target, kSchemaVersion);
  auto version = db.scalar("PRAGMA user_version");
  if (!version) return version.error();
  if (*version > kSchemaVersion) return newer_schema_error(static_cast<int>(*version));
  if (*version >= target) return {};

  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  for (auto v = *version; v < target; ++v) {
    if (auto r = db.exec(kMigrations[static_cast<std::size_t>(v)]); !r) {
      return make_error(
          fmt::format("cannot upgrade the collection to schema {}: {}", v + 1, r.error().message),
          r.error().code);
    }
  }
  if (auto r = db.exec(fmt::format("PRAGMA user_version = {}", target)); !r) return r.error();
  return tx->commit();
}

}  // namespace citecard::store
