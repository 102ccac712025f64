// A learner's answer habits from their review log, for the simulator (simulation.hpp).
#include <algorithm>
#include <map>
#include <unordered_set>

#include "citecard/simulation.hpp"

namespace citecard {

namespace {

// The log's states (0 new, 1 learning, 2 review, 3 relearning) as the simulator's cost rows; a
// new card's first answer is a learning answer. -1: not an answer the simulator prices.
int cost_row(int state) {
  switch (state) {
    case 0:
    case 1:
      return 0;
    case 2:
      return 1;
    case 3:
      return 2;
    default:
      return -1;
  }
}

double median(std::vector<double>& values) {
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

}  // namespace

HabitsFromLog habits_from_log(const std::vector<RevlogEntry>& log, const AnswerHabits& defaults,
                              double longest_seconds) {
  HabitsFromLog out;
  out.habits = defaults;
  std::vector<const RevlogEntry*> answers;
  answers.reserve(log.size());
  for (const RevlogEntry& e : log)
    if (e.rating >= 1 && e.rating <= 4) answers.push_back(&e);
  std::stable_sort(answers.begin(), answers.end(), [](const RevlogEntry* a, const RevlogEntry* b) {
    return a->review_time_ms < b->review_time_ms;
  });

  std::array<int, 4> first{};
  std::array<int, 3> recalled{};
  std::array<std::array<std::vector<double>, 4>, 3> seconds;
  std::unordered_set<std::int64_t> seen;
  for (const RevlogEntry* e : answers) {
    const auto rating_index = static_cast<std::size_t>(e->rating - 1);
    // A card's first answer while new is the one the simulator's first-rating draw stands for.
    if (seen.insert(e->card_id).second && e->state == 0) {
      ++first[rating_index];
      ++out.cards;
    }
    if (e->state == 2 && e->rating >= 2) {
      ++recalled[rating_index - 1];
      ++out.review_answers;
    }
    const int row = cost_row(e->state);
    const double s = static_cast<double>(e->duration_ms) / 1000.0;
    if (row >= 0 && s > 0 && s <= longest_seconds) {
      seconds[static_cast<std::size_t>(row)][rating_index].push_back(s);
      ++out.timed_answers;
    }
  }
  if (out.cards > 0)
    for (std::size_t i = 0; i < 4; ++i) out.habits.first_rating[i] = double(first[i]) / out.cards;
  if (out.review_answers > 0)
    for (std::size_t i = 0; i < 3; ++i)
      out.habits.review_rating[i] = double(recalled[i]) / out.review_answers;
  for (std::size_t row = 0; row < 3; ++row)
    for (std::size_t r = 0; r < 4; ++r)
      if (!seconds[row][r].empty()) out.habits.seconds[row][r] = median(seconds[row][r]);
  return out;
}

}  // namespace citecard
