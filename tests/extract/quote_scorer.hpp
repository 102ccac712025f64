// Scores predicted quotes against hand-annotated gold (tests/data/gold/README.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "citecard/extract.hpp"

namespace citecard::scoring {

struct GoldQuote {
  std::string text;
  std::optional<std::string> speaker;
  std::vector<std::string> mentions;
  bool partial = false;
  std::string kind;  // "speech" counts; "other" is neither required nor penalised
};

struct GoldArticle {
  std::string file;
  std::vector<GoldQuote> quotes;
  std::vector<std::string> excluded;
};

struct Score {
  int gold = 0;       // speech quotes in gold
  int predicted = 0;  // predicted quotes, not counting those matching "other" spans
  int matched = 0;
  int speaker_right = 0;
  double precision() const { return predicted ? double(matched) / predicted : 1.0; }
  double recall() const { return gold ? double(matched) / gold : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double speaker_accuracy() const { return matched ? double(speaker_right) / matched : 1.0; }
  Score& operator+=(const Score& o) {
    gold += o.gold, predicted += o.predicted, matched += o.matched,
        speaker_right += o.speaker_right;
    return *this;
  }
};

// Case-folded, straight quotes, collapsed spaces, outer punctuation stripped.
std::string normalise_quote(const std::string& text);
// Texts match when equal after normalisation, or one contains the other and is >= 60 % of it.
bool quotes_match(const std::string& predicted, const std::string& gold);
// Names match when equal after normalisation, equal to one of the gold mentions, or share the
// last word.
bool speakers_match(const std::optional<std::string>& predicted, const GoldQuote& gold);

GoldArticle load_gold(const std::string& json_path);

// Scores one article; `report` receives a line per miss, wrong speaker and false alarm.
Score score_article(const GoldArticle& gold, const std::vector<Quote>& predicted,
                    std::vector<std::string>* report = nullptr);

}  // namespace citecard::scoring
