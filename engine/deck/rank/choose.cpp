#include "deck/rank/choose.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "deck/one_fact.hpp"

namespace citecard::deck::rank {

ChoiceLimits default_limits() {
  ChoiceLimits limits;
#include "deck/rank/keep_threshold.inc"
  return limits;
}

namespace {

// The forms of one question: a sentence's blanks, a quote's who-said, typed and cloze cards.
// Which outlet carried a quote asks something else than who said it.
std::string question_of(const Candidate& c) {
  return c.note.id + (c.card.type == card_type::kWhichOutlet ? "/outlet" : "");
}

struct Question {
  int article = 0;
  double keep = 0;                 // the best form's
  std::vector<std::size_t> forms;  // indices into the pool, in pool order
};

}  // namespace

std::vector<std::size_t> choose(const std::vector<Candidate>& pool, const ChoiceLimits& limits) {
  std::map<std::string, Question> questions;
  std::vector<std::string> order;  // first seen first, so ties keep the generator's order
  for (std::size_t i = 0; i < pool.size(); ++i) {
    const Candidate& c = pool[i];
    if (c.held_back || c.keep < limits.min_keep) continue;
    auto [it, fresh] = questions.try_emplace(question_of(c));
    if (fresh) {
      order.push_back(it->first);
      it->second.article = c.article;
    }
    it->second.keep = std::max(it->second.keep, c.keep);
    it->second.forms.push_back(i);
  }
  std::map<int, std::vector<const Question*>> by_article;
  for (const auto& key : order) by_article[questions[key].article].push_back(&questions[key]);
  std::vector<std::size_t> chosen;
  for (auto& [article, list] : by_article) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Question* a, const Question* b) { return a->keep > b->keep; });
    if (list.size() > limits.per_article) list.resize(limits.per_article);
    // A question worth asking is asked in the form a learner is best served by (one_fact.hpp:
    // who-said with choices before its typed twin, a fact before a phrasing).
    for (const Question* q : list)
      chosen.push_back(
          *std::min_element(q->forms.begin(), q->forms.end(), [&](std::size_t a, std::size_t b) {
            return fact_form_rank(pool[a].card, false) < fact_form_rank(pool[b].card, false);
          }));
  }
  return chosen;
}

}  // namespace citecard::deck::rank
