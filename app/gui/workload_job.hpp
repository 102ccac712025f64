// citecard-gui — "Workload by desired retention" in Settings: the engine's simulator (the one
// `citecard simulate --retention-sweep` runs) on the learner's own habits and settings, from
// 0.70 to 0.95, on a worker thread, so the curves appear without the window ever freezing.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "citecard/collection.hpp"
#include "citecard/simulation.hpp"

namespace citecard::gui {

struct WorkloadResult {
  RetentionSweep sweep;
  int cards = 0;    // the deck size simulated: the collection's active cards
  int days = 0;     // over this many days
  int samples = 0;  // simulations averaged per retention
  int answers = 0;  // answers in the log the habits came from
};

class WorkloadJob {
 public:
  WorkloadJob() = default;
  WorkloadJob(const WorkloadJob&) = delete;
  WorkloadJob& operator=(const WorkloadJob&) = delete;
  ~WorkloadJob();

  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
  // Starts the sweep on `log` and `options` (read from the collection on the UI thread) for
  // `cards` cards; false when one is running.
  bool start(std::vector<RevlogEntry> log, const StudyOptions& options, int cards);
  bool busy() const { return worker_.joinable(); }
  bool poll();  // collects a finished job; true when it did
  void wait();
  const std::optional<WorkloadResult>& result() const { return result_; }
  const std::string& error() const { return error_; }

 private:
  struct Shared {
    std::atomic<bool> finished{false};
    std::optional<WorkloadResult> result;
    std::string error;
  };
  std::function<void()> wake_;
  std::shared_ptr<Shared> shared_;
  std::thread worker_;
  std::optional<WorkloadResult> result_;
  std::string error_;
};

}  // namespace citecard::gui
