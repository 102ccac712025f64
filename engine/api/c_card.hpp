// The C API's card: a copy of a citecard::Card with what a host needs to show each citation
// (the article's author and the paragraph around the cited text), so it depends on no handle.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/collection.hpp"
#include "citecard/result.hpp"

inline constexpr std::uint64_t kCardMagic = 0x636363617264cafe;

struct cc_card {
  std::uint64_t magic = kCardMagic;
  struct CitationExtra {
    std::string author;
    citecard::CitationContext context;
  };
  citecard::Card card;
  std::vector<CitationExtra> extras;  // one per card.citations entry
};

namespace citecard::capi {

// The card with its citations' articles read from the collection, registered as live for the
// host to free with cc_card_free.
Result<cc_card*> make_c_card(const Collection& collection, Card card);

}  // namespace citecard::capi
