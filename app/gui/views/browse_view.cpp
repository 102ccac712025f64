#include "browse_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "../widgets.hpp"

namespace citecard::gui {
namespace {

enum Column { kPrompt, kAnswer, kType, kSource, kState, kDue, kColumns };

constexpr std::array<const char*, 8> kTypes = {
    "who_said", "who_said_typed", "quote_cloze",  "fact_cloze",
    "who_is",   "who_is_reverse", "which_outlet", "fact"};
constexpr std::array<const char*, 5> kStates = {"new", "learning", "review", "relearning",
                                                "suspended"};

std::string one_line(const std::string& text) {
  std::string out = text;
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

std::string state_label(const BrowseRow& row) {
  return row.suspended ? std::string("suspended") : std::string(to_string(row.state));
}

std::string due_label(const BrowseRow& row, Timestamp now) {
  if (row.state == CardState::New) return "new";
  if (row.due <= now) return "due";
  return "in " + format_interval(row.due - now);
}

// A combo over `items` with "all" first; `value` empty means all.
void filter_combo(const char* id, const char* all_label, std::string& value,
                  const std::vector<std::string>& items, float width) {
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(id, value.empty() ? all_label : value.c_str())) {
    if (ImGui::Selectable(all_label, value.empty())) value.clear();
    for (const std::string& item : items)
      if (ImGui::Selectable(item.c_str(), value == item)) value = item;
    ImGui::EndCombo();
  }
}

bool is_selected(const std::vector<std::string>& selection, const std::string& id) {
  return std::find(selection.begin(), selection.end(), id) != selection.end();
}

void draw_filters(AppState& state, const Ui& ui) {
  BrowseFilter& f = state.browse_filter();
  const float unit = 150.0f * ui.scale;
  ImGui::SetNextItemWidth(unit * 2);
  ImGui::InputTextWithHint("##search", "Search text", &f.text);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(unit);
  ImGui::InputTextWithHint("##speaker", "Speaker", &f.speaker);
  ImGui::SameLine();
  std::vector<std::string> sources;
  for (const BrowseRow& row : state.browse_rows())
    for (const Citation& c : row.card.citations)
      if (std::find(sources.begin(), sources.end(), c.source) == sources.end())
        sources.push_back(c.source);
  std::sort(sources.begin(), sources.end());
  filter_combo("##source", "all sources", f.source, sources, unit);
  ImGui::SameLine();
  filter_combo("##type", "all types", f.type, {kTypes.begin(), kTypes.end()}, unit);
  ImGui::SameLine();
  filter_combo("##state", "all states", f.state, {kStates.begin(), kStates.end()}, unit);
}

const BrowseRow* first_selected(const AppState& state) {
  if (state.browse_selection().empty()) return nullptr;
  const std::string& id = state.browse_selection().front();
  for (const BrowseRow& row : state.browse_rows())
    if (row.card.id == id) return &row;
  return nullptr;
}

void draw_preview(const AppState& state, const Ui& ui) {
  section_label(ui, "PREVIEW");
  const BrowseRow* row = first_selected(state);
  ImGui::PushTextWrapPos(0.0f);
  if (row == nullptr) {
    ImGui::TextColored(ui.palette.muted, "Select a card to see its front, back and citations.");
    ImGui::PopTextWrapPos();
    return;
  }
  const Card& card = row->card;
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted, "%s  \xC2\xB7  %s  \xC2\xB7  %s", card.type.c_str(),
                     state_label(*row).c_str(), card.id.c_str());
  ImGui::PopFont();
  ImGui::PushFont(ui.fonts.strong);
  ImGui::TextUnformatted(card.prompt.c_str());
  ImGui::PopFont();
  for (std::size_t i = 0; i < card.choices.size(); ++i)
    ImGui::TextColored(card.choices[i] == card.answer ? ui.palette.right : ui.palette.muted,
                       "%c  %s", static_cast<char>('A' + i), card.choices[i].c_str());
  ImGui::Spacing();
  section_label(ui, "ANSWER");
  ImGui::TextColored(ui.palette.right, "%s", card.answer.c_str());
  ImGui::Spacing();
  section_label(ui, card.citations.size() == 1 ? "CITATION" : "CITATIONS");
  for (const Citation& c : outermost_citations(card.citations)) {
    ImGui::PushFont(ui.fonts.small);
    const std::string where = c.source + "  \xC2\xB7  " + source_label(c);
    ImGui::TextColored(ui.palette.accent, "%s", where.c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(("\xE2\x80\x9C" + c.text + "\xE2\x80\x9D").c_str());
    ImGui::Spacing();
  }
  ImGui::PopTextWrapPos();
}

bool less_by(const BrowseRow& a, const BrowseRow& b, int column) {
  switch (column) {
    case kPrompt:
      return a.card.prompt < b.card.prompt;
    case kAnswer:
      return a.card.answer < b.card.answer;
    case kType:
      return a.card.type < b.card.type;
    case kSource:
      return a.sources < b.sources;
    case kState:
      return state_label(a) < state_label(b);
    case kDue:
      // New cards last: they have no due date of their own yet.
      if ((a.state == CardState::New) != (b.state == CardState::New))
        return b.state == CardState::New;
      return a.due < b.due;
    default:
      return false;
  }
}

}  // namespace

void BrowseView::draw(AppState& state, const Ui& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (key_pressed(GLFW_KEY_ESCAPE)) {
    state.close_browse();
    return;
  }
  const std::vector<std::size_t> matches = state.browse_matches();
  if (!io.WantTextInput) {
    if (io.KeyCtrl && key_pressed(GLFW_KEY_A)) {
      state.browse_selection().clear();
      for (std::size_t i : matches)
        state.browse_selection().push_back(state.browse_rows()[i].card.id);
    } else if (key_pressed(GLFW_KEY_S)) {
      state.set_selected_suspended(!io.KeyShift);
    }
  }

  header_bar(ui, "Browse",
             std::to_string(matches.size()) + " of " + std::to_string(state.browse_rows().size()) +
                 " cards  \xC2\xB7  " + std::to_string(state.browse_selection().size()) +
                 " selected");
  error_banner(state, ui);
  draw_filters(state, ui);
  ImGui::Spacing();

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float bar_height =
      44.0f * ui.scale + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  const float height = avail.y - bar_height;
  const float table_width = std::floor((avail.x - spacing) * 0.64f);

  // Tristate: a column may also be unsorted, and the table starts in deck order (as select:N
  // counts).
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("cards", kColumns, flags, ImVec2(table_width, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Prompt", ImGuiTableColumnFlags_WidthStretch, 2.5f, kPrompt);
    ImGui::TableSetupColumn("Answer", ImGuiTableColumnFlags_WidthStretch, 1.3f, kAnswer);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.0f, kType);
    ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 0.75f, kSource);
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 1.0f, kState);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthStretch, 0.6f, kDue);
    ImGui::TableHeadersRow();

    bool resort = matches != last_matches_;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      sort_column_ = specs->SpecsCount > 0 ? specs->Specs[0].ColumnIndex : -1;
      sort_descending_ =
          specs->SpecsCount > 0 && specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      specs->SpecsDirty = false;
      resort = true;
    }
    if (resort) {
      order_ = matches;
      last_matches_ = matches;
      const auto& rows = state.browse_rows();
      if (sort_column_ >= 0) {
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
          return sort_descending_ ? less_by(rows[b], rows[a], sort_column_)
                                  : less_by(rows[a], rows[b], sort_column_);
        });
      }
    }

    const Timestamp now = state.now();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order_.size()));
    while (clipper.Step()) {
      for (int n = clipper.DisplayStart; n < clipper.DisplayEnd; ++n) {
        const BrowseRow& row = state.browse_rows()[order_[static_cast<std::size_t>(n)]];
        ImGui::PushID(row.card.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(kPrompt);
        const bool selected = is_selected(state.browse_selection(), row.card.id);
        const std::string prompt = one_line(row.card.prompt);
        if (ImGui::Selectable(prompt.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
          auto& selection = state.browse_selection();
          if (io.KeyCtrl) {
            if (selected) {
              selection.erase(std::find(selection.begin(), selection.end(), row.card.id));
            } else {
              selection.push_back(row.card.id);
            }
          } else {
            selection.assign(1, row.card.id);
          }
        }
        const ImVec4 muted = row.suspended ? ui.palette.muted : ui.palette.text;
        ImGui::TableSetColumnIndex(kAnswer);
        ImGui::TextColored(muted, "%s", one_line(row.card.answer).c_str());
        ImGui::TableSetColumnIndex(kType);
        ImGui::TextColored(ui.palette.muted, "%s", row.card.type.c_str());
        ImGui::TableSetColumnIndex(kSource);
        ImGui::TextColored(ui.palette.muted, "%s", row.sources.c_str());
        ImGui::TableSetColumnIndex(kState);
        ImGui::TextColored(row.suspended ? ui.palette.wrong : ui.palette.muted, "%s",
                           state_label(row).c_str());
        ImGui::TableSetColumnIndex(kDue);
        ImGui::TextColored(ui.palette.muted, "%s", due_label(row, now).c_str());
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  ImGui::SameLine();
  ImGui::BeginChild("preview", ImVec2(avail.x - table_width - spacing, height), true,
                    ImGuiWindowFlags_AlwaysUseWindowPadding);
  draw_preview(state, ui);
  ImGui::EndChild();

  ImGui::Spacing();
  const float button_width = 240.0f * ui.scale;
  const bool any = !state.browse_selection().empty();
  if (labelled_button("suspend", "Suspend selected", "key S", ImVec2(button_width, 44 * ui.scale),
                      ui.palette.wrong, false, ui) &&
      any)
    state.set_selected_suspended(true);
  ImGui::SameLine();
  if (labelled_button("unsuspend", "Unsuspend selected", "Shift+S",
                      ImVec2(button_width, 44 * ui.scale), ui.palette.accent, false, ui) &&
      any)
    state.set_selected_suspended(false);
  ImGui::SameLine();
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(
      ui.palette.muted,
      "Click selects, Ctrl+click adds, Ctrl+A selects all shown  \xC2\xB7  Esc: decks");
  ImGui::PopFont();
}

}  // namespace citecard::gui
