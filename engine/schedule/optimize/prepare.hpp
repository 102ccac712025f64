// What fsrs-rs does to items before training: the outlier filter on first intervals, and the
// pre-fitted initial stabilities (w0..w3) from items with a single long-term review.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "citecard/optimize.hpp"
#include "citecard/result.hpp"

namespace citecard::optimize_detail {

// Per item: its first rating, its number of long-term reviews (delta_t > 0), the delta_t of its
// first long-term review and of the predicted review, and whether it was recalled.
struct ItemFacts {
  int first_rating;
  int long_term_reviews;
  int first_long_term_delta_t;
  bool recalled;
};
std::vector<ItemFacts> item_facts(const TrainingSet& data);

struct Prepared {
  std::vector<std::uint32_t> train;           // item indices kept for training, in time order
  std::vector<std::uint32_t> initialization;  // items used to pre-fit w0..w3
};
Prepared filter_outliers(const std::vector<ItemFacts>& facts);

// Items with one long-term review, by first rating; the count per rating that was seen.
struct InitialStability {
  std::array<double, 4> s;
  std::array<std::uint32_t, 4> count;  // 0 for a rating never seen first
};
Result<InitialStability> fit_initial_stability(const std::vector<ItemFacts>& facts,
                                               const std::vector<std::uint32_t>& items,
                                               double average_recall);

// fsrs-rs's smooth_and_fill: makes S0 increase with the rating and fills ratings never seen
// from those that were.
Result<std::array<double, 4>> smooth_and_fill(std::array<std::optional<double>, 4> s,
                                              const std::array<std::uint32_t, 4>& count);

}  // namespace citecard::optimize_detail
