// The C API's card: a copy of a citecard::Card with what a host needs to show each citation
// (the article's author and the paragraph around the cited text), so it depends on no handle.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/collection.hpp"
#include "citecard/result.hpp"

struct cc_card {
  struct CitationExtra {
    std::string author;
    citecard::CitationContext context;
  };
  citecard::Card card;
  std::vector<CitationExtra> extras;  // one per card.citations entry
};

namespace citecard::capi {

// The card with its citations' articles read from the collection.
Result<cc_card*> make_c_card(const Collection& collection, Card card);

}  // namespace citecard::capi
