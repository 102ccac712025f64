// A fixed set of threads that run numbered tasks of one job at a time: task i runs on participant
// i mod (threads). Results go to per-task slots that the caller combines in task order, so the
// outcome does not depend on the number of threads or their timing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace citecard::optimize_detail {

class Workers {
 public:
  explicit Workers(unsigned threads);
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  // Runs task(0) .. task(count - 1) on the workers and the calling thread; returns when all ran.
  void run(std::size_t count, const std::function<void(std::size_t)>& task);

 private:
  void work(std::size_t participant);

  std::size_t participants_;  // the workers and the calling thread
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(std::size_t)>* task_ = nullptr;
  std::size_t count_ = 0;
  std::size_t busy_ = 0;  // workers still running the current job
  std::size_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace citecard::optimize_detail
