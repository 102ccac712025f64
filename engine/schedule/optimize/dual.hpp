// Forward-mode dual numbers with one derivative lane per FSRS weight: every quantity carries its
// exact gradient with respect to w0..w20 along with its value.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

#include "citecard/fsrs.hpp"

namespace citecard::optimize_detail {

constexpr std::size_t kLanes = kFsrsParameterCount;

struct Dual {
  double v = 0.0;
  std::array<double, kLanes> d{};

  Dual() = default;
  Dual(double value) : v(value) {}  // NOLINT: constants mix with duals as in ordinary algebra

  static Dual variable(double value, std::size_t lane) {
    Dual x(value);
    x.d[lane] = 1.0;
    return x;
  }
};

// `a * x.d + b * y.d`: every operation below is a value plus a chain rule of this shape.
inline Dual combine(double value, double a, const Dual& x, double b, const Dual& y) {
  Dual r(value);
  for (std::size_t i = 0; i < kLanes; ++i) r.d[i] = a * x.d[i] + b * y.d[i];
  return r;
}
inline Dual scale(double value, double a, const Dual& x) {
  Dual r(value);
  for (std::size_t i = 0; i < kLanes; ++i) r.d[i] = a * x.d[i];
  return r;
}

inline Dual operator+(const Dual& x, const Dual& y) {
  return combine(x.v + y.v, 1.0, x, 1.0, y);
}
inline Dual operator-(const Dual& x, const Dual& y) {
  return combine(x.v - y.v, 1.0, x, -1.0, y);
}
inline Dual operator*(const Dual& x, const Dual& y) {
  return combine(x.v * y.v, y.v, x, x.v, y);
}
inline Dual operator/(const Dual& x, const Dual& y) {
  return combine(x.v / y.v, 1.0 / y.v, x, -x.v / (y.v * y.v), y);
}
inline Dual operator+(const Dual& x, double c) {
  Dual r = x;
  r.v += c;
  return r;
}
inline Dual operator+(double c, const Dual& x) {
  return x + c;
}
inline Dual operator-(const Dual& x, double c) {
  return x + (-c);
}
inline Dual operator-(double c, const Dual& x) {
  return scale(c - x.v, -1.0, x);
}
inline Dual operator-(const Dual& x) {
  return scale(-x.v, -1.0, x);
}
inline Dual operator*(const Dual& x, double c) {
  return scale(x.v * c, c, x);
}
inline Dual operator*(double c, const Dual& x) {
  return scale(x.v * c, c, x);
}
inline Dual operator/(const Dual& x, double c) {
  return scale(x.v / c, 1.0 / c, x);
}
inline Dual operator/(double c, const Dual& y) {
  return scale(c / y.v, -c / (y.v * y.v), y);
}

inline Dual exp(const Dual& x) {
  const double e = std::exp(x.v);
  return scale(e, e, x);
}
inline Dual log(const Dual& x) {
  return scale(std::log(x.v), 1.0 / x.v, x);
}
// x^y for x > 0.
inline Dual pow(const Dual& x, const Dual& y) {
  const double p = std::pow(x.v, y.v);
  return combine(p, y.v * p / x.v, x, p * std::log(x.v), y);
}

inline double value(double x) {
  return x;
}
inline double value(const Dual& x) {
  return x.v;
}

}  // namespace citecard::optimize_detail
