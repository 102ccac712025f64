#include "builder_session.hpp"

#include "citecard/new_deck.hpp"

namespace citecard::gui {

BuilderSession::~BuilderSession() {
  if (worker_.joinable()) worker_.join();
}

bool BuilderSession::start(const std::filesystem::path& deck_dir, const std::string& title) {
  if (busy()) return false;
  error_.clear();
  job_ = std::make_shared<Job>();
  std::vector<std::filesystem::path> inputs = inputs_;
  inputs_.clear();
  worker_ = std::thread([job = job_, deck_dir, title, inputs = std::move(inputs), wake = wake_] {
    auto woken = [&] {
      if (wake) wake();
    };
    if (!inputs.empty()) {
      job->progress.set("Adding " + std::to_string(inputs.size()) + " article file(s)", 0, 1);
      woken();
      Result<NewDeckReport> added =
          add_articles_to_deck(deck_dir, inputs, NewDeckOptions{.title = title});
      if (!added) {
        job->error = added.error().message;
        job->finished = true;
        woken();
        return;
      }
      job->added = (added->created ? "Made deck " : "Added to deck ") + added->deck_id + ": " +
                   std::to_string(added->added.size()) + " article(s)" +
                   (added->duplicates.empty()
                        ? std::string()
                        : ", " + std::to_string(added->duplicates.size()) + " already in it");
    }
    woken();
    Result<BuilderDeck> deck = load_candidates(deck_dir, job->progress);
    if (deck) {
      job->deck = std::move(deck).value();
    } else {
      job->error = deck.error().message;
    }
    job->finished = true;
    woken();
  });
  return true;
}

bool BuilderSession::poll() {
  if (!job_ || !job_->finished) return false;
  if (worker_.joinable()) worker_.join();
  if (!job_->error.empty()) {
    error_ = job_->error;
  } else {
    deck_ = std::move(job_->deck);
  }
  added_ = job_->added;
  job_.reset();
  return true;
}

void BuilderSession::wait() {
  if (worker_.joinable()) worker_.join();
  poll();
}

float BuilderSession::progress() const {
  if (!job_) return 0.0f;
  return static_cast<float>(job_->progress.done) / static_cast<float>(job_->progress.total);
}

std::string BuilderSession::stage() const {
  return job_ ? job_->progress.stage_text() : "";
}

}  // namespace citecard::gui
