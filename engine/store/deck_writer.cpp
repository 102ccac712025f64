#include "store/deck_writer.hpp"

#include <nlohmann/json.hpp>

namespace citecard::store {
namespace {

Result<void> write_sources(Database& db, const deck::DeckSpec& spec, Timestamp now) {
  auto deck = db.prepare(
      "INSERT INTO decks (id, title, description, built_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (id) DO UPDATE SET title = ?2, description = ?3, built_at = ?4");
  if (!deck) return deck.error();
  if (auto r =
          deck->bind(1, spec.id).bind(2, spec.title).bind(3, spec.description).bind(4, now).run();
      !r)
    return r;

  auto source = db.prepare(
      "INSERT INTO sources (deck, id, file, outlet, title, author, date, text) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (deck, id) DO UPDATE SET "
      "file = ?3, outlet = ?4, title = ?5, author = ?6, date = ?7, text = ?8");
  if (!source) return source.error();
  for (const auto& s : spec.sources) {
    source->reset();
    source->bind(1, spec.id).bind(2, s.id).bind(3, s.file).bind(4, s.outlet).bind(5, s.title);
    source->bind(6, s.author).bind(7, s.date).bind_blob(8, s.text);
    if (auto r = source->run(); !r) return r;
  }
  return {};
}

Result<void> write_notes(Database& db, const std::string& deck_id, const deck::MadeDeck& made) {
  auto note = db.prepare(
      "INSERT INTO notes (id, deck, kind, body, archived) VALUES (?1, ?2, ?3, ?4, 0) "
      "ON CONFLICT (id) DO UPDATE SET body = ?4, archived = 0");
  auto clear = db.prepare("DELETE FROM citations WHERE note = ?1");
  auto citation = db.prepare(
      "INSERT INTO citations (note, position, deck, source, start, end, text) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!note) return note.error();
  if (!clear) return clear.error();
  if (!citation) return citation.error();
  for (const auto& n : made.notes) {
    note->reset();
    note->bind(1, n.id).bind(2, deck_id);
    note->bind(3, n.kind == deck::NoteKind::Quote ? "quote" : "fact").bind(4, n.body_json);
    if (auto r = note->run(); !r) return r;
    clear->reset();
    if (auto r = clear->bind(1, n.id).run(); !r) return r;
    for (std::size_t i = 0; i < n.citations.size(); ++i) {
      const auto& c = n.citations[i];
      citation->reset();
      citation->bind(1, n.id).bind(2, static_cast<std::int64_t>(i)).bind(3, deck_id);
      citation->bind(4, c.source).bind(5, c.start).bind(6, c.end).bind(7, c.text);
      if (auto r = citation->run(); !r) return r;
    }
  }
  return {};
}

Result<void> write_cards(Database& db, const std::string& deck_id, const deck::MadeDeck& made,
                         Timestamp now, BuildReport& report) {
  auto existing =
      db.prepare("SELECT prompt, answer, choices, archived, ordinal FROM cards WHERE id = ?1");
  auto insert = db.prepare(
      "INSERT INTO cards (id, note, deck, type, prompt, answer, choices, ordinal, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  auto update = db.prepare(
      "UPDATE cards SET note = ?2, type = ?3, prompt = ?4, answer = ?5, choices = ?6, "
      "ordinal = ?7, archived = 0 WHERE id = ?1");
  if (!existing) return existing.error();
  if (!insert) return insert.error();
  if (!update) return update.error();

  std::int64_t ordinal = 0;
  for (const auto& card : made.cards) {
    const std::string choices = nlohmann::json(card.choices).dump();
    existing->reset();
    auto found = existing->bind(1, card.id).step();
    if (!found) return found.error();
    if (*found) {
      const bool same = existing->column_text(0) == card.prompt &&
                        existing->column_text(1) == card.answer &&
                        existing->column_text(2) == choices && existing->column_int(3) == 0 &&
                        existing->column_int(4) == ordinal;
      existing->reset();
      if (!same) {
        update->reset();
        update->bind(1, card.id).bind(2, card.note).bind(3, card.type).bind(4, card.prompt);
        update->bind(5, card.answer).bind(6, choices).bind(7, ordinal);
        if (auto r = update->run(); !r) return r;
        ++report.cards_updated;
      }
    } else {
      insert->reset();
      insert->bind(1, card.id).bind(2, card.note).bind(3, deck_id).bind(4, card.type);
      insert->bind(5, card.prompt).bind(6, card.answer).bind(7, choices).bind(8, ordinal);
      insert->bind(9, now);
      if (auto r = insert->run(); !r) return r;
      ++report.cards_added;
    }
    ++ordinal;
  }
  return {};
}

// Cards (and notes) of this deck that the new build no longer makes are archived, not deleted:
// their review history stays in the log, and they come back if their note returns.
Result<int> archive_missing(Database& db, const std::string& deck_id, const deck::MadeDeck& made) {
  if (auto r = db.exec("CREATE TEMP TABLE IF NOT EXISTS built_ids (id TEXT PRIMARY KEY); "
                       "DELETE FROM built_ids;");
      !r)
    return r.error();
  auto keep = db.prepare("INSERT OR IGNORE INTO built_ids (id) VALUES (?1)");
  if (!keep) return keep.error();
  for (const auto& card : made.cards) {
    keep->reset();
    if (auto r = keep->bind(1, card.id).run(); !r) return r.error();
  }
  for (const auto& note : made.notes) {
    keep->reset();
    if (auto r = keep->bind(1, note.id).run(); !r) return r.error();
  }
  auto cards = db.prepare(
      "UPDATE cards SET archived = 1 WHERE deck = ?1 AND archived = 0 "
      "AND id NOT IN (SELECT id FROM built_ids)");
  if (!cards) return cards.error();
  if (auto r = cards->bind(1, deck_id).run(); !r) return r.error();
  const int archived = sqlite3_changes(db.handle());
  auto notes = db.prepare(
      "UPDATE notes SET archived = 1 WHERE deck = ?1 AND archived = 0 "
      "AND id NOT IN (SELECT id FROM built_ids)");
  if (!notes) return notes.error();
  if (auto r = notes->bind(1, deck_id).run(); !r) return r.error();
  if (auto r = db.exec("DELETE FROM built_ids"); !r) return r.error();
  return archived;
}

}  // namespace

Result<BuildReport> write_deck(Database& db, const deck::DeckSpec& spec, const deck::MadeDeck& made,
                               Timestamp now) {
  BuildReport report;
  report.deck = spec.id;
  report.sources = static_cast<int>(spec.sources.size());
  report.notes = static_cast<int>(made.notes.size());
  report.cards_total = static_cast<int>(made.cards.size());
  if (auto r = write_sources(db, spec, now); !r) return r.error();
  if (auto r = write_notes(db, spec.id, made); !r) return r.error();
  if (auto r = write_cards(db, spec.id, made, now, report); !r) return r.error();
  auto archived = archive_missing(db, spec.id, made);
  if (!archived) return archived.error();
  report.cards_archived = *archived;
  return report;
}

}  // namespace citecard::store
