// A large collection made quickly for the store benchmarks: direct inserts in one transaction
// into a freshly migrated collection. Cards, notes and states are shaped like a long-time
// learner's: 10% never seen, 0.1% in learning (due later this hour), the rest in review with due
// dates spread over the next three years and a backlog of overdue reviews.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "citecard/collection.hpp"
#include "store/database.hpp"

namespace citecard::bench {

// Sizes of a benchmark run: the full one for the figures, or the short one CI runs (small sizes,
// seconds) so that a benchmark that no longer runs fails the suite.
struct Sizes {
  bool short_mode = false;
  std::filesystem::path work_dir = std::filesystem::temp_directory_path();
};

// [--short] [WORK_DIR]
inline Sizes parse_arguments(int argc, char** argv) {
  Sizes sizes;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--short") {
      sizes.short_mode = true;
    } else {
      sizes.work_dir = arg;
    }
  }
  return sizes;
}

// 1000000 -> "1,000,000", as the table writes sizes.
inline std::string with_commas(std::int64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

inline std::string card_id(std::int64_t i) {
  return fmt::format("c{:08}", i);
}

inline void must(const Result<void>& r) {
  if (!r) {
    std::fprintf(stderr, "bench setup failed: %s\n", r.error().message.c_str());
    std::exit(1);
  }
}

inline void make_collection(const std::filesystem::path& path, std::int64_t cards, int decks,
                            Timestamp now, std::int64_t overdue_backlog) {
  std::filesystem::remove(path);
  {
    auto c = Collection::open(path);
    if (!c) must(c.error());
  }  // creates and migrates
  auto db = store::Database::open(path);
  if (!db) must(db.error());
  must(db->exec("PRAGMA foreign_keys=OFF; BEGIN"));
  auto deck = *db->prepare("INSERT INTO decks (id, title, built_at) VALUES (?1, ?1, 0)");
  for (int d = 0; d < decks; ++d) must(deck.bind(1, fmt::format("deck{}", d)).run()), deck.reset();
  auto note =
      *db->prepare("INSERT INTO notes (id, deck, kind, body) VALUES (?1, ?2, 'fact', '{}')");
  auto card = *db->prepare(
      "INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, created_at, "
      "seen) VALUES (?1, ?2, ?3, 'fact', 'A question?', 'An answer', '[]', ?4, 0, ?5)");
  auto state = *db->prepare(
      "INSERT INTO card_state (card, state, stability, difficulty, due, last_review, "
      "scheduled_days, learning_steps, reps, lapses, deck) VALUES (?1, ?2, ?3, 5.0, ?4, ?5, ?6, "
      "0, 4, 0, ?7)");
  std::uint64_t rng = 7;
  auto next = [&rng] {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return rng >> 33;
  };
  const std::int64_t unseen_from = cards - cards / 10;  // the last 10% in deck order are new
  for (std::int64_t i = 0; i < cards; ++i) {
    const std::string id = card_id(i);
    const std::string note_id = fmt::format("n{:08}", i);
    const std::string deck_id = fmt::format("deck{}", i % decks);
    must(note.bind(1, note_id).bind(2, deck_id).run());
    note.reset();
    const bool seen = i < unseen_from;
    must(card.bind(1, id)
             .bind(2, note_id)
             .bind(3, deck_id)
             .bind(4, i / decks)
             .bind(5, seen ? 1 : 0)
             .run());
    card.reset();
    if (!seen) continue;
    int kind = 2;
    Timestamp due = 0;
    double stability = 0;
    if (i % 1000 == 0) {  // learning, due later in the hour: the queue must look at reviews
      kind = 1;
      due = now + 60 + static_cast<Timestamp>(next() % 3600);
      stability = 1;
    } else if (i < overdue_backlog) {  // overdue by up to a month
      due = now - static_cast<Timestamp>(next() % (30 * kSecondsPerDay));
      stability = 5 + static_cast<double>(next() % 100);
    } else {  // due some time in the next three years
      due = now + static_cast<Timestamp>(next() % (3 * 365 * kSecondsPerDay));
      stability = 10 + static_cast<double>(next() % 1000);
    }
    must(state.bind(1, id)
             .bind(2, kind)
             .bind(3, stability)
             .bind(4, due)
             .bind(5, std::min(due - static_cast<Timestamp>(stability) * kSecondsPerDay,
                               now - kSecondsPerDay))
             .bind(6, static_cast<int>(stability))
             .bind(7, deck_id)
             .run());
    state.reset();
  }
  must(db->exec("COMMIT; PRAGMA foreign_keys=ON; ANALYZE"));
}

}  // namespace citecard::bench
