#include "settings_view.hpp"

#include <GLFW/glfw3.h>

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "../widgets.hpp"
#include "retention_curves.hpp"

namespace citecard::gui {
namespace {

void draw_weights(const FsrsWeights& w, const Ui& ui) {
  std::string text;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char item[32];
    std::snprintf(item, sizeof item, "%s%.4f", i == 0 ? "" : ", ", w[i]);
    text += item;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ui.palette.muted, "%s", text.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace

void draw_settings_view(AppState& state, const Ui& ui) {
  FitJob& fit = state.fit();
  fit.poll();
  WorkloadJob& workload = state.workload();
  workload.poll();
  const ImGuiIO& io = ImGui::GetIO();
  if (key_pressed(GLFW_KEY_ESCAPE)) {
    state.back_to_decks();
    return;
  }
  if (io.KeyCtrl && key_pressed(GLFW_KEY_S)) state.save_settings();
  // The look changes at once (no Save): the frame loop applies it before the next frame.
  Appearance look = state.appearance();
  if (!io.WantTextInput && !io.KeyCtrl && key_pressed(GLFW_KEY_L)) look.dark = !look.dark;
  if (io.KeyCtrl && (key_pressed(GLFW_KEY_EQUAL) || key_pressed(GLFW_KEY_KP_ADD)))
    look.font_size = std::min(Appearance::kLargestFont, look.font_size + 1.0f);
  if (io.KeyCtrl && (key_pressed(GLFW_KEY_MINUS) || key_pressed(GLFW_KEY_KP_SUBTRACT)))
    look.font_size = std::max(Appearance::kSmallestFont, look.font_size - 1.0f);
  if (!io.WantTextInput && !io.KeyCtrl && key_pressed(GLFW_KEY_F) && !fit.busy()) {
    state.start_fit();
  }
  header_bar(ui, "Settings", "the whole collection");
  error_banner(state, ui);

  StudyOptions& draft = state.settings_draft();
  const float width = 260.0f * ui.scale;
  // Two columns: the settings on the left, and on the right what the desired retention among
  // them costs, so a learner moving the slider sees the curves beside it.
  const bool columns = ImGui::BeginTable("settings columns", 2);
  if (columns) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
  }
  section_label(ui, "STUDY");
  float retention = static_cast<float>(draft.fsrs.desired_retention);
  ImGui::SetNextItemWidth(width);
  if (ImGui::SliderFloat("Desired retention", &retention, 0.70f, 0.99f, "%.2f")) {
    draft.fsrs.desired_retention = static_cast<double>(retention);
  }
  ImGui::SetNextItemWidth(width);
  ImGui::InputInt("New cards per day (per deck)", &draft.new_cards_per_day);
  ImGui::SetNextItemWidth(width);
  ImGui::InputInt("Reviews per day (per deck)", &draft.reviews_per_day);
  ImGui::SetNextItemWidth(width);
  ImGui::SliderInt("A study day starts at (hour)", &draft.rollover_hour, 0, 23, "%02d:00");
  ImGui::SetNextItemWidth(width);
  ImGui::InputInt("Suspend a leech after lapses (0: never)", &draft.leech_lapses);
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("Learning steps", "1m,10m", &state.learning_steps_draft());
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("Relearning steps (after a lapse)", "10m",
                           &state.relearning_steps_draft());
  if (draft.new_cards_per_day < 0) draft.new_cards_per_day = 0;
  if (draft.reviews_per_day < 0) draft.reviews_per_day = 0;
  if (draft.leech_lapses < 0) draft.leech_lapses = 0;
  if (ImGui::Button("Save  (Ctrl+S)")) state.save_settings();
  if (!state.settings_message().empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ui.palette.right, "%s", state.settings_message().c_str());
  }

  ImGui::Spacing();
  ImGui::Separator();
  section_label(ui, "LOOK");
  int theme = look.dark ? 1 : 0;
  ImGui::RadioButton("Light", &theme, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Dark  (L)", &theme, 1);
  look.dark = theme == 1;
  ImGui::SetNextItemWidth(width);
  ImGui::SliderFloat("Text size (Ctrl+= / Ctrl+-)", &look.font_size, Appearance::kSmallestFont,
                     Appearance::kLargestFont, "%.0f px");
  // Whole pixels: each new size rebuilds the font atlas, so a drag rebuilds it once per pixel.
  look.font_size = std::round(look.font_size);
  if (!(look == state.appearance())) state.set_appearance(look);

  if (columns) ImGui::TableSetColumnIndex(1);
  section_label(ui, "WORKLOAD BY DESIRED RETENTION");
  if (workload.busy()) {
    ImGui::TextUnformatted("Simulating a year of study at each retention...");
  } else if (const auto& result = workload.result()) {
    draw_retention_curves(*result, draft.fsrs.desired_retention, ui);
  }
  if (!workload.error().empty())
    ImGui::TextColored(ui.palette.wrong, "%s", workload.error().c_str());
  if (columns) ImGui::EndTable();

  ImGui::Spacing();
  ImGui::Separator();
  section_label(ui, "FSRS PARAMETERS");
  const bool fitted = state.settings_saved().fsrs.w != default_fsrs_weights();
  ImGui::TextUnformatted(fitted ? "In use: parameters fitted to your reviews"
                                : "In use: FSRS-6 defaults");
  draw_weights(state.settings_saved().fsrs.w, ui);
  ImGui::Spacing();
  if (fit.busy()) {
    ImGui::TextUnformatted("Fitting to your review log...");
    ImGui::ProgressBar(fit.progress(), ImVec2(width * 2, 0.0f));
  } else if (ImGui::Button("Fit my parameters  (F)")) {
    state.start_fit();
  }
  if (!fit.error().empty()) ImGui::TextColored(ui.palette.wrong, "%s", fit.error().c_str());
  if (const auto& result = fit.result()) {
    ImGui::Text("Fitted on %zu answers (%zu training items) in %.1f s.", result->reviews,
                result->items, result->seconds);
    if (result->items > 0) {
      ImGui::Text(
          "Log loss on your reviews: %.4f with the current parameters, %.4f fitted "
          "(lower predicts your recall better).",
          result->log_loss_current, result->log_loss_fitted);
    } else {
      ImGui::TextColored(ui.palette.hard,
                         "Too few reviews on later days to fit: the defaults came back.");
    }
    if (result->items > 0) {
      draw_weights(result->weights, ui);
      if (ImGui::Button("Use these parameters")) state.use_fitted_weights();
      ImGui::SameLine();
    }
    if (ImGui::Button("Discard")) fit.clear();
  }
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(
      ui.palette.muted,
      "Ctrl+S save  \xC2\xB7  F fit  \xC2\xB7  L theme  \xC2\xB7  F1 keys  \xC2\xB7  "
      "Esc back to decks");
  ImGui::PopFont();
}

}  // namespace citecard::gui
