#include "prepare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "model.hpp"

namespace citecard::optimize_detail {

std::vector<ItemFacts> item_facts(const TrainingSet& data) {
  std::vector<ItemFacts> facts;
  facts.reserve(data.items.size());
  for (const auto& item : data.items) {
    const ItemReview* r = data.reviews.data() + data.cards[item.card].first;
    ItemFacts f{r[0].rating, 0, 0, r[item.length - 1].rating > 1};
    for (std::uint32_t k = 0; k < item.length; ++k) {
      if (r[k].delta_t > 0) {
        if (f.long_term_reviews == 0) f.first_long_term_delta_t = r[k].delta_t;
        ++f.long_term_reviews;
      }
    }
    facts.push_back(f);
  }
  return facts;
}

Prepared filter_outliers(const std::vector<ItemFacts>& facts) {
  // First rating -> first interval -> items with a single long-term review.
  std::map<int, std::map<int, std::vector<std::uint32_t>>> groups;
  for (std::uint32_t i = 0; i < facts.size(); ++i) {
    if (facts[i].long_term_reviews == 1) {
      groups[facts[i].first_rating][facts[i].first_long_term_delta_t].push_back(i);
    }
  }
  Prepared prepared;
  std::set<std::pair<int, int>> removed;  // (first rating, first interval)
  for (const auto& [rating, by_interval] : groups) {
    // Rare intervals go first: from the smallest group (ties: the shortest interval) up, groups are
    // dropped until 5% of the items (at least 20) are gone; of the rest, small groups and
    // implausibly long first intervals are dropped too.
    std::vector<std::pair<int, const std::vector<std::uint32_t>*>> sub;
    std::size_t total = 0;
    for (const auto& [interval, items] : by_interval) {
      sub.emplace_back(interval, &items);
      total += items.size();
    }
    std::sort(sub.begin(), sub.end(), [](const auto& a, const auto& b) {
      if (a.second->size() != b.second->size()) return a.second->size() < b.second->size();
      return a.first < b.first;
    });
    const std::size_t quota = std::max<std::size_t>(20, total / 20);
    std::size_t dropped = 0;
    for (const auto& [interval, items] : sub) {
      if (dropped + items->size() >= quota) {
        if (items->size() >= 6 && interval <= (rating != 4 ? 100 : 365)) {
          prepared.initialization.insert(prepared.initialization.end(), items->begin(),
                                         items->end());
        } else {
          removed.emplace(rating, interval);
        }
      } else {
        dropped += items->size();
        removed.emplace(rating, interval);
      }
    }
  }
  for (std::uint32_t i = 0; i < facts.size(); ++i) {
    if (!removed.contains({facts[i].first_rating, facts[i].first_long_term_delta_t})) {
      prepared.train.push_back(i);
    }
  }
  return prepared;
}

namespace {

constexpr double kDefaultDecay = -0.1542;

// Weighted log loss of the default-decay forgetting curve at stability `s` on (interval, recall,
// count) groups, plus fsrs-rs's pull towards the default S0.
double initial_loss(const std::vector<std::array<double, 3>>& groups, double s, double default_s) {
  const double factor = std::pow(0.9, 1.0 / kDefaultDecay) - 1.0;
  double loss = 0;
  for (const auto& [t, recall, count] : groups) {
    const double p = std::pow(t / s * factor + 1.0, kDefaultDecay);
    loss += -(recall * std::log(p) + (1.0 - recall) * std::log(1.0 - p)) * count;
  }
  return loss + std::abs(s - default_s) / 16.0;
}

}  // namespace

Result<InitialStability> fit_initial_stability(const std::vector<ItemFacts>& facts,
                                               const std::vector<std::uint32_t>& items,
                                               double average_recall) {
  // rating -> interval -> (recalled, seen)
  std::map<int, std::map<int, std::pair<double, double>>> groups;
  for (std::uint32_t i : items) {
    auto& g = groups[facts[i].first_rating][facts[i].first_long_term_delta_t];
    g.first += facts[i].recalled ? 1.0 : 0.0;
    g.second += 1.0;
  }
  InitialStability result{};
  std::array<std::optional<double>, 4> fitted;
  for (const auto& [rating, by_interval] : groups) {
    std::vector<std::array<double, 3>> data;
    double seen = 0;
    for (const auto& [interval, sums] : by_interval) {
      const double recalled = sums.first, count = sums.second;
      // Laplace smoothing towards the average recall.
      data.push_back({double(interval), (recalled + average_recall) / (count + 1.0), count});
      seen += count;
    }
    const double default_s = default_fsrs_weights()[static_cast<std::size_t>(rating - 1)];
    double low = kMinStability, high = 100.0, best = default_s;
    for (int iter = 0; high - low > std::numeric_limits<double>::epsilon() && iter < 1000; ++iter) {
      const double mid1 = low + (high - low) / 3.0;
      const double mid2 = high - (high - low) / 3.0;
      if (initial_loss(data, mid1, default_s) < initial_loss(data, mid2, default_s)) {
        high = mid2;
      } else {
        low = mid1;
      }
      best = (high + low) / 2.0;
    }
    fitted[static_cast<std::size_t>(rating - 1)] = best;
    result.count[static_cast<std::size_t>(rating - 1)] = static_cast<std::uint32_t>(seen);
  }
  auto s = smooth_and_fill(fitted, result.count);
  if (!s) return s.error();
  result.s = *s;
  return result;
}

Result<std::array<double, 4>> smooth_and_fill(std::array<std::optional<double>, 4> s,
                                              const std::array<std::uint32_t, 4>& count) {
  for (std::size_t i = 0; i < 4; ++i) {
    if (count[i] == 0) s[i].reset();
  }
  // A lower first rating must not give a higher S0; the better-supported of the two wins.
  constexpr std::pair<int, int> kPairs[] = {{0, 1}, {1, 2}, {2, 3}, {0, 2}, {1, 3}, {0, 3}};
  for (const auto& [small, big] : kPairs) {
    auto& a = s[static_cast<std::size_t>(small)];
    auto& b = s[static_cast<std::size_t>(big)];
    if (a && b && *a > *b) {
      if (count[static_cast<std::size_t>(small)] > count[static_cast<std::size_t>(big)]) {
        b = *a;
      } else {
        a = *b;
      }
    }
  }
  const double w1 = 0.41, w2 = 0.54;
  const auto known = std::count_if(s.begin(), s.end(), [](const auto& x) { return x.has_value(); });
  auto& r1 = s[0];
  auto& r2 = s[1];
  auto& r3 = s[2];
  auto& r4 = s[3];
  using std::pow;
  if (known == 0) {
    return make_error(
        "not enough data to fit initial stabilities: no card was reviewed again on a later day "
        "after its first answer");
  }
  if (known == 1) {
    const auto& defaults = default_fsrs_weights();
    std::size_t only = 0;
    while (!s[only]) ++only;
    const double factor = *s[only] / defaults[only];
    for (std::size_t i = 0; i < 4; ++i) s[i] = defaults[i] * factor;
  } else if (known == 2) {
    if (!r1 && !r2) {
      r2 = pow(*r3, 1.0 / (1.0 - w2)) * pow(*r4, 1.0 - 1.0 / (1.0 - w2));
      r1 = pow(*r2, 1.0 / w1) * pow(*r3, 1.0 - 1.0 / w1);
    } else if (!r1 && !r3) {
      r3 = pow(*r2, 1.0 - w2) * pow(*r4, w2);
      r1 = pow(*r2, 1.0 / w1) * pow(*r3, 1.0 - 1.0 / w1);
    } else if (!r1 && !r4) {
      r4 = pow(*r2, 1.0 - 1.0 / w2) * pow(*r3, 1.0 / w2);
      r1 = pow(*r2, 1.0 / w1) * pow(*r3, 1.0 - 1.0 / w1);
    } else if (!r2 && !r3) {
      const double k = w1 / (w1 + w2 - w1 * w2);
      const double m = w2 / (w1 + w2 - w1 * w2);
      r2 = pow(*r1, k) * pow(*r4, 1.0 - k);
      r3 = pow(*r1, 1.0 - m) * pow(*r4, m);
    } else if (!r2 && !r4) {
      r2 = pow(*r1, w1) * pow(*r3, 1.0 - w1);
      r4 = pow(*r2, 1.0 - 1.0 / w2) * pow(*r3, 1.0 / w2);
    } else {  // r3 and r4 missing
      r3 = pow(*r1, 1.0 - 1.0 / (1.0 - w1)) * pow(*r2, 1.0 / (1.0 - w1));
      r4 = pow(*r2, 1.0 - 1.0 / w2) * pow(*r3, 1.0 / w2);
    }
  } else if (known == 3) {
    if (!r1) {
      r1 = pow(*r2, 1.0 / w1) * pow(*r3, 1.0 - 1.0 / w1);
    } else if (!r2) {
      r2 = pow(*r1, w1) * pow(*r3, 1.0 - w1);
    } else if (!r3) {
      r3 = pow(*r2, 1.0 - w2) * pow(*r4, w2);
    } else {
      r4 = pow(*r2, 1.0 - 1.0 / w2) * pow(*r3, 1.0 / w2);
    }
  }
  std::array<double, 4> out{};
  for (std::size_t i = 0; i < 4; ++i) out[i] = std::clamp(*s[i], kMinStability, 100.0);
  return out;
}

}  // namespace citecard::optimize_detail
