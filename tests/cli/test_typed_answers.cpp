#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "citecard/collection.hpp"
#include "cli_fixture.hpp"

using citecard::Rating;
using citecard::test::CommandResult;
using citecard::test::kCli;
using citecard::test::run_command;
using citecard::test::TempDir;

namespace {

// Two speakers only, so their who-said cards are free recall (too few for four choices), and a
// fact card without choices: every card here takes a typed answer.
const std::string kSource =
    "Summit report\n"
    "Putin and Kim met for four hours at the cosmodrome.\n"
    "\u201CWe will help,\u201D said Vladimir Putin.\n"
    "\u201CThe drills went well,\u201D said Sergei Shoigu.\n";

const std::string kManifest = R"(
[deck]
id = "typed"
title = "Typed answers"

[[source]]
id = "report"
file = "sources/report.txt"
outlet = "The Daily"
title = "Summit report"
author = "not stated"
date = "2023-09-13"
)";

const std::string kNotes = R"(
[[quote]]
source = "report"
text = "The drills went well,"
speaker = "Sergei Shoigu"

[[quote]]
source = "report"
text = "We will help,"
speaker = "Vladimir Putin"

[[fact]]
source = "report"
cite = "Putin and Kim met for four hours at the cosmodrome."
question = "How long did Putin and Kim meet?"
answer = "4 hours"
)";

struct TypedDeck {
  TempDir dir;
  std::string db = (dir / "collection.db").string();

  TypedDeck() {
    dir.write("deck/manifest.toml", kManifest);
    dir.write("deck/deck.toml", kNotes);
    dir.write("deck/sources/report.txt", kSource);
    const auto built = run("build '" + (dir / "deck").string() + "'");
    if (built.status != 0) throw std::runtime_error("build failed: " + built.err);
  }

  CommandResult run(const std::string& args, const std::string& input = "") const {
    return run_command("'" + kCli + "' " + args + " --db '" + db + "'", input);
  }

  CommandResult study(const std::string& input) const {
    return run("study --now 2024-01-01T09:00:00Z", input);
  }

  // The ratings given, in deck-file order of the cards answered.
  std::vector<Rating> ratings() const {
    auto collection = citecard::Collection::open(db);
    REQUIRE(collection.ok());
    std::vector<Rating> out;
    for (const auto& card : *collection->cards())
      for (const auto& review : *collection->review_log(card.id)) out.push_back(review.rating);
    return out;
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a free-recall card asks for a typed answer") {
  TypedDeck deck;
  const auto session = deck.study("q\n");
  REQUIRE(session.status == 0);
  CHECK(contains(session.out, "Type your answer, or press Enter to show it (q quits): "));
}

TEST_CASE("typed answers get a verdict whose suggested rating Enter accepts") {
  TypedDeck deck;
  // Shoigu alone (no other speaker is a Shoigu): correct. "Putn": close to the alias "Putin".
  // "four hours" for "4 hours": correct.
  const auto session = deck.study("shoigu\n\nPutn\n\nfour hours\n\nq\n");
  REQUIRE(session.status == 0);
  CHECK(contains(session.out, "✓ Correct — “Shoigu” is accepted for Sergei Shoigu"));
  CHECK(contains(session.out, "≈ Close: spelling: “putn” for “Putin”"));
  CHECK(contains(session.out, "✓ Correct."));
  CHECK(contains(session.out, "Enter for 2 (Hard)"));
  CHECK(contains(session.out, "Answer: 4 hours"));
  CHECK(deck.ratings() == std::vector<Rating>{Rating::Good, Rating::Hard, Rating::Good});
}

TEST_CASE("a wrong typed answer suggests Again, and the learner may rate otherwise") {
  TypedDeck deck;
  const auto session = deck.study("Lavrov\n\nKim\n3\nq\n");
  REQUIRE(session.status == 0);
  CHECK(contains(session.out, "✗ Wrong."));
  CHECK(contains(session.out, "Enter for 1 (Again)"));
  CHECK(deck.ratings() == std::vector<Rating>{Rating::Again, Rating::Good});
}

TEST_CASE("an empty line still only shows the answer, with no rating suggested") {
  TypedDeck deck;
  const auto session = deck.study("\n\n2\nq\n");
  REQUIRE(session.status == 0);
  CHECK(contains(session.out, "Answer: Sergei Shoigu"));
  CHECK_FALSE(contains(session.out, "Correct"));
  CHECK_FALSE(contains(session.out, "Wrong"));
  // Enter without a suggestion is not a rating: asked again, then 2 is taken.
  CHECK(contains(session.out, "Please type 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."));
  CHECK(deck.ratings() == std::vector<Rating>{Rating::Hard});
}

TEST_CASE("check-answer prints the verdict as JSON") {
  const auto check = [](const std::string& args) {
    const auto result = run_command("'" + kCli + "' check-answer " + args);
    REQUIRE(result.status == 0);
    return nlohmann::json::parse(result.out);
  };
  const auto alias = check("--expected 'Sergei Shoigu' --alias Shoigu shoigu");
  CHECK(alias["verdict"] == "correct");
  CHECK(alias["suggested"] == "good");
  const auto close = check("--expected 'Vostochny Cosmodrome' 'Vostochny cosmodrom'");
  CHECK(close["verdict"] == "close");
  CHECK(close["suggested"] == "hard");
  CHECK(close["detail"].get<std::string>().find("cosmodrom") != std::string::npos);
  const auto wrong = check("--expected Vladivostok Blagoveshchensk");
  CHECK(wrong["verdict"] == "wrong");
  CHECK(wrong["suggested"] == "again");
}

TEST_CASE("check-answer without --expected fails with a usage message") {
  const auto result = run_command("'" + kCli + "' check-answer shoigu");
  CHECK(result.status != 0);
  CHECK(contains(result.err, "--expected"));
}
