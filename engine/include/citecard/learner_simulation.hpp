// citecard — the workload simulator (simulation.hpp) set up for one learner: their answer habits
// read from the collection's review log, and their weights, desired retention, (re)learning steps,
// maximum interval and number of cards from the collection's settings.
#pragma once

#include "citecard/collection.hpp"
#include "citecard/result.hpp"
#include "citecard/simulation.hpp"

namespace citecard {

struct LearnerSimulation {
  SimulationConfig config;  // fsrs-rs's defaults where the collection says nothing
  HabitsFromLog from_log;   // what the log contributed (counts of zero: the defaults are used)
  int answers = 0;          // answers in the log
};

// Reads the log and the settings; the caller may then change any part of `config`.
Result<LearnerSimulation> learner_simulation(const Collection& collection);

// The same from a log already read (e.g. on a UI thread) and the collection's settings.
LearnerSimulation learner_simulation(const std::vector<RevlogEntry>& log,
                                     const StudyOptions& options, int cards);

}  // namespace citecard
