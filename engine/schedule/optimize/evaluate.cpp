// fsrs-rs's evaluation metrics: recency-weighted log loss, and RMSE between predicted and actual
// recall over bins of (interval, number of long-term reviews, number of lapses).
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <tuple>

#include "citecard/optimize.hpp"
#include "model.hpp"
#include "recency.hpp"

namespace citecard {

namespace {

// fsrs-rs's bin for an item, from its interval, review count and lapse count.
std::tuple<long, long, long> bin_of(int delta_t, int long_term_reviews, int lapses) {
  // round(scale · base^floor(log_base(x))), with Rust's log(x, base) = ln x / ln base.
  auto bucket = [](double x, double base, double scale) {
    return std::round(scale * std::pow(base, std::floor(std::log(x) / std::log(base))));
  };
  const double t = delta_t;
  const long delta_bin = static_cast<long>(
      std::round(2.48 * std::pow(3.62, std::floor(std::log(t) / std::log(3.62))) * 100.0));
  const long length_bin = static_cast<long>(bucket(long_term_reviews + 1.0, 1.89, 1.99));
  const long lapse_bin = lapses == 0 ? 0 : static_cast<long>(bucket(lapses, 1.73, 1.65));
  return {delta_bin, length_bin, lapse_bin};
}

struct BinSums {
  double predicted = 0, actual = 0, count = 0, weight = 0;
};

}  // namespace

Result<Evaluation> evaluate(const TrainingSet& data, const FsrsWeights& raw_weights,
                            std::vector<double>* predictions) {
  if (data.items.empty()) {
    return make_error(
        "no review to evaluate on: the log has no review on a later day than the "
        "one before it");
  }
  const FsrsWeights weights = clip_trained_weights(raw_weights, 1, false);
  const optimize_detail::Model<double> model(weights);
  const std::vector<double> recency = optimize_detail::recency_weights(data.items.size());

  // Which items end at each answer of each card, so that one pass per card predicts them all.
  std::vector<std::int32_t> item_at(data.reviews.size(), -1);
  for (std::size_t i = 0; i < data.items.size(); ++i) {
    const auto& item = data.items[i];
    item_at[data.cards[item.card].first + item.length - 1] = static_cast<std::int32_t>(i);
  }

  std::vector<double> prediction(data.items.size());
  std::map<std::tuple<long, long, long>, BinSums> bins;
  for (const auto& card : data.cards) {
    optimize_detail::Model<double>::Memory memory{};
    int long_term = 0;
    int lapses = 0;
    for (std::uint32_t k = 0; k < card.count; ++k) {
      const ItemReview& review = data.reviews[card.first + k];
      if (review.delta_t > 0) ++long_term;
      const std::int32_t item = item_at[card.first + k];
      if (item >= 0) {
        const double p = model.recall(review.delta_t, memory.s);
        if (!std::isfinite(p)) return make_error("the weights give a non-finite recall");
        prediction[static_cast<std::size_t>(item)] = p;
        BinSums& sums = bins[bin_of(review.delta_t, long_term, lapses)];
        sums.predicted += p;
        sums.actual += review.rating > 1 ? 1.0 : 0.0;
        sums.count += 1;
        sums.weight += recency[static_cast<std::size_t>(item)];
      }
      memory =
          k == 0 ? model.first(review.rating) : model.next(memory, review.delta_t, review.rating);
      if (review.rating == 1 && review.delta_t > 0) ++lapses;
    }
  }

  double loss = 0, weight_sum = 0;
  for (std::size_t i = 0; i < data.items.size(); ++i) {
    const auto& item = data.items[i];
    const bool recalled = data.reviews[data.cards[item.card].first + item.length - 1].rating > 1;
    const double p = prediction[i];
    loss -= (recalled ? std::log(p) : std::log(1.0 - p)) * recency[i];
    weight_sum += recency[i];
  }
  double squared = 0, bin_weight = 0;
  for (const auto& [key, sums] : bins) {
    const double gap = sums.predicted / sums.count - sums.actual / sums.count;
    squared += gap * gap * sums.weight;
    bin_weight += sums.weight;
  }
  Evaluation result{loss / weight_sum, std::sqrt(squared / bin_weight)};
  if (predictions) *predictions = std::move(prediction);
  if (!std::isfinite(result.log_loss) || !std::isfinite(result.rmse_bins)) {
    return make_error("the weights predict a recall of exactly 0 or 1 for some review");
  }
  return result;
}

}  // namespace citecard
