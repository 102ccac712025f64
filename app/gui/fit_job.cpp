#include "fit_job.hpp"

#include <chrono>

namespace citecard::gui {

FitJob::~FitJob() {
  if (worker_.joinable()) worker_.join();
}

bool FitJob::start(std::vector<RevlogEntry> log, const FsrsWeights& current, int rollover_hour) {
  if (busy()) return false;
  error_.clear();
  result_.reset();
  shared_ = std::make_shared<Shared>();
  worker_ = std::thread(
      [shared = shared_, log = std::move(log), current, rollover_hour, wake = wake_]() mutable {
        const auto begin = std::chrono::steady_clock::now();
        auto finish = [&] {
          shared->finished = true;
          if (wake) wake();
        };
        const std::size_t reviews = log.size();
        DayBoundary boundary;
        boundary.next_day_starts_at = rollover_hour;
        Result<TrainingSet> data = build_training_set(std::move(log), boundary);
        if (!data) {
          shared->error = data.error().message;
          return finish();
        }
        OptimizerConfig config;
        config.progress = [&shared, &wake](std::size_t done, std::size_t total) {
          shared->total = total == 0 ? 1 : total;
          shared->done = done;
          if (wake) wake();
          return true;
        };
        Result<OptimizeResult> fitted = optimize(*data, config);
        if (!fitted) {
          shared->error = fitted.error().message;
          return finish();
        }
        FitResult result;
        result.weights = fitted->weights;
        result.reviews = reviews;
        result.items = data->items.size();
        if (!data->items.empty()) {
          Result<Evaluation> before = evaluate(*data, current);
          Result<Evaluation> after = evaluate(*data, fitted->weights);
          if (before && after) {
            result.log_loss_current = before->log_loss;
            result.log_loss_fitted = after->log_loss;
          }
        }
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        shared->result = result;
        finish();
      });
  return true;
}

bool FitJob::poll() {
  if (!shared_ || !shared_->finished) return false;
  if (worker_.joinable()) worker_.join();
  error_ = shared_->error;
  result_ = shared_->result;
  shared_.reset();
  return true;
}

void FitJob::wait() {
  if (worker_.joinable()) worker_.join();
  poll();
}

float FitJob::progress() const {
  if (!shared_) return 0.0f;
  return static_cast<float>(shared_->done) / static_cast<float>(shared_->total);
}

}  // namespace citecard::gui
