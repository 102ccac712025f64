// citecard-gui — the Builder's work off the UI thread: adding articles to a deck folder
// (add_articles_to_deck) and making its candidate cards run on a worker thread, while the UI keeps
// drawing a progress bar; the UI thread collects the result with poll().
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "builder_model.hpp"

namespace citecard::gui {

class BuilderSession {
 public:
  BuilderSession() = default;
  BuilderSession(const BuilderSession&) = delete;
  BuilderSession& operator=(const BuilderSession&) = delete;
  ~BuilderSession();

  // Called from the worker whenever progress moves, so an idle UI wakes to draw it.
  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }

  // Articles chosen in the file browser, waiting for a deck folder.
  std::vector<std::filesystem::path>& inputs() { return inputs_; }

  // Adds `inputs()` to `deck_dir` (creating it), then makes its candidates; with no inputs, only
  // the candidates of the deck already there. False when a job is still running.
  bool start(const std::filesystem::path& deck_dir, const std::string& title);
  bool busy() const { return worker_.joinable(); }
  // Takes the finished job's result, if it has finished; true when something changed.
  bool poll();
  // Blocks until the job has finished (scripts), then polls.
  void wait();

  float progress() const;
  std::string stage() const;
  const std::string& error() const { return error_; }
  const std::string& added_summary() const { return added_; }
  BuilderDeck* deck() { return deck_ ? &*deck_ : nullptr; }

 private:
  struct Job {
    JobProgress progress;
    std::atomic<bool> finished{false};
    std::optional<BuilderDeck> deck;
    std::string error;
    std::string added;
  };
  std::function<void()> wake_;
  std::vector<std::filesystem::path> inputs_;
  std::shared_ptr<Job> job_;
  std::thread worker_;
  std::optional<BuilderDeck> deck_;
  std::string error_;
  std::string added_;
};

}  // namespace citecard::gui
