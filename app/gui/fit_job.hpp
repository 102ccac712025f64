// citecard-gui — "Fit my parameters": the engine's optimizer (the one `citecard optimize` runs)
// fitted to the collection's own review log on a worker thread, with its progress, and the
// fitted weights' log loss beside the current weights' on the same log, so the learner can judge
// before storing them.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "citecard/fsrs.hpp"
#include "citecard/optimize.hpp"

namespace citecard::gui {

struct FitResult {
  FsrsWeights weights{};
  std::size_t reviews = 0;
  std::size_t items = 0;
  double log_loss_current = 0;  // the weights in use, on the same log
  double log_loss_fitted = 0;
  double seconds = 0;
};

class FitJob {
 public:
  FitJob() = default;
  FitJob(const FitJob&) = delete;
  FitJob& operator=(const FitJob&) = delete;
  ~FitJob();

  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
  // Starts fitting on `log` (read from the collection on the UI thread); false when running.
  bool start(std::vector<RevlogEntry> log, const FsrsWeights& current, int rollover_hour);
  bool busy() const { return worker_.joinable(); }
  bool poll();  // collects a finished job; true when it did
  void wait();
  float progress() const;
  const std::optional<FitResult>& result() const { return result_; }
  void clear() { result_.reset(); }
  const std::string& error() const { return error_; }

 private:
  struct Shared {
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> total{1};
    std::atomic<bool> finished{false};
    std::optional<FitResult> result;
    std::string error;
  };
  std::function<void()> wake_;
  std::shared_ptr<Shared> shared_;
  std::thread worker_;
  std::optional<FitResult> result_;
  std::string error_;
};

}  // namespace citecard::gui
