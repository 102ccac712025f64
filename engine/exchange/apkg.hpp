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

// A card's answers, oldest first, by card id: what the package's review log (revlog) carries.
using ReviewHistories = std::map<std::string, std::vector<ReviewRecord>>;

// Writes the cards as notes of one note type ("citecard": Front, Back, Choices, Source; the front
// template lists the choices), each deck an Anki deck named by its title. Each card's answers go
// into Anki's revlog and its state after the last of them into its cards row (type, due,
// interval, reps, lapses, and FSRS's stability and difficulty in its data), so a learner moving
// to Anki keeps their progress; a card without answers is new.
Result<void> write_apkg(const std::filesystem::path& out, const std::vector<Card>& cards,
                        const std::map<std::string, std::string>& deck_titles, Timestamp now,
                        const ReviewHistories& histories = {});

Result<AnkiFile> read_apkg(const std::filesystem::path& path);

}  // namespace citecard::exchange
