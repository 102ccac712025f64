// The deck-level rules: those that look at several cards at once, after each card's own rules.
#pragma once

#include <vector>

#include "citecard/card.hpp"
#include "citecard/lint.hpp"

namespace citecard::deck::lint {

// Every rule, card by card, then across cards:
//   asked-twice      another card (of another note) asks the same answer from the same sentence,
//                    or a fill-in-the-blank card from a sentence sharing 3+ content words
//   answer-repeated  the answer already answers kMaxCardsPerAnswer fill-in-the-blank cards
//   passing-person   the card asks a person the sources name once (unseen_rules.hpp)
//   who-is-subject   a who-is card about a person the articles' headlines name: every learner
//                    of the deck knows who they are
std::vector<LintFinding> lint_cards(const std::vector<Card>& cards,
                                    const std::vector<Source>& sources);

inline constexpr int kMaxCardsPerAnswer = 2;

// Across card types, on a built deck (the generator keeps one card per fact, so only cards it
// may not drop, the hand-written ones, can break it):
//   one-fact         an earlier card asks the same fact in another form (deck/one_fact.hpp)
std::vector<LintFinding> one_fact_findings(const std::vector<Card>& cards);

}  // namespace citecard::deck::lint
