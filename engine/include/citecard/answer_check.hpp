// citecard — checking a typed answer against a card's answer.
//
// A learner who types "kim jong-un", "Khrushcheva" or "four hours" knows the answer as well as one
// who types it exactly as the source spells it ("Kim Jong Un", "Khrushchëva", "4 hours"). So both
// sides are compared in a normalised form:
//   - Unicode NFKC and case folding (utf8proc), so full-width letters, ligatures and case agree;
//   - accents and other combining marks stripped: "Khrushcheva" is right for "Khrushchëva" (the
//     check says the answer is spelt with accents, so the learner still sees them);
//   - punctuation and quote marks ignored, hyphens and dashes read as spaces, spacing ignored
//     ("Jong-un", "Jong Un" and "Jongun" agree);
//   - number words read as digits ("four" = "4", "twenty-one" = "21", "a dozen" = "12",
//     "1,000" = "1000"), ordinal suffixes dropped ("13th" = "13");
//   - the same words in another order accepted, with a note ("September 13, 2023");
//   - a leading article ignored ("the Vostochny Cosmodrome").
// What remains must match the answer or one of its aliases. A few typos make an answer "close":
// none in answers of up to 3 letters ("UN" is not "US"), then more as answers grow (see
// typo_allowance), counted word by word so a wrong short word ("Kim Jong Il") is not a typo.
// Part of the answer is close too, if it keeps 40% of the letters and every number ("Sergei
// Shoigu" for "Defense Minister Sergei Shoigu"; not "Kim" for "Kim Jong Un").
// Numbers are never typos: "1954" is not close to "1945".
// The verdict suggests a rating (Correct: Good, Close: Hard, Wrong: Again); the learner decides.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "citecard/fsrs.hpp"

namespace citecard {

enum class Verdict { Correct, Close, Wrong };

const char* to_string(Verdict verdict);  // "correct", "close", "wrong"

struct AnswerCheck {
  Verdict verdict = Verdict::Wrong;
  // What differed or why it was accepted, for the learner; empty when the answer is exactly right
  // or plainly wrong. E.g. "spelling: “cosmodrom” for “Cosmodrome”", "“Shoigu” is accepted for
  // Sergei Shoigu", "incomplete: the answer is Sergei Shoigu".
  std::string detail;
  Rating suggested = Rating::Again;
};

// The form answers are compared in (see above): words separated by single spaces.
// normalise_answer("The  Kim Jong-un’s FOUR") == "kim jong uns 4".
std::string normalise_answer(std::string_view text);

// How many edits (insertions, deletions, substitutions, swaps of neighbours) an answer of this
// many letters may have and still be close: 0 up to 3, 1 up to 7, 2 up to 14, then 3.
int typo_allowance(std::size_t letters);

// Checks `typed` against `expected`, also accepting any of `aliases` (other names for the same
// thing, e.g. from speaker_aliases). An empty or blank `typed` is wrong.
AnswerCheck check_answer(std::string_view typed, std::string_view expected,
                         const std::vector<std::string>& aliases = {});

// Other names a speaker may be typed as: the family name alone ("Shoigu" for "Sergei Shoigu")
// when no other speaker in `all_speakers` (e.g. every speaker in the deck) has the same one (a pair
// of speakers that includes this one, "Victor Cha and Ellen Kim", does not count).
// Names written family-name-first cannot be told apart from the rest, so a last word of fewer
// than three letters ("Un" in "Kim Jong Un") or with a hyphen ("Soo-suk" in "Lim Soo-suk") is
// taken for a given name, and pairs ("Robert Carlin and Siegfried Hecker") get no alias.
std::vector<std::string> speaker_aliases(const std::string& speaker,
                                         const std::vector<std::string>& all_speakers);

}  // namespace citecard
