#include <fmt/format.h>

#include "citecard/fsrs.hpp"

namespace citecard {

Result<CardMemory> ReviewReplay::apply(const ReviewEvent& event) {
  auto [it, first_review] = cards_.try_emplace(event.card, new_card_memory(event.time));
  CardMemory& card = it->second;
  if (!first_review && event.time < card.last_review) {
    return make_error(fmt::format("card '{}': review at {} is before its previous review at {}",
                                  event.card, to_iso8601(event.time),
                                  to_iso8601(card.last_review)));
  }
  card = scheduler_.next(card, event.time, event.rating);
  return card;
}

}  // namespace citecard
