// The words an answer is compared by; see citecard/answer_check.hpp for what is ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace citecard::deck {

// The normalised words of `text`. With `strip_marks` false, accents are kept (to tell the learner
// that the answer is spelt with them); everything else is normalised the same way.
std::vector<std::string> answer_words(std::string_view text, bool strip_marks = true);

std::u32string code_points(std::string_view utf8);

}  // namespace citecard::deck
