#include "store/imported_writer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "deck/content_id.hpp"

namespace citecard::store {
namespace {

// Imported cards go to a deck of their own: a deck built from a deck folder archives, at its next
// build, every card the build did not make.
Result<void> require_import_deck(Database& db, const std::string& deck, const std::string& title,
                                 Timestamp now) {
  auto built = db.prepare(
      "SELECT COUNT(*) FROM cards WHERE deck = ?1 AND type <> 'imported' AND archived = 0");
  if (!built) return built.error();
  if (auto row = built->bind(1, deck).step(); !row) return row.error();
  if (built->column_int(0) > 0)
    return make_error(fmt::format("deck {} is built from a deck folder and its cards cite their "
                                  "sources; import into a deck of its own (--deck NAME)",
                                  deck),
                      ErrorCode::Invalid);
  auto insert = db.prepare(
      "INSERT INTO decks (id, title, description, built_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (id) DO NOTHING");
  if (!insert) return insert.error();
  insert->bind(1, deck).bind(2, title);
  insert->bind(3, "Imported notes: they cite no source").bind(4, now);
  return insert->run();
}

}  // namespace

std::string imported_card_id(const ImportedNote& note) {
  const std::string choices = nlohmann::json(note.choices).dump();
  return deck::content_id('c', {"imported", note.prompt, note.answer, choices});
}

Result<ImportedNotesReport> write_imported_notes(Database& db, const std::string& deck,
                                                 const std::string& title,
                                                 const std::vector<ImportedNote>& notes,
                                                 Timestamp now) {
  if (auto r = require_import_deck(db, deck, title, now); !r) return r.error();
  auto exists = db.prepare("SELECT 1 FROM cards WHERE id = ?1");
  auto next_ordinal = db.prepare("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM cards WHERE deck = ?1");
  // kind 'fact': the closest the schema has to a question with its answer; what marks the note as
  // imported is its body and its card's type, and that it has no citation rows.
  auto note_row = db.prepare(
      "INSERT INTO notes (id, deck, kind, body, archived) VALUES (?1, ?2, 'fact', ?3, 0) "
      "ON CONFLICT (id) DO NOTHING");
  auto card_row = db.prepare(
      "INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, created_at) "
      "VALUES (?1, ?2, ?3, 'imported', ?4, ?5, ?6, ?7, ?8)");
  if (!exists) return exists.error();
  if (!next_ordinal) return next_ordinal.error();
  if (!note_row) return note_row.error();
  if (!card_row) return card_row.error();
  if (auto row = next_ordinal->bind(1, deck).step(); !row) return row.error();
  std::int64_t ordinal = next_ordinal->column_int(0);

  ImportedNotesReport report;
  for (const ImportedNote& note : notes) {
    const std::string id = imported_card_id(note);
    report.card_ids.push_back(id);
    exists->reset();
    auto found = exists->bind(1, id).step();
    if (!found) return found.error();
    if (*found) {
      ++report.present;
      continue;
    }
    // Appended, not "n" + substr: g++ 12 at -O3 misreads that as an overlapping copy.
    std::string note_id = "n";
    note_id.append(id, 1, std::string::npos);
    const std::string choices = nlohmann::json(note.choices).dump();
    const nlohmann::json body = {{"imported", true},
                                 {"front", note.prompt},
                                 {"back", note.answer},
                                 {"choices", note.choices}};
    note_row->reset();
    if (auto r = note_row->bind(1, note_id).bind(2, deck).bind(3, body.dump()).run(); !r)
      return r.error();
    card_row->reset();
    card_row->bind(1, id).bind(2, note_id).bind(3, deck).bind(4, note.prompt);
    card_row->bind(5, note.answer).bind(6, choices).bind(7, ordinal++).bind(8, now);
    if (auto r = card_row->run(); !r) return r.error();
    ++report.added;
  }
  return report;
}

}  // namespace citecard::store
