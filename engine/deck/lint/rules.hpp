// The rules a card must keep to be worth studying, shared by the generator (which does not make a
// card that breaks one) and `citecard lint` (which lists the cards that do, curated or not). Each
// rule has a short id and a reason a curator can act on.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"

namespace citecard::deck::lint {

struct Finding {
  std::string rule;
  std::string reason;
};

inline constexpr const char* kBlank = "_____";

// Rules on one blank: `sentence` shows kBlank where `answer` was.
//   answer-shown     the sentence still shows the answer
//   place-shown      the answer is a place the sentence names in another form (Beijing / China)
//   weekday-blank    the answer is a weekday: not the point of a sentence
//   spoke-to-blank   the answer is whom a source spoke to ("in an interview with _____")
//   filler-blank     the answer is phrasing, not a claim ("main priority", "vice versa")
//   dateline-blank   the blank is in the dateline ("MOSCOW, _____ (AP) — ...")
//   age-blank        the answer is an age after a name ("Ana Ruiz, _____, said")
// and target_findings (unseen_rules.hpp).
std::vector<Finding> blank_findings(const std::string& sentence, const std::string& answer);

// The text names `name`, as written or, for a place, in any of its forms ("North Korean" names
// Pyongyang).
bool named_in(const std::string& text, const std::string& name);

// furniture: the text is a photo caption, credit, byline or cross-promotion, not reporting.
std::vector<Finding> furniture_findings(const std::string& text);

// Rules on a multiple-choice card's choices:
//   alias-choices    two choices name one thing (U.S. / United States / Washington)
//   mixed-choices    the choices mix kinds of place (a capital among countries)
std::vector<Finding> choices_findings(const std::vector<std::string>& choices,
                                      const std::string& answer);

// Every rule above that applies to the card's type, and for a fill-in-the-blank card:
//   choice-shown     the sentence names a wrong choice (in any form), which rules it out unread
// and unseen_card_findings (unseen_rules.hpp).
std::vector<Finding> card_findings(const Card& card);

// A cloze card's sentence with its blank (the prompt after its instruction line).
std::string cloze_sentence(const Card& card);

}  // namespace citecard::deck::lint
