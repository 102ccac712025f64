// Which person a reporter's "he" or "she" at an attribution refers to ("…," she said).
//
// Every person of agreeing gender named in the paragraphs before the pronoun is a candidate; each
// is described by the same cues a reader weighs (how recently and where it was named, whether it
// was the subject of its sentence, whether that person was the last one reported speaking, how
// often the article quotes or names it), and a linear model scores them. Its weights are fitted on
// a hand-annotated news corpus by tests/extract/polnear/train_pronoun_ranker.py, which reads the
// features from extract_score's --pronoun-dump; they are defined here only, so the two cannot
// drift apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.hpp"
#include "extract/names.hpp"

namespace citecard::extract_detail {

struct PronounCandidate {
  int entity = -1;
  std::vector<std::string> features;  // binary cues present for this candidate
  double score = 0;
};

// What the attributor knows about the speech reported before the pronoun.
struct SpeechHistory {
  int last_speaker = -1;            // the person last reported speaking, same gender
  std::vector<int> times_reported;  // per entity: speech events in the window before it
};

// The candidates for the pronoun at `pronoun` (gender "male" or "female"), scored, best first.
// Empty when nobody it could be is named in the four paragraphs before it.
std::vector<PronounCandidate> rank_pronoun_candidates(const Document& doc, const Names& names,
                                                      std::uint32_t pronoun,
                                                      std::string_view gender,
                                                      const SpeechHistory& history);

// The probability the ranker gives its best candidate (a softmax over the candidates' scores).
double top_candidate_share(const std::vector<PronounCandidate>& ranked);

}  // namespace citecard::extract_detail
