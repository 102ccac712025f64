#include <doctest/doctest.h>

#include "citecard/card.hpp"

TEST_CASE("the context of a citation is its whole paragraph with the cited bytes marked") {
  const std::string text = "Title\nFirst sentence. Second sentence.\nNext paragraph.";
  const auto start = static_cast<std::int64_t>(text.find("Second"));
  const auto context = citecard::citation_context(text, start, start + 16);
  CHECK(context.paragraph == "First sentence. Second sentence.");
  CHECK(context.paragraph.substr(context.highlight_begin,
                                 context.highlight_end - context.highlight_begin) ==
        "Second sentence.");
}

TEST_CASE("a citation at the very start or end of a source has a context") {
  const std::string text = "Only one line";
  const auto at_start = citecard::citation_context(text, 0, 4);
  CHECK(at_start.paragraph == text);
  CHECK(at_start.highlight_begin == 0);
  const auto at_end = citecard::citation_context(text, 9, 13);
  CHECK(at_end.highlight_end == 13);
}

TEST_CASE("out-of-range offsets are clamped rather than read past the text") {
  const auto context = citecard::citation_context("abc", 2, 99);
  CHECK(context.paragraph == "abc");
  CHECK(context.highlight_end == 3);
}

TEST_CASE("a quote cited inside its attribution sentence is shown once, by the sentence") {
  using citecard::Citation;
  const std::vector<Citation> cited = {{"a1", "", "", "", 10, 30, "the quote"},
                                       {"a1", "", "", "", 10, 31, "the quote,"},
                                       {"a1", "", "", "", 0, 60, "the sentence"},
                                       {"a2", "", "", "", 10, 30, "another source's wording"},
                                       {"a2", "", "", "", 10, 30, "the same span again"}};
  const auto shown = citecard::outermost_citations(cited);
  REQUIRE(shown.size() == 2);
  CHECK(shown[0].text == "the sentence");
  CHECK(shown[1].text == "another source's wording");
}

TEST_CASE("a source is named by what it states: outlet and title, title alone, else its id") {
  citecard::Citation c{"a3", "Dam talks end", "Harbour Wire", "2025-03-04T08:00:00Z", 0, 1, "x"};
  CHECK(citecard::source_label(c) == "Harbour Wire \u2014 \u201CDam talks end\u201D, 2025-03-04");
  c.outlet = "not stated";
  CHECK(citecard::source_label(c) == "\u201CDam talks end\u201D, 2025-03-04");
  c.title = "not stated";
  c.date = "not stated";
  CHECK(citecard::source_label(c) == "source a3");
}
