// The keep model: how likely a careful reader is to keep a candidate card, from its features
// (deck/generate/candidate_features.cpp). A logistic regression fitted on candidates that readers
// judged with the project's review rubric (tests/deck/ranker/fit_keep_model.py writes
// keep_weights.inc from the committed numeric data in tests/deck/ranker/data/); a feature the
// weights do not name weighs nothing.
#pragma once

#include <vector>

#include "deck/rank/candidate.hpp"

namespace citecard::deck::rank {

// Sets each candidate's keep probability and its strongest reasons (Candidate::why).
void score(std::vector<Candidate>& pool);

// The probability alone, for one feature list.
double keep_probability(const std::vector<Feature>& features);

}  // namespace citecard::deck::rank
