// Bad inputs, one at a time: each gives a one-line error naming what is wrong, exit status 1,
// and leaves the collection byte for byte as it was.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <vector>

#include "cli_fixture.hpp"

using citecard::test::CommandResult;
using citecard::test::kCli;
using citecard::test::kSummitDeck;
using citecard::test::read_file;
using citecard::test::run_command;
using citecard::test::SummitCollection;
using citecard::test::TempDir;

namespace {

const std::string kFirstSource = "sources/000_d17afe2afcfc3973.txt";

// A one-line "citecard: ..." error containing `expected`, with exit status 1.
void check_refused(const CommandResult& result, const std::string& expected) {
  CAPTURE(result.out);
  CHECK(result.status == 1);
  CHECK(result.err.rfind("citecard: ", 0) == 0);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK_MESSAGE(result.err.find(expected) != std::string::npos, result.err);
}

// The summit deck copied into `dir`/deck, with one source file's bytes replaced.
std::string deck_with_source(const TempDir& dir, const std::string& bytes) {
  std::filesystem::copy(kSummitDeck, dir / "deck", std::filesystem::copy_options::recursive);
  std::ofstream(dir / "deck" / kFirstSource, std::ios::binary | std::ios::trunc) << bytes;
  return (dir / "deck").string();
}

// Builds a deck whose first source is `bytes` into the summit collection: refused, and the
// collection file is unchanged.
void check_source_refused(const std::string& bytes, const std::string& expected) {
  SummitCollection summit;
  const std::string before = read_file(summit.db);
  TempDir dir;
  const auto result = summit.run("build '" + deck_with_source(dir, bytes) + "'");
  check_refused(result, "manifest.toml:");
  CHECK_MESSAGE(result.err.find(kFirstSource + expected) != std::string::npos, result.err);
  CHECK(read_file(summit.db) == before);
}

}  // namespace

TEST_CASE("a deck source that is an empty file is named as empty") {
  check_source_refused("", " is empty");
}

TEST_CASE("a deck source that is a binary file is refused as not UTF-8, with the offset") {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 37) & 0xFF);
  check_source_refused(binary, " is not UTF-8 text: invalid UTF-8 at byte offset ");
}

TEST_CASE("a deck source with one invalid UTF-8 sequence is refused at that byte") {
  std::string text = read_file(kSummitDeck + "/" + kFirstSource);
  text.insert(100, "\xC3\x28");
  check_source_refused(text, " is not UTF-8 text: invalid UTF-8 at byte offset 100");
}

TEST_CASE("a 100 MB article is refused by build and by extract, without reading it all") {
  TempDir dir;
  std::string huge;
  huge.reserve(100u << 20);
  const std::string paragraph =
      "The council met again on Tuesday. \u201CWe will decide soon,\u201D said the mayor.\n\n";
  while (huge.size() + paragraph.size() <= (100u << 20)) huge += paragraph;
  huge.resize(100u << 20, ' ');
  check_source_refused(huge, " is 100.0 MB; a source may be at most 10 MB of text");
  const auto article = dir.write("huge.txt", huge);
  const auto result = run_command("'" + kCli + "' extract '" + article.string() + "'");
  check_refused(result, "huge.txt is 100.0 MB; citecard extract reads articles of at most 10 MB");
}

TEST_CASE("a collection file that is not SQLite is refused by every command and left as it was") {
  TempDir dir;
  const auto db = dir.write("notes.db", std::string(4096, 'x'));
  for (const std::string& command : std::vector<std::string>{"cards", "stats", "study", "check",
                                                             "build '" + kSummitDeck + "'"}) {
    CAPTURE(command);
    check_refused(run_command("'" + kCli + "' " + command + " --db '" + db.string() + "'", "q\n"),
                  db.string() + " is damaged or is not a citecard collection");
    CHECK(read_file(db) == std::string(4096, 'x'));
  }
}

TEST_CASE("a truncated collection is reported as damaged and left as it was") {
  SummitCollection summit;
  const std::string whole = read_file(summit.db);
  TempDir dir;
  const auto db = dir.write("cut.db", whole.substr(0, whole.size() / 2));
  for (const std::string command : {"cards", "study", "check"}) {
    CAPTURE(command);
    check_refused(
        run_command("'" + kCli + "' " + command + " --db '" + db.string() + "'", "\n3\nq\n"),
        db.string() + " is damaged or is not a citecard collection");
    CHECK(read_file(db) == whole.substr(0, whole.size() / 2));
  }
}

namespace {

// Permissions do not bind root: as root, commands run as nobody through setpriv. Returns the
// command prefix, or nullopt (with the reason given) when that is not possible.
std::optional<std::string> unprivileged_prefix() {
  if (::geteuid() != 0) return std::string();
  if (std::system("command -v setpriv >/dev/null 2>&1") != 0) {
    MESSAGE(
        "skipped: running as root, and setpriv (util-linux) is not there to drop to an "
        "unprivileged user, so file permissions cannot be tested");
    return std::nullopt;
  }
  return std::string("setpriv --reuid=65534 --regid=65534 --clear-groups ");
}

// Makes the collection's file read-only for the user `prefix` runs as, and its folder writable
// for that user or not.
void make_read_only(const SummitCollection& summit, bool folder_writable) {
  namespace fs = std::filesystem;
  fs::permissions(summit.db,
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  if (::geteuid() == 0) {
    fs::permissions(summit.dir.path(), fs::perms::owner_all | fs::perms::group_read |
                                           fs::perms::group_exec | fs::perms::others_read |
                                           fs::perms::others_exec);
    if (folder_writable && ::chown(summit.dir.path().c_str(), 65534, 65534) != 0)
      FAIL("cannot give the test folder to nobody");
  } else if (!folder_writable) {
    fs::permissions(summit.dir.path(), fs::perms::owner_write, fs::perm_options::remove);
  }
}

// Owner write back, so the fixture can remove its folder.
void restore(const SummitCollection& summit) {
  if (::geteuid() == 0) {
    if (::chown(summit.dir.path().c_str(), 0, 0) != 0) FAIL("cannot take the test folder back");
  }
  std::filesystem::permissions(summit.dir.path(), std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add);
}

const std::vector<std::string> kChangingCommands = {"study", "undo", "options --new-per-day 3",
                                                    "build '" + kSummitDeck + "'"};

}  // namespace

TEST_CASE("a read-only collection can be read; study and changes are refused up front") {
  const auto as_user = unprivileged_prefix();
  if (!as_user) return;
  SummitCollection summit;
  const std::string before = read_file(summit.db);
  make_read_only(summit, /*folder_writable=*/true);
  const auto run = [&](const std::string& args) {
    return run_command(*as_user + "'" + kCli + "' " + args + " --db '" + summit.db + "'",
                       "\n3\nq\n");
  };
  const auto cards = run("cards");
  CHECK_MESSAGE(cards.status == 0, cards.err);
  CHECK(cards.out.find(" cards\n") != std::string::npos);
  for (const std::string& command : kChangingCommands) {
    CAPTURE(command);
    const auto result = run(command);
    check_refused(result,
                  summit.db + " is read-only: citecard can show its cards but not save to it");
    CHECK(result.out.empty());
  }
  restore(summit);
  CHECK(read_file(summit.db) == before);
}

TEST_CASE("a read-only collection in a read-only folder is refused saying what to change") {
  const auto as_user = unprivileged_prefix();
  if (!as_user) return;
  SummitCollection summit;
  const std::string before = read_file(summit.db);
  make_read_only(summit, /*folder_writable=*/false);
  for (const std::string& command : {std::string("cards"), std::string("study")}) {
    CAPTURE(command);
    check_refused(
        run_command(*as_user + "'" + kCli + "' " + command + " --db '" + summit.db + "'", "q\n"),
        summit.db + " cannot be read: it is read-only and so is its folder");
  }
  restore(summit);
  CHECK(read_file(summit.db) == before);
}

TEST_CASE("a full disk (a file-size limit) fails the write in one line and saves nothing of it") {
  SummitCollection summit;
  const std::string before = read_file(summit.db);
  TempDir dir;
  std::filesystem::copy(kSummitDeck, dir / "deck", std::filesystem::copy_options::recursive);
  dir.write("deck/deck.toml", read_file(dir / "deck/deck.toml") +
                                  "\n[[fact]]\nsource = \"cbc\"\ncite = \"Kim shows great interest "
                                  "in rocket engineering.\"\nquestion = \"What does Kim show great "
                                  "interest in?\"\nanswer = \"rocket engineering\"\n");
  // Writes past the limit fail with EFBIG, as on a full disk they fail with ENOSPC; SIGXFSZ is
  // ignored so the write returns the error instead of killing the process. 36 KB leaves room
  // for SQLite's 32 KB shared-memory index and a few pages of log, fewer than either needs.
  const std::string limited = "trap '' XFSZ; exec prlimit --fsize=36000 '" + kCli + "' ";
  const std::string db = " --db '" + summit.db + "'";
  check_refused(run_command(limited + "build '" + (dir / "deck").string() + "'" + db),
                "the change was not saved");
  CHECK(read_file(summit.db) == before);
  check_refused(run_command(limited + "study --now 2024-01-01T09:00:00Z" + db, "\n3\nq\n"),
                "the change was not saved");
  CHECK(read_file(summit.db) == before);
  const auto check = summit.run("check");
  CHECK(check.status == 0);
}
