// citecard-gui — the Browse view's data: every card of the collection with its scheduling state,
// and the filter a learner searches it with. No ImGui here, so it is plain to test and reuse.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/fsrs.hpp"

namespace citecard::gui {

struct BrowseRow {
  Card card;
  std::string speaker;  // who-said cards: the person quoted; others empty
  std::string sources;  // the cited sources' ids, "a1, cbc"
  CardState state = CardState::New;
  bool suspended = false;
  Timestamp due = 0;
};

// Which cards show. Text fields match case-insensitively (ASCII) anywhere in the field; empty
// fields and "all" match everything.
struct BrowseFilter {
  std::string text;     // in the prompt, the answer, the choices or a cited text
  std::string speaker;  // in the speaker
  std::string source;   // a cited source's id, exactly; empty: all
  std::string type;     // a card_type name; empty: all
  std::string state;    // "new", "learning", "review", "relearning", "suspended"; empty: all
};

bool matches(const BrowseRow& row, const BrowseFilter& filter);

// The speaker a card asks about, for who-said cards (whose answer is the speaker).
std::string speaker_of(const Card& card);

}  // namespace citecard::gui
