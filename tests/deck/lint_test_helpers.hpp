#pragma once
// What the lint tests ask of a rule's findings.
#include <algorithm>
#include <string>
#include <vector>

#include "deck/lint/rules.hpp"

namespace citecard::test {

inline bool has_rule(const std::vector<deck::lint::Finding>& findings, const std::string& rule) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const deck::lint::Finding& f) { return f.rule == rule; });
}

}  // namespace citecard::test
