#include "citation_panel.hpp"

#include <string>

#include "../highlighted_text.hpp"
#include "../widgets.hpp"

namespace citecard::gui {
namespace {

bool stated(const std::string& field) {
  return !field.empty() && field != "not stated";
}

// "2023-09-13T10:50:00Z" reads as "2023-09-13"; other dates ("not stated") as given.
std::string readable_date(const std::string& date) {
  if (date.size() > 10 && date[4] == '-' && date[7] == '-' && date[10] == 'T') {
    return date.substr(0, 10);
  }
  return date;
}

float draw_citation(const CitationDisplay& display, const Ui& ui) {
  const Citation& citation = display.citation;
  ImGui::PushFont(ui.fonts.small);
  // The byline gives what the article states of itself and leaves out the rest; a source that
  // states neither outlet nor title is named by its id, so the reader can still tell sources apart.
  std::string byline;
  const auto add = [&](const std::string& part) {
    byline += (byline.empty() ? "" : "  \xC2\xB7  ") + part;
  };
  if (stated(citation.outlet)) add(citation.outlet);
  if (stated(citation.date)) add(readable_date(citation.date));
  if (stated(display.author)) add(display.author);
  if (byline.empty() && !stated(citation.title)) add("Source " + citation.source);
  if (!byline.empty()) ImGui::TextColored(ui.palette.accent, "%s", byline.c_str());
  ImGui::PopFont();

  if (stated(citation.title)) {
    ImGui::PushFont(ui.fonts.strong);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(citation.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  }
  ImGui::Spacing();

  HighlightStyle style;
  style.text = ImGui::GetColorU32(ui.palette.muted);
  style.highlighted_text = ImGui::GetColorU32(ui.palette.highlight_text);
  style.band = ImGui::GetColorU32(ui.palette.highlight_band);
  const CitationContext& context = display.context;
  return highlighted_paragraph(context.paragraph, context.highlight_begin, context.highlight_end,
                               style);
}

}  // namespace

void draw_citation_panel(const std::vector<CitationDisplay>& citations, const Ui& ui) {
  section_label(ui, citations.size() == 1 ? "SOURCE" : "SOURCES");
  for (std::size_t i = 0; i < citations.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) {
      ImGui::Spacing();
      ImGui::Separator();
      ImGui::Spacing();
    }
    const float highlight_y = draw_citation(citations[i], ui);
    ImGui::PopID();
    // A long paragraph may push the cited sentence out of view: scroll to it when the panel
    // first shows.
    const bool below_view = highlight_y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight() * 0.8f;
    if (i == 0 && ImGui::IsWindowAppearing() && below_view) {
      ImGui::SetScrollFromPosY(highlight_y - ImGui::GetWindowPos().y, 0.25f);
    }
  }
}

}  // namespace citecard::gui
