// optimize_bench: citecard's side of the optimizer benchmark, in one process per measurement so
// that wall time and peak memory are the fit's own.
//   optimize_bench fit LOG.csv              -> {"parameters":[...],"seconds":S,"peak_mb":M,...}
//   optimize_bench evaluate LOG.csv W.json  -> {"log_loss":L,"rmse_bins":R}  (W.json: [21 numbers])
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "citecard/optimize.hpp"

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
    fmt::print("{}\n", nlohmann::json{{"log_loss", e.log_loss}, {"rmse_bins", e.rmse_bins}}.dump());
  } else {
    die("unknown mode " + mode);
  }
  return 0;
}
