// Files a user is sent (a shared Anki package, Anki's plain text, a review log, a saved web page, a
// deck folder) made hostile, run through the real binary: each must end in one line naming what is
// wrong (never an abort or a segfault, exit 134/139), within bounded time and memory, with nothing
// half-written, and nothing from the file may command the terminal.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <set>

#include "citecard/citecard.h"
#include "citecard/exchange.hpp"
#include "citecard/revlog.hpp"
#include "cli/cli_fixture.hpp"

namespace citecard::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Under AddressSanitizer the binary reserves terabytes of address space: no limit there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

const std::string kHostile = std::string(CITECARD_TEST_SOURCE_DIR) + "/anki/hostile_package.py";

struct Fixture {
  TempDir dir;
  std::string db = (dir / "collection.db").string();

  CommandResult run(const std::string& args, const std::string& input = "") const {
    return run_command("'" + kCli + "' " + args + " --db '" + db + "'", input);
  }
  // Runs the command under a 1 GB address-space limit: what it needs must stay far below that.
  CommandResult run_bounded(const std::string& args) const {
    return run_command(std::string(kSanitized ? "" : "ulimit -v 1048576; ") + "'" + kCli + "' " +
                       args + " --db '" + db + "'");
  }
  fs::path package(const std::string& kind) const {
    const auto out = dir / (kind + ".apkg");
    const auto made = run_command("python3 '" + kHostile + "' " + kind + " '" + out.string() + "'");
    REQUIRE_MESSAGE(made.status == 0, made.err);
    return out;
  }
  std::string cards() const {
    if (!fs::exists(db)) return "";
    return run("cards --json").out;
  }
};

int lines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

// One line on stderr, saying `says`, exit status 1 (not an abort or a crash).
void refused(const CommandResult& r, const std::string& says) {
  CHECK_MESSAGE(r.status == 1, r.status << ": " << r.err);
  CHECK_MESSAGE(r.err.find(says) != std::string::npos, r.err);
  CHECK_MESSAGE(lines(r.err) == 1, r.err);
}

bool has_control_bytes(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a package whose zip64 header claims 2^45 bytes is refused, not an abort on bad_alloc") {
  Fixture f;
  const auto r = f.run_bounded("import '" + f.package("zip64-huge").string() + "'");
  refused(r, "would unpack to 33554432.0 MB");
  CHECK_FALSE(fs::exists(f.db));
}

TEST_CASE("a zip bomb is refused from its header before anything is unpacked") {
  Fixture f;
  const auto start = std::chrono::steady_clock::now();
  const auto r = f.run_bounded("import '" + f.package("bomb").string() + "'");
  refused(r, "collection.anki2 would unpack to 300.0 MB; citecard reads at most 256.0 MB");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK_FALSE(fs::exists(f.db));
}

TEST_CASE("a collection that unpacks to more than its header says is stopped while inflating") {
  Fixture f;
  const auto r = f.run_bounded("import '" + f.package("lying-header").string() + "'");
  refused(r, "unpacks to more than the 1000 bytes its header says");
  CHECK_FALSE(fs::exists(f.db));
}

TEST_CASE("a 20 MB field is refused by its length, not loaded") {
  Fixture f;
  const auto r = f.run_bounded("import '" + f.package("big-field").string() + "'");
  refused(r, "a note or its data is larger than citecard reads (16.0 MB)");
  CHECK_FALSE(fs::exists(f.db));
}

TEST_CASE("a 20 MB field in Anki's plain text is refused by its length") {
  Fixture f;
  const auto text = f.dir.write(
      "big.txt", "#separator:tab\n#html:true\nFront\t" + std::string(20 << 20, 'x') + "\n");
  const auto r = f.run_bounded("import '" + text.string() + "'");
  refused(r, "big.txt: note 1 has a field of 20.0 MB; citecard reads fields of at most 16.0 MB");
  CHECK_FALSE(fs::exists(f.db));
}

TEST_CASE("a package whose collection is not SQLite is refused without naming a temporary file") {
  Fixture f;
  const auto r = f.run("import '" + f.package("not-sqlite").string() + "'");
  refused(r, "not-sqlite.apkg: not a readable Anki package");
  // The collection was unpacked to a temporary citecard-XXXXXX.anki2 the user never saw.
  CHECK_MESSAGE(r.err.find(".anki2:") == std::string::npos, r.err);
  CHECK_MESSAGE(r.err.find(".anki2 ") == std::string::npos, r.err);
  CHECK(r.err.find("its collection is damaged") != std::string::npos);
}

TEST_CASE("fields that are not UTF-8, and a surrogate entity, import as U+FFFD") {
  Fixture f;
  const auto r = f.run("import '" + f.package("invalid-utf8").string() + "'");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const json cards = json::parse(f.cards());
  REQUIRE(cards.size() == 2);
  std::set<std::string> prompts;
  for (const auto& c : cards) prompts.insert(c["prompt"].get<std::string>());
  CHECK(prompts.count("Caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD?") == 1);
  CHECK(prompts.count("Entity \xEF\xBF\xBD here") == 1);
  CHECK(f.run("check").status == 0);
}

TEST_CASE("an answer at an impossible time (id INT64_MAX) is skipped and the rest import whole") {
  Fixture f;
  const auto r = f.run("import '" + f.package("impossible-time").string() + "'");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK_MESSAGE(
      r.out.find("2 cards added, 0 already there; 2 answers replayed") != std::string::npos, r.out);
  CHECK(r.out.find("and 1 log entries that are not answers") != std::string::npos);
  CHECK(f.run("check").status == 0);
}

TEST_CASE("multiple-choice notes whose choices miss the answer or repeat are refused whole") {
  for (const char* kind : {"bad-choices", "repeated-choices"}) {
    CAPTURE(kind);
    Fixture f;
    const auto r = f.run("import '" + f.package(kind).string() + "'");
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find("note 1 (\"Which?\")") != std::string::npos, r.err);
    CHECK(lines(r.err) == 1);
    // Refused when the file is read, before a collection is opened or created.
    CHECK_FALSE(fs::exists(f.db));
  }
}

TEST_CASE("a FIFO, a folder and /dev/zero are refused as files to read, without hanging") {
  Fixture f;
  const auto fifo = f.dir / "notes.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  refused(f.run("import '" + fifo.string() + "'"), "is not a regular file");
  refused(f.run("import '" + f.dir.path().string() + "'"), "is a folder, not a file");
  refused(f.run("revlog import /dev/zero"), "/dev/zero: is not a regular file");
}

TEST_CASE("imported ESC and BEL are shown escaped by cards, show and study") {
  Fixture f;
  REQUIRE(f.run("import '" + f.package("escapes").string() + "'").status == 0);
  const auto listed = f.run("cards");
  REQUIRE(listed.status == 0);
  CHECK_FALSE(has_control_bytes(listed.out));
  CHECK_MESSAGE(listed.out.find("Title \\x1b]0;pwned\\x07 here") != std::string::npos, listed.out);
  CHECK(listed.out.find("Bell \\x07 and C1 \\u009b2J") != std::string::npos);

  const auto shown = f.run("show --type imported");
  REQUIRE(shown.status == 0);
  CHECK_FALSE(has_control_bytes(shown.out));
  CHECK(shown.out.find("Red \\x1b[31mtext\\x1b[0m") != std::string::npos);

  const auto studied = f.run("study --now 2024-01-01T09:00:00Z", "\n3\n\n3\nq\n");
  CHECK_FALSE(has_control_bytes(studied.out));
  CHECK_MESSAGE(studied.out.find("\\x") != std::string::npos, studied.out);
  // The JSON listing keeps the text exactly, escaped as JSON does.
  CHECK(listed.out.size() > 0);
  CHECK(f.cards().find("\\u001b]0;pwned\\u0007") != std::string::npos);
}

TEST_CASE("re-importing a collection's own review log adds nothing") {
  SummitCollection c;
  const auto ids = [&] {
    std::vector<std::string> out;
    for (const auto& card : c.cards()) out.push_back(card["id"].get<std::string>());
    return out;
  }();
  // One answer each to three cards: the case where nothing was refused and every run doubled.
  std::vector<RevlogEntry> log;
  for (int i = 0; i < 3; ++i)
    log.push_back({revlog_card_number(ids.at(static_cast<std::size_t>(i))),
                   1'704'099'600'000 + i * 60'000, 3, 0, 4000, 0});
  const auto first = c.dir.write("first.csv", format_revlog_csv(log));
  REQUIRE(c.run("revlog import '" + first.string() + "'").status == 0);
  const auto exported = c.run("revlog export --csv");
  const auto own = c.dir.write("own.csv", exported.out);
  for (int run = 0; run < 2; ++run) {
    const auto again = c.run("revlog import '" + own.string() + "'");
    REQUIRE_MESSAGE(again.status == 0, again.err);
    CHECK_MESSAGE(again.out.find("Imported 0 answers; 3 already in the log") != std::string::npos,
                  again.out);
  }
  CHECK(c.run("revlog export --csv").out == exported.out);
  CHECK(c.run("check").status == 0);
}

TEST_CASE("an answer dated in year 9999 is not counted among today's reviews") {
  SummitCollection c;
  const std::string id = c.cards()[0]["id"];
  const std::vector<RevlogEntry> log = {
      {revlog_card_number(id), 253'402'214'400'000, 3, 0, 4000, 0}};
  const auto csv = c.dir.write("future.csv", format_revlog_csv(log));
  REQUIRE(c.run("revlog import '" + csv.string() + "'").status == 0);
  CHECK(c.stats("2024-01-01T12:00:00Z")["reviews_today"] == 0);
}

TEST_CASE("optimize on a log with nothing to fit says so instead of printing the defaults") {
  SummitCollection c;
  const std::string id = c.cards()[0]["id"];
  const std::vector<RevlogEntry> log = {{revlog_card_number(id), 1'704'099'600'000, 3, 0, 4000, 0}};
  const auto csv = c.dir.write("one.csv", format_revlog_csv(log));
  const auto r = c.run("optimize --revlog '" + csv.string() + "'");
  refused(r, "nothing to fit: the log's 1 review(s) give no training item");
  CHECK(r.out.find("Fitted on 0 items") == std::string::npos);
}

TEST_CASE("citecard new refuses a page nested 100,000 deep quickly and names it") {
  Fixture f;
  std::string page = "<html><body>";
  for (int i = 0; i < 100'000; ++i) page += "<div>";
  page += "Deep text.";
  const auto file = f.dir.write("deep.html", page);
  const auto start = std::chrono::steady_clock::now();
  const auto r =
      run_command("'" + kCli + "' new '" + (f.dir / "deck").string() + "' '" + file.string() + "'");
  refused(r, "deep.html: the page nests its markup more than 1000 elements deep");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK_FALSE(fs::exists(f.dir / "deck"));
}

TEST_CASE("citecard new reads a page whose JSON-LD nests a million deep, stating nothing from it") {
  Fixture f;
  std::string page =
      "<html><head><title>Plain headline</title><script type=\"application/ld+json\">";
  // A million objects, each the value of the last: the parsed tree once overflowed the stack.
  for (int i = 0; i < 1'000'000; ++i) page += "{\"a\":";
  page += "1" + std::string(1'000'000, '}');
  page +=
      "</script></head><body><article><p>Officials said the bridge would reopen on Monday "
      "after repairs.</p></article></body></html>";
  const auto file = f.dir.write("ld.html", page);
  const auto r =
      run_command("'" + kCli + "' new '" + (f.dir / "deck").string() + "' '" + file.string() + "'");
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("title: Plain headline") != std::string::npos);
}

TEST_CASE("citecard new on a folder holding a symlink loop takes its articles and skips the loop") {
  Fixture f;
  const auto articles = f.dir / "articles";
  fs::create_directories(articles);
  f.dir.write("articles/one.txt", "Officials said the bridge would reopen on Monday.\n");
  fs::create_symlink("loop.txt", articles / "loop.txt");
  const auto r = run_command("'" + kCli + "' new '" + (f.dir / "deck").string() + "' '" +
                             articles.string() + "'");
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("1 article(s) added") != std::string::npos);
}

TEST_CASE("a --title that is not UTF-8 is refused before a deck that cannot build is made") {
  Fixture f;
  const auto article = f.dir.write("a.txt", "Officials said the bridge would reopen on Monday.\n");
  const auto r = run_command("'" + kCli + "' new '" + (f.dir / "deck").string() + "' '" +
                             article.string() + "' --title \"$(printf 'Bad \\377 title')\"");
  refused(r, "the deck's title is not UTF-8 text");
  CHECK_FALSE(fs::exists(f.dir / "deck"));
}

TEST_CASE("deck sources outside the deck folder, and a manifest linked to /dev/zero, are refused") {
  Fixture f;
  const auto article = f.dir.write("outside.txt", "Officials said the bridge would reopen.\n");
  const auto deck = f.dir / "deck";
  fs::create_directories(deck / "sources");
  f.dir.write("deck/deck.toml", "");
  for (const std::string& file : {std::string("../outside.txt"), article.string()}) {
    CAPTURE(file);
    f.dir.write("deck/manifest.toml",
                "[deck]\nid = \"d\"\ntitle = \"D\"\n[[source]]\nid = \"001\"\nfile = \"" + file +
                    "\"\noutlet = \"O\"\ntitle = \"T\"\nauthor = "
                    "\"A\"\ndate = \"2024-01-01\"\n");
    const auto r = f.run("build '" + deck.string() + "'");
    refused(r, "is not inside the deck folder");
  }
  fs::remove(deck / "manifest.toml");
  fs::create_symlink("/dev/zero", deck / "manifest.toml");
  const auto start = std::chrono::steady_clock::now();
  refused(f.run_bounded("build '" + deck.string() + "'"), "is not a regular file");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE(
    "an import's steps are one transaction: an error or an exception part-way leaves nothing") {
  TempDir dir;
  auto collection = Collection::open(dir / "c.db");
  REQUIRE(collection.ok());
  const std::vector<ImportedNote> notes = {{"Q1", "A1", {}}, {"Q2", "A2", {}}};
  // As import_anki_file does: the notes, then an answer, then a failure.
  const auto failed = collection->all_or_nothing([&]() -> Result<void> {
    auto added = collection->add_imported_notes("hostile", "Hostile", notes);
    if (!added) return added.error();
    auto answered = collection->answer(added->card_ids[0], Rating::Good, 1'700'000'000, 1000);
    if (!answered) return answered.error();
    return make_error("its next answer could not be replayed");
  });
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message == "its next answer could not be replayed");
  CHECK(collection->cards()->empty());
  CHECK(collection->decks(1'700'000'000)->empty());
  CHECK_THROWS_AS((void)collection->all_or_nothing([&]() -> Result<void> {
    (void)collection->add_imported_notes("hostile", "Hostile", notes);
    throw std::runtime_error("stray");
  }),
                  std::runtime_error);
  CHECK(collection->cards()->empty());

  // The collection takes a good import afterwards: no transaction or cached parameter set left.
  AnkiFile file;
  file.deck_name = "Hostile";
  file.notes = {{notes[0], {{1'700'000'000, Rating::Good, 1000}}}};
  const auto imported = import_anki_file(*collection, file);
  REQUIRE_MESSAGE(imported.ok(), imported.error().message);
  CHECK(imported->reviews_added == 1);
  CHECK(collection->check()->problems.empty());
}

TEST_CASE("the C API's import of a hostile package returns an error code with a message") {
  Fixture f;
  cc_collection* c = nullptr;
  REQUIRE(cc_open(f.db.c_str(), &c) == CC_OK);
  for (const char* kind : {"zip64-huge", "bomb", "big-field", "bad-choices", "not-sqlite"}) {
    CAPTURE(kind);
    const int code = cc_import(c, f.package(kind).c_str(), nullptr, nullptr, nullptr, nullptr);
    CHECK(code != CC_OK);
    CHECK(std::string(cc_errmsg(c)).find(std::string(kind) + ".apkg") != std::string::npos);
  }
  cc_close(c);
}

}  // namespace citecard::test
