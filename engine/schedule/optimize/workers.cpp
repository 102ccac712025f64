#include "workers.hpp"

namespace citecard::optimize_detail {

Workers::Workers(unsigned threads) : participants_(threads < 1 ? 1 : threads) {
  for (std::size_t i = 1; i < participants_; ++i) threads_.emplace_back([this, i] { work(i); });
}

Workers::~Workers() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

void Workers::work(std::size_t participant) {
  std::size_t seen = 0;
  while (true) {
    const std::function<void(std::size_t)>* task = nullptr;
    std::size_t count = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      task = task_;
      count = count_;
    }
    for (std::size_t i = participant; i < count; i += participants_) (*task)(i);
    std::lock_guard lock(mutex_);
    if (--busy_ == 0) done_.notify_all();
  }
}

void Workers::run(std::size_t count, const std::function<void(std::size_t)>& task) {
  {
    std::lock_guard lock(mutex_);
    task_ = &task;
    count_ = count;
    busy_ = participants_ - 1;
    ++generation_;
  }
  wake_.notify_all();
  for (std::size_t i = 0; i < count; i += participants_) task(i);
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return busy_ == 0; });
}

}  // namespace citecard::optimize_detail
