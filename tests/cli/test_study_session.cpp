#include <doctest/doctest.h>

#include "citecard/collection.hpp"
#include "cli_fixture.hpp"

using citecard::test::SummitCollection;

TEST_CASE("a piped study session records each rating and shows the answer with its citation") {
  SummitCollection summit;
  // First card: reveal, rate Good. Second: reveal, rate Again. Then quit.
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", "\n3\n\n1\nq\n");
  REQUIRE(session.status == 0);
  CHECK(session.out.find("Answer: ") != std::string::npos);
  CHECK(session.out.find("Source: ") != std::string::npos);
  CHECK(session.out.find("You answered 2 cards.") != std::string::npos);

  const auto stats = summit.stats("2024-01-01T09:05:00Z");
  CHECK(stats["reviews_today"] == 2);
  CHECK(stats["learning"] == 2);
  CHECK(stats["new"] == 18);

  auto collection = citecard::Collection::open(summit.db);
  REQUIRE(collection.ok());
  const auto cards = *collection->cards();
  const auto first = *collection->review_log(cards[0].id);
  const auto second = *collection->review_log(cards[1].id);
  REQUIRE(first.size() == 1);
  REQUIRE(second.size() == 1);
  CHECK(first[0].rating == citecard::Rating::Good);
  CHECK(second[0].rating == citecard::Rating::Again);
  CHECK(second[0].after.state == citecard::CardState::Learning);
}

TEST_CASE("picking a choice suggests a rating that Enter accepts") {
  SummitCollection summit;
  const auto first = summit.cards()[0];
  REQUIRE_FALSE(first["choices"].empty());
  std::size_t right = 0;
  while (first["choices"][right] != first["answer"]) ++right;
  const std::string letter(1, static_cast<char>('a' + right));
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", letter + "\n\nq\n");
  REQUIRE(session.status == 0);
  CHECK(session.out.find("✓ Right.") != std::string::npos);
  auto collection = citecard::Collection::open(summit.db);
  REQUIRE(collection.ok());
  const auto log = *collection->review_log(first["id"].get<std::string>());
  REQUIRE(log.size() == 1);
  CHECK(log[0].rating == citecard::Rating::Good);
}

TEST_CASE("input that is not a rating is asked again, and the end of input ends the session") {
  SummitCollection summit;
  const auto session = summit.run("study --now 2024-01-01T09:00:00Z", "\n7\nx\n4\n");
  CHECK(session.status == 0);
  CHECK(session.out.find("Please type 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).") !=
        std::string::npos);
  CHECK(summit.stats("2024-01-01T09:01:00Z")["reviews_today"] == 1);
}
