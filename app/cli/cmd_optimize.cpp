// citecard optimize — fit the FSRS-6 weights to a review log, or evaluate weights on one.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "citecard/input_file.hpp"
#include "citecard/optimize.hpp"
#include "citecard/revlog.hpp"
#include "commands.hpp"

namespace citecard::cli {

namespace {

// PARAMS.json: the output of `optimize --json` ({"parameters": [...]}) or a bare list of 21.
Result<FsrsWeights> read_weights(const std::string& path) {
  auto text = read_input_file(path, 1u << 20);
  if (!text) return text.error();
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  const auto& list = j.is_object() && j.contains("parameters") ? j["parameters"] : j;
  FsrsWeights w{};
  if (!list.is_array() || list.size() != w.size()) {
    return make_error(fmt::format(
        "{}: expected a list of 21 numbers, or {{\"parameters\": [21 numbers]}}", path));
  }
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!list[i].is_number()) {
      return make_error(fmt::format("{}: weight w{} is not a number", path, i));
    }
    w[i] = list[i].get<double>();
  }
  return w;
}

// Percentages on one stderr line, rewritten in place; only whole-percent changes are printed.
std::function<bool(std::size_t, std::size_t)> progress_printer() {
  auto last = std::make_shared<int>(-1);
  return [last](std::size_t done, std::size_t total) {
    const int percent = static_cast<int>(done * 100 / std::max<std::size_t>(total, 1));
    if (percent != *last) {
      *last = percent;
      std::fprintf(stderr, "\roptimising: %3d%%", percent);
      if (done == total) std::fputc('\n', stderr);
    }
    return true;
  };
}

// Under this many items optimize returns the default weights (as fsrs-rs does).
constexpr std::size_t kMinItemsToFit = 8;

}  // namespace

Result<std::vector<RevlogEntry>> read_revlog_csv(const std::string& path);

void add_optimize_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string revlog;
    std::string evaluate;
    DayBoundary boundary;
    bool json = false;
    std::uint64_t seed = OptimizerConfig{}.seed;
    int threads = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "optimize",
      "Fit the 21 FSRS-6 weights to a review log (fsrs-rs's method), or evaluate "
      "weights on it");
  command->add_option("--revlog", o->revlog,
                      "FSRS CSV review log to use instead of the collection's own");
  command->add_option("--evaluate", o->evaluate,
                      "Instead of fitting, report log loss and RMSE(bins) of the weights in this "
                      "JSON file");
  command
      ->add_option("--next-day-starts-at", o->boundary.next_day_starts_at,
                   "Hour at which the learner's day starts")
      ->capture_default_str();
  command
      ->add_option("--timezone", o->boundary.time_zone,
                   "Time zone of that hour: UTC, +08:00, or an IANA name")
      ->capture_default_str();
  command->add_option("--seed", o->seed, "Seed for the batch order")->capture_default_str();
  command->add_option("--threads", o->threads, "Threads to use (0: all cores)");
  command->add_flag("--json", o->json, "Print one JSON object");
  add_db_option(*command, o->db);
  command->callback([o] {
    const auto begin = std::chrono::steady_clock::now();
    std::vector<RevlogEntry> entries;
    if (!o->revlog.empty()) {
      entries = value_or_fail(read_revlog_csv(o->revlog));
    } else {
      const Collection collection = open_collection_or_fail(o->db, Access::Read);
      entries = value_or_fail(export_revlog(collection));
    }
    const std::size_t reviews = entries.size();
    const TrainingSet data = value_or_fail(build_training_set(std::move(entries), o->boundary));

    if (!o->evaluate.empty()) {
      const FsrsWeights w = value_or_fail(read_weights(o->evaluate));
      const Evaluation e = value_or_fail(evaluate(data, w));
      if (o->json) {
        fmt::print("{}\n",
                   nlohmann::json{{"log_loss", e.log_loss}, {"rmse_bins", e.rmse_bins}}.dump());
      } else {
        fmt::print("Log loss:    {:.6f}\nRMSE(bins):  {:.6f}\n", e.log_loss, e.rmse_bins);
      }
      return;
    }

    // Printing the default weights as "fitted on 0 items" would pass them off as the learner's.
    if (data.items.empty())
      fail(make_error(fmt::format(
          "nothing to fit: the log's {} review(s) give no training item (an item is a card "
          "answered again on a later day); keep studying and run optimize again",
          reviews)));
    OptimizerConfig config;
    config.seed = o->seed;
    config.threads = o->threads;
    config.progress = progress_printer();
    const OptimizeResult fitted = value_or_fail(optimize(data, config));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (o->json) {
      nlohmann::ordered_json j;
      j["parameters"] = fitted.weights;
      j["reviews"] = reviews;
      j["items"] = data.items.size();
      j["seconds"] = seconds;
      fmt::print("{}\n", j.dump());
      return;
    }
    if (fitted.items_used < kMinItemsToFit)
      fmt::print(
          "Too few items to fit ({} from {} reviews; at least {} are needed): these are the "
          "default weights.\n{}\n",
          data.items.size(), reviews, kMinItemsToFit, fmt::join(fitted.weights, ","));
    else
      fmt::print("Fitted on {} items from {} reviews in {:.2f} s:\n{}\n", data.items.size(),
                 reviews, seconds, fmt::join(fitted.weights, ","));
  });
}

}  // namespace citecard::cli
