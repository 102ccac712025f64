// Cards as data for other tools: JSON (an array of cards with their citations) and CSV (a row per
// card; choices and each citation's parts one per line within their cell).
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"

namespace citecard::exchange {

std::string cards_json(const std::vector<Card>& cards);
std::string cards_csv(const std::vector<Card>& cards);

}  // namespace citecard::exchange
