#include "theme.hpp"

namespace citecard::gui {

ImVec4 lighten(const ImVec4& c, float amount) {
  return ImVec4(c.x + (1.0f - c.x) * amount, c.y + (1.0f - c.y) * amount,
                c.z + (1.0f - c.z) * amount, c.w);
}

void apply_theme(const Palette& p, float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(32, 24);
  style.FramePadding = ImVec2(14, 8);
  style.ItemSpacing = ImVec2(12, 10);
  style.CellPadding = ImVec2(12, 10);
  style.FrameRounding = 6;
  style.ChildRounding = 8;
  style.WindowRounding = 0;
  style.ScrollbarSize = 12;
  style.ScrollbarRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;
  style.ScaleAllSizes(scale);

  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = p.panel;
  c[ImGuiCol_PopupBg] = p.panel;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.muted;
  c[ImGuiCol_Button] = p.panel;
  c[ImGuiCol_ButtonHovered] = lighten(p.accent, 0.85f);
  c[ImGuiCol_ButtonActive] = lighten(p.accent, 0.70f);
  c[ImGuiCol_FrameBg] = p.panel;
  c[ImGuiCol_Header] = lighten(p.accent, 0.85f);
  c[ImGuiCol_HeaderHovered] = lighten(p.accent, 0.80f);
  c[ImGuiCol_HeaderActive] = lighten(p.accent, 0.70f);
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_TableHeaderBg] = lighten(p.border, 0.5f);
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = lighten(p.border, 0.4f);
  c[ImGuiCol_TableRowBg] = p.panel;
  c[ImGuiCol_TableRowBgAlt] = lighten(p.background, 0.5f);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_NavHighlight] = p.accent;
}

}  // namespace citecard::gui
