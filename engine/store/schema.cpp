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
    // 4 -> 5: copies of a collection on several devices merge by their logs (merge/). The
    // collection gets a random id; every answer and every change a learner makes (suspend,
    // bury, settings, deck options) gets an id no other copy can give: the collection's id and a
    // random 63-bit number (random rather than counted, so that two copies of one file never give
    // the same one). An answer's facts (card, time, rating, time taken, parameters, balancing)
    // never change; its before/after snapshots are the replay of the card's log in time order,
    // recomputed when a merge brings in an answer given earlier elsewhere.
    R"sql(
CREATE TABLE identity (
  only       INTEGER PRIMARY KEY CHECK (only = 1),
  collection TEXT NOT NULL
);
INSERT INTO identity (only, collection) VALUES (1, lower(hex(randomblob(16))));
DROP TRIGGER review_log_is_append_only;
ALTER TABLE review_log ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE review_log ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
-- The interval load balancing chose, kept as a fact: a replay clamps it into the range the
-- replayed state allows.
ALTER TABLE review_log ADD COLUMN balanced_days INTEGER NOT NULL DEFAULT 0;
UPDATE review_log SET origin = (SELECT collection FROM identity),
  seq = (id << 31) | (abs(random()) % 2147483647 + 1),
  balanced_days = CAST(json_extract(after, '$.scheduled_days') AS INTEGER);
CREATE UNIQUE INDEX review_log_global_id ON review_log (origin, seq);
CREATE INDEX review_log_replay_order ON review_log (card, reviewed_at, origin, seq);
CREATE TRIGGER review_log_is_append_only
BEFORE UPDATE OF id, card, reviewed_at, rating, duration_ms, parameters, balanced, origin, seq,
  balanced_days ON review_log
BEGIN
  SELECT RAISE(ABORT, 'the review log is append-only: an answer''s facts never change');
END;
-- Every change of a card's flags or of a setting, as it was made: suspended, buried, settings
-- and deck_options hold the winner of each (by time, then id). `cause_origin`/`cause_seq` name
-- the answer that made a card a leech, so undoing that answer voids the change.
CREATE TABLE changes (
  origin       TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  at           INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('suspend', 'unsuspend', 'bury', 'setting',
                                             'deck_options')),
  target       TEXT NOT NULL,
  value        TEXT NOT NULL,
  cause_origin TEXT,
  cause_seq    INTEGER,
  PRIMARY KEY (origin, seq)
);
CREATE INDEX changes_target ON changes (target, kind);
-- What was set before this upgrade stands as changed at time 0: any later change wins over it.
INSERT INTO changes (origin, seq, at, kind, target, value, cause_origin, cause_seq)
  SELECT (SELECT collection FROM identity), (random() & 9223372036854775807),
    COALESCE(r.reviewed_at, 0), 'suspend', s.card, s.reason, r.origin, r.seq
  FROM suspended s LEFT JOIN review_log r ON r.id = s.log_id;
INSERT INTO changes (origin, seq, at, kind, target, value)
  SELECT (SELECT collection FROM identity), (random() & 9223372036854775807), 0, 'bury', card,
    CAST(until AS TEXT) FROM buried;
INSERT INTO changes (origin, seq, at, kind, target, value)
  SELECT (SELECT collection FROM identity), (random() & 9223372036854775807), 0, 'setting', key,
    value FROM settings WHERE key <> 'synchronous';
INSERT INTO changes (origin, seq, at, kind, target, value)
  SELECT (SELECT collection FROM identity), (random() & 9223372036854775807), 0, 'deck_options',
    deck, json_object('new_per_day', new_per_day, 'reviews_per_day', reviews_per_day,
                      'desired_retention', desired_retention) FROM deck_options;
CREATE TRIGGER changes_are_append_only BEFORE UPDATE ON changes
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER changes_keep_their_rows BEFORE DELETE ON changes
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
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
