// The simulator's inputs from a learner's collection (learner_simulation.hpp).
#include "citecard/learner_simulation.hpp"

#include "citecard/revlog.hpp"

namespace citecard {

LearnerSimulation learner_simulation(const std::vector<RevlogEntry>& log,
                                     const StudyOptions& options, int cards) {
  LearnerSimulation out;
  SimulationConfig& c = out.config;
  c.weights = options.fsrs.w;
  c.desired_retention = options.fsrs.desired_retention;
  c.maximum_interval = options.fsrs.maximum_interval;
  c.learning_step_count = static_cast<int>(options.fsrs.learning_steps.size());
  c.relearning_step_count = static_cast<int>(options.fsrs.relearning_steps.size());
  if (cards > 0) c.deck_size = cards;
  out.from_log = habits_from_log(log, c.habits);
  c.habits = out.from_log.habits;
  out.answers = static_cast<int>(log.size());
  return out;
}

Result<LearnerSimulation> learner_simulation(const Collection& collection) {
  auto log = export_revlog(collection);
  if (!log) return log.error();
  auto cards = collection.cards();
  if (!cards) return cards.error();
  return learner_simulation(*log, collection.options(), static_cast<int>(cards->size()));
}

}  // namespace citecard
