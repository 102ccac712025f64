// citecard-gui — draws a paragraph with its cited sentence highlighted in place.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <string_view>

namespace citecard::gui {

struct HighlightStyle {
  ImU32 text = 0;
  ImU32 highlighted_text = 0;
  ImU32 band = 0;              // painted behind the highlighted words
  float line_spacing = 1.35f;  // times the font size: paragraphs of news read easier spaced out
};

// Draws `paragraph` wrapped to the content region's width at the cursor, with the bytes
// [highlight_begin, highlight_end) highlighted, and advances the cursor past it. Returns the
// screen y of the highlight's top, or a negative value when nothing is highlighted.
float highlighted_paragraph(std::string_view paragraph, std::size_t highlight_begin,
                            std::size_t highlight_end, const HighlightStyle& style);

}  // namespace citecard::gui
