#include "store/memory_codec.hpp"

#include <nlohmann/json.hpp>

namespace citecard::store {

std::string memory_to_json(const CardMemory& m) {
  nlohmann::ordered_json j;
  j["state"] = static_cast<int>(m.state);
  j["stability"] = m.stability;
  j["difficulty"] = m.difficulty;
  j["due"] = m.due;
  j["last_review"] = m.last_review;
  j["scheduled_days"] = m.scheduled_days;
  j["learning_steps"] = m.learning_steps;
  j["reps"] = m.reps;
  j["lapses"] = m.lapses;
  return j.dump();
}

Result<CardMemory> memory_from_json(const std::string& json) {
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return make_error("the review log holds a damaged state snapshot", ErrorCode::Corrupt);
  CardMemory m;
  m.state = static_cast<CardState>(j.value("state", 0));
  m.stability = j.value("stability", 0.0);
  m.difficulty = j.value("difficulty", 0.0);
  m.due = j.value("due", std::int64_t{0});
  m.last_review = j.value("last_review", std::int64_t{0});
  m.scheduled_days = j.value("scheduled_days", 0);
  m.learning_steps = j.value("learning_steps", 0);
  m.reps = j.value("reps", 0);
  m.lapses = j.value("lapses", 0);
  return m;
}

CardMemory memory_from_columns(const Statement& row, int first) {
  CardMemory m;
  m.state = static_cast<CardState>(row.column_int(first));
  m.stability = row.column_double(first + 1);
  m.difficulty = row.column_double(first + 2);
  m.due = row.column_int(first + 3);
  m.last_review = row.column_int(first + 4);
  m.scheduled_days = static_cast<int>(row.column_int(first + 5));
  m.learning_steps = static_cast<int>(row.column_int(first + 6));
  m.reps = static_cast<int>(row.column_int(first + 7));
  m.lapses = static_cast<int>(row.column_int(first + 8));
  return m;
}

Statement& bind_memory(Statement& stmt, int first, const CardMemory& m) {
  stmt.bind(first, static_cast<int>(m.state)).bind(first + 1, m.stability);
  stmt.bind(first + 2, m.difficulty).bind(first + 3, m.due).bind(first + 4, m.last_review);
  stmt.bind(first + 5, m.scheduled_days).bind(first + 6, m.learning_steps);
  return stmt.bind(first + 7, m.reps).bind(first + 8, m.lapses);
}

}  // namespace citecard::store
