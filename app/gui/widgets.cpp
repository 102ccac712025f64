#include "widgets.hpp"

#include <GLFW/glfw3.h>

namespace citecard::gui {

namespace {
bool g_view_keys_enabled = true;
}  // namespace

void set_view_keys_enabled(bool enabled) {
  g_view_keys_enabled = enabled;
}

bool key_pressed(int key) {
  return g_view_keys_enabled && ImGui::IsKeyPressed(key, /*repeat=*/false);
}

bool undo_pressed() {
  return key_pressed(GLFW_KEY_U) || (ImGui::GetIO().KeyCtrl && key_pressed(GLFW_KEY_Z));
}

bool labelled_button(const char* id, const std::string& title, const std::string& detail,
                     ImVec2 size, const ImVec4& colour, bool emphasised, const Ui& ui) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  const bool clicked = ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  const bool held = ImGui::IsItemActive();

  ImVec4 fill = ui.palette.panel;
  if (emphasised) {
    fill = held ? lighten(colour, 0.15f) : hovered ? lighten(colour, 0.08f) : colour;
  } else if (held) {
    fill = lighten(colour, 0.72f);
  } else if (hovered) {
    fill = lighten(colour, 0.86f);
  }
  const ImVec4 border = emphasised ? colour : lighten(colour, 0.45f);
  // On a filled button, white on the light theme's deep colours, the page on the dark theme's
  // light ones: either way the label contrasts with the fill.
  const ImVec4 on_fill = ui.palette.dark ? ui.palette.background : ImVec4(1, 1, 1, 1);
  const ImVec4 title_colour = emphasised ? on_fill : colour;
  const ImVec4 detail_colour =
      emphasised ? ImVec4(on_fill.x, on_fill.y, on_fill.z, 0.85f) : ui.palette.muted;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = ImGui::GetStyle().FrameRounding;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
  draw->AddRect(min, max, ImGui::GetColorU32(border), rounding, 0, 1.5f * ui.scale);

  ImFont* title_font = ui.fonts.strong;
  ImFont* detail_font = ui.fonts.small;
  const ImVec2 title_size =
      title_font->CalcTextSizeA(title_font->FontSize, FLT_MAX, 0, title.c_str());
  const ImVec2 detail_size =
      detail.empty()
          ? ImVec2(0, 0)
          : detail_font->CalcTextSizeA(detail_font->FontSize, FLT_MAX, 0, detail.c_str());
  const float gap = detail.empty() ? 0.0f : 3.0f * ui.scale;
  const float top = min.y + (size.y - title_size.y - gap - detail_size.y) * 0.5f;
  draw->AddText(title_font, title_font->FontSize,
                ImVec2(min.x + (size.x - title_size.x) * 0.5f, top),
                ImGui::GetColorU32(title_colour), title.c_str());
  if (!detail.empty()) {
    draw->AddText(detail_font, detail_font->FontSize,
                  ImVec2(min.x + (size.x - detail_size.x) * 0.5f, top + title_size.y + gap),
                  ImGui::GetColorU32(detail_colour), detail.c_str());
  }
  return clicked;
}

void header_bar(const Ui& ui, const std::string& context, const std::string& right) {
  ImGui::PushFont(ui.fonts.strong);
  ImGui::TextColored(ui.palette.accent, "citecard");
  ImGui::PopFont();
  if (!context.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ui.palette.muted, "/");
    ImGui::SameLine();
    ImGui::TextUnformatted(context.c_str());
  }
  if (!right.empty()) {
    const float width = ImGui::CalcTextSize(right.c_str()).x;
    const float right_edge = ImGui::GetWindowContentRegionMax().x;
    const float gap = 2.0f * ImGui::GetStyle().ItemSpacing.x;
    // On the same line when it fits after the title, else on a line of its own.
    const float title_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (title_end + gap + width <= right_edge) ImGui::SameLine(right_edge - width);
    ImGui::TextColored(ui.palette.muted, "%s", right.c_str());
  }
  ImGui::Separator();
  ImGui::Spacing();
}

void error_banner(AppState& state, const Ui& ui) {
  if (state.error().empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, lighten(ui.palette.wrong, 0.85f));
  ImGui::PushStyleColor(ImGuiCol_Border, lighten(ui.palette.wrong, 0.4f));
  const float height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("error", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ui.palette.wrong, "%s", state.error().c_str());
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Dismiss").x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button("Dismiss")) state.clear_error();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  ImGui::Spacing();
}

void centered_text(ImFont* font, const std::string& text, const ImVec4& colour, float avail) {
  ImGui::PushFont(font);
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  if (avail <= 0.0f) avail = ImGui::GetContentRegionAvail().x;
  if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
  ImGui::TextColored(colour, "%s", text.c_str());
  ImGui::PopFont();
}

void section_label(const Ui& ui, const char* label) {
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted, "%s", label);
  ImGui::PopFont();
}

}  // namespace citecard::gui
