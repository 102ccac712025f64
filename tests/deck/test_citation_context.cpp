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
