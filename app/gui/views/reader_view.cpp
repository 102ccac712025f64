#include "reader_view.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "../highlighted_text.hpp"
#include "../widgets.hpp"

namespace citecard::gui {
namespace {

constexpr const char* kNotStated = "not stated";

// Which span is highlighted, and whether the article should scroll to it on the next frame. Kept
// by the view for the article on screen; a new article starts at its first cited span.
struct ReaderFocus {
  int opening = -1;
  ByteSpan span;
  bool scroll_pending = true;
};

ReaderFocus& focus_for(const ReaderContent& content) {
  static ReaderFocus focus;
  if (focus.opening != content.opening) {
    focus = ReaderFocus{};
    focus.opening = content.opening;
    // A card may cite a quote and the sentence around it: the widest span shows both.
    for (const ByteSpan& span : content.cited)
      if (span.end - span.start > focus.span.end - focus.span.start) focus.span = span;
  }
  return focus;
}

std::string byline(const Source& source) {
  std::string line = source.outlet != kNotStated ? source.outlet : "Outlet not stated";
  line += "  \xC2\xB7  ";
  line += source.date != kNotStated ? source.date : "date not stated";
  line += "  \xC2\xB7  ";
  line += source.author != kNotStated ? "by " + source.author : "author not stated";
  return line;
}

// What the article states about itself, above it, so it stays in view while the article scrolls.
void draw_masthead(const Source& source, const Ui& ui) {
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.accent, "%s", byline(source).c_str());
  ImGui::PopFont();
  ImGui::PushFont(ui.fonts.strong);
  ImGui::PushTextWrapPos(0.0f);
  if (source.title != kNotStated) {
    ImGui::TextUnformatted(source.title.c_str());
  } else {
    ImGui::TextColored(ui.palette.muted, "Title not stated");
  }
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Spacing();
}

// The article, one paragraph per line of its text, the focused span highlighted where it falls.
void draw_article(const ReaderContent& content, ReaderFocus& focus, const Ui& ui) {
  const Source& source = content.source;
  HighlightStyle style;
  style.text = ImGui::GetColorU32(ui.palette.text);
  style.highlighted_text = ImGui::GetColorU32(ui.palette.highlight_text);
  style.band = ImGui::GetColorU32(ui.palette.highlight_band);
  ImGui::PushFont(ui.fonts.body);
  const std::string_view text = source.text;
  float highlight_y = -1.0f;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) {
      const auto begin = static_cast<std::int64_t>(pos);
      const auto stop = static_cast<std::int64_t>(end);
      // The part of the focused span inside this paragraph, relative to it.
      std::size_t hb = 0;
      std::size_t he = 0;
      if (focus.span.start < stop && focus.span.end > begin) {
        hb = static_cast<std::size_t>(std::max(focus.span.start, begin) - begin);
        he = static_cast<std::size_t>(std::min(focus.span.end, stop) - begin);
      }
      const float y = highlighted_paragraph(text.substr(pos, end - pos), hb, he, style);
      if (y >= 0.0f && highlight_y < 0.0f) highlight_y = y;
      ImGui::Dummy(ImVec2(0, 4.0f * ui.scale));
    }
    pos = end + 1;
  }
  ImGui::PopFont();
  if (focus.scroll_pending && highlight_y >= 0.0f) {
    ImGui::SetScrollFromPosY(highlight_y - ImGui::GetWindowPos().y, 0.3f);
    focus.scroll_pending = false;
  }
}

// The article's quotes, grouped by who said them; a click focuses the quote in the article.
void draw_quotes(const ReaderContent& content, ReaderFocus& focus, const Ui& ui) {
  section_label(ui, "QUOTES BY SPEAKER");
  if (content.speakers.empty()) {
    ImGui::TextColored(ui.palette.muted, "The article quotes no one.");
    return;
  }
  int id = 0;
  for (const SpeakerQuotes& group : content.speakers) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.strong);
    const std::string name = group.speaker.empty() ? "Speaker not stated" : group.speaker;
    ImGui::TextColored(group.speaker.empty() ? ui.palette.muted : ui.palette.text, "%s (%zu)",
                       name.c_str(), group.quotes.size());
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.small);
    for (const Quote& quote : group.quotes) {
      ImGui::PushID(id++);
      const bool focused = focus.span.start == quote.start && focus.span.end == quote.end;
      const std::string label = "\xE2\x80\x9C" + quote.text + "\xE2\x80\x9D";
      ImGui::PushStyleColor(ImGuiCol_Text, focused ? ui.palette.accent : ui.palette.muted);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::Indent(10.0f * ui.scale);
      // A selectable sized to the wrapped text, so the whole quote is the click target.
      const float wrap = ImGui::GetContentRegionAvail().x;
      const ImVec2 size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##quote", focused, 0, ImVec2(wrap, size.y))) {
        focus.span = ByteSpan{quote.start, quote.end};
        focus.scroll_pending = true;
      }
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                          ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr,
                                          wrap);
      ImGui::Unindent(10.0f * ui.scale);
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::PopFont();
  }
}

}  // namespace

void draw_reader_view(AppState& state, const Ui& ui) {
  if (key_pressed(GLFW_KEY_ESCAPE) || key_pressed(GLFW_KEY_R)) {
    state.close_reader();
    return;
  }
  const ReaderContent* content = state.reader();
  if (content == nullptr) return;
  ReaderFocus& focus = focus_for(*content);
  header_bar(ui, state.current_deck() ? state.current_deck()->title : std::string(),
             "Reading source " + content->source.id);
  error_banner(state, ui);

  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = std::min(ImGui::GetContentRegionAvail().x, 1320.0f * ui.scale);
  const float indent = (ImGui::GetContentRegionAvail().x - width) * 0.5f;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  ImGui::BeginGroup();
  draw_masthead(content->source, ui);
  ImGui::EndGroup();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float bar_height = 44.0f * ui.scale + ImGui::GetTextLineHeightWithSpacing();
  const float height = avail.y - bar_height;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysUseWindowPadding;
  const bool side_by_side = width >= 900.0f * ui.scale;
  const float article_width = side_by_side ? std::floor((width - spacing) * 0.64f) : width;

  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  // Children are named per opening, so each opening starts at its top and scrolls from there.
  ImGui::PushID(content->opening);
  ImGui::BeginChild("article", ImVec2(article_width, side_by_side ? height : height * 0.65f), true,
                    flags);
  draw_article(*content, focus, ui);
  ImGui::EndChild();
  if (side_by_side) {
    ImGui::SameLine();
  } else {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  }
  ImGui::BeginChild("quotes",
                    ImVec2(side_by_side ? width - article_width - spacing : width,
                           side_by_side ? height : height * 0.35f - spacing),
                    true, flags);
  draw_quotes(*content, focus, ui);
  ImGui::EndChild();
  ImGui::PopID();

  ImGui::Spacing();
  const float button_width = std::min(width, 320.0f * ui.scale);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent + (width - button_width) * 0.5f);
  if (labelled_button("back-to-card", "Back to the card", "Esc or R",
                      ImVec2(button_width, 44.0f * ui.scale), ui.palette.accent, false, ui)) {
    state.close_reader();
  }
}

}  // namespace citecard::gui
