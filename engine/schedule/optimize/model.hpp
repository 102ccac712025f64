// The FSRS-6 memory model as training sees it: the same formulas as the scheduler (fsrs.cpp) but
// continuous (no rounding to 8 decimals, no interval logic) and generic over the number type, so
// that one definition gives both plain values (evaluation) and exact gradients (training, with
// Dual). The branches and clamps follow fsrs-rs's training model.
#pragma once

#include <array>
#include <cmath>

#include "citecard/fsrs.hpp"
#include "dual.hpp"

namespace citecard::optimize_detail {

constexpr double kMinStability = 0.001;
constexpr double kMaxStability = 36500.0;
constexpr double kMinDifficulty = 1.0;
constexpr double kMaxDifficulty = 10.0;

// Clamp whose derivative passes through inside [lo, hi] (bounds included) and is zero outside.
template <class T>
T clamp_value(const T& x, double lo, double hi) {
  if (value(x) < lo) return T(lo);
  if (value(x) > hi) return T(hi);
  return x;
}

template <class T>
struct Model {
  std::array<T, kFsrsParameterCount> w;
  T decay;            // -w20
  T factor;           // 0.9^(1/decay) - 1, so that R(S, S) = 0.9
  T easy_difficulty;  // initial difficulty of a first Easy, the target of mean reversion
  T lapse_floor;      // e^(w17·w18): a lapse leaves at most S / this

  explicit Model(const FsrsWeights& weights) {
    for (std::size_t i = 0; i < kFsrsParameterCount; ++i) {
      if constexpr (std::is_same_v<T, Dual>) {
        w[i] = Dual::variable(weights[i], i);
      } else {
        w[i] = weights[i];
      }
    }
    using std::exp;
    using std::log;
    decay = -w[20];
    factor = exp(std::log(0.9) / decay) - 1.0;
    easy_difficulty = initial_difficulty(4);
    lapse_floor = exp(w[17] * w[18]);
  }

  T initial_difficulty(int rating) const {
    using std::exp;
    return w[4] - exp(w[5] * static_cast<double>(rating - 1)) + 1.0;
  }

  // Probability of recall after `days` at stability `s`.
  T recall(double days, const T& s) const {
    using std::pow;
    return pow(days / s * factor + 1.0, decay);
  }

  struct Memory {
    T s;
    T d;
  };

  Memory first(int rating) const {
    return {clamp_value(w[static_cast<std::size_t>(rating - 1)], kMinStability, kMaxStability),
            clamp_value(initial_difficulty(rating), kMinDifficulty, kMaxDifficulty)};
  }

  // The memory after answering `rating` `days` after the previous answer.
  Memory next(const Memory& m, double days, int rating) const {
    using std::exp;
    using std::pow;
    const T& s = m.s;
    const T& d = m.d;
    T next_s;
    if (days == 0.0) {
      // Same-day review: growth with the rating, saturating for stable cards; never a loss
      // unless the answer was Again.
      const T growth = exp(w[17] * (w[18] + static_cast<double>(rating - 3))) * pow(s, -w[19]);
      next_s = rating >= 2 && value(growth) < 1.0 ? s : s * growth;
    } else {
      const T r = recall(days, s);
      if (rating == 1) {
        const T after_lapse =
            w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * exp((1.0 - r) * w[14]);
        const T floor = s / lapse_floor;
        next_s = value(floor) < value(after_lapse) ? floor : after_lapse;
      } else {
        T gain = exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp((1.0 - r) * w[10]) - 1.0);
        if (rating == 2) gain = gain * w[15];
        if (rating == 4) gain = gain * w[16];
        next_s = s * (gain + 1.0);
      }
    }
    const T damped = d + (10.0 - d) * (w[6] * static_cast<double>(3 - rating)) / 9.0;
    const T reverted = w[7] * (easy_difficulty - damped) + damped;
    return {clamp_value(next_s, kMinStability, kMaxStability),
            clamp_value(reverted, kMinDifficulty, kMaxDifficulty)};
  }
};

// Binary cross-entropy of predicting `r` for an answer that was recalled (label 1) or not, with
// r kept inside (1e-7, 1 - 1e-7) as fsrs-rs does; also d(loss)/dr (zero where the clamp bites).
struct Bce {
  double loss;
  double dloss_dr;
};
inline Bce binary_cross_entropy(double r_raw, double label) {
  constexpr double kMin = 1e-7;
  constexpr double kMax = 1.0 - 1e-7;
  const double r = std::min(std::max(r_raw, kMin), kMax);
  const double loss = -(label * std::log(r) + (1.0 - label) * std::log(1.0 - r));
  const double grad =
      (r_raw > kMin && r_raw < kMax) ? -(label / r - (1.0 - label) / (1.0 - r)) : 0.0;
  return {loss, grad};
}

}  // namespace citecard::optimize_detail
