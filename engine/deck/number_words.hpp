// Numbers written in words, read as digits, so "four hours" and "4 hours" are the same answer.
#pragma once

#include <string>
#include <vector>

namespace citecard::deck {

// Replaces each run of English cardinal number words in `words` (lower-case, one word each, as
// normalise_answer splits them) by its value in digits: "four" -> "4", "twenty one" -> "21",
// "one hundred and five" -> "105", "a dozen" -> "12", "two thousand" -> "2000". Cardinals up to
// the millions; ordinals ("first") and fractions ("half") are left as words.
std::vector<std::string> number_words_to_digits(const std::vector<std::string>& words);

}  // namespace citecard::deck
