#include "theme.hpp"

namespace citecard::gui {

namespace {
ImVec4 g_page{1.0f, 1.0f, 1.0f, 1.0f};  // what lighten() mixes towards; set by apply_theme
}  // namespace

ImVec4 lighten(const ImVec4& c, float amount) {
  return ImVec4(c.x + (g_page.x - c.x) * amount, c.y + (g_page.y - c.y) * amount,
                c.z + (g_page.z - c.z) * amount, c.w);
}

Palette make_palette(bool dark) {
  Palette p;
  if (!dark) return p;
  p.dark = true;
  p.background = ImVec4(0.11f, 0.12f, 0.13f, 1.0f);
  p.panel = ImVec4(0.16f, 0.17f, 0.18f, 1.0f);
  p.border = ImVec4(0.30f, 0.31f, 0.33f, 1.0f);
  p.text = ImVec4(0.90f, 0.89f, 0.86f, 1.0f);
  p.muted = ImVec4(0.62f, 0.61f, 0.58f, 1.0f);
  p.accent = ImVec4(0.40f, 0.68f, 0.80f, 1.0f);
  p.new_cards = ImVec4(0.45f, 0.65f, 0.92f, 1.0f);
  p.learning = ImVec4(0.92f, 0.55f, 0.40f, 1.0f);
  p.review = ImVec4(0.48f, 0.78f, 0.52f, 1.0f);
  p.right = ImVec4(0.48f, 0.78f, 0.52f, 1.0f);
  p.wrong = ImVec4(0.93f, 0.45f, 0.40f, 1.0f);
  p.again = ImVec4(0.90f, 0.45f, 0.36f, 1.0f);
  p.hard = ImVec4(0.86f, 0.70f, 0.35f, 1.0f);
  p.good = ImVec4(0.48f, 0.78f, 0.52f, 1.0f);
  p.easy = ImVec4(0.45f, 0.65f, 0.92f, 1.0f);
  // The marker band stays yellow, its text dark: the cited span looks the same in both themes.
  return p;
}

void apply_theme(const Palette& p, float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();  // applying again (a theme or size change) starts from the defaults
  g_page = p.dark ? p.panel : ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  if (p.dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
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
  // Sliders, radio buttons and checks in the app's accent, not ImGui's own blue.
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = lighten(p.accent, 0.2f);
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_FrameBgHovered] = lighten(p.accent, 0.9f);
  c[ImGuiCol_FrameBgActive] = lighten(p.accent, 0.8f);
}

}  // namespace citecard::gui
