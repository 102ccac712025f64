#include "deck/overlay.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "deck/generate/generate.hpp"

namespace citecard::deck {

Result<void> apply_overlay(const std::vector<OverlayEntry>& overlay, std::vector<Card>& generated,
                           const std::set<std::string>& hand_card_ids) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < generated.size(); ++i) index.emplace(generated[i].id, i);
  std::set<std::string> rejected;
  for (const auto& entry : overlay) {
    if (hand_card_ids.count(entry.card_id))
      return make_error(
          fmt::format("{}: card {} is made from a hand-written note; edit the note instead",
                      entry.location, entry.card_id));
    const auto it = index.find(entry.card_id);
    if (it == index.end())
      return make_error(fmt::format(
          "{}: no generated card with id {}; was its article removed or its text changed? "
          "Delete this [[card]] entry",
          entry.location, entry.card_id));
    Card& card = generated[it->second];
    switch (entry.action) {
      case OverlayAction::Accept:
        break;
      case OverlayAction::Reject:
        rejected.insert(card.id);
        break;
      case OverlayAction::Edit:
        if (entry.prompt) card.prompt = *entry.prompt;
        if (entry.answer) card.answer = *entry.answer;
        if (entry.choices) {
          // Shuffled like generated choices, so the curator's order does not give the answer away.
          card.choices = *entry.choices;
          generate::stable_shuffle(card.choices, card.id);
        } else if (entry.answer && !card.choices.empty()) {
          // A new answer without new choices: the old choices no longer fit it.
          card.choices.clear();
        }
        if (!card.choices.empty() &&
            std::find(card.choices.begin(), card.choices.end(), card.answer) == card.choices.end())
          return make_error(fmt::format("{}: the answer \"{}\" is not among the choices",
                                        entry.location, card.answer));
        break;
    }
  }
  std::erase_if(generated, [&](const Card& c) { return rejected.count(c.id) > 0; });
  return {};
}

}  // namespace citecard::deck
