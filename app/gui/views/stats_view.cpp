#include "stats_view.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "../widgets.hpp"

namespace citecard::gui {
namespace {

// A labelled histogram of counts, its tallest bar named so the scale can be read.
void chart(const Ui& ui, const char* label, const std::vector<int>& counts, const char* axis,
           float height) {
  std::vector<float> values(counts.begin(), counts.end());
  const int peak = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
  section_label(ui, label);
  const std::string overlay = "max " + std::to_string(peak) + "  \xC2\xB7  " + axis;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ui.palette.accent);
  ImGui::PlotHistogram((std::string("##") + label).c_str(), values.data(),
                       static_cast<int>(values.size()), 0, overlay.c_str(), 0.0f,
                       static_cast<float>(std::max(peak, 1)) * 1.1f,
                       ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImGui::PopStyleColor();
}

}  // namespace

void draw_stats_view(AppState& state, const Ui& ui) {
  if (key_pressed(GLFW_KEY_ESCAPE)) {
    state.back_to_decks();
    return;
  }
  constexpr std::array<int, 3> kRanges = {30, 90, 365};
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (key_pressed(GLFW_KEY_1 + static_cast<int>(i))) state.set_stats_days(kRanges[i]);
  }
  const ReviewStats& stats = state.review_stats();
  char retention[64];
  std::snprintf(retention, sizeof retention, "true retention %.1f %% (%d reviews)",
                stats.true_retention() * 100.0, stats.review_answers);
  header_bar(ui, "Stats", stats.review_answers > 0 ? retention : "no reviews yet");
  error_banner(state, ui);

  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const std::string label = std::to_string(kRanges[i]) + " days  (" + std::to_string(i + 1) + ")";
    const bool current = state.stats_days() == kRanges[i];
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, lighten(ui.palette.accent, 0.6f));
    if (ImGui::Button(label.c_str())) state.set_stats_days(kRanges[i]);
    if (current) ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  const float height =
      (ImGui::GetContentRegionAvail().y - 6 * ImGui::GetTextLineHeightWithSpacing()) / 4;
  chart(ui, "ANSWERS PER DAY", stats.answers_per_day,
        ("last " + std::to_string(state.stats_days()) + " days, today at the right").c_str(),
        height);
  chart(ui, "DUE FORECAST", stats.due_per_day, "next 30 days, overdue on today", height);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::BeginChild("stability", ImVec2(half, height + 2 * ImGui::GetTextLineHeightWithSpacing()));
  char mean[64];
  std::snprintf(mean, sizeof mean, "0-100+ days, mean %.1f", stats.mean_stability);
  chart(ui, "STABILITY", stats.stability_histogram, mean, height);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("difficulty", ImVec2(0, height + 2 * ImGui::GetTextLineHeightWithSpacing()));
  std::snprintf(mean, sizeof mean, "1-10, mean %.1f", stats.mean_difficulty);
  chart(ui, "DIFFICULTY", stats.difficulty_histogram, mean, height);
  ImGui::EndChild();
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted, "1/2/3: 30/90/365 days  \xC2\xB7  Esc: back to decks");
  ImGui::PopFont();
}

}  // namespace citecard::gui
