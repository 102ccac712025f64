#include "stats_view.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "../widgets.hpp"

namespace citecard::gui {
namespace {

// Each chart is a group whose rectangle is kept, so E can save exactly it as a PNG.
class ChartFrame {
 public:
  ChartFrame(AppState& state, const char* name) : state_(state), name_(name) {
    ImGui::BeginGroup();
    // Every chart's label sits at a frame's text baseline, as one placed beside another chart
    // does, so labels in a row line up.
    ImGui::AlignTextToFramePadding();
  }
  ~ChartFrame() {
    ImGui::EndGroup();
    state_.chart_rects().push_back(
        AppState::ChartExport{name_, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
  }
  ChartFrame(const ChartFrame&) = delete;
  ChartFrame& operator=(const ChartFrame&) = delete;

 private:
  AppState& state_;
  const char* name_;
};

// A labelled histogram of counts, its tallest bar named so the scale can be read.
void chart(AppState& state, const Ui& ui, const char* name, const char* label,
           const std::vector<int>& counts, const std::string& axis, ImVec2 size) {
  ChartFrame frame(state, name);
  std::vector<float> values(counts.begin(), counts.end());
  const int peak = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
  // The scale and axis go beside the label, not over the bars.
  section_label(ui, label);
  ImGui::SameLine();
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted, "  max %d  \xC2\xB7  %s", peak, axis.c_str());
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ui.palette.accent);
  // Disabled at full opacity: the chart reads the same, and no hover tooltip covers the next
  // chart (nor lands in a screenshot wherever the pointer rests).
  ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
  ImGui::BeginDisabled();
  ImGui::PlotHistogram((std::string("##") + label).c_str(), values.data(),
                       static_cast<int>(values.size()), 0, nullptr, 0.0f,
                       static_cast<float>(std::max(peak, 1)) * 1.1f, size);
  ImGui::EndDisabled();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

std::string bucket_label(const RetentionBucket& bucket) {
  if (bucket.max_days == 0) return std::to_string(bucket.min_days) + "+";
  if (bucket.min_days == bucket.max_days) return std::to_string(bucket.min_days);
  return std::to_string(bucket.min_days) + "\xE2\x80\x93" + std::to_string(bucket.max_days);
}

// True retention per interval bucket: a bar per bucket up to 100 %, its share above and the
// number of reviews below; a bucket without reviews shows a dash.
void retention_chart(AppState& state, const Ui& ui, const ReviewStats& stats, ImVec2 size) {
  ChartFrame frame(state, "retention-by-interval");
  section_label(ui, "TRUE RETENTION BY INTERVAL (DAYS)");
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg),
                      ImGui::GetStyle().FrameRounding);
  ImFont* font = ui.fonts.small;
  const float line = font->FontSize;
  const float top = min.y + line + 6.0f * ui.scale;
  const float bottom = max.y - 2 * line - 8.0f * ui.scale;
  const auto& buckets = stats.retention_by_interval;
  const float slot = size.x / static_cast<float>(std::max<std::size_t>(1, buckets.size()));
  auto centred = [&](float centre, float y, const std::string& text, ImU32 colour) {
    const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
    draw->AddText(font, font->FontSize, ImVec2(centre - w * 0.5f, y), colour, text.c_str());
  };
  const ImU32 muted = ImGui::GetColorU32(ui.palette.muted);
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    const RetentionBucket& b = buckets[i];
    const float centre = min.x + slot * (static_cast<float>(i) + 0.5f);
    const float half = slot * 0.3f;
    if (b.answers > 0) {
      const float y = bottom - (bottom - top) * static_cast<float>(b.retention());
      const ImVec4 colour = b.retention() >= 0.8   ? ui.palette.good
                            : b.retention() >= 0.6 ? ui.palette.hard
                                                   : ui.palette.again;
      draw->AddRectFilled(ImVec2(centre - half, y), ImVec2(centre + half, bottom),
                          ImGui::GetColorU32(colour), 2.0f * ui.scale);
      char percent[16];
      std::snprintf(percent, sizeof percent, "%.0f%%", b.retention() * 100.0);
      centred(centre, y - line - 2.0f * ui.scale, percent, ImGui::GetColorU32(ui.palette.text));
    } else {
      centred(centre, bottom - line - 2.0f * ui.scale, "\xE2\x80\x93", muted);
    }
    centred(centre, bottom + 4.0f * ui.scale, bucket_label(b), ImGui::GetColorU32(ui.palette.text));
    centred(centre, bottom + 4.0f * ui.scale + line, "n " + std::to_string(b.answers), muted);
  }
}

// A year of answers as GitHub-style squares: a column per week, Monday at the top, darker for
// more answers (quartiles of the busiest day); today is outlined.
void calendar_heat_map(AppState& state, const Ui& ui, const ReviewStats& stats, ImVec2 size) {
  ChartFrame frame(state, "calendar");
  int total = 0;
  int days_studied = 0;
  for (int n : stats.calendar) {
    total += n;
    if (n > 0) ++days_studied;
  }
  section_label(ui, "CALENDAR");
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int days = static_cast<int>(stats.calendar.size());
  const int weeks = (days + 6) / 7;
  const float legend = ui.fonts.small->FontSize + 6.0f * ui.scale;
  const float cell = std::max(
      2.0f, std::min((size.x - 2.0f) / static_cast<float>(weeks), (size.y - legend) / 7.0f));
  const float gap = std::max(1.0f, cell * 0.15f);
  const int peak =
      stats.calendar.empty() ? 0 : *std::max_element(stats.calendar.begin(), stats.calendar.end());
  // The last column ends with today; days are laid out so each column is a week.
  const int first_row = (7 - days % 7) % 7;
  for (int i = 0; i < days; ++i) {
    const int slot = first_row + i;
    const int column = slot / 7;
    const int row = slot % 7;
    const ImVec2 a(min.x + static_cast<float>(column) * cell,
                   min.y + static_cast<float>(row) * cell);
    const ImVec2 b(a.x + cell - gap, a.y + cell - gap);
    const int n = stats.calendar[static_cast<std::size_t>(i)];
    ImVec4 colour = lighten(ui.palette.border, 0.4f);
    if (n > 0 && peak > 0) {
      const float level = static_cast<float>(n) / static_cast<float>(peak);
      const float amount = level > 0.75f   ? 0.0f
                           : level > 0.5f  ? 0.3f
                           : level > 0.25f ? 0.55f
                                           : 0.75f;
      colour = lighten(ui.palette.review, amount);
    }
    draw->AddRectFilled(a, b, ImGui::GetColorU32(colour), 1.5f * ui.scale);
    if (i == days - 1) {
      draw->AddRect(a, b, ImGui::GetColorU32(ui.palette.text), 1.5f * ui.scale, 0, 1.0f);
    }
  }
  char caption[128];
  std::snprintf(caption, sizeof caption,
                "%d answers on %d of the last %d days  \xC2\xB7  busiest day %d  \xC2\xB7  "
                "today outlined",
                total, days_studied, days, peak);
  draw->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                ImVec2(min.x, min.y + 7.0f * cell + 4.0f * ui.scale),
                ImGui::GetColorU32(ui.palette.muted), caption);
}

}  // namespace

void draw_stats_view(AppState& state, const Ui& ui) {
  state.chart_rects().clear();
  if (key_pressed(GLFW_KEY_ESCAPE)) {
    state.back_to_decks();
    return;
  }
  constexpr std::array<int, 3> kRanges = {30, 90, 365};
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (key_pressed(GLFW_KEY_1 + static_cast<int>(i))) state.set_stats_days(kRanges[i]);
  }
  if (key_pressed(GLFW_KEY_E)) state.request_chart_export();
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
  ImGui::SameLine();
  if (ImGui::Button("Save charts as PNG  (E)")) state.request_chart_export();
  if (!state.export_message().empty()) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ui.palette.muted, "%s", state.export_message().c_str());
  }
  ImGui::Spacing();
  const float label_rows = 3 * (ui.fonts.small->FontSize + ImGui::GetStyle().ItemSpacing.y * 2);
  const float height = std::max(40.0f * ui.scale, (ImGui::GetContentRegionAvail().y - label_rows -
                                                   ImGui::GetTextLineHeightWithSpacing() -
                                                   3 * ImGui::GetStyle().ItemSpacing.y) /
                                                      3.0f);
  const std::string days = std::to_string(state.stats_days());
  // Three rows of charts side by side, laid out by hand so each row's labels line up.
  const float gap = ImGui::GetStyle().ItemSpacing.x * 2.5f;
  const float full = ImGui::GetContentRegionAvail().x;
  const float third = (full - 2 * gap) / 3.0f;
  const float two_thirds = full - third - gap;
  auto next_in_row = [&] { ImGui::SameLine(0.0f, gap); };
  chart(state, ui, "answers-per-day", "ANSWERS PER DAY", stats.answers_per_day,
        "last " + days + " days, today at the right", ImVec2(two_thirds, height));
  next_in_row();
  chart(state, ui, "due-forecast", "DUE FORECAST", stats.due_per_day, "next 30 days",
        ImVec2(third, height));
  char mean[64];
  std::snprintf(mean, sizeof mean, "0-100+ days, mean %.1f", stats.mean_stability);
  chart(state, ui, "stability", "STABILITY", stats.stability_histogram, mean,
        ImVec2(third, height));
  next_in_row();
  std::snprintf(mean, sizeof mean, "1-10, mean %.1f", stats.mean_difficulty);
  chart(state, ui, "difficulty", "DIFFICULTY", stats.difficulty_histogram, mean,
        ImVec2(third, height));
  next_in_row();
  std::snprintf(mean, sizeof mean, "0-100 %%, mean %.0f %%", stats.mean_retrievability * 100.0);
  chart(state, ui, "retrievability", "RECALL NOW", stats.retrievability_histogram, mean,
        ImVec2(third, height));
  retention_chart(state, ui, stats, ImVec2(third, height));
  next_in_row();
  calendar_heat_map(state, ui, stats, ImVec2(two_thirds, height));
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted,
                     "1/2/3: 30/90/365 days  \xC2\xB7  E: save charts as PNG  \xC2\xB7  F1: keys  "
                     "\xC2\xB7  Esc: back to decks");
  ImGui::PopFont();
}

}  // namespace citecard::gui
