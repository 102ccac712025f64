// The package's collection is written with SQLite into a temporary file, then zipped.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "deck/content_id.hpp"
#include "exchange/apkg.hpp"
#include "exchange/files.hpp"
#include "exchange/html_text.hpp"
#include "exchange/note_fields.hpp"
#include "exchange/sha1.hpp"
#include "exchange/zip_archive.hpp"
#include "store/database.hpp"

namespace citecard::exchange {
namespace {

using nlohmann::json;

// Anki's schema 11 (rslib/src/storage/schema11.sql): the tables an .apkg's collection.anki2 has.
constexpr const char* kSchema11 = R"sql(
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
)sql";

// A fixed note type id, so notes exported twice land in the same note type in Anki.
constexpr std::int64_t kModelId = 1735689600001;

std::int64_t anki_deck_id(const std::string& deck) {
  return 1'000'000'000'000 +
         static_cast<std::int64_t>(deck::content_hash({"anki deck", deck}) % 1'000'000'000'000);
}

json note_type(Timestamp now) {
  json fields = json::array();
  for (std::size_t i = 0; i < kFieldNames.size(); ++i)
    fields.push_back({{"name", kFieldNames[i]},
                      {"ord", i},
                      {"sticky", false},
                      {"rtl", false},
                      {"font", "Arial"},
                      {"size", 20},
                      {"media", json::array()}});
  const json card = {
      {"name", "Card 1"},
      {"ord", 0},
      {"qfmt", "{{Front}}{{#Choices}}<div class=choices>{{Choices}}</div>{{/Choices}}"},
      {"afmt",
       "{{FrontSide}}<hr id=answer>{{Back}}{{#Source}}<div class=source>{{Source}}</div>"
       "{{/Source}}"},
      {"did", nullptr},
      {"bqfmt", ""},
      {"bafmt", ""}};
  return {{"id", kModelId},
          {"name", "citecard"},
          {"type", 0},
          {"mod", now},
          {"usn", -1},
          {"sortf", 0},
          {"did", nullptr},
          {"tmpls", json::array({card})},
          {"flds", fields},
          {"css",
           ".card { font-family: arial; font-size: 20px; text-align: center; }\n"
           ".choices { margin-top: 1em; text-align: left; display: inline-block; }\n"
           ".source { margin-top: 1em; font-size: 15px; text-align: left; }\n"},
          {"latexPre",
           "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,"
           "amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n"},
          {"latexPost", "\\end{document}"},
          {"latexsvg", false},
          {"req", json::array({json::array({0, "any", json::array({0})})})},
          {"tags", json::array()},
          {"vers", json::array()}};
}

json anki_deck(std::int64_t id, const std::string& name, const std::string& description,
               Timestamp now) {
  return {{"id", id},
          {"name", name},
          {"desc", description},
          {"mod", now},
          {"usn", -1},
          {"collapsed", false},
          {"browserCollapsed", false},
          {"newToday", {0, 0}},
          {"revToday", {0, 0}},
          {"lrnToday", {0, 0}},
          {"timeToday", {0, 0}},
          {"dyn", 0},
          {"conf", 1},
          {"extendNew", 0},
          {"extendRev", 0}};
}

json deck_options() {
  return {
      {"1",
       {{"id", 1},
        {"name", "Default"},
        {"mod", 0},
        {"usn", 0},
        {"maxTaken", 60},
        {"autoplay", true},
        {"timer", 0},
        {"replayq", true},
        {"dyn", false},
        {"new",
         {{"delays", {1, 10}},
          {"ints", {1, 4, 0}},
          {"initialFactor", 2500},
          {"order", 1},
          {"perDay", 20},
          {"bury", false}}},
        {"rev",
         {{"perDay", 200},
          {"ease4", 1.3},
          {"maxIvl", 36500},
          {"hardFactor", 1.2},
          {"bury", false}}},
        {"lapse",
         {{"delays", {10}}, {"mult", 0}, {"minInt", 1}, {"leechFails", 8}, {"leechAction", 1}}}}}};
}

// Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's plain text.
std::int64_t field_checksum(const std::string& plain) {
  const auto digest = sha1(plain);
  return (std::int64_t{digest[0]} << 24) | (std::int64_t{digest[1]} << 16) |
         (std::int64_t{digest[2]} << 8) | std::int64_t{digest[3]};
}

// Anki's card types and revlog types for a citecard state.
int anki_card_type(CardState state) {
  switch (state) {
    case CardState::New:
      return 0;
    case CardState::Learning:
      return 1;
    case CardState::Review:
      return 2;
    case CardState::Relearning:
      return 3;
  }
  return 0;
}
int anki_revlog_type(CardState before) {
  switch (before) {
    case CardState::Review:
      return 1;
    case CardState::Relearning:
      return 2;
    default:
      return 0;  // new and learning answers are learning answers to Anki
  }
}
// Anki's revlog intervals: days when positive, seconds when negative (a step within the day).
std::int64_t anki_interval(const CardMemory& m, Timestamp at) {
  if (m.state == CardState::New) return 0;
  if (m.scheduled_days > 0) return m.scheduled_days;
  return -std::max<std::int64_t>(1, m.due - at);
}

// The cards row's scheduling columns for a card's state after its last answer.
struct CardColumns {
  int type = 0, queue = 0;
  std::int64_t due = 0;
  int ivl = 0, factor = 0, reps = 0, lapses = 0;
  std::string data;
};
CardColumns card_columns(const std::vector<ReviewRecord>* history, std::int64_t position,
                         Timestamp collection_created) {
  CardColumns c;
  if (!history || history->empty()) {
    c.due = position;  // a new card's due is its place in the new queue
    return c;
  }
  const CardMemory& m = history->back().after;
  c.type = anki_card_type(m.state);
  // Learning and relearning cards wait in Anki's intraday queue (1), reviews in queue 2.
  c.queue = m.state == CardState::Review ? 2 : 1;
  if (m.state == CardState::Review) {
    // Anki counts a review's due in days from the collection's creation.
    const std::int64_t seconds = m.due - collection_created;
    c.due = seconds / kSecondsPerDay - (seconds % kSecondsPerDay < 0 ? 1 : 0);
  } else {
    c.due = m.due;
  }
  c.ivl = m.state == CardState::Review ? m.scheduled_days : 0;
  c.factor = 2500;
  c.reps = m.reps;
  c.lapses = m.lapses;
  // Anki keeps an FSRS card's memory state in its data as "s" and "d".
  c.data = json{{"s", m.stability}, {"d", m.difficulty}}.dump();
  return c;
}

Result<void> fill_collection(store::Database& db, const std::vector<Card>& cards,
                             const std::map<std::string, std::string>& deck_titles, Timestamp now,
                             const ReviewHistories& histories) {
  if (auto r = db.exec(kSchema11); !r) return r;
  json decks = {{"1", anki_deck(1, "Default", "", now)}};
  for (const auto& [id, title] : deck_titles) {
    const auto anki_id = anki_deck_id(id);
    decks[std::to_string(anki_id)] =
        anki_deck(anki_id, title.empty() ? id : title,
                  "Made by citecard: every card cites its source (the Source field).", now);
  }
  const json conf = {{"nextPos", static_cast<std::int64_t>(cards.size()) + 1},
                     {"estTimes", true},
                     {"activeDecks", {1}},
                     {"sortType", "noteFld"},
                     {"timeLim", 0},
                     {"sortBackwards", false},
                     {"addToCur", true},
                     {"curDeck", 1},
                     {"newSpread", 0},
                     {"dueCounts", true},
                     {"curModel", std::to_string(kModelId)},
                     {"collapseTime", 1200}};
  const json models = {{std::to_string(kModelId), note_type(now)}};
  auto col =
      db.prepare("INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')");
  if (!col) return col.error();
  col->bind(1, start_of_day(now, 0)).bind(2, now * 1000).bind(3, conf.dump());
  col->bind(4, models.dump()).bind(5, decks.dump()).bind(6, deck_options().dump());
  if (auto r = col->run(); !r) return r;

  auto note = db.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')");
  auto card = db.prepare(
      "INSERT INTO cards VALUES (?1, ?2, ?3, 0, ?4, -1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, 0, 0, 0, "
      "?12)");
  auto revlog = db.prepare("INSERT INTO revlog VALUES (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!note) return note.error();
  if (!card) return card.error();
  if (!revlog) return revlog.error();
  const Timestamp created = start_of_day(now, 0);
  // revlog ids are the answers' times in milliseconds and must differ: answers logged in the
  // same millisecond (citecard keeps seconds) take the next free one.
  std::set<std::int64_t> revlog_ids;
  // Ids are creation times in milliseconds in Anki; consecutive ones keep the deck's order.
  const std::int64_t first_id = now * 1000;
  std::int64_t position = 0;
  for (const Card& c : cards) {
    const NoteFields f = note_fields(c);
    const std::string flds = f.front + '\x1f' + f.back + '\x1f' + f.choices + '\x1f' + f.source;
    const std::string sort_field = from_html(f.front);
    const std::string tags = " citecard " + c.deck + " " + c.type + " ";
    note->reset();
    note->bind(1, first_id + position).bind(2, "citecard:" + c.id).bind(3, kModelId);
    note->bind(4, now).bind(5, tags).bind(6, flds).bind(7, sort_field);
    note->bind(8, field_checksum(sort_field));
    if (auto r = note->run(); !r) return r;
    const auto found = histories.find(c.id);
    const std::vector<ReviewRecord>* history = found == histories.end() ? nullptr : &found->second;
    const CardColumns columns = card_columns(history, position + 1, created);
    card->reset();
    card->bind(1, first_id + position).bind(2, first_id + position).bind(3, anki_deck_id(c.deck));
    card->bind(4, now).bind(5, columns.type).bind(6, columns.queue).bind(7, columns.due);
    card->bind(8, columns.ivl).bind(9, columns.factor).bind(10, columns.reps);
    card->bind(11, columns.lapses).bind(12, columns.data);
    if (auto r = card->run(); !r) return r;
    if (history)
      for (const ReviewRecord& answer : *history) {
        std::int64_t id = answer.reviewed_at * 1000;
        while (!revlog_ids.insert(id).second) ++id;
        revlog->reset();
        revlog->bind(1, id).bind(2, first_id + position).bind(3, static_cast<int>(answer.rating));
        revlog->bind(4, anki_interval(answer.after, answer.reviewed_at));
        revlog->bind(5, anki_interval(answer.before, answer.reviewed_at));
        revlog->bind(6, answer.before.state == CardState::New ? 0 : 2500);
        revlog->bind(7, answer.duration_ms).bind(8, anki_revlog_type(answer.before.state));
        if (auto r = revlog->run(); !r) return r;
      }
    ++position;
  }
  return {};
}

}  // namespace

Result<void> write_apkg(const std::filesystem::path& out, const std::vector<Card>& cards,
                        const std::map<std::string, std::string>& deck_titles, Timestamp now,
                        const ReviewHistories& histories) {
  auto temp = TempFile::create(".anki2");
  if (!temp) return temp.error();
  {
    auto db = store::Database::connect(temp->path(), true);
    if (!db) return db.error();
    auto tx = store::Transaction::begin(*db);
    if (!tx) return tx.error();
    if (auto r = fill_collection(*db, cards, deck_titles, now, histories); !r)
      return make_error("cannot make the package's collection: " + r.error().message,
                        r.error().code);
    if (auto r = tx->commit(); !r) return r;
  }
  auto collection = read_file(temp->path());
  if (!collection) return collection.error();
  // `media` maps the package's numbered media files to their names; there are none.
  return write_zip(out, {{"collection.anki2", std::move(*collection)}, {"media", "{}"}});
}

}  // namespace citecard::exchange
