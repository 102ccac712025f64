// Training: fsrs-rs's procedure (outlier filter, pre-fitted S0, recency weights, Adam with a cosine
// learning rate, an L2 pull towards the starting weights scaled by batch share, clipping after
// every step), evaluated one card at a time: a card's answers are run through the model once and
// every trained prediction along the way adds to the loss, as fsrs-rs does when it knows card ids.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>
#include <thread>

#include "citecard/optimize.hpp"
#include "model.hpp"
#include "prepare.hpp"
#include "recency.hpp"
#include "workers.hpp"

namespace citecard {

namespace {

using optimize_detail::Dual;
using Gradient = std::array<double, kFsrsParameterCount>;

// How far each weight is allowed to wander from its start before the L2 term pushes back
// (fsrs-rs's spread of weights fitted across many learners).
constexpr Gradient kWeightSpread = {6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,
                                    0.12, 0.39, 0.18,  0.33,  0.3,  0.09, 0.16,
                                    0.57, 0.25, 1.03,  0.31,  0.32, 0.14, 0.27};

// A trained prediction: the card's answer at `position`, predicted from the answers before it.
struct Target {
  std::uint32_t position;
  bool recalled;
  double weight;
};

struct CardWork {
  std::uint32_t card;
  std::uint32_t first_target;  // into the targets array
  std::uint32_t targets;
  std::uint32_t steps;  // answers to run: up to the last target
};

constexpr std::size_t kChunks = 8;  // per batch, fixed so results do not depend on thread count

struct Batch {
  std::vector<CardWork> cards;
  std::size_t predictions = 0;
  std::array<std::size_t, kChunks + 1> chunk{};  // card ranges of equal work
};

struct Partial {
  double loss = 0;
  Gradient grad{};
};

// fsrs-rs's (PyTorch's) cosine annealing, in its recursive form.
class CosineSchedule {
 public:
  CosineSchedule(double steps, double rate) : t_max_(steps), initial_(rate), rate_(rate) {}
  double next() {
    step_ += 1.0;
    constexpr double pi = std::numbers::pi;
    if (step_ == 0.0) {
      rate_ = initial_;
    } else if (std::fmod(step_ - 1.0 - t_max_, 2.0 * t_max_) == 0.0) {
      rate_ = initial_ * (1.0 - std::cos(pi / t_max_)) / 2.0;
    } else {
      rate_ = (1.0 + std::cos(pi * step_ / t_max_)) /
              (1.0 + std::cos(pi * (step_ - 1.0) / t_max_)) * rate_;
    }
    return rate_;
  }

 private:
  double t_max_;
  double initial_;
  double rate_;
  double step_ = -1.0;
};

class Adam {
 public:
  void step(FsrsWeights& w, const Gradient& g, double rate) {
    constexpr double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    t_ += 1;
    const double c1 = 1.0 - std::pow(b1, t_), c2 = 1.0 - std::pow(b2, t_);
    for (std::size_t i = 0; i < kFsrsParameterCount; ++i) {
      m_[i] = b1 * m_[i] + (1.0 - b1) * g[i];
      v_[i] = b2 * v_[i] + (1.0 - b2) * g[i] * g[i];
      w[i] -= rate * (m_[i] / c1) / (std::sqrt(v_[i] / c2) + eps);
    }
  }

 private:
  Gradient m_{}, v_{};
  int t_ = 0;
};

// Loss and gradient of one card's trained predictions.
void card_loss(const optimize_detail::Model<Dual>& model, const TrainingSet& data,
               const CardWork& work, const Target* targets, Partial& out) {
  const ItemReview* r = data.reviews.data() + data.cards[work.card].first;
  optimize_detail::Model<Dual>::Memory memory = model.first(r[0].rating);
  std::uint32_t t = 0;
  for (std::uint32_t k = 1; k < work.steps; ++k) {
    if (t < work.targets && targets[t].position == k) {
      const Dual p = model.recall(r[k].delta_t, memory.s);
      const auto bce = optimize_detail::binary_cross_entropy(p.v, targets[t].recalled ? 1.0 : 0.0);
      out.loss += targets[t].weight * bce.loss;
      const double g = targets[t].weight * bce.dloss_dr;
      if (g != 0.0) {
        for (std::size_t i = 0; i < kFsrsParameterCount; ++i) out.grad[i] += g * p.d[i];
      }
      ++t;
    }
    if (k + 1 < work.steps) memory = model.next(memory, r[k].delta_t, r[k].rating);
  }
}

template <class T>
void shuffle(std::vector<T>& v, std::mt19937_64& rng) {  // Fisher-Yates, the same everywhere
  for (std::size_t i = v.size(); i > 1; --i)
    std::swap(v[i - 1], v[static_cast<std::size_t>(rng() % i)]);
}

std::vector<Batch> make_batches(std::vector<CardWork> cards, std::size_t batch_size,
                                std::mt19937_64& rng) {
  // Batches hold whole cards and at most batch_size predictions unless one card alone has more.
  // Cards go into batches at random: fsrs-rs groups cards of similar length, which makes each
  // batch a biased sample (only young cards, only old ones) and left a measurably higher loss.
  shuffle(cards, rng);
  std::vector<Batch> batches;
  Batch current;
  for (const CardWork& card : cards) {
    if (!current.cards.empty() && current.predictions + card.targets > batch_size) {
      batches.push_back(std::move(current));
      current = {};
    }
    current.predictions += card.targets;
    current.cards.push_back(card);
  }
  if (!current.cards.empty()) batches.push_back(std::move(current));
  for (Batch& batch : batches) {
    std::size_t total = 0;
    for (const auto& c : batch.cards) total += c.steps;
    std::size_t chunk = 1, done = 0;
    batch.chunk.fill(batch.cards.size());
    batch.chunk[0] = 0;
    for (std::size_t i = 0; i < batch.cards.size() && chunk < kChunks; ++i) {
      done += batch.cards[i].steps;
      while (chunk < kChunks && done * kChunks >= total * chunk) batch.chunk[chunk++] = i + 1;
    }
  }
  return batches;
}

Result<void> check_config(const OptimizerConfig& c) {
  if (c.epochs < 1 || c.batch_size < 1 || c.max_seq_len < 2 || c.relearning_steps < 0 ||
      !(c.learning_rate > 0) || !std::isfinite(c.learning_rate) || !(c.gamma >= 0) ||
      !std::isfinite(c.gamma)) {
    return make_error(
        "optimizer settings out of range: epochs, batch size >= 1, max sequence length >= 2, a "
        "positive finite learning rate and a finite gamma >= 0");
  }
  return {};
}

}  // namespace

Result<OptimizeResult> optimize(const TrainingSet& data, const OptimizerConfig& config) {
  if (auto ok = check_config(config); !ok) return ok.error();
  const auto facts = optimize_detail::item_facts(data);
  const auto prepared = optimize_detail::filter_outliers(facts);
  const auto& train = prepared.train;

  OptimizeResult result;
  result.weights = default_fsrs_weights();
  result.items_used = train.size();
  if (train.size() < 8) return result;  // too little to learn from: fsrs-rs keeps the defaults

  double recalled = 0;
  for (auto i : train) recalled += facts[i].recalled ? 1.0 : 0.0;
  auto initial = optimize_detail::fit_initial_stability(
      facts, prepared.initialization, recalled / static_cast<double>(train.size()));
  if (!initial) return initial.error();
  std::copy(initial->s.begin(), initial->s.end(), result.weights.begin());
  if (train.size() == prepared.initialization.size() || train.size() < 64) return result;

  FsrsWeights start = result.weights;
  if (!config.enable_short_term) start[17] = start[18] = start[19] = 0.0;

  // Recency weights follow the training items' time order, before long items are dropped.
  const auto recency = optimize_detail::recency_weights(train.size());
  std::vector<std::uint32_t> kept;  // positions in `train`
  for (std::uint32_t j = 0; j < train.size(); ++j) {
    if (data.items[train[j]].length <= static_cast<std::uint32_t>(config.max_seq_len)) {
      kept.push_back(j);
    }
  }
  const std::size_t total = kept.size();
  result.items_used = total;
  // Targets grouped by card, in answer order.
  std::vector<std::uint32_t> per_card(data.cards.size() + 1, 0);
  for (auto j : kept) ++per_card[data.items[train[j]].card + 1];
  std::partial_sum(per_card.begin(), per_card.end(), per_card.begin());
  std::vector<Target> targets(total);
  {
    std::vector<std::uint32_t> fill(per_card.begin(), per_card.end() - 1);
    for (auto j : kept) {
      const auto& item = data.items[train[j]];
      targets[fill[item.card]++] = {item.length - 1, facts[train[j]].recalled, recency[j]};
    }
  }
  std::vector<CardWork> cards;
  for (std::uint32_t c = 0; c < data.cards.size(); ++c) {
    const std::uint32_t begin = per_card[c], end = per_card[c + 1];
    if (begin == end) continue;
    std::sort(targets.begin() + begin, targets.begin() + end,
              [](const Target& a, const Target& b) { return a.position < b.position; });
    cards.push_back({c, begin, end - begin, targets[end - 1].position + 1});
  }
  std::mt19937_64 rng(config.seed);
  const auto batches =
      make_batches(std::move(cards), static_cast<std::size_t>(config.batch_size), rng);
  // Small logs make few batches; five passes over them leave the fit short of its optimum.
  const std::size_t per_epoch = std::max<std::size_t>(1, batches.size());
  const int epochs = std::max<int>(
      config.epochs,
      static_cast<int>((static_cast<std::size_t>(config.min_steps) + per_epoch - 1) / per_epoch));

  const unsigned threads = config.threads > 0 ? static_cast<unsigned>(config.threads)
                                              : std::max(1u, std::thread::hardware_concurrency());
  optimize_detail::Workers workers(std::min<unsigned>(threads, kChunks));
  const std::size_t steps = batches.size() * static_cast<std::size_t>(epochs);
  CosineSchedule schedule(static_cast<double>(steps), config.learning_rate);
  Adam adam;
  FsrsWeights w = start;
  std::vector<std::size_t> order(batches.size());
  std::array<Partial, kChunks> partials;
  std::size_t done = 0;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    shuffle(order, rng);
    for (std::size_t b : order) {
      const Batch& batch = batches[b];
      const optimize_detail::Model<Dual> model(w);
      workers.run(kChunks, [&](std::size_t chunk) {
        Partial& p = partials[chunk];
        p = {};
        for (std::size_t c = batch.chunk[chunk]; c < batch.chunk[chunk + 1]; ++c) {
          card_loss(model, data, batch.cards[c], targets.data() + batch.cards[c].first_target, p);
        }
      });
      Gradient grad{};
      for (const Partial& p : partials) {
        for (std::size_t i = 0; i < kFsrsParameterCount; ++i) grad[i] += p.grad[i];
      }
      const double share =
          config.gamma * static_cast<double>(batch.predictions) / static_cast<double>(total);
      for (std::size_t i = 0; i < kFsrsParameterCount; ++i) {
        grad[i] += 2.0 * (w[i] - start[i]) / (kWeightSpread[i] * kWeightSpread[i]) * share;
      }
      if (!config.enable_short_term) {
        // Without same-day reviews there is no S0 from learning steps nor short-term stability.
        std::fill(grad.begin(), grad.begin() + 4, 0.0);
        std::fill(grad.begin() + 17, grad.begin() + 20, 0.0);
      }
      adam.step(w, grad, schedule.next());
      w = clip_trained_weights(w, config.relearning_steps, config.enable_short_term);
      ++done;
      if (config.progress && !config.progress(done, steps)) {
        return make_error("optimisation stopped before it finished");
      }
    }
  }
  for (double x : w) {
    if (!std::isfinite(x)) return make_error("training diverged: a weight is not finite");
  }
  // Keep S0 ordered by rating, as after pre-fitting.
  std::array<std::optional<double>, 4> s0;
  for (std::size_t i = 0; i < 4; ++i) s0[i] = w[i];
  auto smoothed = optimize_detail::smooth_and_fill(s0, initial->count);
  if (!smoothed) return smoothed.error();
  std::copy(smoothed->begin(), smoothed->end(), w.begin());
  result.weights = w;
  return result;
}

}  // namespace citecard
