#include "done_view.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "../widgets.hpp"

namespace citecard::gui {
namespace {

void tally_line(const Ui& ui, const SessionTally& tally, float width) {
  const char* names[] = {"Again", "Hard", "Good", "Easy"};
  const ImVec4 colours[] = {ui.palette.again, ui.palette.hard, ui.palette.good, ui.palette.easy};
  // Measure first so the row can be centred.
  ImGui::PushFont(ui.fonts.body);
  float total = 0.0f;
  std::string parts[4];
  for (int i = 0; i < 4; ++i) {
    parts[i] =
        std::string(names[i]) + " " + std::to_string(tally.by_rating[static_cast<std::size_t>(i)]);
    total += ImGui::CalcTextSize(parts[i].c_str()).x;
  }
  const float gap = 28.0f * ui.scale;
  total += gap * 3;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - total) * 0.5f));
  for (int i = 0; i < 4; ++i) {
    if (i > 0) ImGui::SameLine(0.0f, gap);
    ImGui::TextColored(colours[i], "%s", parts[i].c_str());
  }
  ImGui::PopFont();
}

// "45 s", "3 min 12 s", "1 h 05 min": how long this session's answers took.
std::string format_study_time(std::int64_t ms) {
  const std::int64_t seconds = (ms + 500) / 1000;
  char text[48];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%lld s", static_cast<long long>(seconds));
  } else if (seconds < 3600) {
    std::snprintf(text, sizeof text, "%lld min %02lld s", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
  } else {
    std::snprintf(text, sizeof text, "%lld h %02lld min", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60));
  }
  return text;
}

std::string session_line(const SessionTally& tally) {
  if (tally.total() == 0) return "No cards were answered in this session.";
  const std::size_t cards = tally.cards.size();
  std::string line = "You studied " + std::to_string(cards) + (cards == 1 ? " card" : " cards");
  if (static_cast<std::size_t>(tally.total()) != cards) {
    line += " (" + std::to_string(tally.total()) + " answers)";
  }
  return line + " in " + format_study_time(tally.answer_ms) + ":";
}

}  // namespace

void draw_done_view(AppState& state, const Ui& ui) {
  if (undo_pressed() && state.can_undo()) {
    state.undo();
    return;
  }
  if (key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER) ||
      key_pressed(GLFW_KEY_SPACE) || key_pressed(GLFW_KEY_ESCAPE)) {
    state.back_to_decks();
    return;
  }
  const DeckSummary* deck = state.current_deck();
  header_bar(ui, deck ? deck->title : std::string(), "");
  error_banner(state, ui);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float width = std::min(avail.x, 640.0f * ui.scale);
  const CollectionStats& stats = state.stats();
  const float height = ((stats.learning > 0 ? 360.0f : 330.0f) + (state.can_undo() ? 26.0f : 0.0f) +
                        (state.session().suspended + state.session().buried > 0 ? 26.0f : 0.0f)) *
                       ui.scale;
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - width) * 0.5f,
                             ImGui::GetCursorPosY() + std::max(0.0f, (avail.y - height) * 0.35f)));
  ImGui::BeginChild("done", ImVec2(width, height), true,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
  const float inner = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(0, 10.0f * ui.scale));
  centered_text(ui.fonts.prompt, "\xE2\x9C\x93", ui.palette.right);
  centered_text(ui.fonts.prompt, "Congratulations, nothing more due today", ui.palette.text);
  ImGui::Spacing();

  const SessionTally& tally = state.session();
  centered_text(ui.fonts.body, session_line(tally), ui.palette.muted, inner);
  if (tally.total() > 0) tally_line(ui, tally, inner);
  if (tally.suspended > 0 || tally.buried > 0) {
    centered_text(ui.fonts.small,
                  "Put aside: " + std::to_string(tally.suspended) + " suspended  \xC2\xB7  " +
                      std::to_string(tally.buried) + " buried until tomorrow",
                  ui.palette.muted, inner);
  }

  std::string later = std::to_string(stats.reviews_today) + " reviews today  \xC2\xB7  " +
                      std::to_string(stats.learning) + " in learning  \xC2\xB7  " +
                      std::to_string(stats.review) + " in review";
  centered_text(ui.fonts.small, later, ui.palette.muted, inner);
  if (stats.learning > 0) {
    centered_text(ui.fonts.small, "Cards still in learning come back later today.",
                  ui.palette.muted, inner);
  }

  ImGui::Dummy(ImVec2(0, 12.0f * ui.scale));
  const float button_width = 260.0f * ui.scale;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - button_width) * 0.5f);
  if (labelled_button("back", "Back to decks", "Enter", ImVec2(button_width, 54.0f * ui.scale),
                      ui.palette.accent, true, ui)) {
    state.back_to_decks();
  }
  if (state.can_undo())
    centered_text(ui.fonts.small, "U or Ctrl+Z: take back the last answer", ui.palette.muted,
                  inner);
  ImGui::EndChild();
}

}  // namespace citecard::gui
