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

TEST_CASE(
    "an overlay entry keeping a card the lint rules drop names the rule, and changes nothing") {
  citecard::test::SummitCollection summit;
  const auto before = summit.run("cards --json").out;

  // Jake Sullivan's post is asked by a hand-written question citing the sentence his who-is card
  // would cite, so the asked-twice rule drops the who-is card.
  TempDir curated;
  std::filesystem::copy(citecard::test::kSummitDeck, curated / "deck",
                        std::filesystem::copy_options::recursive);
  const std::string deck_toml = citecard::test::read_file(curated / "deck/deck.toml");
  curated.write("deck/deck.toml",
                deck_toml + "\n[[card]]\nid = \"c200740d34cf2df7f\"\naction = \"accept\"\n");
  const auto kept = summit.run("build '" + (curated / "deck").string() + "'");
  CHECK(kept.status != 0);
  CHECK(kept.err.find("card c200740d34cf2df7f is no longer made: lint rule ") != std::string::npos);
  CHECK(std::count(kept.err.begin(), kept.err.end(), '\n') == 1);
  CHECK(summit.run("cards --json").out == before);

  // A rejection of the same card already holds: the build goes through.
  curated.write("deck/deck.toml",
                deck_toml + "\n[[card]]\nid = \"c200740d34cf2df7f\"\naction = \"reject\"\n");
  CHECK(summit.run("build '" + (curated / "deck").string() + "'").status == 0);
}
