// The C API's deck list: a copy of the decks' summaries that depends on no handle.
#pragma once

#include <cstdint>
#include <vector>

#include "citecard/collection.hpp"

inline constexpr std::uint64_t kDeckListMagic = 0x636364656b6c7374;  // "ccdeklst"

struct cc_deck_list {
  std::uint64_t magic = kDeckListMagic;
  std::vector<citecard::DeckSummary> decks;
};

namespace citecard::capi {

// A new list, registered as live, for the host to free with cc_deck_list_free.
cc_deck_list* make_deck_list(std::vector<DeckSummary> decks);

}  // namespace citecard::capi
