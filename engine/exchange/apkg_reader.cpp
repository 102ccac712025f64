// Reading an Anki package: its collection is unzipped to a temporary file and read with SQLite.
// Anki 2.1.50+ writes collection.anki21b, zstd-compressed, in schema 18 (note types, fields and
// decks in tables of their own), beside a collection.anki2 that only asks the user to update
// Anki; older packages hold collection.anki21 or collection.anki2 in schema 11 (note types and
// decks as JSON in the col row). Media files are left out and counted.
#include <fmt/format.h>

#include <sqlite3.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "citecard/input_file.hpp"
#include "citecard/safe_text.hpp"
#include "citecard/time.hpp"
#include "exchange/apkg.hpp"
#include "exchange/files.hpp"
#include "exchange/html_text.hpp"
#include "exchange/zip_archive.hpp"
#include "exchange/zstd_file.hpp"
#include "store/database.hpp"

namespace citecard::exchange {
namespace {

using nlohmann::json;

// A collection of a shared deck is a few MB, a heavy user's whole history some tens; more than
// this is a zip bomb or the wrong file, and is refused before it is unpacked.
constexpr std::uint64_t kMaxCollectionBytes = std::uint64_t{256} << 20;
// No one value in the collection (a note's fields, the note types) may be larger: SQLite refuses
// to load it, so a 200 MB field costs nothing before it is refused.
constexpr int kMaxValueBytes = 16 << 20;
// Anki's first release was in 2006; an answer dated before that, or after the import, is no
// answer anyone gave (a damaged or crafted log), and replaying it would break the card's history.
constexpr std::int64_t kEarliestAnswer = 1136073600;  // 2006-01-01

struct NoteType {
  std::vector<std::string> fields;  // names, by ord
};

// Which field is the front, the back and the choices: by name where the note type has such
// fields (citecard's own, Anki's Basic), else the first two.
struct FieldRoles {
  std::size_t front = 0, back = 1;
  std::optional<std::size_t> choices;
};

FieldRoles roles_of(const NoteType& type) {
  FieldRoles roles;
  for (std::size_t i = 0; i < type.fields.size(); ++i) {
    std::string name = type.fields[i];
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "front") roles.front = i;
    if (name == "back") roles.back = i;
    if (name == "choices") roles.choices = i;
  }
  return roles;
}

std::vector<std::string> split_fields(const std::string& flds) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto end = flds.find('\x1f', start);
    out.push_back(flds.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Error damaged(const std::filesystem::path& path, const std::string& what) {
  return make_error(fmt::format("{}: not a readable Anki package: {}", path.string(), what),
                    ErrorCode::Invalid);
}

// SQLite's messages name the file it opened, a temporary one the user never saw: they name the
// package's collection instead. SQLITE_TOOBIG's "string or blob too big" is said as what it means.
std::string sqlite_problem(std::string message) {
  if (message.find("too big") != std::string::npos)
    return fmt::format("a note or its data is larger than citecard reads ({})",
                       megabytes(kMaxValueBytes));
  const std::string temp = std::filesystem::temp_directory_path().string() + "/citecard-";
  for (auto at = message.find(temp); at != std::string::npos; at = message.find(temp, at)) {
    const auto end = message.find_first_of(" :,)", at);
    message.replace(at, end == std::string::npos ? std::string::npos : end - at, "its collection");
  }
  return message;
}

struct PackageContents {
  std::string collection;   // the zip entry holding the collection
  bool compressed = false;  // zstd (collection.anki21b)
  int media = 0;            // media files, named 0, 1, 2... in every package version
};

Result<PackageContents> package_contents(const std::filesystem::path& path) {
  auto names = zip_names(path);
  if (!names) return names.error();
  auto has = [&](const char* name) {
    return std::find(names->begin(), names->end(), name) != names->end();
  };
  PackageContents contents;
  for (const std::string& name : *names)
    if (!name.empty() &&
        std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
      ++contents.media;
  // The newest first: beside collection.anki21b, Anki 2.1.50+ puts a collection.anki2 whose one
  // note asks the user to update Anki.
  if (has("collection.anki21b")) {
    contents.collection = "collection.anki21b";
    contents.compressed = true;
  } else if (has("collection.anki21")) {
    contents.collection = "collection.anki21";
  } else if (has("collection.anki2")) {
    contents.collection = "collection.anki2";
  } else {
    return damaged(path, "it has no collection.anki2 (is it an Anki package?)");
  }
  return contents;
}

bool has_table(const store::Database& db, const char* table) {
  auto q = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  if (!q) return false;
  q->bind(1, std::string(table));
  auto row = q->step();
  return row && *row;
}

// Schema 18: note types' fields in `fields`, decks in `decks` (their names' levels joined by
// U+001F rather than "::").
Result<std::map<std::int64_t, NoteType>> note_types_18(const store::Database& db,
                                                       const std::filesystem::path& path,
                                                       std::string& deck_name) {
  std::map<std::int64_t, NoteType> types;
  auto fields = db.prepare("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord");
  if (!fields) return damaged(path, sqlite_problem(fields.error().message));
  for (;;) {
    auto row = fields->step();
    if (!row) return damaged(path, sqlite_problem(row.error().message));
    if (!*row) break;
    types[fields->column_int(0)].fields.push_back(fields->column_text(2));
  }
  auto notetypes = db.prepare("SELECT id FROM notetypes");
  if (!notetypes) return damaged(path, sqlite_problem(notetypes.error().message));
  for (;;) {
    auto row = notetypes->step();
    if (!row) return damaged(path, sqlite_problem(row.error().message));
    if (!*row) break;
    types[notetypes->column_int(0)];  // a note type without fields is still known
  }
  auto decks = db.prepare("SELECT id, name FROM decks ORDER BY id");
  if (!decks) return damaged(path, sqlite_problem(decks.error().message));
  for (;;) {
    auto row = decks->step();
    if (!row) return damaged(path, sqlite_problem(row.error().message));
    if (!*row) break;
    if (decks->column_int(0) == 1) continue;  // Anki's Default
    std::string name = decks->column_text(1);
    for (auto at = name.find('\x1f'); at != std::string::npos; at = name.find('\x1f', at))
      name.replace(at, 1, "::");
    deck_name = name;
  }
  return types;
}

// Schema 18 declares its name columns with Anki's own collation; SQLite needs one of that name
// to read them. Case-insensitive in ASCII is all citecard's queries need of it.
int unicase_compare(void*, int left_size, const void* left, int right_size, const void* right) {
  const auto* a = static_cast<const unsigned char*>(left);
  const auto* b = static_cast<const unsigned char*>(right);
  const int n = std::min(left_size, right_size);
  for (int i = 0; i < n; ++i) {
    const int ca = std::tolower(a[i]), cb = std::tolower(b[i]);
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  return left_size == right_size ? 0 : (left_size < right_size ? -1 : 1);
}

Result<std::map<std::int64_t, NoteType>> note_types(const store::Database& db,
                                                    const std::filesystem::path& path,
                                                    std::string& deck_name) {
  auto col = db.prepare("SELECT models, decks FROM col");
  if (!col) return damaged(path, sqlite_problem(col.error().message));
  auto row = col->step();
  if (!row) return damaged(path, sqlite_problem(row.error().message));
  if (!*row) return damaged(path, "its collection has no col row");
  const json models = json::parse(col->column_text(0), nullptr, false);
  const json decks = json::parse(col->column_text(1), nullptr, false);
  if (!models.is_object()) return damaged(path, "its note types (col.models) are not JSON");
  std::map<std::int64_t, NoteType> types;
  for (const auto& [id, model] : models.items()) {
    NoteType type;
    if (model.contains("flds") && model["flds"].is_array())
      for (const auto& f : model["flds"])
        type.fields.push_back(f.contains("name") && f["name"].is_string()
                                  ? f["name"].get<std::string>()
                                  : std::string());
    try {
      types[std::stoll(id)] = std::move(type);
    } catch (const std::exception&) {
      return damaged(path, "a note type id is not a number: " + id);
    }
  }
  // The package's deck: the one that is not Anki's Default, when there is one.
  if (decks.is_object())
    for (const auto& [id, deck] : decks.items())
      if (id != "1" && deck.contains("name") && deck["name"].is_string())
        deck_name = deck["name"].get<std::string>();
  return types;
}

}  // namespace

Result<AnkiFile> read_apkg(const std::filesystem::path& path) {
  auto contents = package_contents(path);
  if (!contents) return contents.error();
  const std::string* entry = &contents->collection;
  auto temp = TempFile::create(".anki2");
  if (!temp) return temp.error();
  if (contents->compressed) {
    auto packed = TempFile::create(".anki21b");
    if (!packed) return packed.error();
    if (auto r = extract_zip_entry(path, *entry, packed->path(), kMaxCollectionBytes); !r)
      return r.error();
    if (auto r = decompress_zstd_file(
            packed->path(), temp->path(), kMaxCollectionBytes,
            fmt::format("{}: not a readable Anki package: {}", path.string(), *entry));
        !r)
      return r.error();
  } else if (auto r = extract_zip_entry(path, *entry, temp->path(), kMaxCollectionBytes); !r) {
    return r.error();
  }
  auto db = store::Database::connect(temp->path(), false);
  if (!db) return damaged(path, *entry + " is not a readable collection");
  sqlite3_create_collation(db->handle(), "unicase", SQLITE_UTF8, nullptr, unicase_compare);
  // The collection is the sender's: no value past the bound, no SQL functions run from its
  // schema (views, triggers), no writing to it.
  sqlite3_limit(db->handle(), SQLITE_LIMIT_LENGTH, kMaxValueBytes);
  sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  (void)db->exec("PRAGMA query_only = ON");

  AnkiFile file;
  file.media_skipped = contents->media;
  auto types = has_table(*db, "notetypes") ? note_types_18(*db, path, file.deck_name)
                                           : note_types(*db, path, file.deck_name);
  if (!types) return types.error();

  // Each note's first card (lowest ord) becomes the citecard card, in the order the notes were
  // made; its review log comes along.
  auto cards = db->prepare(
      "SELECT n.id, n.mid, n.flds, c.id, c.ord FROM notes n JOIN cards c ON c.nid = n.id "
      "ORDER BY n.id, c.ord");
  if (!cards) return damaged(path, sqlite_problem(cards.error().message));
  std::map<std::int64_t, std::size_t> note_index;  // Anki note id -> file.notes index
  std::map<std::int64_t, std::size_t> card_note;   // Anki card id -> file.notes index
  for (;;) {
    auto row = cards->step();
    if (!row) return damaged(path, sqlite_problem(row.error().message));
    if (!*row) break;
    const std::int64_t note_id = cards->column_int(0);
    if (note_index.count(note_id)) {
      ++file.cards_skipped;
      continue;
    }
    const auto type = types->find(cards->column_int(1));
    if (type == types->end())
      return damaged(path, fmt::format("note {} has an unknown note type", note_id));
    const FieldRoles roles = roles_of(type->second);
    const auto fields = split_fields(cards->column_text(2));
    auto field = [&](std::size_t i) { return i < fields.size() ? fields[i] : std::string(); };
    ImportedNoteRecord record;
    // Anki writes UTF-8, but a package may come from anywhere: what is not becomes U+FFFD.
    record.note.prompt = well_formed_utf8(from_html(field(roles.front)));
    record.note.answer = well_formed_utf8(from_html(field(roles.back)));
    if (roles.choices)
      for (const auto& choice : field_lines(field(*roles.choices)))
        record.note.choices.push_back(well_formed_utf8(choice));
    if (record.note.prompt.empty()) {  // an image or sound alone: nothing to ask in text
      ++file.cards_skipped;
      continue;
    }
    note_index[note_id] = file.notes.size();
    card_note[cards->column_int(3)] = file.notes.size();
    file.notes.push_back(std::move(record));
  }

  // revlog.id is the answer's time in milliseconds; ease 1-4 is the rating; type 4 (manual) and
  // 5 (rescheduled) are not answers, nor is ease 0.
  auto log = db->prepare("SELECT id, cid, ease, time, type FROM revlog ORDER BY id");
  const std::int64_t latest_answer = now_utc() + kSecondsPerDay;
  if (!log) return damaged(path, sqlite_problem(log.error().message));
  for (;;) {
    auto row = log->step();
    if (!row) return damaged(path, sqlite_problem(row.error().message));
    if (!*row) break;
    const auto owner = card_note.find(log->column_int(1));
    const std::int64_t ease = log->column_int(2), type = log->column_int(4);
    const std::int64_t at = log->column_int(0) / 1000;
    if (owner == card_note.end() || ease < 1 || ease > 4 || type >= 4 || at < kEarliestAnswer ||
        at > latest_answer) {
      ++file.reviews_skipped;
      continue;
    }
    file.notes[owner->second].reviews.push_back(
        {at, static_cast<Rating>(ease), std::max<std::int64_t>(0, log->column_int(3))});
  }
  if (file.deck_name.empty()) file.deck_name = path.stem().string();
  file.deck_name = well_formed_utf8(file.deck_name);
  return file;
}

}  // namespace citecard::exchange
