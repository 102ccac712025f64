// Saved news pages: gumbo parses them; the article body becomes the text citations refer to.
#include <doctest/doctest.h>

#include <string>

#include "citecard/extract.hpp"

TEST_CASE(
    "a saved page keeps the article body and drops scripts, styles, navigation, asides, footers") {
  auto article =
      citecard::read_article(std::string(CITECARD_TEST_DATA_DIR) + "/extract/saved_page.html");
  REQUIRE(article.ok());
  CHECK(article->from_html);
  CHECK(article->title == "Harbour ferry fares to rise in May | The Coastal Gazette");
  const std::string& t = article->text;
  CHECK(t.rfind("Harbour ferry fares to rise in May\n\n", 0) == 0);  // the headline first
  CHECK(t.find("Commuters push back") != std::string::npos);         // headings kept
  CHECK(t.find("Monthly pass: $96") != std::string::npos);           // list items kept
  CHECK(t.find("analytics") == std::string::npos);
  CHECK(t.find("font-family") == std::string::npos);
  CHECK(t.find("Home") == std::string::npos);
  CHECK(t.find("Read more") == std::string::npos);
  CHECK(t.find("All rights reserved") == std::string::npos);
  CHECK(t.find("Injected") == std::string::npos);
  CHECK(t.find("A ferry leaves") == std::string::npos);
  // Paragraphs are separated by blank lines and entities decoded.
  CHECK(t.find("\n\n“We have held the line for eight years, but fuel has doubled,” said board "
               "chair Gloria Reyes.") != std::string::npos);
}

TEST_CASE("quotes found in a saved page carry offsets into its plain text") {
  auto article =
      citecard::read_article(std::string(CITECARD_TEST_DATA_DIR) + "/extract/saved_page.html");
  REQUIRE(article.ok());
  auto x = citecard::extract(article->text);
  REQUIRE(x.ok());
  REQUIRE(x->quotes.size() == 3);
  CHECK(x->quotes[0].speaker.value_or("") == "Gloria Reyes");
  CHECK(x->quotes[1].speaker.value_or("") == "Gloria Reyes");
  CHECK(x->quotes[2].text == "a tax on people who cannot afford a car.");
  CHECK(x->quotes[2].speaker.value_or("") == "Dev Patel");
  for (const auto& q : x->quotes) CHECK(article->text.substr(q.start, q.end - q.start) == q.text);
}

TEST_CASE("a page that is not UTF-8 is refused with the offset") {
  auto page = citecard::article_from_html("<p>ok</p>\x80");
  REQUIRE(!page.ok());
  CHECK(page.error().message.find("byte offset 9") != std::string::npos);
}
