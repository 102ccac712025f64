// How a short name ("Marsh", "Mrs. Marsh") picks among the full names sharing its word, each rule
// on a small invented example.
#include <doctest/doctest.h>

#include <string>

#include "citecard/extract.hpp"
#include "extraction_helpers.hpp"

using namespace citecard;

using namespace citecard::test;

TEST_CASE("short names: a person beats a building named after them, even one named later") {
  const auto x = extracted(
      "Dana Brightwater bought the old mill last spring.\n\n"
      "Visitors crowded the lobby of Brightwater Tower on Friday.\n\n"
      "\"We wanted the river to be part of the town again,\" Brightwater said.\n");
  const Quote& q = quote_starting(x, "We wanted");
  CHECK(q.speaker == "Dana Brightwater");
  CHECK(q.evidence.mention == "short_name");
}

TEST_CASE("short names: Mrs. and Mr. pick the family member of that gender") {
  const auto x = extracted(
      "Helen Marsh and her husband, Peter Marsh, have run the bakery on Quay Street since 1990.\n\n"
      "\"The ovens are older than our children,\" Mrs. Marsh said.\n\n"
      "\"We will keep them as long as they bake,\" Mr. Marsh said.\n");
  CHECK(quote_starting(x, "The ovens").speaker == "Helen Marsh");
  CHECK(quote_starting(x, "We will keep").speaker == "Peter Marsh");
  CHECK(quote_starting(x, "The ovens").evidence.namesakes == 2);
}

TEST_CASE("short names: a he or she later in the sentence tells a family pair apart") {
  const auto x = extracted(
      "Helen Marsh and Peter Marsh have run the bakery on Quay Street since 1990.\n\n"
      "\"The ovens are older than our children,\" Marsh said, adding that she would replace "
      "them in the spring.\n");
  CHECK(quote_starting(x, "The ovens").speaker == "Helen Marsh");
}

TEST_CASE("short names: a role of a place is a title, not a person named after the place") {
  const auto x = extracted(
      "Nora Quill has been the Attorney General of Ohio since January.\n\n"
      "\"We will appeal the ruling this week,\" she said.\n");
  CHECK(quote_starting(x, "We will appeal").speaker == "Nora Quill");
  for (const auto& e : x.entities) CHECK(e.name.rfind("of ", 0) != 0);
}

TEST_CASE("short names: a speaker nobody shares a family name with has one namesake, itself") {
  const auto x = extracted(
      "Dana Brightwater bought the old mill last spring.\n\n"
      "\"We wanted the river to be part of the town again,\" Brightwater said.\n");
  CHECK(quote_starting(x, "We wanted").evidence.namesakes == 1);
}

// Names as the article writes them: the place or body written before a person's name is where
// they belong, not part of the name, with or without a possessive's apostrophe.
TEST_CASE("names as written: a place's possessive without its apostrophe is split off") {
  const auto x = extracted(
      "Norway's Arin Tazek flew to Chile on Monday for two days of talks on the dam.\n\n"
      "\"We came to build, not to quarrel,\" Norways Tazek told reporters at the airport.\n");
  const Quote& q = quote_starting(x, "We came");
  CHECK(q.speaker == "Arin Tazek");
}

TEST_CASE(
    "names as written: an acronym or a body's name before a person's name is an affiliation") {
  const auto x = extracted(
      "\"We ask every side to stop the shelling,\" UN envoy spokesman said on Friday.\n\n"
      "\"The council will meet again on Monday,\" UN Lena Hovik said.\n\n"
      "\"Nothing has changed since the vote,\" United Nations Karel Dostal said.\n");
  CHECK(quote_starting(x, "The council").speaker == "Lena Hovik");
  CHECK(quote_starting(x, "Nothing has").speaker == "Karel Dostal");
}

TEST_CASE("names as written: a given name that is also a place still opens a person's name") {
  const auto x = extracted("\"We ran the numbers twice,\" Jordan Vell Maro said on Tuesday.\n");
  CHECK(quote_starting(x, "We ran").speaker == "Jordan Vell Maro");
}
