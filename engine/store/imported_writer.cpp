#include "store/imported_writer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "citecard/extract.hpp"
#include "deck/card_rules.hpp"
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

// An imported card keeps the rules a built one keeps (`citecard check` holds both to them): text
// in UTF-8, and a multiple-choice card's choices distinct and holding its answer. Checked for
// every note before anything is written, so a bad note changes nothing.
Result<void> check_note(const ImportedNote& note, std::size_t index) {
  auto refuse = [&](const std::string& why) {
    return make_error(
        fmt::format("note {} (\"{}\"): {}", index + 1, note.prompt.substr(0, 60), why),
        ErrorCode::Invalid);
  };
  if (note.prompt.empty()) return refuse("it has no front");
  std::vector<const std::string*> texts = {&note.prompt, &note.answer};
  for (const auto& choice : note.choices) texts.push_back(&choice);
  for (const std::string* text : texts)
    if (auto utf8 = validate_utf8(*text); !utf8)
      return make_error(
          fmt::format("note {}: its text is not UTF-8 ({})", index + 1, utf8.error().message),
          ErrorCode::Invalid);
  const auto problems = deck::choices_problems(note.choices, note.answer);
  if (!problems.empty()) return refuse(problems.front());
  return {};
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
  for (std::size_t i = 0; i < notes.size(); ++i)
    if (auto ok = check_note(notes[i], i); !ok) return ok.error();
  if (auto utf8 = validate_utf8(title); !utf8)
    return make_error("the deck's title is not UTF-8 text", ErrorCode::Invalid);
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
