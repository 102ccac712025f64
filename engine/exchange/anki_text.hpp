// Anki's "Notes in Plain Text": header lines (#separator:tab, #html:true, #columns:…, #deck
// column:…, #tags column:…) then one note a line, its fields tab separated, quoted as CSV.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/exchange.hpp"

namespace citecard::exchange {

// Front, Back, Choices, Source, then the deck (its title) and tags, in HTML.
std::string anki_text(const std::vector<Card>& cards,
                      const std::map<std::string, std::string>& deck_titles);

// Reads a file Anki (2.1.55 and later, with its header; or older, without) or anki_text wrote.
// `name` names the file in errors and gives the deck name when the file has none.
Result<AnkiFile> read_anki_text(std::string_view text, const std::filesystem::path& name);

}  // namespace citecard::exchange
