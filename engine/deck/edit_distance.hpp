// Edit distance between two strings of code points, for telling a typo from a wrong answer.
#pragma once

#include <string_view>

namespace citecard::deck {

// Damerau–Levenshtein distance in its "optimal string alignment" form: insertions, deletions,
// substitutions and swaps of two neighbouring letters each cost one ("Shiogu" is one edit from
// "Shoigu"). Counted on code points, so "ë" is one letter, not two bytes.
int edit_distance(std::u32string_view a, std::u32string_view b);

}  // namespace citecard::deck
