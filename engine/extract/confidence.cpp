// Attribution confidence: a logistic model over the evidence of each quote's attribution. The
// weights are fitted on a hand-annotated news corpus by tests/extract/polnear/train_confidence.py,
// which writes attribution_weights.inc; the features are defined here only, and the training
// script reads them from the scorer's dump, so the two cannot drift apart.
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

std::vector<std::pair<std::string, double>> attribution_features(const Quote& quote) {
  const AttributionEvidence& ev = quote.evidence;
  std::vector<std::pair<std::string, double>> f;
  const std::string rule = ev.rule;
  const std::string mention = ev.mention;
  f.emplace_back("rule=" + rule, 1.0);
  f.emplace_back("mention=" + mention, 1.0);
  f.emplace_back("rule=" + rule + "&mention=" + mention, 1.0);
  if (rule == "said_after" || rule == "subject_after" || rule == "said_before") {
    // Distance matters only where the cue is in the quote's own sentence.
    const std::string distance = bucket(ev.cue_distance, 2, 8);
    f.emplace_back("distance=" + distance, 1.0);
    f.emplace_back("rule=" + rule + "&mention=" + mention + "&distance=" + distance, 1.0);
  }
  // "Clinton said" where the article names two Clintons is a guess between them.
  const std::string namesakes = ev.namesakes <= 0 ? "none" : ev.namesakes == 1 ? "one" : "many";
  f.emplace_back("namesakes=" + namesakes, 1.0);
  f.emplace_back("mention=" + mention + "&namesakes=" + namesakes, 1.0);
  // A one-word speaker ("Clinton", "Reuters") is a short form nothing longer in the text completed.
  if (quote.speaker && quote.speaker->find(' ') == std::string::npos)
    f.emplace_back("one_word_speaker", 1.0);
  f.emplace_back(std::string("people_nearby=") + bucket(ev.people_nearby, 1, 2), 1.0);
  f.emplace_back(std::string("rule=") + rule + "&people_nearby=" + bucket(ev.people_nearby, 1, 2),
                 1.0);
  f.emplace_back(std::string("speaker_mentions=") + bucket(ev.speaker_mentions, 1, 3), 1.0);
  if (mention == "pronoun") {
    const double share = ev.resolution_share;
    f.emplace_back(std::string("pronoun_share=") + (share < 0.5   ? "low"
                                                    : share < 0.8 ? "mid"
                                                                  : "high"),
                   1.0);
  }
  if (quote.partial) f.emplace_back("partial", 1.0);
  if (!quote.co_speakers.empty()) f.emplace_back("co_speakers", 1.0);
  if (quote.speaker_entity < 0 && quote.speaker) f.emplace_back("speaker_not_an_entity", 1.0);
  f.emplace_back(std::string("quote_words=") +
                     bucket(static_cast<int>(extract_detail::word_count(quote.text)), 4, 20),
                 1.0);
  return f;
}

double who_said_threshold() {
  return
#include "extract/attribution_threshold.inc"
      ;
}

double attribution_confidence(const Quote& quote) {
  if (!quote.speaker) return 0.0;
  const auto& w = weights();
  const auto bias = w.find("bias");
  double z = bias == w.end() ? 0.0 : bias->second;
  for (const auto& [name, value] : attribution_features(quote)) {
    const auto it = w.find(name);
    if (it != w.end()) z += it->second * value;
  }
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace citecard
