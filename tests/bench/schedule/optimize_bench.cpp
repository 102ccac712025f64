// optimize_bench: citecard's side of the optimizer benchmark, in one process per measurement so
// that wall time and peak memory are the fit's own.
//   optimize_bench fit LOG.csv              -> {"parameters":[...],"seconds":S,"peak_mb":M,...}
//   optimize_bench evaluate LOG.csv W.json  -> {"log_loss":L,"rmse_bins":R,"as_binding":{...}}
//     (W.json: [21 numbers]; as_binding: on the item list the binding's evaluate() builds)
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "citecard/optimize.hpp"
#include "schedule/optimize/prepare.hpp"

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

[[noreturn]] void die(const std::string& message) {
  fmt::print(stderr, "optimize_bench: {}\n", message);
  std::exit(1);
}

template <class T>
T must(citecard::Result<T> r) {
  if (!r) die(r.error().message);
  return std::move(r).value();
}

double peak_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The binding's FSRSBinding.evaluate() does not score the items it is given as they are: it first
// applies fsrs-rs's outlier filter and puts the kept single-review items first (prepare_items),
// which changes both the set and the recency weights. This builds the same list for citecard's
// evaluator, so that the two evaluators can be compared on equal input.
citecard::TrainingSet as_the_binding_prepares_it(const citecard::TrainingSet& data) {
  namespace od = citecard::optimize_detail;
  const auto facts = od::item_facts(data);
  const auto prepared = od::filter_outliers(facts);
  citecard::TrainingSet out = data;
  out.items.clear();
  for (auto i : prepared.initialization) out.items.push_back(data.items[i]);
  for (auto i : prepared.train) {
    if (facts[i].long_term_reviews != 1) out.items.push_back(data.items[i]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) die("usage: optimize_bench fit LOG.csv | evaluate LOG.csv WEIGHTS.json");
  const std::string mode = argv[1];
  const auto begin = std::chrono::steady_clock::now();
  auto entries = must(citecard::parse_revlog_csv(read_file(argv[2])));
  const auto data = must(citecard::build_training_set(std::move(entries)));
  if (mode == "fit") {
    const auto result = must(citecard::optimize(data));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    nlohmann::json out;
    out["parameters"] = result.weights;
    out["items"] = data.items.size();
    out["seconds"] = seconds;
    out["peak_mb"] = peak_mb();
    fmt::print("{}\n", out.dump());
  } else if (mode == "evaluate" && argc == 4) {
    const auto list = nlohmann::json::parse(read_file(argv[3]));
    citecard::FsrsWeights w{};
    if (!list.is_array() || list.size() != w.size()) die("weights: expected 21 numbers");
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = list[i].get<double>();
    const auto e = must(citecard::evaluate(data, w));
    const auto b = must(citecard::evaluate(as_the_binding_prepares_it(data), w));
    nlohmann::json out{{"log_loss", e.log_loss}, {"rmse_bins", e.rmse_bins}};
    out["as_binding"] = {{"log_loss", b.log_loss}, {"rmse_bins", b.rmse_bins}};
    fmt::print("{}\n", out.dump());
  } else {
    die("unknown mode " + mode);
  }
  return 0;
}
