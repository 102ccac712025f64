// Only `build` may create a collection: a typo in --db must never give a silent empty one, and
// an unknown deck or card id is named rather than studied as "nothing due".
#include <doctest/doctest.h>

#include <algorithm>

#include "cli_fixture.hpp"

using citecard::test::kCli;
using citecard::test::read_file;
using citecard::test::run_command;
using citecard::test::SummitCollection;
using citecard::test::TempDir;

namespace {

int lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// Every command that reads or changes an existing collection, with the arguments it needs.
const char* const kCommands[] = {
    "cards",       "stats",         "study", "check",   "show abc123",
    "suspend abc", "unsuspend abc", "undo",  "options", "options --new-per-day 5"};

}  // namespace

TEST_CASE(
    "read and study commands on a path in a missing folder fail naming it and create nothing") {
  TempDir dir;
  const std::string db = (dir / "no/such/dir/c.db").string();
  for (const std::string command : kCommands) {
    CAPTURE(command);
    const auto result = run_command("'" + kCli + "' " + command + " --db '" + db + "'", "q\n");
    CHECK(result.status == 1);
    CHECK(result.err == "citecard: no collection at " + db +
                            ": check the path, or create one with citecard build DECK_DIR --db " +
                            db + "\n");
    CHECK(result.out.empty());
    CHECK_FALSE(std::filesystem::exists(dir / "no"));
  }
}

TEST_CASE("read and study commands on a missing file in an existing folder create no file") {
  TempDir dir;
  const std::string db = (dir / "c.db").string();
  for (const std::string command : kCommands) {
    CAPTURE(command);
    const auto result = run_command("'" + kCli + "' " + command + " --db '" + db + "'", "q\n");
    CHECK(result.status == 1);
    CHECK(result.err.find(db) != std::string::npos);
    CHECK(lines(result.err) == 1);
    CHECK(std::filesystem::is_empty(dir.path()));
  }
}

TEST_CASE("an empty file is not taken for a collection by a read command, and stays empty") {
  TempDir dir;
  const auto db = dir.write("empty.db", "");
  const auto result = run_command("'" + kCli + "' cards --db '" + db.string() + "'");
  CHECK(result.status == 1);
  CHECK(result.err == "citecard: " + db.string() +
                          " is not a citecard collection (it is empty or holds no citecard data); "
                          "create one with citecard build DECK_DIR --db " +
                          db.string() + "\n");
  CHECK(std::filesystem::file_size(db) == 0);
}

TEST_CASE("a folder given as the collection is named as a folder") {
  TempDir dir;
  const auto result = run_command("'" + kCli + "' stats --db '" + dir.path().string() + "'");
  CHECK(result.status == 1);
  CHECK(result.err.find("is a folder, not a collection file") != std::string::npos);
  CHECK(lines(result.err) == 1);
}

TEST_CASE("build still creates the collection and its folder") {
  TempDir dir;
  const std::string db = (dir / "new/folder/c.db").string();
  const auto result =
      run_command("'" + kCli + "' build '" + citecard::test::kSummitDeck + "' --db '" + db + "'");
  CHECK(result.status == 0);
  CHECK(std::filesystem::exists(db));
}

TEST_CASE("study --deck with an unknown deck names it and the decks there are") {
  SummitCollection summit;
  const auto result = summit.run("study --deck NO_SUCH_DECK", "1\n");
  CHECK(result.status == 1);
  CHECK(result.err ==
        "citecard: no deck NO_SUCH_DECK in this collection (its decks: summit-2023)\n");
  CHECK(result.out.empty());
  CHECK(summit.stats("2024-01-01T09:00:00Z")["reviews_today"] == 0);
}

TEST_CASE("options --deck with an unknown deck names it, whether showing or setting") {
  SummitCollection summit;
  for (const std::string args : {"options --deck nope", "options --deck nope --new-per-day 3"}) {
    CAPTURE(args);
    const auto result = summit.run(args);
    CHECK(result.status == 1);
    CHECK(result.err.find("no deck nope in this collection") != std::string::npos);
    CHECK(lines(result.err) == 1);
  }
}

TEST_CASE("an unknown card id is named by show, suspend and unsuspend, and nothing changes") {
  SummitCollection summit;
  const auto before = summit.run("cards --json").out;
  for (const std::string command : {"show", "suspend", "unsuspend"}) {
    CAPTURE(command);
    const auto result = summit.run(command + " NO_SUCH_CARD");
    CHECK(result.status == 1);
    CHECK(result.err == "citecard: no card with id NO_SUCH_CARD in this collection\n");
  }
  CHECK(summit.run("cards --json").out == before);
}
