// fsrs-rs weighs recent reviews more: item i of n (in time order) counts 0.25 + 0.75·(i/(n-1))³.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace citecard::optimize_detail {

inline std::vector<double> recency_weights(std::size_t n) {
  std::vector<double> w(n);
  const double last = std::max(static_cast<double>(n) - 1.0, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = static_cast<double>(i) / last;
    w[i] = 0.25 + 0.75 * x * x * x;
  }
  return w;
}

}  // namespace citecard::optimize_detail
