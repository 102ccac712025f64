#include "deck/card_rules.hpp"

#include <set>

namespace citecard::deck {

bool is_verbatim(std::string_view source_text, std::int64_t start, std::int64_t end,
                 std::string_view text) {
  const bool inside =
      start >= 0 && start < end && end <= static_cast<std::int64_t>(source_text.size());
  return inside && source_text.substr(static_cast<std::size_t>(start),
                                      static_cast<std::size_t>(end - start)) == text;
}

std::vector<std::string> choices_problems(const std::vector<std::string>& choices,
                                          const std::string& answer) {
  std::vector<std::string> problems;
  if (choices.empty()) return problems;
  const std::set<std::string> distinct(choices.begin(), choices.end());
  if (distinct.size() != choices.size()) problems.push_back("its choices are not distinct");
  if (!distinct.count(answer)) problems.push_back("its answer is not among its choices");
  return problems;
}

}  // namespace citecard::deck
