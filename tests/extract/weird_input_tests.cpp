// Inputs nobody planned for: empty, no quotes, unbalanced marks, huge paragraphs, bad bytes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "citecard/extract.hpp"
#include "extract/utf8.hpp"

TEST_CASE("an empty text gives an empty, valid extraction") {
  auto x = citecard::extract("");
  REQUIRE(x.ok());
  CHECK(x->quotes.empty());
  CHECK(x->facts.empty());
  CHECK(x->paragraphs.empty());
}

TEST_CASE("a text without quotes gives no quotes but still facts") {
  auto x = citecard::extract("The council met on Monday and approved 12 new bus routes.\n");
  REQUIRE(x.ok());
  CHECK(x->quotes.empty());
  CHECK(x->facts.size() == 1);
}

TEST_CASE("unbalanced quotation marks do not swallow the article or invent quotes") {
  const std::string text =
      "He said “this never closes. The rest of the paragraph goes on.\n\n"
      "Stray closing” mark here. And a lone \" straight one.\n\n"
      "“A real quote,” said Mona Ali.\n";
  auto x = citecard::extract(text);
  REQUIRE(x.ok());
  REQUIRE(x->quotes.size() == 1);
  CHECK(x->quotes[0].text == "A real quote,");
}

TEST_CASE("a 10 MB single paragraph is processed with exact offsets") {
  std::string text;
  const std::string unit =
      "Officials said the bridge was “safe for now,” according to engineer Ravi Shah, "
      "and 40 trucks crossed it on Monday ";
  while (text.size() < 10 * 1024 * 1024) text += unit;
  auto x = citecard::extract(text);
  REQUIRE(x.ok());
  CHECK(x->paragraphs.size() == 1);
  REQUIRE(!x->quotes.empty());
  for (std::size_t i = 0; i < x->quotes.size(); i += 997) {
    const auto& q = x->quotes[i];
    CHECK(text.compare(q.start, q.end - q.start, q.text) == 0);
  }
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset") {
  const std::string text =
      std::string("Fine text \xE2\x80\x9Cok\xE2\x80\x9D then ") + "\xC3\x28" + " more";
  auto x = citecard::extract(text);
  REQUIRE(!x.ok());
  CHECK(x.error().message.find("byte offset 24") != std::string::npos);

  CHECK(!citecard::validate_utf8("\xED\xA0\x80").ok());  // a surrogate
  CHECK(!citecard::validate_utf8("\xC0\xAF").ok());      // overlong
  CHECK(!citecard::validate_utf8("abc\xE2\x80").ok());   // cut off
  CHECK(citecard::validate_utf8("plain ASCII and “curly”").ok());
}

TEST_CASE("read_article names the file and offset of bad bytes") {
  const auto path = std::filesystem::temp_directory_path() / "citecard_bad_utf8.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Good start\n\xFF bad";
  }
  auto a = citecard::read_article(path);
  REQUIRE(!a.ok());
  CHECK(a.error().message.find("citecard_bad_utf8.txt") != std::string::npos);
  CHECK(a.error().message.find("byte offset 11") != std::string::npos);
  std::filesystem::remove(path);
  CHECK(!citecard::read_article("/nonexistent/article.txt").ok());
}

TEST_CASE("stray page lines (WATCH, durations, Advertisement) break nothing") {
  const std::string text =
      "WATCH | Scenes from the flood:\n\nDuration 2:14\n\nAdvertisement\n\n"
      "“We lost everything,” said farmer Joe Kim.\n\n1 day ago\n";
  auto x = citecard::extract(text);
  REQUIRE(x.ok());
  REQUIRE(x->quotes.size() == 1);
  CHECK(x->quotes[0].speaker.value_or("") == "Joe Kim");
}

TEST_CASE("a name garbled by a Latin-1 decoding is no entity, so no card can offer it") {
  // "Fran\u00e7ois" written as UTF-8 and read as Latin-1: "Fran\u00c3\u00a7ois".
  const std::string text =
      "Marta Quell chaired the harbour board meeting on Tuesday.\n\n"
      "\"The cranes will stay,\" said Fran\u00c3\u00a7ois Dumelle, the board's treasurer.\n\n"
      "\"We cannot afford new ones,\" Quell said.\n";
  auto x = citecard::extract(text);
  REQUIRE(x.ok());
  bool quell = false;
  for (const auto& e : x->entities) {
    CHECK(e.name.find("\u00c3") == std::string::npos);
    quell |= e.name == "Marta Quell";
  }
  CHECK(quell);
  for (const auto& q : x->quotes)
    if (q.speaker) CHECK(q.speaker->find("\u00c3") == std::string::npos);
}

TEST_CASE("mojibake signatures: a lead byte read as Latin-1, a cut one, a replacement char") {
  using citecard::extract_detail::has_mojibake;
  CHECK(has_mojibake("Fran\u00c3\u00a7ois"));
  CHECK(has_mojibake("Fran\u00c3"));
  CHECK(has_mojibake("Jos\u00c2\u00a0Ruiz"));
  CHECK(has_mojibake("Ren\uFFFDe"));
  CHECK(has_mojibake("Mar\u00c3a"));
  // The same after a normaliser decomposed the lead character, and a C1 control left in a name.
  CHECK(has_mojibake("FranA\u0303\u00a7ois"));
  CHECK(has_mojibake("FranA\u0303"));
  CHECK(has_mojibake("Ren\u0083e"));
  CHECK_FALSE(has_mojibake("NA\u0303O Ana"));
  CHECK_FALSE(has_mojibake("\u00c9lodie \u00c5sa"));
  CHECK_FALSE(has_mojibake("Fran\u00e7ois"));
  CHECK_FALSE(has_mojibake("S\u00c3O PAULO"));
  CHECK_FALSE(has_mojibake("Ana Lima"));
}

TEST_CASE("an all-caps heading run into the next sentence is not part of its fact") {
  const std::string text =
      "The council met on Tuesday to plan the year's transport budget.\n\n"
      "WHAT COMES NEXT The council will vote on 12 new bus routes in March, the mayor said.\n\n"
      "NATO ministers met in Brussels on Friday and agreed 14 new training missions.\n";
  auto x = citecard::extract(text);
  REQUIRE(x.ok());
  bool vote = false, nato = false;
  for (const auto& f : x->facts) {
    CHECK(f.text.find("WHAT COMES") == std::string::npos);
    vote |= f.text.rfind("The council will vote", 0) == 0;
    nato |= f.text.rfind("NATO ministers", 0) == 0;
  }
  CHECK(vote);
  CHECK(nato);  // one all-caps word opens a sentence: no heading
}
