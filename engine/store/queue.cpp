#include "store/queue.hpp"

#include <algorithm>
#include <vector>

namespace citecard::store {
namespace {

// "AND c.deck = ?1" when one deck is asked for; ?1 is then bound to it.
std::string deck_filter(const std::string& deck) {
  return deck.empty() ? "" : " AND c.deck = ?1";
}

Result<std::vector<std::string>> deck_ids(const Database& db, const std::string& deck) {
  if (!deck.empty()) return std::vector<std::string>{deck};
  auto stmt = db.prepare("SELECT id FROM decks ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<std::string> ids;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.push_back(stmt->column_text(0));
  }
  return ids;
}

Result<int> count(const Database& db, const std::string& sql, const std::string& deck,
                  std::int64_t a, std::int64_t b = 0) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  if (!deck.empty()) stmt->bind(1, deck);
  stmt->bind(2, a).bind(3, b);
  auto row = stmt->step();
  if (!row) return row.error();
  return static_cast<int>(stmt->column_int(0));
}

// New cards the deck may still introduce today: its daily limit less those already introduced
// today, and no more than it has.
Result<int> new_available_in_deck(const Database& db, const std::string& deck, Timestamp now,
                                  const StudyOptions& options) {
  const Timestamp day_start = start_of_day(now, options.rollover_hour);
  auto introduced = count(db,
                          "SELECT COUNT(DISTINCT r.card) FROM review_log r JOIN cards c "
                          "ON c.id = r.card WHERE r.state_before = 0 AND r.reviewed_at >= ?2" +
                              deck_filter(deck),
                          deck, day_start);
  if (!introduced) return introduced.error();
  auto unseen = count(db,
                      "SELECT COUNT(*) FROM cards c LEFT JOIN card_state s ON s.card = c.id "
                      "WHERE c.archived = 0 AND s.card IS NULL" +
                          deck_filter(deck),
                      deck, 0);
  if (!unseen) return unseen.error();
  return std::clamp(options.new_cards_per_day - *introduced, 0, *unseen);
}

Result<std::optional<std::string>> first_id(const Database& db, const std::string& sql,
                                            const std::string& deck, std::int64_t a,
                                            std::int64_t b = 0) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  if (!deck.empty()) stmt->bind(1, deck);
  stmt->bind(2, a).bind(3, b);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

const std::string kLearningDue =
    "SELECT c.id FROM card_state s JOIN cards c ON c.id = s.card "
    "WHERE c.archived = 0 AND s.state IN (1, 3) AND s.due <= ?2";
const std::string kReviewDue =
    "SELECT c.id FROM card_state s JOIN cards c ON c.id = s.card "
    "WHERE c.archived = 0 AND s.state = 2 AND s.due < ?2";

}  // namespace

Result<QueueCounts> queue_counts(const Database& db, const std::string& deck, Timestamp now,
                                 const StudyOptions& options) {
  QueueCounts counts;
  auto learning =
      count(db, "SELECT COUNT(*) FROM (" + kLearningDue + deck_filter(deck) + ")", deck, now);
  if (!learning) return learning.error();
  auto review = count(db, "SELECT COUNT(*) FROM (" + kReviewDue + deck_filter(deck) + ")", deck,
                      start_of_next_day(now, options.rollover_hour));
  if (!review) return review.error();
  counts.learning_due = *learning;
  counts.review_due = *review;
  auto decks = deck_ids(db, deck);
  if (!decks) return decks.error();
  for (const auto& id : *decks) {
    auto available = new_available_in_deck(db, id, now, options);
    if (!available) return available.error();
    counts.new_available += *available;
  }
  return counts;
}

Result<std::optional<std::string>> next_card_id(const Database& db, const std::string& deck,
                                                Timestamp now, const StudyOptions& options) {
  const std::string filter = deck_filter(deck);
  auto learning = first_id(db, kLearningDue + filter + " ORDER BY s.due, c.id LIMIT 1", deck, now);
  if (!learning || *learning) return learning;

  // Most overdue first, relative to how long the card is remembered.
  auto review = first_id(db,
                         kReviewDue + filter +
                             " ORDER BY CAST(?3 - s.due AS REAL) / MAX(s.stability, 0.01) DESC, "
                             "c.id LIMIT 1",
                         deck, start_of_next_day(now, options.rollover_hour), now);
  if (!review || *review) return review;

  auto decks = deck_ids(db, deck);
  if (!decks) return decks.error();
  for (const auto& id : *decks) {
    auto available = new_available_in_deck(db, id, now, options);
    if (!available) return available.error();
    if (*available == 0) continue;
    auto fresh = first_id(db,
                          "SELECT c.id FROM cards c LEFT JOIN card_state s ON s.card = c.id "
                          "WHERE c.archived = 0 AND s.card IS NULL AND c.deck = ?1 AND ?2 = ?2 "
                          "ORDER BY c.ordinal, c.id LIMIT 1",
                          id, 0);
    if (!fresh || *fresh) return fresh;
  }

  return first_id(db, kLearningDue + filter + " ORDER BY s.due, c.id LIMIT 1", deck,
                  now + kLearnAheadSeconds);
}

}  // namespace citecard::store
