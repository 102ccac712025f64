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
  // False where the annotation cannot name the speaker (an unresolved pronoun, no Source in a
  // converted corpus): the quote counts for finding, not for speaker accuracy.
  bool speaker_scored = true;
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
  int speaker_scored = 0;  // matched quotes whose gold speaker is scored
  int speaker_right = 0;
  double precision() const { return predicted ? double(matched) / predicted : 1.0; }
  double recall() const { return gold ? double(matched) / gold : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double speaker_accuracy() const {
    return speaker_scored ? double(speaker_right) / speaker_scored : 1.0;
  }
  Score& operator+=(const Score& o) {
    gold += o.gold, predicted += o.predicted, matched += o.matched,
        speaker_scored += o.speaker_scored, speaker_right += o.speaker_right;
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

// Stricter, for answers a learner will study: as above, but a shared last word counts only when
// one name is a single word or both share the first word ("Bill Clinton" is not "Hillary
// Clinton").
bool speakers_match_strict(const std::optional<std::string>& predicted, const GoldQuote& gold);

// The gold quote a prediction matches in score_article's one-to-one pairing, or -1; computed by
// the same pairing so reports and card figures agree with the scores.
std::vector<int> match_predictions(const GoldArticle& gold, const std::vector<Quote>& predicted);

GoldArticle load_gold(const std::string& json_path);

// Scores one article; `report` receives a line per miss, wrong speaker and false alarm.
Score score_article(const GoldArticle& gold, const std::vector<Quote>& predicted,
                    std::vector<std::string>* report = nullptr);

}  // namespace citecard::scoring
