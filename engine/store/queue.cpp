// The queue is computed from a handful of index scans whatever the collection's size: due
// learning and review cards come from one range of the covering index card_state_queue (state,
// due, deck, stability, card), new cards from the partial index cards_unseen, read only as far as
// the daily limits reach. Suspended, archived and buried cards are few, so they are gathered
// first and skipped in C++ rather than tested row by row in SQL.
#include "store/queue.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_set>
#include <vector>

namespace citecard::store {
namespace {

struct Day {
  Timestamp start;
  Timestamp end;
};

Day day_of(Timestamp now, const StudyOptions& options) {
  return Day{start_of_day(now, options.rollover_hour),
             start_of_next_day(now, options.rollover_hour)};
}

// A deck's daily limits: its own options where set, else the collection's.
struct DeckLimits {
  int new_per_day = 0;
  int reviews_per_day = 0;
};

// One deck's place in today's queue.
struct DeckQueue {
  DeckLimits limits;
  int introduced = 0;  // new cards answered for the first time today
  int reviewed = 0;    // answers to cards in review today
  int new_remaining = 0;
  int review_remaining = 0;
  int learning_due = 0;
  std::optional<std::string> first_new;
  std::optional<std::string> best_review;
  double best_review_score = 0;
};

struct Snapshot {
  std::map<std::string, DeckQueue> decks;   // the decks in scope, by id
  std::unordered_set<std::string> blocked;  // suspended or archived: never shown
  std::unordered_set<std::string> buried;   // a sibling was answered today: not before tomorrow
};

Result<void> each_row(Statement& stmt, const std::function<void(const Statement&)>& row_fn) {
  for (;;) {
    auto row = stmt.step();
    if (!row) return row.error();
    if (!*row) return {};
    row_fn(stmt);
  }
}

Result<void> load_decks(const Database& db, const std::string& scope, const StudyOptions& options,
                        Snapshot& snap) {
  auto stmt = db.prepare(
      "SELECT d.id, o.new_per_day, o.reviews_per_day FROM decks d "
      "LEFT JOIN deck_options o ON o.deck = d.id WHERE ?1 = '' OR d.id = ?1 ORDER BY d.id");
  if (!stmt) return stmt.error();
  stmt->bind(1, scope);
  return each_row(*stmt, [&](const Statement& row) {
    DeckQueue& q = snap.decks[row.column_text(0)];
    q.limits = {options.new_cards_per_day, options.reviews_per_day};
    if (!row.column_is_null(1)) q.limits.new_per_day = static_cast<int>(row.column_int(1));
    if (!row.column_is_null(2)) q.limits.reviews_per_day = static_cast<int>(row.column_int(2));
  });
}

Result<void> load_exclusions(const Database& db, const Day& day, Timestamp now, Snapshot& snap) {
  // A card the learner buried is held back like a suspended one until its day is over.
  auto blocked = db.prepare(
      "SELECT card FROM suspended UNION ALL SELECT id FROM cards WHERE archived = 1 "
      "UNION ALL SELECT card FROM buried WHERE until > ?1");
  if (!blocked) return blocked.error();
  blocked->bind(1, now);
  if (auto r = each_row(*blocked,
                        [&](const Statement& row) { snap.blocked.insert(row.column_text(0)); });
      !r)
    return r;
  auto buried = db.prepare(
      "SELECT sib.id FROM answers r JOIN cards c ON c.id = r.card "
      "JOIN cards sib ON sib.note = c.note AND sib.id <> c.id "
      "WHERE r.reviewed_at >= ?1 AND r.reviewed_at < ?2");
  if (!buried) return buried.error();
  // Answers of today only: one dated years ahead (from an imported log) is not today's.
  buried->bind(1, day.start).bind(2, day.end);
  return each_row(*buried, [&](const Statement& row) { snap.buried.insert(row.column_text(0)); });
}

Result<void> load_today(const Database& db, const Day& day, Snapshot& snap) {
  auto stmt = db.prepare(
      "SELECT c.deck, COUNT(DISTINCT CASE WHEN r.state_before = 0 THEN r.card END), "
      "SUM(r.state_before = 2) FROM answers r JOIN cards c ON c.id = r.card "
      "WHERE r.reviewed_at >= ?1 AND r.reviewed_at < ?2 GROUP BY c.deck");
  if (!stmt) return stmt.error();
  stmt->bind(1, day.start).bind(2, day.end);
  return each_row(*stmt, [&](const Statement& row) {
    auto found = snap.decks.find(row.column_text(0));
    if (found == snap.decks.end()) return;
    found->second.introduced = static_cast<int>(row.column_int(1));
    found->second.reviewed = static_cast<int>(row.column_int(2));
  });
}

// Reviews due before the end of today: how many each deck may still show, and its most overdue
// relative to stability (the order Anki's FSRS learners know).
Result<void> load_reviews(const Database& db, const Day& day, Timestamp now, Snapshot& snap) {
  auto stmt = db.prepare(
      "SELECT card, deck, due, stability FROM card_state INDEXED BY card_state_queue "
      "WHERE state = 2 AND due < ?1");
  if (!stmt) return stmt.error();
  stmt->bind(1, day.end);
  return each_row(*stmt, [&](const Statement& row) {
    auto deck = snap.decks.find(row.column_text(1));
    if (deck == snap.decks.end()) return;
    DeckQueue& q = deck->second;
    const std::string card = row.column_text(0);
    if (snap.blocked.count(card) || snap.buried.count(card)) return;
    if (q.review_remaining < std::max(0, q.limits.reviews_per_day - q.reviewed))
      ++q.review_remaining;
    const double overdue =
        static_cast<double>(now - row.column_int(2)) / std::max(row.column_double(3), 0.01);
    if (!q.best_review || overdue > q.best_review_score ||
        (overdue == q.best_review_score && card < *q.best_review)) {
      q.best_review = card;
      q.best_review_score = overdue;
    }
  });
}

// New cards in deck order, read only as far as each deck's remaining daily limit.
Result<void> load_new(const Database& db, Snapshot& snap) {
  auto stmt = db.prepare(
      "SELECT id FROM cards INDEXED BY cards_unseen WHERE deck = ?1 AND archived = 0 AND "
      "seen = 0 ORDER BY ordinal");
  if (!stmt) return stmt.error();
  for (auto& [deck, q] : snap.decks) {
    const int room = std::max(0, q.limits.new_per_day - q.introduced);
    if (room == 0) continue;
    stmt->reset();
    stmt->bind(1, deck);
    for (;;) {
      auto row = stmt->step();
      if (!row) return row.error();
      if (!*row) break;
      const std::string card = stmt->column_text(0);
      if (snap.blocked.count(card) || snap.buried.count(card)) continue;
      if (!q.first_new) q.first_new = card;
      if (++q.new_remaining == room) break;
    }
  }
  stmt->reset();
  return {};
}

// Learning cards due by `until` in scope: how many per deck, and the one due first.
Result<std::optional<std::string>> scan_learning(const Database& db, Timestamp until,
                                                 Snapshot& snap, bool count) {
  auto stmt = db.prepare(
      "SELECT card, deck, due FROM card_state INDEXED BY card_state_queue "
      "WHERE state IN (1, 3) AND due <= ?1 ORDER BY due, card");
  if (!stmt) return stmt.error();
  stmt->bind(1, until);
  std::optional<std::string> first;
  auto r = each_row(*stmt, [&](const Statement& row) {
    auto deck = snap.decks.find(row.column_text(1));
    if (deck == snap.decks.end()) return;
    const std::string card = row.column_text(0);
    if (snap.blocked.count(card)) return;
    if (!first) first = card;
    if (count) ++deck->second.learning_due;
  });
  if (!r) return r.error();
  return first;
}

Result<Snapshot> snapshot(const Database& db, const std::string& scope, const Day& day,
                          Timestamp now, const StudyOptions& options) {
  Snapshot snap;
  if (auto r = load_decks(db, scope, options, snap); !r) return r.error();
  if (auto r = load_exclusions(db, day, now, snap); !r) return r.error();
  if (auto r = load_today(db, day, snap); !r) return r.error();
  if (auto r = load_reviews(db, day, now, snap); !r) return r.error();
  if (auto r = load_new(db, snap); !r) return r.error();
  return snap;
}

// True when the next card should be new: new cards are spread evenly through the day's reviews,
// so that the share of new cards among today's answers keeps to the day's share of new cards.
bool new_card_is_due(int introduced, int reviewed, int new_left, int reviews_left) {
  if (new_left == 0) return false;
  if (reviews_left == 0) return true;
  const std::int64_t new_today = introduced + new_left;
  const std::int64_t all_today = new_today + reviewed + reviews_left;
  return static_cast<std::int64_t>(introduced) * all_today <
         static_cast<std::int64_t>(introduced + reviewed) * new_today;
}

}  // namespace

Result<std::map<std::string, QueueCounts>> queue_counts_by_deck(const Database& db,
                                                                const std::string& deck,
                                                                Timestamp now,
                                                                const StudyOptions& options) {
  const Day day = day_of(now, options);
  auto snap = snapshot(db, deck, day, now, options);
  if (!snap) return snap.error();
  if (auto r = scan_learning(db, now, *snap, /*count=*/true); !r) return r.error();
  std::map<std::string, QueueCounts> by_deck;
  for (const auto& [id, q] : snap->decks)
    by_deck[id] =
        QueueCounts{q.new_remaining, q.learning_due, q.review_remaining, q.introduced, q.reviewed};
  return by_deck;
}

Result<QueueCounts> queue_counts(const Database& db, const std::string& deck, Timestamp now,
                                 const StudyOptions& options) {
  auto by_deck = queue_counts_by_deck(db, deck, now, options);
  if (!by_deck) return by_deck.error();
  QueueCounts counts;
  for (const auto& [id, q] : *by_deck) {
    counts.new_available += q.new_available;
    counts.review_due += q.review_due;
    counts.learning_due += q.learning_due;
    counts.new_introduced_today += q.new_introduced_today;
    counts.reviewed_today += q.reviewed_today;
  }
  return counts;
}

Result<std::optional<std::string>> next_card_id(const Database& db, const std::string& deck,
                                                Timestamp now, const StudyOptions& options) {
  const Day day = day_of(now, options);
  auto snap = snapshot(db, deck, day, now, options);
  if (!snap) return snap.error();
  auto learning = scan_learning(db, now, *snap, /*count=*/false);
  if (!learning || *learning) return learning;

  int introduced = 0, reviewed = 0, new_left = 0, reviews_left = 0;
  for (const auto& [id, q] : snap->decks) {
    introduced += q.introduced;
    reviewed += q.reviewed;
    new_left += q.new_remaining;
    reviews_left += q.review_remaining;
  }
  if (new_card_is_due(introduced, reviewed, new_left, reviews_left)) {
    for (const auto& [id, q] : snap->decks)
      if (q.first_new) return q.first_new;
  }
  const DeckQueue* best = nullptr;
  for (const auto& [id, q] : snap->decks) {
    if (q.review_remaining == 0 || !q.best_review) continue;
    if (!best || q.best_review_score > best->best_review_score) best = &q;
  }
  if (best) return best->best_review;
  return scan_learning(db, now + kLearnAheadSeconds, *snap, /*count=*/false);
}

}  // namespace citecard::store
