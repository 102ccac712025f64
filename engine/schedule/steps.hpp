// (Re)learning steps: the short same-day intervals before a card graduates to day intervals.
#pragma once

#include <cstdint>

#include "citecard/fsrs.hpp"

namespace citecard::schedule_detail {

// Where an answer takes a card through its steps. `seconds` == 0 means the answer leaves the steps
// (the card graduates and FSRS picks the interval); a step of a day or more also graduates, but
// after exactly that step.
struct StepOutcome {
  std::int64_t seconds = 0;
  int next_step = 0;
};

// New and learning cards walk the learning steps; review and relearning cards the relearning steps.
// Again goes back to the first step, Hard repeats the current one with the mean of the first two
// (1.5 × the first when there is only one), Good advances and graduates past the last step, Easy
// always graduates. A review card's Again enters the relearning step it is at (normally the first).
StepOutcome step_outcome(const FsrsParameters& parameters, CardState state, int current_step,
                         Rating rating);

}  // namespace citecard::schedule_detail
