// `citecard lint` and `citecard build --no-overlay` on the real summit deck and a broken copy.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_fixture.hpp"

using citecard::test::kCli;
using citecard::test::kSummitDeck;
using citecard::test::run_command;
using citecard::test::TempDir;

TEST_CASE("lint passes the curated summit deck with exit status 0") {
  const auto result = run_command("'" + kCli + "' lint '" + kSummitDeck + "'");
  CHECK(result.status == 0);
  CHECK(result.out.find("Linted summit-2023: ") == 0);
  CHECK(result.out.find(", 0 suspects.") != std::string::npos);
}

TEST_CASE("lint lists a curator's bad edit with its rule and reason, and exits 1") {
  TempDir copy;
  std::filesystem::copy(kSummitDeck, copy / "deck", std::filesystem::copy_options::recursive);
  // A hand-written question whose choices name one country twice.
  copy.write("deck/deck.toml",
             citecard::test::read_file(copy / "deck/deck.toml") +
                 "\n[[fact]]\nsource = \"a2\"\ncite = \"North Korean leader Kim Jong Un\"\n"
                 "question = \"Which country?\"\nanswer = \"North Korea\"\n"
                 "choices = [\"North Korea\", \"Pyongyang\", \"China\", \"Japan\"]\n");
  const auto result = run_command("'" + kCli + "' lint '" + (copy / "deck").string() + "'");
  CHECK(result.status == 1);
  CHECK(result.out.find("fact [alias-choices]") != std::string::npos);
  CHECK(result.out.find("name the same thing") != std::string::npos);
}

TEST_CASE("lint --no-overlay passes: the generator does not make what lint flags") {
  const auto result = run_command("'" + kCli + "' lint '" + kSummitDeck + "' --no-overlay");
  CHECK(result.status == 0);
  CHECK(result.out.find(", 0 suspects.") != std::string::npos);
}

TEST_CASE("build --no-overlay builds the generator's cards without the hand-written notes") {
  TempDir dir;
  const std::string db = (dir / "c.db").string();
  const auto curated = run_command("'" + kCli + "' build '" + kSummitDeck + "' --db '" + db + "'");
  REQUIRE(curated.status == 0);
  const auto hand =
      nlohmann::json::parse(run_command("'" + kCli + "' cards --json --db '" + db + "'").out);
  TempDir other;
  const std::string raw_db = (other / "c.db").string();
  const auto raw =
      run_command("'" + kCli + "' build '" + kSummitDeck + "' --no-overlay --db '" + raw_db + "'");
  REQUIRE(raw.status == 0);
  const auto generated =
      nlohmann::json::parse(run_command("'" + kCli + "' cards --json --db '" + raw_db + "'").out);
  int fact_cards = 0;
  for (const auto& card : generated) fact_cards += card["type"] == "fact" ? 1 : 0;
  CHECK(fact_cards == 0);  // hand-written questions are the curator's
  int curated_facts = 0;
  for (const auto& card : hand) curated_facts += card["type"] == "fact" ? 1 : 0;
  CHECK(curated_facts > 0);
}

TEST_CASE("candidates lists every card the generator could make, best first, marking the deck's") {
  const auto listed =
      run_command("'" + kCli + "' candidates '" + kSummitDeck + "' --no-overlay --json");
  REQUIRE(listed.status == 0);
  TempDir dir;
  const std::string db = (dir / "c.db").string();
  REQUIRE(run_command("'" + kCli + "' build '" + kSummitDeck + "' --no-overlay --db '" + db + "'")
              .status == 0);
  std::set<std::string> built;
  for (const auto& card :
       nlohmann::json::parse(run_command("'" + kCli + "' cards --json --db '" + db + "'").out))
    built.insert(card["id"].get<std::string>());

  std::istringstream lines(listed.out);
  std::string line;
  std::set<std::string> chosen;
  std::size_t count = 0;
  std::string source;
  double previous = 1.0;
  for (; std::getline(lines, line); ++count) {
    const auto c = nlohmann::json::parse(line);
    const double keep = c["keep"].get<double>();
    CHECK(keep >= 0.0);
    CHECK(keep <= 1.0);
    if (c["source"] != source) {
      source = c["source"].get<std::string>();
      previous = 1.0;
    }
    CHECK(keep <= previous);  // best first within an article
    previous = keep;
    CHECK_FALSE(c["features"].empty());
    if (c["chosen"].get<bool>()) chosen.insert(c["id"].get<std::string>());
  }
  // Many more candidates than cards: the deck is chosen from them, and is exactly the chosen ones.
  CHECK(count > 4 * built.size());
  CHECK(chosen == built);
}
