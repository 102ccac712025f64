// Which candidates a deck offers unasked: for each article, its best questions by predicted keep,
// as long as a reader is likely to keep them. A question is a note (a sentence is asked once, a
// quote in one form; which outlet carried it is another question), scored by its best form and
// asked in the form one_fact.hpp prefers among those likely kept; never a who-said card whose
// speaker is unsure (a wrong speaker is learned as fact).
#pragma once

#include <cstddef>
#include <vector>

#include "deck/rank/candidate.hpp"

namespace citecard::deck::rank {

struct ChoiceLimits {
  double min_keep = 0.5;        // below this a reader more likely rejects the card
  std::size_t per_article = 8;  // a reader studies an article's main points, not all of it
};

// The limits the fitting chose (keep_threshold.inc).
ChoiceLimits default_limits();

// Indices into `pool` of the chosen candidates, best question first within each article,
// articles in order.
std::vector<std::size_t> choose(const std::vector<Candidate>& pool, const ChoiceLimits& limits);

}  // namespace citecard::deck::rank
