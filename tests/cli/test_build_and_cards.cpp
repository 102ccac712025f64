#include <doctest/doctest.h>

#include <toml++/toml.h>
#include <algorithm>
#include <map>
#include <set>

#include "cli_fixture.hpp"

using citecard::test::read_file;
using citecard::test::SummitCollection;

namespace {

// Source id -> the file's bytes, as the manifest lists them.
std::map<std::string, std::string> summit_sources() {
  const auto manifest = toml::parse_file(citecard::test::kSummitDeck + "/manifest.toml");
  std::map<std::string, std::string> sources;
  for (const auto& node : *manifest["source"].as_array()) {
    const auto& table = *node.as_table();
    sources[table["id"].value_or(std::string())] =
        read_file(citecard::test::kSummitDeck + "/" + table["file"].value_or(std::string()));
  }
  return sources;
}

}  // namespace

TEST_CASE("building the summit deck reports its sources, notes and cards") {
  SummitCollection summit;
  const auto again = summit.run("build '" + citecard::test::kSummitDeck + "'");
  CHECK(again.status == 0);
  CHECK(again.out.find("Built summit-2023: 5 sources") == 0);
  CHECK(again.out.find("(0 new, 0 updated, 0 archived)") != std::string::npos);
}

TEST_CASE("the summit deck has at least 40 cards, every citation verbatim at its byte offsets") {
  SummitCollection summit;
  const auto cards = summit.cards();
  REQUIRE(cards.is_array());
  CHECK(cards.size() >= 40);
  const auto sources = summit_sources();
  int citations = 0;
  for (const auto& card : cards) {
    REQUIRE(card["citations"].size() >= 1);
    for (const auto& c : card["citations"]) {
      const std::string& text = sources.at(c["source"].get<std::string>());
      const auto start = c["start"].get<std::size_t>();
      const auto end = c["end"].get<std::size_t>();
      REQUIRE(end <= text.size());
      CHECK(text.substr(start, end - start) == c["text"].get<std::string>());
      CHECK_FALSE(c["outlet"].get<std::string>().empty());
      CHECK_FALSE(c["title"].get<std::string>().empty());
      ++citations;
    }
  }
  CHECK(citations >= static_cast<int>(cards.size()));
}

TEST_CASE("every card has a prompt and an answer, and multiple choice includes the answer once") {
  SummitCollection summit;
  for (const auto& card : summit.cards()) {
    const std::string answer = card["answer"];
    CHECK_FALSE(card["prompt"].get<std::string>().empty());
    CHECK_FALSE(answer.empty());
    const auto& choices = card["choices"];
    if (choices.empty()) continue;
    std::set<std::string> distinct(choices.begin(), choices.end());
    CHECK(distinct.size() == choices.size());
    CHECK(distinct.count(answer) == 1);
  }
}

TEST_CASE("who-said cards cover at least five speakers and never show the speaker in the prompt") {
  SummitCollection summit;
  std::set<std::string> speakers;
  for (const auto& card : summit.cards()) {
    if (card["type"] != "who_said") continue;
    speakers.insert(card["answer"].get<std::string>());
    CHECK(card["prompt"].get<std::string>().find(card["answer"].get<std::string>()) ==
          std::string::npos);
  }
  CHECK(speakers.size() >= 5);
}

TEST_CASE("listing the cards twice gives byte-identical JSON") {
  SummitCollection summit;
  CHECK(summit.run("cards --json").out == summit.run("cards --json").out);
}

TEST_CASE("a fresh collection has the day's 20 new cards due") {
  SummitCollection summit;
  const auto stats = summit.stats("2024-01-01T09:00:00Z");
  CHECK(stats["new"] == 20);
  CHECK(stats["due_today"] == 20);
  CHECK(stats["reviews_today"] == 0);
}

TEST_CASE("show prints a card's front and back as a study session would, without studying it") {
  SummitCollection summit;
  const auto card = summit.cards()[0];
  const auto shown = summit.run("show " + card["id"].get<std::string>());
  REQUIRE(shown.status == 0);
  CHECK(shown.out.find(card["prompt"].get<std::string>()) != std::string::npos);
  CHECK(shown.out.find("Answer: " + card["answer"].get<std::string>()) != std::string::npos);
  CHECK(shown.out.find(card["citations"][0]["text"].get<std::string>()) != std::string::npos);
  CHECK(summit.stats("2024-01-01T09:00:00Z")["reviews_today"] == 0);
  const auto by_type = summit.run("show --type who_said --limit 3");
  CHECK(std::count(by_type.out.begin(), by_type.out.end(), '\n') > 12);
  CHECK(summit.run("show --type no_such_type").err == "citecard: no cards of type no_such_type\n");
}
