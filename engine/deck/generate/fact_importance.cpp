// Which facts a student of the event must know: those the articles lead with, those several
// sources report, and those that answer when, how many or how much. A fact that is none of these
// is background a learner's time is better spent elsewhere than on.
#include <algorithm>

#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {
namespace {

constexpr int kLeadParagraphs = 3;   // the opening paragraphs state the story's core
constexpr int kEarlyParagraphs = 6;  // what follows them still carries its main facts
constexpr int kMaxOtherSources = 2;
int prose_rank(const std::vector<std::int64_t>& starts, const Fact& fact) {
  return static_cast<int>(std::lower_bound(starts.begin(), starts.end(), fact.start) -
                          starts.begin()) -
         1;
}

}  // namespace

int fact_importance(const Corpus& corpus, const FactGroup& group) {
  const FactRef& lead = group.members.front();
  int score = 0;
  int first_paragraph =
      prose_rank(corpus.articles[static_cast<std::size_t>(lead.article)].prose_starts, *lead.fact);
  for (const auto& m : group.members)
    first_paragraph = std::min(
        first_paragraph,
        prose_rank(corpus.articles[static_cast<std::size_t>(m.article)].prose_starts, *m.fact));
  if (first_paragraph < kLeadParagraphs)
    score += 2;
  else if (first_paragraph < kEarlyParagraphs)
    score += 1;
  // Other sources stating the same answer (a number, a date, a name) report the fact too.
  std::set<int> sources;
  for (const auto& m : group.members) sources.insert(m.article);
  int others = static_cast<int>(sources.size()) - 1;
  for (std::size_t a = 0; a < corpus.articles.size() && others < kMaxOtherSources; ++a) {
    if (sources.count(static_cast<int>(a))) continue;
    if (contains_words(corpus.articles[a].words, lead.answer->text)) ++others;
  }
  score += std::min(others, kMaxOtherSources);
  if (lead.answer->kind == "number" || lead.answer->kind == "date") score += 1;
  return score;
}

void rank_by_importance(const Corpus& corpus, std::vector<FactGroup>& groups) {
  std::vector<std::pair<int, std::size_t>> order;
  for (std::size_t i = 0; i < groups.size(); ++i)
    order.push_back({-fact_importance(corpus, groups[i]), i});
  std::stable_sort(order.begin(), order.end());
  std::vector<FactGroup> ranked;
  for (const auto& [negative_score, i] : order)
    if (-negative_score >= kMinFactImportance) ranked.push_back(std::move(groups[i]));
  groups = std::move(ranked);
}

}  // namespace citecard::deck::generate
