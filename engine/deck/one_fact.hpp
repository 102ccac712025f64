// One fact asked once across card types. The generator makes several forms of a question from
// one quote or one person (who-said, its typed twin, complete-the-quote; who-is and its reverse),
// and a fact cloze may ask what a hand-written question already asks. A learner who meets the
// same fact twice learns nothing new the second time, so after the cards are made the cards that
// ask one fact are grouped and only the most preferred form of each group is kept. The deck
// builder takes the curator's rejected cards into the choice and removes them afterwards: a
// rejection stands for its fact, and another form is offered only if the curator accepts it.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "citecard/card.hpp"

namespace citecard::deck {

// Why `a` and `b` ask one fact, or "" when they do not (which-outlet asks something else of a
// quote and is never one). Two cards ask one fact when
//   - both ask a quote (who-said, typed, complete-the-quote) and their own quotes (first
//     citations) overlap, not merely as a quote inside a sentence around another; or each shows
//     the other's answer (a speaker named in a cloze, the cloze's word in the who-said quote);
//     or they are quotes of one speaker at most kOnePointGap bytes apart in one source (one point
//     made in two breaths);
//   - otherwise, they are made from one note (a person's who-is and reverse who-is);
//   - they cite overlapping text and either give one answer (the smaller answer's content words
//     all among the larger's, and at least half of them) or each shows the other's answer (a
//     person and a role asked from either end);
//   - both ask a fact (hand-written or cloze), give one answer and show kSharedWordsOfOneFact
//     content words in common (one fact in two sources' words).
std::string same_fact(const Card& a, const Card& b);
inline constexpr std::size_t kSharedWordsOfOneFact = 3;
inline constexpr std::int64_t kOnePointGap = 120;
// When a whole deck is compared (keep_one_card_per_fact, repeated_facts), a word shown by one card
// in kCommonShare or more (and by at least three) is the story's, not a fact's, and is not
// counted as shared; same_fact on two cards alone counts every word.
inline constexpr std::size_t kCommonShare = 8;

// Which form of a fact is kept, the lowest rank first:
//   0 a card the curator chose: hand-written, or a generated card accepted or edited by id (never
//     dropped: a curator's named decision holds);
//   1 who-said with four choices of the speaker's kind: the link between a speaker and their
//     words, recognised among people a learner could confuse, with no name to spell;
//   2 its typed twin, kept only when there is no multiple-choice card (no fair choices): the
//     same fact, and a typed name adds spelling, not knowledge of the event;
//   3 a fact cloze or who-is: a fact, not a phrasing;
//   4 complete-the-quote: with the speaker named it shows the who-said card's pair again, and
//     its blank is one word a synonym may fill;
//   5 reverse who-is: its wrong choices are the weakest part of the pair.
// Ties keep the card that comes first.
int fact_form_rank(const Card& card, bool chosen);

struct DroppedRepeat {
  std::string card_id;
  std::string kept_id;  // the card that asks the fact instead
  std::string reason;   // same_fact's reason
};

// Keeps, of the cards asking one fact, the one of lowest fact_form_rank: cards are taken in rank
// order and one that repeats a card already kept is removed from `cards` and returned. Cards in
// `chosen` (by id) are never removed: two chosen cards asking one fact are lint's to report.
std::vector<DroppedRepeat> keep_one_card_per_fact(std::vector<Card>& cards,
                                                  const std::set<std::string>& chosen);

// Each card (by index) that an earlier card of `cards` asks the fact of, with the reason naming
// that card: what keep_one_card_per_fact would have removed, for lint.
std::vector<std::pair<std::size_t, std::string>> repeated_facts(const std::vector<Card>& cards);

}  // namespace citecard::deck
