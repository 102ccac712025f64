#include "retention_curves.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace citecard::gui {
namespace {

struct Curve {
  const char* title;
  const char* value_format;  // for the axis labels and the marked values
  std::vector<float> values;
};

// One chart: the curve over retention 0.70-0.95, its lowest and highest values on the left, the
// retentions below, and vertical marks at the learner's retention and at the optimum.
void draw_chart(const Curve& curve, const std::vector<float>& retentions, float current,
                float optimum, const Ui& ui, ImVec2 size) {
  const auto& p = ui.palette;
  ImGui::BeginGroup();
  ImGui::TextUnformatted(curve.title);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float label_width = 48.0f * ui.scale;
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 box_min(origin.x + label_width, origin.y + line * 0.5f);
  const ImVec2 box_max(origin.x + size.x, origin.y + size.y - line * 1.5f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(box_min, box_max, ImGui::GetColorU32(p.border));

  const auto [lo_it, hi_it] = std::minmax_element(curve.values.begin(), curve.values.end());
  float lo = *lo_it, hi = *hi_it;
  if (hi - lo < 1e-6f) hi = lo + 1.0f;
  const float r_lo = retentions.front(), r_hi = retentions.back();
  auto at = [&](float r, float v) {
    return ImVec2(box_min.x + (r - r_lo) / (r_hi - r_lo) * (box_max.x - box_min.x),
                  box_max.y - (v - lo) / (hi - lo) * (box_max.y - box_min.y));
  };
  auto mark = [&](float r, const ImVec4& colour) {
    if (r < r_lo || r > r_hi) return;
    draw->AddLine(at(r, lo), at(r, hi), ImGui::GetColorU32(colour), 1.5f * ui.scale);
  };
  mark(optimum, p.right);
  mark(current, p.accent);
  std::vector<ImVec2> points;
  for (std::size_t i = 0; i < curve.values.size(); ++i)
    points.push_back(at(retentions[i], curve.values[i]));
  draw->AddPolyline(points.data(), static_cast<int>(points.size()), ImGui::GetColorU32(p.text), 0,
                    2.0f * ui.scale);

  char text[32];
  const ImU32 muted = ImGui::GetColorU32(p.muted);
  std::snprintf(text, sizeof text, curve.value_format, hi);
  draw->AddText(ImVec2(origin.x, box_min.y - line * 0.5f), muted, text);
  std::snprintf(text, sizeof text, curve.value_format, lo);
  draw->AddText(ImVec2(origin.x, box_max.y - line * 0.5f), muted, text);
  for (float r : {0.70f, 0.80f, 0.90f, 0.95f}) {
    std::snprintf(text, sizeof text, "%.2f", r);
    const float w = ImGui::CalcTextSize(text).x;
    draw->AddText(ImVec2(at(r, lo).x - w / 2, box_max.y + line * 0.2f), muted, text);
  }
  ImGui::Dummy(size);
  ImGui::EndGroup();
}

}  // namespace

void draw_retention_curves(const WorkloadResult& workload, double current_retention, const Ui& ui) {
  const RetentionSweep& sweep = workload.sweep;
  if (sweep.points.size() < 2) return;
  std::vector<float> retentions;
  Curve minutes{"Minutes of study a day", "%.1f", {}};
  Curve memorised{"Cards memorised after a year", "%.0f", {}};
  for (const RetentionPoint& point : sweep.points) {
    retentions.push_back(static_cast<float>(point.retention));
    minutes.values.push_back(static_cast<float>(point.seconds_per_day / 60));
    memorised.values.push_back(static_cast<float>(point.memorized));
  }
  const RetentionPoint& best = sweep.points[sweep.optimum];
  const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, 420.0f * ui.scale),
                    120.0f * ui.scale);
  draw_chart(minutes, retentions, static_cast<float>(current_retention),
             static_cast<float>(best.retention), ui, size);
  draw_chart(memorised, retentions, static_cast<float>(current_retention),
             static_cast<float>(best.retention), ui, size);

  // The learner's retention on the curves: the nearest simulated point.
  const auto nearest =
      std::min_element(sweep.points.begin(), sweep.points.end(), [&](const auto& a, const auto& b) {
        return std::abs(a.retention - current_retention) <
               std::abs(b.retention - current_retention);
      });
  ImGui::TextColored(ui.palette.accent, "At your %.2f: %.1f min a day, %.0f cards memorised.",
                     current_retention, nearest->seconds_per_day / 60, nearest->memorized);
  ImGui::TextColored(ui.palette.right, "Least time per card memorised: %.2f (%.0f s a card).",
                     best.retention, best.seconds_per_memorized);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ui.palette.muted,
                     "Simulated over %d days for your %d cards with your daily limits, from %d "
                     "answers in your log (FSRS's defaults where it has none); %d runs per "
                     "retention.",
                     workload.days, workload.cards, workload.answers, workload.samples);
  ImGui::PopTextWrapPos();
}

}  // namespace citecard::gui
