#include "stats_view.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
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
  // Disabled at full opacity: the chart reads the same, and no hover tooltip covers the next
  // chart (nor lands in a screenshot wherever the pointer rests).
  ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
  ImGui::BeginDisabled();
  ImGui::PlotHistogram((std::string("##") + label).c_str(), values.data(),
                       static_cast<int>(values.size()), 0, overlay.c_str(), 0.0f,
                       static_cast<float>(std::max(peak, 1)) * 1.1f,
                       ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImGui::EndDisabled();
  ImGui::PopStyleVar();
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
  int answers = 0;
  for (int n : stats.answers_per_day) answers += n;
  char summary[96];
  if (stats.review_answers > 0) {
    std::snprintf(summary, sizeof summary,
                  "%d answers  \xC2\xB7  true retention %.1f %% of %d reviews", answers,
                  stats.true_retention() * 100.0, stats.review_answers);
  } else {
    std::snprintf(summary, sizeof summary, "%d answers  \xC2\xB7  no reviews of learnt cards yet",
                  answers);
  }
  header_bar(ui, "Stats", summary);
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
  if (ImGui::BeginTable("distributions", 2, ImGuiTableFlags_None)) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    char mean[64];
    std::snprintf(mean, sizeof mean, "0-100+ days, mean %.1f", stats.mean_stability);
    chart(ui, "STABILITY", stats.stability_histogram, mean, height);
    ImGui::TableSetColumnIndex(1);
    std::snprintf(mean, sizeof mean, "1-10, mean %.1f", stats.mean_difficulty);
    chart(ui, "DIFFICULTY", stats.difficulty_histogram, mean, height);
    ImGui::EndTable();
  }
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted, "1/2/3: 30/90/365 days  \xC2\xB7  Esc: back to decks");
  ImGui::PopFont();
}

}  // namespace citecard::gui
