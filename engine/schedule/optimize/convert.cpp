// Review log -> training items, by fsrs-rs's rules (its convertor and the binding's
// convertCsvToFsrsItems), so both optimizers see the same data.
#include <fmt/format.h>

#include <algorithm>

#include "../rounding.hpp"
#include "citecard/optimize.hpp"
#include "time_zone.hpp"

namespace citecard {

namespace {

bool is_learning_state(const RevlogEntry& e) {
  return e.state == 0 || e.state == 1;
}

}  // namespace

std::vector<ItemReview> TrainingSet::item_reviews(std::size_t item) const {
  const Item& it = items.at(item);
  const Card& card = cards.at(it.card);
  return {reviews.begin() + card.first, reviews.begin() + card.first + it.length};
}

Result<TrainingSet> build_training_set(std::vector<RevlogEntry> entries,
                                       const DayBoundary& boundary) {
  if (boundary.next_day_starts_at < 0 || boundary.next_day_starts_at > 23) {
    return make_error(fmt::format("the next day starts at {} o'clock: give an hour from 0 to 23",
                                  boundary.next_day_starts_at));
  }
  auto zone = optimize_detail::TimeZone::parse(boundary.time_zone);
  if (!zone) return zone.error();

  TrainingSet set;
  set.revlog_entries = entries.size();
  // Manual entries (a reset, a rescheduling) are not answers; the learning block that follows a
  // reset is what restarts the card below.
  std::erase_if(entries, [](const RevlogEntry& e) { return e.rating < 1 || e.rating > 4; });
  std::stable_sort(entries.begin(), entries.end(), [](const RevlogEntry& a, const RevlogEntry& b) {
    return a.card_id != b.card_id ? a.card_id < b.card_id : a.review_time_ms < b.review_time_ms;
  });

  const std::int64_t shift_ms = std::int64_t{boundary.next_day_starts_at} * 3600 * 1000;
  auto day_of = [&](std::int64_t time_ms) {
    const std::int64_t shifted = time_ms - shift_ms;
    const std::int64_t offset_ms =
        zone->offset_at(schedule_detail::floor_div(shifted, 1000)) * 1000;
    return schedule_detail::floor_div(shifted + offset_ms, kSecondsPerDay * 1000);
  };

  std::size_t begin = 0;
  while (begin < entries.size()) {
    std::size_t end = begin;
    while (end < entries.size() && entries[end].card_id == entries[begin].card_id) ++end;
    // Keep the card's last block of new/learning answers and what follows: answers before it
    // belong to a card that was reset and learnt again.
    std::size_t start = end;
    for (std::size_t i = end; i-- > begin;) {
      if (is_learning_state(entries[i])) {
        start = i;
      } else if (start != end) {
        break;
      }
    }
    if (start == end) {  // never learnt: nothing to train on
      begin = end;
      continue;
    }
    TrainingSet::Card card{entries[start].card_id, static_cast<std::uint32_t>(set.reviews.size()),
                           0};
    const auto card_index = static_cast<std::uint32_t>(set.cards.size());
    std::int64_t previous_day = 0;
    bool any_item = false;
    for (std::size_t i = start; i < end; ++i) {
      const std::int64_t day = day_of(entries[i].review_time_ms);
      const int delta_t =
          i == start ? 0 : static_cast<int>(std::max<std::int64_t>(0, day - previous_day));
      previous_day = day;
      set.reviews.push_back({entries[i].rating, delta_t});
      card.count += 1;
      if (i > start && delta_t > 0) {
        set.items.push_back({card_index, card.count, entries[i].review_time_ms});
        any_item = true;
      }
    }
    if (any_item) {
      set.cards.push_back(card);
    } else {
      set.reviews.resize(card.first);
    }
    begin = end;
  }
  std::stable_sort(
      set.items.begin(), set.items.end(),
      [](const TrainingSet::Item& a, const TrainingSet::Item& b) { return a.time_ms < b.time_ms; });
  return set;
}

}  // namespace citecard
