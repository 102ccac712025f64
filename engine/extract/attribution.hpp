// Who said each quote.
#pragma once

#include <vector>

#include "citecard/extract.hpp"
#include "extract/document.hpp"
#include "extract/names.hpp"

namespace citecard::extract_detail {

// One record per reported quote (scare quotes, dubbings and titles dropped), speakers resolved to
// the most complete name the article gives.
std::vector<Quote> attribute_quotes(const Document& doc, const Names& names);

}  // namespace citecard::extract_detail
