#include "deck_list.hpp"

#include <GLFW/glfw3.h>

#include <string>

#include "../widgets.hpp"

namespace citecard::gui {
namespace {

// Cells are centred vertically in a row `content_height` high.
void centre_vertically(float item_height, float content_height) {
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (content_height - item_height) * 0.5f);
}

void count_cell(const Ui& ui, int count, const ImVec4& colour, float content_height) {
  ImGui::PushFont(ui.fonts.strong);
  centre_vertically(ImGui::GetTextLineHeight(), content_height);
  const std::string text = std::to_string(count);
  // Right-aligned, so counts line up under their heading.
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
  ImGui::TextColored(count > 0 ? colour : ui.palette.muted, "%s", text.c_str());
  ImGui::PopFont();
}

void right_aligned_header(const char* label) {
  const float width = ImGui::CalcTextSize(label).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
  ImGui::TextUnformatted(label);
}

void empty_collection(const Ui& ui) {
  ImGui::Dummy(ImVec2(0, 80 * ui.scale));
  centered_text(ui.fonts.prompt, "No decks yet", ui.palette.text);
  ImGui::Spacing();
  centered_text(
      ui.fonts.body,
      "Press N to make one from your own articles, or build one with  citecard build DECK_DIR.",
      ui.palette.muted);
}

}  // namespace

void DeckListView::draw(AppState& state, const Ui& ui) {
  const auto& decks = state.decks();
  int due_total = 0;
  for (const DeckSummary& deck : decks) {
    due_total += deck.new_available + deck.learning_due + deck.review_due;
  }
  header_bar(
      ui, "Decks",
      due_total == 0 ? std::string("nothing due") : std::to_string(due_total) + " to study today");
  error_banner(state, ui);
  if (key_pressed(GLFW_KEY_N)) {  // a new deck from articles, in the Builder
    state.open_builder();
    return;
  }
  if (key_pressed(GLFW_KEY_T)) {
    state.open_stats();
    return;
  }
  if (key_pressed(GLFW_KEY_COMMA) || key_pressed(GLFW_KEY_O)) {
    state.open_settings();
    return;
  }
  if (decks.empty()) {
    empty_collection(ui);
    return;
  }

  const int count = static_cast<int>(decks.size());
  if (selected_ >= count) selected_ = count - 1;
  if (key_pressed(GLFW_KEY_DOWN)) selected_ = (selected_ + 1) % count;
  if (key_pressed(GLFW_KEY_UP)) selected_ = (selected_ + count - 1) % count;
  if (key_pressed(GLFW_KEY_B)) {
    state.open_browse();
    return;
  }

  std::string open;
  if (key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER) ||
      key_pressed(GLFW_KEY_SPACE)) {
    open = decks[static_cast<std::size_t>(selected_)].id;
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
  const float row_height = 64.0f * ui.scale;
  const float content_height = row_height - ImGui::GetStyle().CellPadding.y * 2;
  if (ImGui::BeginTable("decks", 5, flags)) {
    ImGui::TableSetupColumn("Deck", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("New", ImGuiTableColumnFlags_WidthFixed, 110 * ui.scale);
    ImGui::TableSetupColumn("Learning", ImGuiTableColumnFlags_WidthFixed, 110 * ui.scale);
    ImGui::TableSetupColumn("Review", ImGuiTableColumnFlags_WidthFixed, 110 * ui.scale);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 130 * ui.scale);

    ImGui::PushFont(ui.fonts.small);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, 32 * ui.scale);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(ui.palette.muted, "Deck");
    const char* headings[] = {"New", "Learning", "Review"};
    for (int column = 1; column <= 3; ++column) {
      ImGui::TableSetColumnIndex(column);
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.muted);
      right_aligned_header(headings[column - 1]);
      ImGui::PopStyleColor();
    }
    ImGui::PopFont();

    for (int i = 0; i < count; ++i) {
      const DeckSummary& deck = decks[static_cast<std::size_t>(i)];
      ImGui::PushID(i);
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
      ImGui::TableSetColumnIndex(0);
      // The whole row is one selectable; the cells are drawn over it.
      const bool is_selected = i == selected_;
      const ImVec2 cell = ImGui::GetCursorPos();
      if (ImGui::Selectable(
              "##row", is_selected,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
              ImVec2(0, content_height))) {
        selected_ = i;
        open = deck.id;
      }
      ImGui::SetCursorPos(cell);
      ImGui::BeginGroup();
      ImGui::PushFont(ui.fonts.strong);
      ImGui::TextUnformatted(deck.title.empty() ? deck.id.c_str() : deck.title.c_str());
      ImGui::PopFont();
      ImGui::PushFont(ui.fonts.small);
      ImGui::TextColored(ui.palette.muted, "%d cards", deck.total_cards);
      ImGui::PopFont();
      ImGui::EndGroup();

      ImGui::TableSetColumnIndex(1);
      count_cell(ui, deck.new_available, ui.palette.new_cards, content_height);
      ImGui::TableSetColumnIndex(2);
      count_cell(ui, deck.learning_due, ui.palette.learning, content_height);
      ImGui::TableSetColumnIndex(3);
      count_cell(ui, deck.review_due, ui.palette.review, content_height);
      ImGui::TableSetColumnIndex(4);
      const int due = deck.new_available + deck.learning_due + deck.review_due;
      centre_vertically(38 * ui.scale, content_height);
      if (labelled_button("study", due > 0 ? "Study" : "Done", "",
                          ImVec2(ImGui::GetContentRegionAvail().x, 38 * ui.scale),
                          ui.palette.accent, is_selected && due > 0, ui)) {
        selected_ = i;
        open = deck.id;
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  ImGui::Spacing();
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted,
                     "Up/Down choose a deck  \xC2\xB7  Enter studies it  \xC2\xB7  B: browse "
                     "all cards  \xC2\xB7  N: new deck from articles (Builder)  \xC2\xB7  T: stats "
                     " \xC2\xB7  O: settings");
  ImGui::PopFont();

  if (!open.empty()) state.open_deck(open);
}

}  // namespace citecard::gui
