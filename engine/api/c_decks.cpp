// The C API's deck list accessors and a deck's own settings.
#include <memory>
#include <string>

#include "api/boundary.hpp"
#include "api/c_deck_list.hpp"
#include "api/sized_struct.hpp"
#include "citecard/citecard.h"

namespace citecard::capi {

cc_deck_list* make_deck_list(std::vector<DeckSummary> decks) {
  auto list = std::make_unique<cc_deck_list>();
  list->decks = std::move(decks);
  add_live(list.get(), Kind::DeckList);
  return list.release();
}

}  // namespace citecard::capi

namespace {

using citecard::capi::fail;
using citecard::capi::guarded;

bool live(const cc_deck_list* decks) {
  return citecard::capi::is_live(decks, citecard::capi::Kind::DeckList) &&
         decks->magic == kDeckListMagic;
}

}  // namespace

extern "C" {

int cc_deck_list_count(const cc_deck_list* decks) {
  return live(decks) ? static_cast<int>(decks->decks.size()) : 0;
}

int cc_deck_list_item(const cc_deck_list* decks, int index, const char** id, const char** title,
                      int* total_cards, int* new_available, int* learning_due, int* review_due) {
  constexpr const char* call = "cc_deck_list_item";
  return citecard::capi::guarded_free(call, [&] {
    if (!decks) return fail(nullptr, call, CC_MISUSE, "the deck list is NULL");
    if (!live(decks))
      return fail(nullptr, call, CC_MISUSE, "the deck list is freed, or is not one cc_decks gave");
    if (index < 0 || index >= static_cast<int>(decks->decks.size()))
      return fail(nullptr, call, CC_MISUSE,
                  "index " + std::to_string(index) + " is out of range: the list holds " +
                      std::to_string(decks->decks.size()) + " decks");
    const auto& d = decks->decks[static_cast<std::size_t>(index)];
    if (id) *id = d.id.c_str();
    if (title) *title = d.title.c_str();
    if (total_cards) *total_cards = d.total_cards;
    if (new_available) *new_available = d.new_available;
    if (learning_due) *learning_due = d.learning_due;
    if (review_due) *review_due = d.review_due;
    return CC_OK;
  });
}

void cc_deck_list_free(cc_deck_list* decks) {
  if (!decks) return;
  if (!citecard::capi::remove_live(decks, citecard::capi::Kind::DeckList)) {
    fail(nullptr, "cc_deck_list_free", CC_MISUSE,
         "the deck list is freed already, or is not one cc_decks gave");
    return;
  }
  decks->magic = 0;
  delete decks;
}

cc_code cc_deck_options_get(cc_collection* c, const char* deck, cc_deck_options* options) {
  constexpr const char* call = "cc_deck_options_get";
  return static_cast<cc_code>(guarded(c, call, [&](citecard::Collection& collection) {
    if (!deck || !options) return fail(c, call, CC_MISUSE, "deck or options is NULL");
    if (auto bad = citecard::capi::check_out_size(options))
      return fail(c, call, CC_MISUSE, "options: " + *bad);
    auto own = collection.deck_options(deck);
    if (!own) return fail(c, call, own.error());
    cc_deck_options o = CC_DECK_OPTIONS_INIT;
    o.new_per_day = own->new_per_day.value_or(-1);
    o.reviews_per_day = own->reviews_per_day.value_or(-1);
    o.desired_retention = own->desired_retention.value_or(0.0);
    citecard::capi::write_sized(o, options);
    return CC_OK;
  }));
}

cc_code cc_deck_options_set(cc_collection* c, const char* deck, const cc_deck_options* options) {
  constexpr const char* call = "cc_deck_options_set";
  return static_cast<cc_code>(guarded(c, call, [&](citecard::Collection& collection) {
    if (!deck || !options) return fail(c, call, CC_MISUSE, "deck or options is NULL");
    cc_deck_options o = CC_DECK_OPTIONS_INIT;
    if (auto bad = citecard::capi::read_sized(options, o))
      return fail(c, call, CC_MISUSE, "options: " + *bad);
    if (o.new_per_day < -1 || o.reviews_per_day < -1)
      return fail(c, call, CC_MISUSE,
                  "a daily limit is negative: give 0 or more, or -1 to follow the collection");
    if (!(o.desired_retention == 0.0 || (o.desired_retention > 0 && o.desired_retention < 1)))
      return fail(c, call, CC_MISUSE,
                  "desired_retention must be between 0 and 1 (e.g. 0.9), or 0 to follow the "
                  "collection");
    citecard::DeckOptions own;
    if (o.new_per_day >= 0) own.new_per_day = o.new_per_day;
    if (o.reviews_per_day >= 0) own.reviews_per_day = o.reviews_per_day;
    if (o.desired_retention > 0) own.desired_retention = o.desired_retention;
    auto r = collection.set_deck_options(deck, own);
    return r ? CC_OK : fail(c, call, r.error());
  }));
}

}  // extern "C"
