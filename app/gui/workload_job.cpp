#include "workload_job.hpp"

#include <algorithm>

#include "citecard/learner_simulation.hpp"

namespace citecard::gui {

namespace {

constexpr int kDays = 365;
// A small deck's curves are mostly noise from one run; more runs of it cost as little as one
// run of a large deck, so every sweep simulates about this many card-years per retention.
constexpr int kCardsPerPoint = 20000;
constexpr int kMostSamples = 64;

}  // namespace

WorkloadJob::~WorkloadJob() {
  if (worker_.joinable()) worker_.join();
}

bool WorkloadJob::start(std::vector<RevlogEntry> log, const StudyOptions& options, int cards) {
  if (busy()) return false;
  error_.clear();
  result_.reset();
  shared_ = std::make_shared<Shared>();
  worker_ = std::thread([shared = shared_, log = std::move(log), options, cards, wake = wake_] {
    LearnerSimulation learner = learner_simulation(log, options, std::max(cards, 1));
    SimulationConfig& c = learner.config;
    c.days = kDays;
    // The learner's own daily limits (each deck's, applied to the collection as one deck), and no
    // time cap: the curves show the time those limits cost.
    c.new_per_day = options.new_cards_per_day;
    c.reviews_per_day = options.reviews_per_day;
    c.seconds_per_day = std::numeric_limits<double>::infinity();
    WorkloadResult result;
    result.cards = c.deck_size;
    result.days = kDays;
    result.samples = std::clamp(kCardsPerPoint / std::max(c.deck_size, 1), 1, kMostSamples);
    result.answers = learner.answers;
    Result<RetentionSweep> sweep =
        sweep_retention(c, kSweepLowest, kSweepHighest, 0.01, result.samples);
    if (sweep) {
      result.sweep = std::move(*sweep);
      shared->result = std::move(result);
    } else {
      shared->error = sweep.error().message;
    }
    shared->finished = true;
    if (wake) wake();
  });
  return true;
}

bool WorkloadJob::poll() {
  if (!shared_ || !shared_->finished) return false;
  if (worker_.joinable()) worker_.join();
  error_ = shared_->error;
  result_ = shared_->result;
  shared_.reset();
  return true;
}

void WorkloadJob::wait() {
  if (worker_.joinable()) worker_.join();
  poll();
}

}  // namespace citecard::gui
