// citecard — a collection's review log in and out as FSRS standard CSV (see optimize.hpp).
//
// Cards are numbered in the CSV by a stable 53-bit number derived from their id (JavaScript-safe,
// as the FSRS tools read these files), so a log exported from a collection imports back into it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "citecard/collection.hpp"
#include "citecard/optimize.hpp"
#include "citecard/result.hpp"

namespace citecard {

// The CSV card_id of a card.
std::int64_t revlog_card_number(std::string_view card_id);

// Every answer to the collection's active cards, in time order; review_state is the card's state
// before the answer (0 new, 1 learning, 2 review, 3 relearning).
Result<std::vector<RevlogEntry>> export_revlog(const Collection& collection);

struct RevlogImport {
  int imported = 0;
  int manual_skipped = 0;   // rating-0 rows: a log's manual entries, which are not answers
  int already_present = 0;  // rows equal to an answer already logged (same card, second, rating)
};

// Adds the answers as if given at their times, through Collection::answer, so each card's state
// is the replay of its log. All or nothing: every row is checked first (known card, not
// suspended, not before the card's last answer), and if an answer still fails the ones already
// added are taken back. Errors name the CSV line (RevlogEntry::line) when there is one.
Result<RevlogImport> import_revlog(Collection& collection, const std::vector<RevlogEntry>& entries);

}  // namespace citecard
