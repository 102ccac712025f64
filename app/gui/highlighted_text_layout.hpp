// citecard-gui — word wrapping for a paragraph with one highlighted span.
//
// Dear ImGui 1.86 wraps text only as a whole (TextWrapped), so a cited sentence cannot be coloured
// inside its paragraph. This lays the paragraph out word by word instead: it decides where each
// piece of text goes and which parts are highlighted, and leaves drawing to highlighted_text.cpp.
// It knows nothing of ImGui, so it is tested without a window.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace citecard::gui {

// A piece of the paragraph placed on a line: paragraph.substr(begin, end - begin) drawn at x.
struct PlacedRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  int line = 0;
  float x = 0.0f;
  float width = 0.0f;
  bool highlighted = false;
};

// A stretch of one line to paint behind highlighted text, spaces between highlighted words
// included so the highlight reads as one block.
struct HighlightBand {
  int line = 0;
  float x_begin = 0.0f;
  float x_end = 0.0f;
};

struct TextLayout {
  std::vector<PlacedRun> runs;
  std::vector<HighlightBand> bands;
  int line_count = 0;
};

// Returns the width of a piece of UTF-8 text in the font being laid out.
using MeasureText = std::function<float(std::string_view)>;

// Lays `paragraph` out in lines at most `wrap_width` wide, breaking at spaces (a no-break space
// does not break). Runs split where the highlight [highlight_begin, highlight_end) starts and
// ends, even inside a word. A word wider than a line is broken between characters.
TextLayout layout_highlighted_text(std::string_view paragraph, std::size_t highlight_begin,
                                   std::size_t highlight_end, float wrap_width,
                                   const MeasureText& measure);

}  // namespace citecard::gui
