// The candidate list of a deck: the generator's pool as scored, marked with what the build keeps.
#include "citecard/candidates.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "deck/card_maker.hpp"
#include "deck/deck_spec.hpp"

namespace citecard {

Result<CandidateReport> deck_candidates(const std::filesystem::path& deck_dir,
                                        DeckBuildOptions options) {
  auto spec = deck::load_deck(deck_dir);
  if (!spec) return spec.error();
  auto made = deck::make_cards(*spec, options);
  if (!made) return made.error();
  std::set<std::string> built;
  for (const auto& card : made->cards) built.insert(card.id);

  CandidateReport report;
  report.deck = spec->id;
  for (auto& c : made->pool) {
    CandidateCard out;
    out.source = spec->sources[static_cast<std::size_t>(c.article)].id;
    out.keep = c.keep;
    out.chosen = built.count(c.card.id) > 0;
    out.held_back = c.held_back;
    out.why = std::move(c.why);
    out.features = std::move(c.features);
    out.card = std::move(c.card);
    out.card.deck = spec->id;
    report.candidates.push_back(std::move(out));
  }
  std::map<std::string, std::size_t> order;
  for (std::size_t i = 0; i < spec->sources.size(); ++i) order.emplace(spec->sources[i].id, i);
  std::stable_sort(report.candidates.begin(), report.candidates.end(),
                   [&](const CandidateCard& a, const CandidateCard& b) {
                     const auto oa = order[a.source];
                     const auto ob = order[b.source];
                     return oa != ob ? oa < ob : a.keep > b.keep;
                   });
  return report;
}

}  // namespace citecard
