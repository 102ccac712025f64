#include <doctest/doctest.h>

#include "cli_fixture.hpp"

using citecard::test::kCli;
using citecard::test::run_command;
using citecard::test::TempDir;

TEST_CASE("a deck citing text not in its source fails in one line and writes nothing") {
  citecard::test::SummitCollection summit;
  const auto before = summit.run("cards --json").out;

  TempDir broken;
  std::filesystem::copy(citecard::test::kSummitDeck, broken / "deck",
                        std::filesystem::copy_options::recursive);
  broken.write("deck/deck.toml",
               citecard::test::read_file(broken / "deck/deck.toml") +
                   "\n[[fact]]\nsource = \"cbc\"\ncite = \"Putin flew to "
                   "Pyongyang.\"\nquestion = \"Where?\"\nanswer = \"Pyongyang\"\n");
  const auto result = summit.run("build '" + (broken / "deck").string() + "'");
  CHECK(result.status != 0);
  CHECK(result.err.find("deck.toml:") != std::string::npos);
  CHECK(result.err.find(": cited text not found in cbc\n") != std::string::npos);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK(summit.run("cards --json").out == before);
}

TEST_CASE("a collection path that cannot be opened is a one-line error with status 1") {
  TempDir dir;
  dir.write("not-a-db", std::string(4096, 'x'));
  const auto result =
      run_command("'" + kCli + "' stats --db '" + (dir / "not-a-db").string() + "'");
  CHECK(result.status == 1);
  CHECK(result.err.rfind("citecard: ", 0) == 0);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("a bad --now is refused with an example of the expected form") {
  citecard::test::SummitCollection summit;
  const auto result = summit.run("stats --now yesterday");
  CHECK(result.status == 1);
  CHECK(result.err ==
        "citecard: 'yesterday' is not an ISO 8601 time (expected e.g. 2024-01-01T09:00:00Z)\n");
}

TEST_CASE("every subcommand has --help") {
  for (const std::string command : {"build", "cards", "study", "stats"}) {
    const auto result = run_command("'" + kCli + "' " + command + " --help");
    CHECK(result.status == 0);
    CHECK(result.out.find("--db") != std::string::npos);
  }
}
