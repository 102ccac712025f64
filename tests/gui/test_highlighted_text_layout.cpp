// The word-wrapping layout behind the citation panel's inline highlight, measured with a
// monospace stand-in (every byte 10 px wide) so positions can be checked exactly.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "highlighted_text_layout.hpp"

using citecard::gui::layout_highlighted_text;
using citecard::gui::PlacedRun;
using citecard::gui::TextLayout;

namespace {

float ten_per_byte(std::string_view text) {
  return 10.0f * static_cast<float>(text.size());
}

std::string run_text(std::string_view paragraph, const PlacedRun& run) {
  return std::string(paragraph.substr(run.begin, run.end - run.begin));
}

// The text of one line as laid out: runs joined with one space where there is a gap.
std::string line_text(std::string_view paragraph, const TextLayout& layout, int line) {
  std::string text;
  float pen = 0.0f;
  for (const PlacedRun& run : layout.runs) {
    if (run.line != line) continue;
    if (!text.empty() && run.x > pen + 0.5f) text += ' ';
    text += run_text(paragraph, run);
    pen = run.x + run.width;
  }
  return text;
}

}  // namespace

TEST_CASE("words wrap at spaces and no line is wider than the wrap width") {
  const std::string paragraph = "Kim pledged his support for the fight";
  const TextLayout layout = layout_highlighted_text(paragraph, 0, 0, 160.0f, ten_per_byte);
  REQUIRE(layout.line_count == 3);
  CHECK(line_text(paragraph, layout, 0) == "Kim pledged his");
  CHECK(line_text(paragraph, layout, 1) == "support for the");
  CHECK(line_text(paragraph, layout, 2) == "fight");
  for (const PlacedRun& run : layout.runs) CHECK(run.x + run.width <= 160.0f);
  CHECK(layout.bands.empty());
}

TEST_CASE("the highlighted span is split out of its words exactly at its byte offsets") {
  const std::string paragraph = "he said \xE2\x80\x9Cunconditional support\xE2\x80\x9D today";
  const std::size_t begin = paragraph.find("uncond");
  const std::size_t end = paragraph.find("support") + 7;
  const TextLayout layout = layout_highlighted_text(paragraph, begin, end, 1000.0f, ten_per_byte);

  std::string highlighted;
  std::string plain;
  for (const PlacedRun& run : layout.runs) {
    (run.highlighted ? highlighted : plain) += run_text(paragraph, run) + "|";
  }
  CHECK(highlighted == "unconditional|support|");
  CHECK(plain == "he|said|\xE2\x80\x9C|\xE2\x80\x9D|today|");
  // The opening quote and the highlight touch: no gap inside the word.
  const auto quote = std::find_if(layout.runs.begin(), layout.runs.end(), [&](const PlacedRun& r) {
    return run_text(paragraph, r) == "\xE2\x80\x9C";
  });
  REQUIRE(quote != layout.runs.end());
  CHECK((quote + 1)->highlighted);
  CHECK((quote + 1)->x == doctest::Approx(quote->x + quote->width));
}

TEST_CASE("highlighted words on one line share one band that covers the spaces between them") {
  const std::string paragraph = "aa bb cc dd";
  const TextLayout layout = layout_highlighted_text(paragraph, 3, 8, 1000.0f, ten_per_byte);
  REQUIRE(layout.bands.size() == 1);
  CHECK(layout.bands[0].line == 0);
  CHECK(layout.bands[0].x_begin == doctest::Approx(30.0f));  // "bb" starts after "aa "
  CHECK(layout.bands[0].x_end == doctest::Approx(80.0f));    // "cc" ends at 8 bytes
}

TEST_CASE("a highlight that wraps gets one band per line") {
  const std::string paragraph = "aaaa bbbb cccc dddd";
  const TextLayout layout = layout_highlighted_text(paragraph, 5, 14, 100.0f, ten_per_byte);
  REQUIRE(layout.line_count == 2);
  REQUIRE(layout.bands.size() == 2);
  CHECK(layout.bands[0].line == 0);
  CHECK(layout.bands[1].line == 1);
  CHECK(layout.bands[1].x_begin == doctest::Approx(0.0f));
  CHECK(layout.bands[1].x_end == doctest::Approx(40.0f));
}

TEST_CASE("a no-break space keeps its words on one line") {
  const std::string paragraph = "on 13\xC2\xA0September";  // "13 September" joined by U+00A0
  // "13 September" is 130 px: it fits a 140 px line, but not after "on ".
  const TextLayout layout = layout_highlighted_text(paragraph, 0, 0, 140.0f, ten_per_byte);
  REQUIRE(layout.line_count == 2);
  CHECK(line_text(paragraph, layout, 0) == "on");
  CHECK(line_text(paragraph, layout, 1) == "13\xC2\xA0September");
}

TEST_CASE("a word wider than a line breaks between characters, never inside one") {
  const std::string paragraph = "\xD0\xA1osmodrome";  // Cyrillic С (2 bytes) + "osmodrome"
  const TextLayout layout = layout_highlighted_text(paragraph, 0, 0, 45.0f, ten_per_byte);
  CHECK(layout.line_count > 1);
  std::string joined;
  for (const PlacedRun& run : layout.runs) {
    CHECK(run.x + run.width <= 45.0f);
    joined += run_text(paragraph, run);
  }
  CHECK(joined == paragraph);
  CHECK(run_text(paragraph, layout.runs.front()).rfind("\xD0\xA1", 0) == 0);
}

TEST_CASE("offsets past the end are clamped and an empty paragraph lays out to nothing") {
  const std::string paragraph = "short";
  const TextLayout clamped = layout_highlighted_text(paragraph, 2, 999, 1000.0f, ten_per_byte);
  REQUIRE(clamped.runs.size() == 2);
  CHECK(run_text(paragraph, clamped.runs[1]) == "ort");
  CHECK(clamped.runs[1].highlighted);

  const TextLayout empty = layout_highlighted_text("", 0, 0, 100.0f, ten_per_byte);
  CHECK(empty.line_count == 0);
  CHECK(empty.runs.empty());
}
