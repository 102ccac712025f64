// What the answer harness said it tried and what it acknowledged, checked against the review
// log: every acknowledged answer is in the log exactly once, and the log holds nothing that was
// never tried (an answer tried but not acknowledged may or may not have committed).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace citecard::test {

using AnswerKey = std::pair<std::string, std::int64_t>;  // card, reviewed_at

struct Ledger {
  std::set<AnswerKey> tried;
  std::set<AnswerKey> acked;
  std::vector<std::string> errors;  // "error ..." lines: an answer the engine refused

  void take(const std::string& line) {
    std::istringstream in(line);
    std::string word, card;
    std::int64_t time = 0;
    in >> word;
    if (word == "error") errors.push_back(line);
    if (word != "try" && word != "ack") return;
    in >> card >> time;
    (word == "try" ? tried : acked).insert({card, time});
  }
  void take(const std::vector<std::string>& lines) {
    for (const auto& line : lines) take(line);
  }
};

// One sentence per difference between the ledger and the log; empty when they agree.
inline std::vector<std::string> compare_with_log(const store::Database& db, const Ledger& ledger) {
  std::vector<std::string> problems;
  auto rows = db.prepare("SELECT card, reviewed_at, COUNT(*) FROM review_log GROUP BY 1, 2");
  if (!rows) return {rows.error().message};
  std::map<AnswerKey, std::int64_t> logged;
  for (;;) {
    auto row = rows->step();
    if (!row) return {row.error().message};
    if (!*row) break;
    logged[{rows->column_text(0), rows->column_int(1)}] = rows->column_int(2);
  }
  for (const auto& key : ledger.acked) {
    const auto found = logged.find(key);
    const std::int64_t count = found == logged.end() ? 0 : found->second;
    if (count != 1)
      problems.push_back("acknowledged answer " + key.first + " at " + std::to_string(key.second) +
                         " is in the log " + std::to_string(count) + " times");
  }
  for (const auto& [key, count] : logged) {
    if (!ledger.tried.count(key))
      problems.push_back("the log has an answer never tried: " + key.first + " at " +
                         std::to_string(key.second));
    if (count != 1)
      problems.push_back("answer " + key.first + " at " + std::to_string(key.second) +
                         " is logged " + std::to_string(count) + " times");
  }
  return problems;
}

}  // namespace citecard::test
