// The rules every card must keep, checked when a deck is built and again by `citecard check` on a
// stored collection: one definition for both.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citecard::deck {

// text == source_text[start, end), with the range inside the source.
bool is_verbatim(std::string_view source_text, std::int64_t start, std::int64_t end,
                 std::string_view text);

// What is wrong with a multiple-choice card's choices ("its choices are not distinct", "its answer
// is not among its choices"); empty when nothing is. No choices (free recall) is fine.
std::vector<std::string> choices_problems(const std::vector<std::string>& choices,
                                          const std::string& answer);

}  // namespace citecard::deck
