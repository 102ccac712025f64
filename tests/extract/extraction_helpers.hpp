// Shared by the extraction tests: run the extractor on invented text and find a quote by its
// opening words.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "citecard/extract.hpp"

namespace citecard::test {

inline Extraction extracted(const std::string& text) {
  auto x = extract(text);
  REQUIRE(x.ok());
  return *x;
}

inline const Quote& quote_starting(const Extraction& x, const std::string& prefix) {
  for (const auto& q : x.quotes)
    if (q.text.rfind(prefix, 0) == 0) return q;
  FAIL("no quote starts with " << prefix);
  return x.quotes.front();
}

}  // namespace citecard::test
