// The bounds fsrs-rs keeps weights within after every training step.
#include <algorithm>
#include <cmath>

#include "citecard/optimize.hpp"
#include "model.hpp"

namespace citecard {

FsrsWeights clip_trained_weights(FsrsWeights w, int relearning_steps, bool enable_short_term) {
  // With several relearning steps, each multiplies S by up to e^(w17·w18); bound the product so
  // relearning cannot end above the stability before the lapse (taken at D = 1, R = 0.7, S = 1).
  double short_term_ceiling = 2.0;
  if (relearning_steps > 1) {
    const double limit =
        -(std::log(w[11]) + std::log(std::pow(2.0, w[13]) - 1.0) + w[14] * 0.3) / relearning_steps;
    short_term_ceiling = std::min(std::sqrt(std::max(limit, 0.01)), 2.0);
  }
  const double lo[kFsrsParameterCount] = {optimize_detail::kMinStability,
                                          optimize_detail::kMinStability,
                                          optimize_detail::kMinStability,
                                          optimize_detail::kMinStability,
                                          1.0,
                                          0.001,
                                          0.001,
                                          0.001,
                                          0.0,
                                          0.0,
                                          0.001,
                                          0.001,
                                          0.001,
                                          0.001,
                                          0.0,
                                          0.0,
                                          1.0,
                                          0.0,
                                          0.0,
                                          enable_short_term ? 0.01 : 0.0,
                                          0.1};
  const double hi[kFsrsParameterCount] = {100.0,
                                          100.0,
                                          100.0,
                                          100.0,
                                          10.0,
                                          4.0,
                                          4.0,
                                          0.75,
                                          4.5,
                                          0.8,
                                          3.5,
                                          5.0,
                                          0.25,
                                          0.9,
                                          4.0,
                                          1.0,
                                          6.0,
                                          short_term_ceiling,
                                          short_term_ceiling,
                                          0.8,
                                          0.8};
  for (std::size_t i = 0; i < kFsrsParameterCount; ++i) {
    w[i] = std::clamp(std::isnan(w[i]) ? lo[i] : w[i], lo[i], hi[i]);
  }
  return w;
}

}  // namespace citecard
