// Anki packages: collection.anki2 in Anki's schema 11 (the one every Anki version imports) and a
// `media` list, zipped.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/exchange.hpp"
#include "citecard/result.hpp"

namespace citecard::exchange {

// Writes the cards as notes of one note type ("citecard": Front, Back, Choices, Source; the front
// template lists the choices), each deck an Anki deck named by its title. New cards, no history.
Result<void> write_apkg(const std::filesystem::path& out, const std::vector<Card>& cards,
                        const std::map<std::string, std::string>& deck_titles, Timestamp now);

Result<AnkiFile> read_apkg(const std::filesystem::path& path);

}  // namespace citecard::exchange
