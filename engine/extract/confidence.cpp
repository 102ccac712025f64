// Attribution confidence: a logistic model over the evidence of each quote's attribution. The
// weights are fitted on a hand-annotated news corpus by tests/extract/polnear/train_confidence.py,
// which writes attribution_weights.inc; the features are defined here only, and the training
// script reads them from the scorer's dump, so the two cannot drift apart.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "citecard/extract.hpp"
#include "extract/utf8.hpp"

namespace citecard {
namespace {

struct Weight {
  std::string_view feature;
  double weight;
};

constexpr Weight kWeights[] = {
#include "extract/attribution_weights.inc"
};

// Built once: a quote has a dozen features and the model ~150 weights, looked up per quote.
const std::unordered_map<std::string_view, double>& weights() {
  static const std::unordered_map<std::string_view, double> map = [] {
    std::unordered_map<std::string_view, double> m;
    for (const Weight& w : kWeights) m.emplace(w.feature, w.weight);
    return m;
  }();
  return map;
}

const char* bucket(int value, int low, int high) {
  return value <= low ? "low" : value <= high ? "mid" : "high";
}

}  // namespace

namespace {

// Calls emit(name) for each feature of the quote (all of value 1), in one fixed order: the model's
// sum runs in this order, so the confidences stay the same to the last bit. Names are assembled in
// one reused buffer: building a string per feature was most of the time spent scoring a quote.
template <class Emit>
void for_each_feature(const Quote& quote, Emit&& emit) {
  const AttributionEvidence& ev = quote.evidence;
  std::string name;
  name.reserve(128);
  const auto make = [&name](auto... parts) -> std::string_view {
    name.clear();
    (name.append(parts), ...);
    return name;
  };
  const std::string_view rule = ev.rule;
  const std::string_view mention = ev.mention;
  emit(make("rule=", rule));
  emit(make("mention=", mention));
  emit(make("rule=", rule, "&mention=", mention));
  if (rule == "said_after" || rule == "subject_after" || rule == "said_before") {
    // Distance matters only where the cue is in the quote's own sentence.
    const std::string_view distance = bucket(ev.cue_distance, 2, 8);
    emit(make("distance=", distance));
    emit(make("rule=", rule, "&mention=", mention, "&distance=", distance));
  }
  // "Clinton said" where the article names two Clintons is a guess between them.
  const std::string_view namesakes = ev.namesakes <= 0   ? "none"
                                     : ev.namesakes == 1 ? "one"
                                                         : "many";
  emit(make("namesakes=", namesakes));
  emit(make("mention=", mention, "&namesakes=", namesakes));
  // A one-word speaker ("Clinton", "Reuters") is a short form nothing longer in the text completed.
  if (quote.speaker && quote.speaker->find(' ') == std::string::npos)
    emit(std::string_view("one_word_speaker"));
  const std::string_view nearby = bucket(ev.people_nearby, 1, 2);
  emit(make("people_nearby=", nearby));
  emit(make("rule=", rule, "&people_nearby=", nearby));
  emit(make("speaker_mentions=", std::string_view(bucket(ev.speaker_mentions, 1, 3))));
  if (mention == "pronoun") {
    const double share = ev.resolution_share;
    emit(make("pronoun_share=", std::string_view(share < 0.5   ? "low"
                                                 : share < 0.8 ? "mid"
                                                               : "high")));
  }
  // The speaker model's share: how far its choice stood out among everyone named around the quote.
  const double share = ev.speaker_share;
  const std::string_view model = share < 0.5    ? "<0.5"
                                 : share < 0.7  ? "0.5-0.7"
                                 : share < 0.9  ? "0.7-0.9"
                                 : share < 0.97 ? "0.9-0.97"
                                                : ">=0.97";
  emit(make("speaker_share=", model));
  emit(make("rule=", rule, "&speaker_share=", model));
  if (quote.partial) emit(std::string_view("partial"));
  if (!quote.co_speakers.empty()) emit(std::string_view("co_speakers"));
  if (quote.speaker_entity < 0 && quote.speaker) emit(std::string_view("speaker_not_an_entity"));
  emit(make("quote_words=", std::string_view(bucket(
                                static_cast<int>(extract_detail::word_count(quote.text)), 4, 20))));
}

}  // namespace

std::vector<std::pair<std::string, double>> attribution_features(const Quote& quote) {
  std::vector<std::pair<std::string, double>> f;
  for_each_feature(quote, [&f](std::string_view name) { f.emplace_back(std::string(name), 1.0); });
  return f;
}

double who_said_threshold() {
  return
#include "extract/attribution_threshold.inc"
      ;
}

double who_said_review_threshold() {
  return
#include "extract/attribution_review_threshold.inc"
      ;
}

double attribution_confidence(const Quote& quote) {
  if (!quote.speaker) return 0.0;
  const auto& w = weights();
  const auto bias = w.find("bias");
  double z = bias == w.end() ? 0.0 : bias->second;
  for_each_feature(quote, [&](std::string_view name) {
    const auto it = w.find(name);
    if (it != w.end()) z += it->second;  // every feature has value 1
  });
  const double p = 1.0 / (1.0 + std::exp(-z));
  // A speaker found through "he"/"she" is right only if the pronoun was resolved right: the
  // confidence never exceeds the pronoun ranker's share (train_confidence.py does the same).
  const AttributionEvidence& ev = quote.evidence;
  return ev.mention == "pronoun" ? std::min(p, ev.resolution_share) : p;
}

}  // namespace citecard
