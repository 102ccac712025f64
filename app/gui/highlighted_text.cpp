#include "highlighted_text.hpp"

#include "highlighted_text_layout.hpp"

namespace citecard::gui {

float highlighted_paragraph(std::string_view paragraph, std::size_t highlight_begin,
                            std::size_t highlight_end, const HighlightStyle& style) {
  ImFont* font = ImGui::GetFont();
  const float font_size = ImGui::GetFontSize();
  const float wrap_width = ImGui::GetContentRegionAvail().x;
  const MeasureText measure = [&](std::string_view piece) {
    return font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, piece.data(), piece.data() + piece.size())
        .x;
  };
  const TextLayout layout =
      layout_highlighted_text(paragraph, highlight_begin, highlight_end, wrap_width, measure);

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_height = font_size * style.line_spacing;
  const float text_offset = (line_height - font_size) * 0.5f;
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // Bands first, so text drawn afterwards sits on top of them.
  const float pad_x = font_size * 0.18f;
  for (const HighlightBand& band : layout.bands) {
    const float top = origin.y + static_cast<float>(band.line) * line_height;
    draw->AddRectFilled(
        ImVec2(origin.x + band.x_begin - pad_x, top + text_offset * 0.4f),
        ImVec2(origin.x + band.x_end + pad_x, top + line_height - text_offset * 0.4f), style.band,
        font_size * 0.2f);
  }
  for (const PlacedRun& run : layout.runs) {
    const ImVec2 at(origin.x + run.x,
                    origin.y + static_cast<float>(run.line) * line_height + text_offset);
    const char* begin = paragraph.data() + run.begin;
    const char* end = paragraph.data() + run.end;
    draw->AddText(font, font_size, at, run.highlighted ? style.highlighted_text : style.text, begin,
                  end);
  }
  ImGui::Dummy(ImVec2(wrap_width, static_cast<float>(layout.line_count) * line_height));
  if (layout.bands.empty()) return -1.0f;
  return origin.y + static_cast<float>(layout.bands.front().line) * line_height;
}

}  // namespace citecard::gui
