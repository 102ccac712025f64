#include "store/queue.hpp"

#include <algorithm>
#include <vector>

namespace citecard::store {
namespace {

// Fragments shared by the queries below; `c` is the card. Suspended cards are never studied.
const std::string kNotSuspended = " AND NOT EXISTS (SELECT 1 FROM suspended x WHERE x.card = c.id)";

// A card whose sibling was answered since the start of today (?2) waits until tomorrow.
const std::string kNotBuried =
    " AND NOT EXISTS (SELECT 1 FROM cards sib JOIN review_log r ON r.card = sib.id "
    "WHERE sib.note = c.note AND sib.id <> c.id AND r.reviewed_at >= ?2)";

// Learning cards of deck ?1 (every deck when ?1 is '') due by ?2. card_state leads the join so
// the (state, due) index bounds the work on large collections.
const std::string kLearningDue =
    "FROM card_state s CROSS JOIN cards c ON c.id = s.card WHERE s.state IN (1, 3) AND "
    "s.due <= ?2 AND (?1 = '' OR c.deck = ?1) AND c.archived = 0" +
    kNotSuspended;

// New cards of deck ?1 that may be shown today (?2 = start of today).
const std::string kNewEligible =
    "FROM cards c WHERE c.deck = ?1 AND c.archived = 0 AND c.seen = 0" + kNotSuspended + kNotBuried;

// Reviews of deck ?1 due before the end of today (?3) that may be shown today (?2 = its start).
const std::string kReviewEligible =
    "FROM card_state s CROSS JOIN cards c ON c.id = s.card WHERE s.state = 2 AND s.due < ?3 AND "
    "c.deck = ?1 AND c.archived = 0" +
    kNotSuspended + kNotBuried;

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

// Binds ?1 = deck and ?2.. = `numbers`, steps once; the first column of the row, if any.
Result<std::optional<std::string>> first_text(const Database& db, const std::string& sql,
                                              const std::string& deck,
                                              std::initializer_list<std::int64_t> numbers) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  stmt->bind(1, deck);
  int index = 2;
  for (auto n : numbers) stmt->bind(index++, n);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

Result<int> first_int(const Database& db, const std::string& sql, const std::string& deck,
                      std::initializer_list<std::int64_t> numbers) {
  auto text = first_text(db, sql, deck, numbers);
  if (!text) return text.error();
  return *text ? std::stoi(**text) : 0;
}

// One deck's place in today's queue.
struct DeckQueue {
  std::string deck;
  int new_remaining = 0;
  int review_remaining = 0;
  int introduced = 0;  // new cards answered for the first time today
  int reviewed = 0;    // answers to cards in review today
};

struct Day {
  Timestamp start;
  Timestamp end;
};

Result<DeckQueue> deck_queue(const Database& db, const std::string& deck, const Day& day,
                             const StudyOptions& options) {
  auto limits = deck_limits(db, deck, options);
  if (!limits) return limits.error();
  DeckQueue q;
  q.deck = deck;
  auto introduced = first_int(db,
                              "SELECT COUNT(DISTINCT r.card) FROM review_log r JOIN cards c ON "
                              "c.id = r.card WHERE r.reviewed_at >= ?2 AND r.state_before = 0 "
                              "AND c.deck = ?1",
                              deck, {day.start});
  if (!introduced) return introduced.error();
  auto reviewed = first_int(db,
                            "SELECT COUNT(*) FROM review_log r JOIN cards c ON c.id = r.card "
                            "WHERE r.reviewed_at >= ?2 AND r.state_before = 2 AND c.deck = ?1",
                            deck, {day.start});
  if (!reviewed) return reviewed.error();
  q.introduced = *introduced;
  q.reviewed = *reviewed;
  // Counting stops at what the limit still allows, so a huge backlog costs no more than that.
  const int new_room = std::max(0, limits->new_per_day - q.introduced);
  const int review_room = std::max(0, limits->reviews_per_day - q.reviewed);
  if (new_room > 0) {
    auto n = first_int(db, "SELECT COUNT(*) FROM (SELECT 1 " + kNewEligible + " LIMIT ?3)", deck,
                       {day.start, new_room});
    if (!n) return n.error();
    q.new_remaining = *n;
  }
  if (review_room > 0) {
    auto n = first_int(db, "SELECT COUNT(*) FROM (SELECT 1 " + kReviewEligible + " LIMIT ?4)", deck,
                       {day.start, day.end, review_room});
    if (!n) return n.error();
    q.review_remaining = *n;
  }
  return q;
}

Result<std::vector<DeckQueue>> deck_queues(const Database& db, const std::string& deck,
                                           const Day& day, const StudyOptions& options) {
  auto ids = deck_ids(db, deck);
  if (!ids) return ids.error();
  std::vector<DeckQueue> queues;
  for (const auto& id : *ids) {
    auto q = deck_queue(db, id, day, options);
    if (!q) return q.error();
    queues.push_back(std::move(*q));
  }
  return queues;
}

Day day_of(Timestamp now, const StudyOptions& options) {
  return Day{start_of_day(now, options.rollover_hour),
             start_of_next_day(now, options.rollover_hour)};
}

// The most overdue review, relative to its stability, among decks with reviews left today.
Result<std::optional<std::string>> most_overdue_review(const Database& db,
                                                       const std::vector<DeckQueue>& queues,
                                                       const Day& day, Timestamp now) {
  std::optional<std::string> best;
  double best_score = 0;
  for (const auto& q : queues) {
    if (q.review_remaining == 0) continue;
    auto stmt = db.prepare("SELECT c.id, CAST(?4 - s.due AS REAL) / MAX(s.stability, 0.01) AS o " +
                           kReviewEligible + " ORDER BY o DESC, c.id LIMIT 1");
    if (!stmt) return stmt.error();
    stmt->bind(1, q.deck).bind(2, day.start).bind(3, day.end).bind(4, now);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) continue;
    const double score = stmt->column_double(1);
    if (!best || score > best_score) {
      best = stmt->column_text(0);
      best_score = score;
    }
  }
  return best;
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

Result<DeckLimits> deck_limits(const Database& db, const std::string& deck,
                               const StudyOptions& options) {
  DeckLimits limits{options.new_cards_per_day, options.reviews_per_day};
  auto stmt = db.prepare("SELECT new_per_day, reviews_per_day FROM deck_options WHERE deck = ?1");
  if (!stmt) return stmt.error();
  auto row = stmt->bind(1, deck).step();
  if (!row) return row.error();
  if (*row) {
    if (!stmt->column_is_null(0)) limits.new_per_day = static_cast<int>(stmt->column_int(0));
    if (!stmt->column_is_null(1)) limits.reviews_per_day = static_cast<int>(stmt->column_int(1));
  }
  return limits;
}

Result<QueueCounts> queue_counts(const Database& db, const std::string& deck, Timestamp now,
                                 const StudyOptions& options) {
  const Day day = day_of(now, options);
  QueueCounts counts;
  auto learning = first_int(db, "SELECT COUNT(*) " + kLearningDue, deck, {now});
  if (!learning) return learning.error();
  counts.learning_due = *learning;
  auto queues = deck_queues(db, deck, day, options);
  if (!queues) return queues.error();
  for (const auto& q : *queues) {
    counts.new_available += q.new_remaining;
    counts.review_due += q.review_remaining;
    counts.new_introduced_today += q.introduced;
    counts.reviewed_today += q.reviewed;
  }
  return counts;
}

Result<std::optional<std::string>> next_card_id(const Database& db, const std::string& deck,
                                                Timestamp now, const StudyOptions& options) {
  const std::string kFirstLearning =
      "SELECT c.id " + kLearningDue + " ORDER BY s.due, c.id LIMIT 1";
  auto learning = first_text(db, kFirstLearning, deck, {now});
  if (!learning || *learning) return learning;

  const Day day = day_of(now, options);
  auto queues = deck_queues(db, deck, day, options);
  if (!queues) return queues.error();
  int introduced = 0, reviewed = 0, new_left = 0, reviews_left = 0;
  for (const auto& q : *queues) {
    introduced += q.introduced;
    reviewed += q.reviewed;
    new_left += q.new_remaining;
    reviews_left += q.review_remaining;
  }
  if (new_card_is_due(introduced, reviewed, new_left, reviews_left)) {
    for (const auto& q : *queues) {
      if (q.new_remaining == 0) continue;
      auto fresh = first_text(db, "SELECT c.id " + kNewEligible + " ORDER BY c.ordinal LIMIT 1",
                              q.deck, {day.start});
      if (!fresh || *fresh) return fresh;
    }
  }
  if (reviews_left > 0) {
    auto review = most_overdue_review(db, *queues, day, now);
    if (!review || *review) return review;
  }
  return first_text(db, kFirstLearning, deck, {now + kLearnAheadSeconds});
}

}  // namespace citecard::store
