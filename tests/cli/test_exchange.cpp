// Export and import through the real binary on the real summit deck. The .apkg is checked by
// readers citecard does not contain: the `unzip` tool and the `sqlite3` shell, against Anki's
// schema 11; the package imported is made by a Python script from that schema.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>

#include "cli/cli_fixture.hpp"

namespace {

using citecard::test::CommandResult;
using citecard::test::run_command;
using citecard::test::SummitCollection;
using citecard::test::TempDir;
using nlohmann::json;

const std::string kMakePackage = std::string(CITECARD_TEST_SOURCE_DIR) + "/anki/make_package.py";
const std::string kMakePackage18 =
    std::string(CITECARD_TEST_SOURCE_DIR) + "/anki/make_package_18.py";

// What Anki's schema 11 (rslib/src/storage/schema11.sql) gives each table, in order.
const std::map<std::string, std::vector<std::string>> kAnkiTables = {
    {"col",
     {"id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf",
      "tags"}},
    {"notes", {"id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"}},
    {"cards",
     {"id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps",
      "lapses", "left", "odue", "odid", "flags", "data"}},
    {"revlog", {"id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"}},
    {"graves", {"usn", "oid", "type"}},
};

json sqlite_json(const std::filesystem::path& db, const std::string& sql) {
  const CommandResult r = run_command("sqlite3 -json '" + db.string() + "' \"" + sql + "\"");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return r.out.empty() ? json::array() : json::parse(r.out);
}

std::string html(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\n')
      out += "<br>";
    else
      out += c;
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const auto end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A collection at `db`, or the empty string when there is none, to tell that nothing changed.
std::string cards_of(const std::string& db) {
  if (!std::filesystem::exists(db)) return "";
  return run_command("'" + citecard::test::kCli + "' cards --json --db '" + db + "'").out;
}

}  // namespace

TEST_CASE(
    "an exported .apkg of the summit deck is an Anki schema-11 collection holding every card "
    "with its Source") {
  SummitCollection summit;
  const json cards = summit.cards();
  REQUIRE(cards.size() > 50);
  TempDir out;
  const auto apkg = out / "summit.apkg";
  const auto started = std::chrono::steady_clock::now();
  const CommandResult exported = summit.run("export --apkg '" + apkg.string() + "'");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  REQUIRE_MESSAGE(exported.status == 0, exported.err);
  MESSAGE("exported " << cards.size() << " cards in " << ms << " ms");
  CHECK(exported.out.find("Exported " + std::to_string(cards.size()) + " cards") !=
        std::string::npos);

  const auto unzipped = out / "unzipped";
  const CommandResult unzip =
      run_command("unzip -q '" + apkg.string() + "' -d '" + unzipped.string() + "'");
  REQUIRE_MESSAGE(unzip.status == 0, unzip.err);
  CHECK(file_text(unzipped / "media") == "{}");
  const auto db = unzipped / "collection.anki2";
  REQUIRE(std::filesystem::exists(db));

  for (const auto& table_columns : kAnkiTables) {
    // Named copies, not a structured binding: clang 14 cannot capture a binding in doctest's
    // message.
    const auto& table = table_columns.first;
    const auto& columns = table_columns.second;
    std::vector<std::string> found;
    for (const auto& c : sqlite_json(db, "SELECT name FROM pragma_table_info('" + table + "')"))
      found.push_back(c["name"]);
    CHECK_MESSAGE(found == columns, "table " << table);
  }
  CHECK(sqlite_json(db, "PRAGMA integrity_check")[0]["integrity_check"] == "ok");
  const json col = sqlite_json(db, "SELECT ver, models, decks FROM col")[0];
  CHECK(col["ver"] == 11);
  const json models = json::parse(col["models"].get<std::string>());
  REQUIRE(models.size() == 1);
  std::vector<std::string> fields;
  for (const auto& f : models.begin().value()["flds"]) fields.push_back(f["name"]);
  CHECK(fields == std::vector<std::string>{"Front", "Back", "Choices", "Source"});
  const std::string qfmt = models.begin().value()["tmpls"][0]["qfmt"];
  CHECK(qfmt.find("{{Choices}}") != std::string::npos);  // the options show on the front
  const json decks = json::parse(col["decks"].get<std::string>());

  // Every card is there once, in a deck the collection has, with its note's fields.
  CHECK(sqlite_json(db, "SELECT COUNT(*) AS n FROM cards")[0]["n"] == cards.size());
  CHECK(sqlite_json(
            db, "SELECT COUNT(*) AS n FROM cards WHERE did NOT IN (" + [&] {
              std::string ids;
              for (const auto& [id, d] : decks.items()) ids += (ids.empty() ? "" : ",") + id;
              return ids;
            }() + ") OR nid NOT IN (SELECT id FROM notes)")[0]["n"] == 0);
  std::map<std::string, std::vector<std::string>> notes;  // guid -> fields
  for (const auto& n : sqlite_json(db, "SELECT guid, flds FROM notes"))
    notes[n["guid"]] = split(n["flds"], '\x1f');
  REQUIRE(notes.size() == cards.size());
  int multiple_choice = 0;
  for (const auto& card : cards) {
    const auto note = notes.find("citecard:" + card["id"].get<std::string>());
    REQUIRE_MESSAGE(note != notes.end(), card["id"]);
    const auto& f = note->second;
    REQUIRE(f.size() == 4);
    CHECK(f[0] == html(card["prompt"]));
    CHECK(f[1] == html(card["answer"]));
    for (const auto& choice : card["choices"]) CHECK(f[2].find(html(choice)) != std::string::npos);
    if (!card["choices"].empty()) ++multiple_choice;
    CHECK_FALSE(f[3].empty());
    for (const auto& c : card["citations"]) {
      CHECK_MESSAGE(f[3].find(html(c["text"])) != std::string::npos, card["id"]);
      for (const char* part : {"outlet", "title"})
        if (c[part] != "not stated") CHECK(f[3].find(html(c[part])) != std::string::npos);
    }
  }
  CHECK(multiple_choice > 0);
}

TEST_CASE("the summit deck goes to Anki's plain text and back with every card's text") {
  SummitCollection summit;
  const json before = summit.cards();
  TempDir out;
  const auto text = out / "summit.txt";
  REQUIRE(summit.run("export --anki-text '" + text.string() + "'").status == 0);
  const std::string written = file_text(text);
  CHECK(written.rfind("#separator:tab\n#html:true\n", 0) == 0);

  const std::string db = (out / "imported.db").string();
  const auto cli = "'" + citecard::test::kCli + "' ";
  const CommandResult imported =
      run_command(cli + "import '" + text.string() + "' --deck summit-from-anki --db '" + db + "'");
  REQUIRE_MESSAGE(imported.status == 0, imported.err);
  const json after = json::parse(cards_of(db));
  REQUIRE(after.size() == before.size());
  std::multiset<std::string> expected, found;
  for (const auto& c : before)
    expected.insert(c["prompt"].dump() + c["answer"].dump() + c["choices"].dump());
  for (const auto& c : after) {
    found.insert(c["prompt"].dump() + c["answer"].dump() + c["choices"].dump());
    CHECK(c["type"] == "imported");
    CHECK(c["cited"] == false);
    CHECK(c["citations"].empty());
    CHECK(c["deck"] == "summit-from-anki");
  }
  CHECK(found == expected);
  CHECK(run_command(cli + "check --db '" + db + "'").status == 0);

  // Importing it again finds every card there already.
  const CommandResult again =
      run_command(cli + "import '" + text.string() + "' --deck summit-from-anki --db '" + db + "'");
  REQUIRE(again.status == 0);
  CHECK(again.out.find("0 cards added, " + std::to_string(before.size()) + " already there") !=
        std::string::npos);
  CHECK(json::parse(cards_of(db)).size() == before.size());
}

TEST_CASE("an Anki package's notes and review log are imported, once") {
  TempDir dir;
  const auto apkg = dir / "capitals.apkg";
  REQUIRE(run_command("python3 '" + kMakePackage + "' '" + apkg.string() + "'").status == 0);
  const std::string db = (dir / "c.db").string();
  const auto cli = "'" + citecard::test::kCli + "' ";
  const CommandResult imported =
      run_command(cli + "import '" + apkg.string() + "' --db '" + db + "'");
  REQUIRE_MESSAGE(imported.status == 0, imported.err);
  // Three notes; four answers to the first card, one to the second; the manual entry and the
  // reversed card stay out.
  CHECK(imported.out.find("Imported 3 notes into deck geography-capitals: 3 cards added, 0 "
                          "already there; 5 answers replayed") != std::string::npos);
  const json cards = json::parse(cards_of(db));
  REQUIRE(cards.size() == 3);
  std::map<std::string, std::string> answers;
  for (const auto& c : cards) answers[c["prompt"]] = c["answer"];
  CHECK(answers["Capital of Chile?"] == "Santiago");
  CHECK(answers["Largest planet"] == "Jupiter & its moons");
  CHECK(answers["Line one\nline two"] == "Both lines");

  const CommandResult log = run_command(cli + "revlog export --csv --db '" + db + "'");
  REQUIRE(log.status == 0);
  CHECK(std::count(log.out.begin(), log.out.end(), '\n') == 1 + 5);  // header and five answers
  // Each card's state is the replay of its log.
  const CommandResult check = run_command(cli + "check --db '" + db + "'");
  CHECK_MESSAGE(check.status == 0, check.out << check.err);

  const CommandResult again = run_command(cli + "import '" + apkg.string() + "' --db '" + db + "'");
  REQUIRE(again.status == 0);
  CHECK(again.out.find("0 cards added, 3 already there; 0 answers replayed, 5 already there") !=
        std::string::npos);
}

TEST_CASE(
    "an Anki 2.1.50+ package (collection.anki21b: zstd, schema 18) comes in whole, its media left "
    "out and counted") {
  TempDir dir;
  const auto apkg = dir / "spanish.apkg";
  const CommandResult made =
      run_command("python3 '" + kMakePackage18 + "' '" + apkg.string() + "'");
  REQUIRE_MESSAGE(made.status == 0, made.err);
  const std::string db = (dir / "c.db").string();
  const auto cli = "'" + citecard::test::kCli + "' ";
  const CommandResult imported =
      run_command(cli + "import '" + apkg.string() + "' --db '" + db + "'");
  REQUIRE_MESSAGE(imported.status == 0, imported.err);
  // Three notes from the schema-18 collection, not the legacy notice beside it; six answers (the
  // manual entry is not one); the deck's levels joined by "::" before they become its id.
  CHECK(imported.out.find("Imported 3 notes into deck languages-spanish: 3 cards added, 0 "
                          "already there; 6 answers replayed") != std::string::npos);
  CHECK(imported.out.find("Left out 2 media files") != std::string::npos);
  const json cards = json::parse(cards_of(db));
  REQUIRE(cards.size() == 3);
  std::map<std::string, std::string> answers;
  for (const auto& c : cards) answers[c["prompt"]] = c["answer"];
  // The note type lists Back first: the front is found by its field's name.
  CHECK(answers["el perro"] == "the dog");
  CHECK(answers["la casa grande"] == "the big house");
  CHECK(answers["gracias"] == "thank you");
  const CommandResult log = run_command(cli + "revlog export --csv --db '" + db + "'");
  REQUIRE(log.status == 0);
  CHECK(std::count(log.out.begin(), log.out.end(), '\n') == 1 + 6);
  const CommandResult check = run_command(cli + "check --db '" + db + "'");
  CHECK_MESSAGE(check.status == 0, check.out << check.err);

  // A collection.anki21b that is not zstd is refused, naming the entry, and nothing is made.
  const auto broken = dir / "broken.apkg";
  REQUIRE(run_command("python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], 'w'); "
                      "z.writestr('collection.anki21b', b'not zstd at all')\" '" +
                      broken.string() + "'")
              .status == 0);
  const std::string other = (dir / "other.db").string();
  const CommandResult refused =
      run_command(cli + "import '" + broken.string() + "' --db '" + other + "'");
  CHECK(refused.status == 1);
  CHECK(refused.err.find("collection.anki21b") != std::string::npos);
  CHECK(refused.err.find("zstd") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(other));
}

TEST_CASE("an exported .apkg carries the review history, and comes back in with nothing lost") {
  SummitCollection summit;
  // Three study days: every card due answered, ratings cycling through all four.
  for (const char* day : {"2024-01-01T09:00:00Z", "2024-01-03T09:00:00Z", "2024-01-09T09:00:00Z"}) {
    std::string input;
    // Enter shows the answer, then the rating.
    for (int i = 0; i < 30; ++i) input += "\n" + std::string(1, "3124"[i % 4]) + "\n";
    summit.run(std::string("study --now ") + day, input + "q\n");
  }
  const CommandResult before = summit.run("revlog export --csv");
  REQUIRE(before.status == 0);
  const auto answers =
      static_cast<std::size_t>(std::count(before.out.begin(), before.out.end(), '\n') - 1);
  REQUIRE(answers > 20);

  TempDir out;
  const auto apkg = out / "summit.apkg";
  REQUIRE(summit.run("export --apkg '" + apkg.string() + "'").status == 0);
  REQUIRE(
      run_command("unzip -q '" + apkg.string() + "' -d '" + (out / "u").string() + "'").status ==
      0);
  const auto anki = out / "u" / "collection.anki2";
  // Read by the sqlite3 shell: one revlog row per answer, each tied to a card of the package,
  // and the studied cards out of Anki's new queue with their FSRS memory in their data.
  CHECK(sqlite_json(anki, "SELECT COUNT(*) AS n FROM revlog")[0]["n"] == answers);
  CHECK(sqlite_json(anki,
                    "SELECT COUNT(*) AS n FROM revlog WHERE cid NOT IN (SELECT id FROM "
                    "cards) OR ease NOT BETWEEN 1 AND 4")[0]["n"] == 0);
  const json studied = sqlite_json(anki, "SELECT type, reps, data FROM cards WHERE reps > 0");
  REQUIRE_FALSE(studied.empty());
  for (const auto& c : studied) {
    CHECK(c["type"].get<int>() >= 1);
    const json data = json::parse(c["data"].get<std::string>());
    CHECK(data["s"].get<double>() > 0);
    CHECK(data["d"].get<double>() >= 1);
  }

  // Back in, into a fresh collection: every answer at its time, rating and duration.
  const std::string db = (out / "back.db").string();
  const auto cli = "'" + citecard::test::kCli + "' ";
  const CommandResult imported =
      run_command(cli + "import '" + apkg.string() + "' --db '" + db + "'");
  REQUIRE_MESSAGE(imported.status == 0, imported.err);
  CHECK(imported.out.find(std::to_string(answers) + " answers replayed") != std::string::npos);
  const CommandResult after = run_command(cli + "revlog export --csv --db '" + db + "'");
  REQUIRE(after.status == 0);
  // Card numbers differ (imported cards get ids of their own); the answers must not.
  auto answers_of = [](const std::string& csv) {
    std::multiset<std::string> rows;
    for (const auto& line : split(csv, '\n')) {
      const auto cells = split(line, ',');
      if (cells.size() == 5 && cells[0] != "card_id")
        rows.insert(cells[1] + "," + cells[2] + "," + cells[4]);
    }
    return rows;
  };
  CHECK(answers_of(after.out) == answers_of(before.out));
  CHECK(run_command(cli + "check --db '" + db + "'").status == 0);
}

TEST_CASE("a bad file to import gives one clear error and changes nothing") {
  SummitCollection summit;
  const std::string before = cards_of(summit.db);
  TempDir dir;
  const auto cli = "'" + citecard::test::kCli + "' ";
  struct Bad {
    std::string name, content, says;
  };
  // A zip without an Anki collection in it, made by Python's zipfile.
  const std::string zip_without_collection = [&] {
    const auto z = dir / "empty.zip";
    run_command(
        "python3 -c \"import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').writestr("
        "'note', 'hi')\" '" +
        z.string() + "'");
    return file_text(z);
  }();
  const std::vector<Bad> bad = {
      {"notes.apkg", "this is not a zip", "not an Anki package"},
      {"binary.txt",
       std::string("\x7f"
                   "ELF\0\0\1",
                   7),
       "a binary file"},
      {"empty.txt", "#separator:tab\n#html:true\n", "holds no notes"},
      {"one-column.txt", "#separator:tab\njust a front\n", "a note needs a front and a back"},
      {"nozip.apkg", zip_without_collection, "has no collection.anki2"},
  };
  for (const Bad& b : bad) {
    const auto file = dir.write(b.name, b.content);
    const CommandResult r = summit.run("import '" + file.string() + "'");
    CHECK_MESSAGE(r.status == 1, b.name);
    CHECK_MESSAGE(r.err.find(b.says) != std::string::npos, b.name << ": " << r.err);
    CHECK_MESSAGE(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
    // No collection is created for a file that cannot be imported.
    const std::string fresh = (dir / "fresh.db").string();
    CHECK(run_command(cli + "import '" + file.string() + "' --db '" + fresh + "'").status == 1);
    CHECK_FALSE(std::filesystem::exists(fresh));
  }
  CHECK(cards_of(summit.db) == before);  // none of them changed it
  // A deck built from a deck folder takes no imported notes.
  const auto text = dir / "summit.txt";
  REQUIRE(summit.run("export --anki-text '" + text.string() + "'").status == 0);
  const CommandResult into_built = summit.run("import '" + text.string() + "' --deck summit-2023");
  CHECK(into_built.status == 1);
  CHECK(into_built.err.find("import into a deck of its own") != std::string::npos);
  CHECK(cards_of(summit.db) == before);
}

TEST_CASE("CSV and JSON exports carry every card with its citations") {
  SummitCollection summit;
  const json cards = summit.cards();
  TempDir out;
  REQUIRE(summit.run("export --json '" + (out / "c.json").string() + "'").status == 0);
  const json exported = json::parse(file_text(out / "c.json"));
  REQUIRE(exported.size() == cards.size());
  for (std::size_t i = 0; i < cards.size(); ++i) {
    CHECK(exported[i]["id"] == cards[i]["id"]);
    CHECK(exported[i]["prompt"] == cards[i]["prompt"]);
    CHECK(exported[i]["cited"] == true);
    REQUIRE(exported[i]["citations"].size() == cards[i]["citations"].size());
    for (std::size_t k = 0; k < cards[i]["citations"].size(); ++k) {
      const auto& c = exported[i]["citations"][k];
      CHECK(c["text"] == cards[i]["citations"][k]["text"]);
      CHECK(c["start"] == cards[i]["citations"][k]["start"]);
      CHECK_FALSE(c["date"].get<std::string>().empty());
    }
  }
  // Python's csv module reads the CSV back: as many rows as cards, the header first.
  REQUIRE(summit.run("export --csv '" + (out / "c.csv").string() + "' --deck summit-2023").status ==
          0);
  const CommandResult rows = run_command(
      "python3 -c \"import csv,sys; r=list(csv.reader(open(sys.argv[1], newline='', "
      "encoding='utf-8'))); print(len(r)-1, r[0][0], r[0][-1], r[1][0])\" '" +
      (out / "c.csv").string() + "'");
  REQUIRE_MESSAGE(rows.status == 0, rows.err);
  CHECK(rows.out == std::to_string(cards.size()) + " id cited_text " +
                        cards[0]["id"].get<std::string>() + "\n");
  const CommandResult unknown =
      summit.run("export --json '" + (out / "x.json").string() + "' --deck nope");
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("no deck nope") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out / "x.json"));
}

TEST_CASE("a deck folder is not built into a deck that holds imported cards") {
  SummitCollection summit;
  TempDir dir;
  const auto text = dir / "summit.txt";
  REQUIRE(summit.run("export --anki-text '" + text.string() + "'").status == 0);
  const std::string db = (dir / "c.db").string();
  const auto cli = "'" + citecard::test::kCli + "' ";
  REQUIRE(run_command(cli + "import '" + text.string() + "' --deck summit-2023 --db '" + db + "'")
              .status == 0);
  const std::string before = cards_of(db);
  const CommandResult built =
      run_command(cli + "build '" + citecard::test::kSummitDeck + "' --db '" + db + "'");
  CHECK(built.status == 1);
  CHECK(built.err.find("holds cards imported from Anki") != std::string::npos);
  CHECK(cards_of(db) == before);
}
