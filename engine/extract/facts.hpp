// Fact sentences and their answer spans (dates, numbers, people, organisations, places).
#pragma once

#include <string>
#include <vector>

#include "citecard/extract.hpp"
#include "extract/document.hpp"
#include "extract/names.hpp"

namespace citecard::extract_detail {

std::vector<Fact> find_facts(const Document& doc, const Names& names,
                             const std::string& article_date);

}  // namespace citecard::extract_detail
