#include "deck/rank/keep_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace citecard::deck::rank {
namespace {

struct Weight {
  std::string_view feature;
  double weight;
};

constexpr Weight kWeights[] = {
#include "deck/rank/keep_weights.inc"
};

constexpr std::size_t kReasonsShown = 4;

const std::unordered_map<std::string_view, double>& weights() {
  static const std::unordered_map<std::string_view, double> map = [] {
    std::unordered_map<std::string_view, double> m;
    for (const Weight& w : kWeights) m.emplace(w.feature, w.weight);
    return m;
  }();
  return map;
}

double weight_of(std::string_view feature) {
  const auto it = weights().find(feature);
  return it == weights().end() ? 0.0 : it->second;
}

}  // namespace

double keep_probability(const std::vector<Feature>& features) {
  double z = weight_of("bias");
  for (const auto& [name, value] : features) z += weight_of(name) * value;
  return 1.0 / (1.0 + std::exp(-z));
}

void score(std::vector<Candidate>& pool) {
  for (Candidate& c : pool) {
    c.keep = keep_probability(c.features);
    std::vector<std::pair<double, std::string>> parts;
    for (const auto& [name, value] : c.features)
      if (const double part = weight_of(name) * value; part != 0.0) parts.push_back({part, name});
    std::sort(parts.begin(), parts.end(),
              [](const auto& a, const auto& b) { return std::abs(a.first) > std::abs(b.first); });
    c.why.clear();
    for (std::size_t i = 0; i < parts.size() && i < kReasonsShown; ++i)
      c.why.push_back(fmt::format("{}{} ({:+.2f})", parts[i].first > 0 ? "+" : "-", parts[i].second,
                                  parts[i].first));
  }
}

}  // namespace citecard::deck::rank
