// The rules a careful reader added after reading generated cards no curator had seen: cards that
// give their answer away in another form, blank half of something, ask a detail (a duration, a
// page count, a label) or show words a learner cannot place (a quote's "he", a sentence's
// "This"). Shared by the generator (rules.hpp's blank_findings runs target_findings) and lint.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/extract.hpp"
#include "deck/lint/rules.hpp"

namespace citecard::deck::lint {

// Rules on one blank (`sentence` shows kBlank where `answer` was):
//   stem-shown     the sentence shows a word of the answer in another form ("sanctions" for
//                  "sanctioned", "Korean" for "Korea")
//   number-shown   the sentence shows the answer's number in another form ("four" for "4")
//   range-half     the blank is one end of a range ("3 to _____", "between _____ and 5")
//   count-shown    the blank counts the items the sentence lists after it
//   blank-cut      the blank cuts a word or a hyphenated compound ("_____-year-old") or a name
//                  ("New _____" for "York")
//   minor-number   the answer counts a minor unit (lexicon/minor_units.txt: minutes, pages ...)
//                  or is a phone number
//   label-number   the number labels something ("Flight _____", "No. _____"): an identifier
std::vector<Finding> target_findings(const std::string& sentence, const std::string& answer);

// A quote as a card shows it: trailing commas, semicolons, colons and dashes (where the
// attribution cut it, "“We will win,” he said") trimmed.
std::string displayed_quote(std::string quote);

// Rules on a quote as a card shows it:
//   quote-unresolved            it opens with a pronoun or demonstrative whose referent is outside
//                               it ("He never ...", "This is ...")
//   quote-trailing-punctuation  it ends in a comma, semicolon, colon or dash (displayed_quote)
std::vector<Finding> quote_findings(const std::string& quote);

// sentence-unresolved: a fact sentence opens with a pronoun or "This"/"These" whose referent is
// in the sentence before, which the card does not show.
std::vector<Finding> sentence_findings(const std::string& sentence);

// bare-name: a person asked by one word ("Kim"): a surname to guess, not a person to know.
std::vector<Finding> person_answer_findings(const std::string& answer);

// titled-person: a person blank right after a title or role ("former President _____",
// "Kremlin spokesperson _____"): the sentence identifies the person, and the title's link to the
// person is what who-is cards ask. Titles and roles are the extractor's (extract/lexicon: the words
// it splits off the front of a name).
std::vector<Finding> titled_person_findings(const std::string& sentence);

// The people an article mentions most (at least kMinSubjectMentions times, ties all kept): the
// story's subject, whom any reader of the headline knows.
std::vector<Entity> story_subjects(const Extraction& extraction);
inline constexpr std::size_t kMinSubjectMentions = 3;

// story-subject: a person blank's answer is one of `subjects` (by any of its names, a middle
// initial aside).
std::vector<Finding> story_subject_findings(const std::string& person,
                                            const std::vector<Entity>& subjects);

// How often `name`'s last word appears, as a capitalised whole word, in the sources' texts.
int mentions_in_sources(const std::vector<Source>& sources, const std::string& name);

// Rules on a whole card beyond card_findings' blank rules:
//   quote-no-speaker  a complete-the-quote card that names no speaker (its speaker is not
//                     attributed at the who-said confidence threshold)
//   and quote_findings on a quote card's quote (quote-unresolved not on a who-said card whose
//   prompt gives a context line: that says what the quote refers to), sentence_findings on a fact
//   cloze's sentence, person_answer_findings and titled_person_findings on a fact cloze asking a
//   person.
std::vector<Finding> unseen_card_findings(const Card& card);

// passing-person: a card asks about `person` (a fact cloze's or reverse who-is card's answer, a
// who-is card's subject), whom the sources name at most kPassingMentions times: someone passing
// through the story.
std::vector<Finding> passing_person_findings(const std::string& person,
                                             const std::vector<Source>& sources);
// The person a card asks about for passing_person_findings ("" for none); a who-is card's
// subject is `subject`.
std::string asked_person(const Card& card, const std::string& subject);
inline constexpr int kPassingMentions = 1;

}  // namespace citecard::deck::lint
