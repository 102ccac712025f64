// The extractor's behaviour, one rule at a time, on small news-style texts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "citecard/extract.hpp"

using citecard::Extraction;
using citecard::Quote;

namespace {

Extraction run(const std::string& text, const std::string& date = "") {
  citecard::ExtractOptions options;
  options.article_date = date;
  auto result = citecard::extract(text, options);
  REQUIRE(result.ok());
  for (const auto& q : result->quotes) {
    REQUIRE(text.substr(q.start, q.end - q.start) == q.text);  // offsets are exact
  }
  for (const auto& f : result->facts) {
    REQUIRE(text.substr(f.start, f.end - f.start) == f.text);
    for (const auto& a : f.answers) REQUIRE(text.substr(a.start, a.end - a.start) == a.text);
  }
  return std::move(result).value();
}

const Quote* find_quote(const Extraction& x, const std::string& text) {
  for (const auto& q : x.quotes) {
    if (q.text == text) return &q;
  }
  return nullptr;
}

std::string speaker_of(const Extraction& x, const std::string& text) {
  const Quote* q = find_quote(x, text);
  if (!q) return "(no quote)";
  return q->speaker ? *q->speaker : "(none)";
}

}  // namespace

TEST_CASE("quote text is exactly the characters between the marks, with byte offsets") {
  const std::string text = "Résumé first. “Hello there,” said Anna Berg.\n";
  const auto x = run(text);
  REQUIRE(x.quotes.size() == 1);
  CHECK(x.quotes[0].text == "Hello there,");
  CHECK(x.quotes[0].start == static_cast<std::int64_t>(text.find("Hello")));
  CHECK(x.quotes[0].speaker.value_or("") == "Anna Berg");
}

TEST_CASE("apostrophes are not quotation marks: Russia’s, don’t, ’60s, players' union") {
  const auto x =
      run("Russia’s leader said he didn’t know. In the ’60s the players' union grew.\n"
          "'We won't stop,' said union head Carla Diaz.\n");
  REQUIRE(x.quotes.size() == 1);
  CHECK(x.quotes[0].text == "We won't stop,");
  CHECK(x.quotes[0].speaker.value_or("") == "Carla Diaz");
}

TEST_CASE("a speaker before the quote, after it, or inverted after it") {
  const auto x =
      run("Mayor Lena Park said: “The budget is balanced.”\n\n"
          "“Taxes will not rise,” Park told reporters.\n\n"
          "“We will review it,” said council member Omar Haddad.\n");
  CHECK(speaker_of(x, "The budget is balanced.") == "Lena Park");
  CHECK(speaker_of(x, "Taxes will not rise,") == "Lena Park");
  CHECK(speaker_of(x, "We will review it,") == "Omar Haddad");
}

TEST_CASE("an interrupted quote is two records with one speaker") {
  const auto x = run("“The river is high,” she said, “and still rising.”\n", "");
  // No named person to resolve "she" to: both halves stay together, unattributed or not at all.
  const auto y =
      run("Engineer Maria Lopez inspected the levee. “The river is high,” she said, “and still "
          "rising.”\n");
  CHECK(speaker_of(y, "The river is high,") == "Maria Lopez");
  CHECK(speaker_of(y, "and still rising.") == "Maria Lopez");
  CHECK(x.quotes.size() <= 2);
}

TEST_CASE("a quote over several paragraphs is one record per paragraph, same speaker") {
  const auto x =
      run("Dr. Helen Cho, a physician at the city hospital, described the night:\n\n"
          "“We had forty patients in the hall. Nobody slept.\n\n"
          "“By morning we had run out of beds.”\n");
  REQUIRE(x.quotes.size() == 2);
  CHECK(x.quotes[0].speaker.value_or("") == "Helen Cho");
  CHECK(x.quotes[1].speaker.value_or("") == "Helen Cho");
  CHECK(x.quotes[0].text == "We had forty patients in the hall. Nobody slept.");
}

TEST_CASE("pronouns go to the most recent person of matching gender") {
  const auto x =
      run("Nina Petrova met Governor Mark Hale on Monday. Hale left early.\n\n"
          "“It was a productive meeting,” she said.\n\n"
          "“We disagree on the timeline,” he said.\n");
  CHECK(speaker_of(x, "It was a productive meeting,") == "Nina Petrova");
  CHECK(speaker_of(x, "We disagree on the timeline,") == "Mark Hale");
}

TEST_CASE("two authors: the first is the speaker, the second a co-speaker; 'they' refers back") {
  const auto x =
      run("“Prices will fall,” economists Ana Ruiz and Tom Beck wrote in a report.\n\n"
          "“The decline has already begun,” they noted.\n");
  const Quote* first = find_quote(x, "Prices will fall,");
  REQUIRE(first);
  CHECK(first->speaker.value_or("") == "Ana Ruiz");
  REQUIRE(first->co_speakers.size() == 1);
  CHECK(first->co_speakers[0] == "Tom Beck");
  CHECK(speaker_of(x, "The decline has already begun,") == "Ana Ruiz");
}

TEST_CASE("organisations and groups speak: the ministry said, U.S. officials warned") {
  const auto x =
      run("The Health Ministry said the outbreak was “under control.”\n\n"
          "U.S. officials warned that the country would “pay a price” for the launch.\n");
  CHECK(speaker_of(x, "under control.") == "Health Ministry");
  CHECK(speaker_of(x, "pay a price") == "U.S. officials");
}

TEST_CASE("according to X attributes the sentence's quote") {
  const auto x = run("The plan is “dead on arrival,” according to Senator Joan Whitley.\n");
  CHECK(speaker_of(x, "dead on arrival,") == "Joan Whitley");
}

TEST_CASE("scare quotes, dubbings and titles are not quotes") {
  const auto x =
      run("The so-called “road diet” narrows streets. The city, often dubbed the “jewel of the "
          "coast,” grew fast. Fans nicknamed him “The Rocket” after the race. Supporters wore "
          "“Save Our Pier” buttons. The “smart” meters failed.\n");
  CHECK(x.quotes.empty());
}

TEST_CASE("the speaker reported is the most complete name the article gives") {
  const auto x =
      run("North Korean leader Kim Jong Un arrived on Tuesday.\n\n"
          "Kim said the talks were “sincere.”\n");
  CHECK(speaker_of(x, "sincere.") == "Kim Jong Un");
  bool found = false;
  for (const auto& e : x.entities) {
    if (e.name == "Kim Jong Un") {
      found = true;
      CHECK(std::find(e.aliases.begin(), e.aliases.end(), "Kim") != e.aliases.end());
      CHECK(e.kind == citecard::EntityKind::person);
    }
  }
  CHECK(found);
}

TEST_CASE("appositives give the speaker's role and affiliation") {
  const auto x = run(
      "“This will last,” said Nina Khrushcheva, a professor of international affairs at The New "
      "School.\n");
  const Quote* q = find_quote(x, "This will last,");
  REQUIRE(q);
  CHECK(q->speaker.value_or("") == "Nina Khrushcheva");
  CHECK(q->speaker_role.find("professor") != std::string::npos);
  CHECK(q->speaker_affiliation == "The New School");
}

TEST_CASE("a heading's role noun refers to the person introduced below it") {
  const auto x = run(
      "Deal ‘very fragile,’ analyst says\n\n"
      "Sam Ortiz, a senior analyst at the Brookings Institution, said the deal could collapse.\n");
  CHECK(speaker_of(x, "very fragile,") == "Sam Ortiz");
}

TEST_CASE("a quoted paragraph with no attribution continues the last speaker") {
  const auto x =
      run("Coach Ellen Ward said the team had improved. “We defend better now,” Ward said.\n\n"
          "“Next season we want the title.”\n");
  CHECK(speaker_of(x, "Next season we want the title.") == "Ellen Ward");
}

TEST_CASE("name keys unify spellings and look-alike letters") {
  CHECK(citecard::name_key("Kim Jong-un") == citecard::name_key("Kim Jong Un"));
  CHECK(citecard::name_key("Vostochny \xD0\xA1osmodrome") ==
        citecard::name_key("Vostochny Cosmodrome"));
  CHECK(citecard::name_key("U.S.") == citecard::name_key("US"));
  CHECK(citecard::name_key("Putin’s") == "putin");
}

TEST_CASE("sentences survive abbreviations, initials, decimals and closing quotes") {
  const auto x =
      run("The U.S. Navy sent 2.5 ships to the U.N. meeting on Sept. 5, Gen. J. R. Miles said. "
          "Dr. Ann Fox counted 40 sailors.\n");
  REQUIRE(x.facts.size() == 2);
  CHECK(x.facts[0].text.rfind("The U.S. Navy", 0) == 0);
  CHECK(x.facts[1].text == "Dr. Ann Fox counted 40 sailors.");
}

TEST_CASE("facts carry dates resolved against the article date, numbers with units, people") {
  const auto x = run(
      "Kim traveled by train for 60 hours to meet Putin on Wednesday, about 200 kilometers from "
      "the border.\n\nThe UN has passed about a dozen resolutions since 2006.\n",
      "2023-09-13");
  REQUIRE(x.facts.size() == 2);
  auto has = [](const citecard::Fact& f, const std::string& kind, const std::string& text,
                const std::string& value) {
    for (const auto& a : f.answers) {
      if (a.kind == kind && a.text == text && (value.empty() || a.value == value)) return true;
    }
    return false;
  };
  CHECK(has(x.facts[0], "number", "60 hours", ""));
  CHECK(has(x.facts[0], "number", "about 200 kilometers", ""));
  CHECK(has(x.facts[0], "date", "Wednesday", "2023-09-13"));
  CHECK(has(x.facts[1], "number", "about a dozen resolutions", ""));
  CHECK(has(x.facts[1], "date", "2006", "2006"));
}

TEST_CASE("absolute dates normalise to ISO") {
  const auto x =
      run("The summit took place on Sept. 13, 2023, at the Vostochny Cosmodrome in Russia.\n");
  REQUIRE(x.facts.size() == 1);
  bool found = false;
  for (const auto& a : x.facts[0].answers) found |= a.kind == "date" && a.value == "2023-09-13";
  CHECK(found);
}

TEST_CASE("a quote attributed to a pronoun nobody can be is kept, without a speaker") {
  const auto x = run("“I'm happy,” he said.\n");
  REQUIRE(x.quotes.size() == 1);
  CHECK(!x.quotes[0].speaker.has_value());
}
