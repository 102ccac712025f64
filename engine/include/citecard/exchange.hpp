// citecard — cards out to other tools and Anki's notes in.
//
// Export writes a collection's cards as an Anki package (.apkg: notes with Front, Back, Choices
// and a Source field holding each citation's outlet, title, date and cited sentence), as Anki's
// "Notes in Plain Text" (.txt), or as CSV / JSON with every field and citation.
//
// Import reads an Anki package or its plain-text notes export. Those notes cite nothing, so they
// become cards of their own kind (card_type::kImported, no citations: see is_cited) in a deck of
// their own; the review history an .apkg carries is replayed as answers, so each card's state is
// the replay of its log as for every other card. Card ids derive from the note's text, so
// importing the same file again adds nothing twice.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "citecard/collection.hpp"
#include "citecard/result.hpp"

namespace citecard {

enum class ExportFormat {
  Apkg,      // Anki package: collection.anki2 (Anki's schema 11) and an empty media list, zipped
  AnkiText,  // Anki's "Notes in Plain Text": #separator:tab, #html:true, one note a line
  Csv,       // one card a row, RFC 4180, with a header row
  Json,      // an array of cards with their citations
};

struct ExportReport {
  int cards = 0;
  int decks = 0;
};

// Writes the active cards of `deck` (every deck when empty) to `out`, replacing it only once the
// whole file is written. An unknown deck is NotFound.
Result<ExportReport> export_cards(const Collection& collection, ExportFormat format,
                                  const std::filesystem::path& out, const std::string& deck = "");

// One answer from another app's review log, for the note's card.
struct ImportedReview {
  Timestamp reviewed_at = 0;
  Rating rating = Rating::Good;
  std::int64_t duration_ms = 0;
};

// A note read from an Anki file, as the card it becomes.
struct ImportedNoteRecord {
  ImportedNote note;
  std::vector<ImportedReview> reviews;  // time order
};

// What an Anki file holds, read and checked before anything in a collection changes.
struct AnkiFile {
  std::string deck_name;  // the package's deck, or the file's name
  std::vector<ImportedNoteRecord> notes;
  int cards_skipped = 0;    // an .apkg's cards beyond each note's first (reversed, cloze 2…),
                            // and notes with no text on their front (an image alone)
  int reviews_skipped = 0;  // log entries that are not answers (manual, rescheduled) or are
                            // for skipped cards
  int media_skipped = 0;    // a package's media files (images, sounds): not imported
};

// Reads an .apkg (by its zip content) or Anki's plain-text notes export. A file that is neither,
// or is damaged, is an Invalid error naming it and what is wrong.
Result<AnkiFile> read_anki_file(const std::filesystem::path& path);

struct ImportReport {
  std::string deck;
  int notes = 0;
  int cards_added = 0;
  int cards_present = 0;  // already in the collection (imported before)
  int reviews_added = 0;
  int reviews_present = 0;  // at or before the card's last answer: imported before
  int cards_skipped = 0;
  int reviews_skipped = 0;
  int media_skipped = 0;
};

// Adds the file's notes as imported cards to the deck `deck` (made from the file's deck name when
// empty) and replays their reviews. A deck built from a deck folder is refused (Invalid): a
// rebuild would archive cards it did not make.
Result<ImportReport> import_anki_file(Collection& collection, const AnkiFile& file,
                                      const std::string& deck = "");

// A deck id from a name: lower case letters, digits and '-', e.g. "My Deck::Spanish" ->
// "my-deck-spanish".
std::string deck_id_from_name(const std::string& name);

}  // namespace citecard
