#include "help_overlay.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>

#include "../widgets.hpp"

namespace citecard::gui {

std::vector<KeyHelp> keys_for(View view) {
  std::vector<KeyHelp> keys;
  switch (view) {
    case View::DeckList:
      keys = {{"Up / Down", "choose a deck"},
              {"Enter / Space", "study the chosen deck"},
              {"B", "browse every card"},
              {"N", "new deck from your articles (Builder)"},
              {"T", "stats"},
              {"O or ,", "settings"}};
      break;
    case View::Study:
      keys = {{"Space / Enter", "show the answer; on the answer side, give the suggested rating"},
              {"A B C D", "pick that choice (multiple choice)"},
              {"1 2 3 4", "rate Again / Hard / Good / Easy (answer side)"},
              {"R", "read the card's whole article (answer side)"},
              {"S", "suspend the card (until unsuspended in Browse)"},
              {"-", "bury the card until tomorrow"},
              {"U or Ctrl+Z", "take back the last answer"},
              {"Esc", "back to the deck list"}};
      break;
    case View::Done:
      keys = {{"Enter / Space / Esc", "back to the deck list"},
              {"U or Ctrl+Z", "take back the last answer"}};
      break;
    case View::Reader:
      keys = {{"Esc or R", "back to the card, answer side up"}};
      break;
    case View::Browse:
      keys = {{"Ctrl+A", "select every card shown"},
              {"Ctrl+click", "add a card to the selection"},
              {"S", "suspend the selected cards"},
              {"Shift+S", "unsuspend the selected cards"},
              {"Esc", "back to the deck list"}};
      break;
    case View::Builder:
      keys = {{"Down / J, Up / K", "next / previous candidate card"},
              {"A", "accept the candidate"},
              {"X", "reject the candidate"},
              {"E", "edit the candidate"},
              {"Ctrl+S", "save deck.toml and build the deck"},
              {"Esc", "back to the deck list"}};
      break;
    case View::Stats:
      keys = {{"1 2 3", "answers of the last 30 / 90 / 365 days"},
              {"E", "save every chart as a PNG"},
              {"Esc", "back to the deck list"}};
      break;
    case View::Settings:
      keys = {{"Ctrl+S", "save the study settings"},
              {"F", "fit my parameters to my reviews"},
              {"L", "light or dark theme"},
              {"Ctrl+= / Ctrl+-", "larger / smaller text"},
              {"Esc", "back to the deck list"}};
      break;
  }
  keys.push_back({"F1", "show or hide these keys"});
  keys.push_back({"Tab / Shift+Tab", "next / previous text field"});
  return keys;
}

bool handle_help_keys(AppState& state) {
  if (key_pressed(GLFW_KEY_F1)) {
    state.set_help_open(!state.help_open());
  } else if (state.help_open() && key_pressed(GLFW_KEY_ESCAPE)) {
    state.set_help_open(false);
  }
  return state.help_open();
}

void draw_help_overlay(const AppState& state, const Ui& ui) {
  const std::vector<KeyHelp> keys = keys_for(state.view());
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiStyle& style = ImGui::GetStyle();
  // Sized to its rows, centred, over a dimmed view.
  ImFont* body = ui.fonts.body;
  float key_width = 0.0f;
  float does_width = 0.0f;
  for (const KeyHelp& k : keys) {
    key_width = std::max(
        key_width, ui.fonts.strong->CalcTextSizeA(ui.fonts.strong->FontSize, FLT_MAX, 0, k.key).x);
    does_width = std::max(does_width, body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, k.does).x);
  }
  const float row = body->FontSize + style.CellPadding.y * 2 + 1.0f;
  const ImVec2 size(
      std::min(io.DisplaySize.x - 40.0f * ui.scale,
               key_width + does_width + style.CellPadding.x * 4 + style.WindowPadding.x * 2 +
                   8.0f * ui.scale),
      std::min(io.DisplaySize.y - 40.0f * ui.scale,
               row * static_cast<float>(keys.size()) + style.WindowPadding.y * 2 +
                   ui.fonts.prompt->FontSize + ui.fonts.small->FontSize + style.ItemSpacing.y * 2));
  ImGui::SetNextWindowPos(
      ImVec2((io.DisplaySize.x - size.x) * 0.5f, (io.DisplaySize.y - size.y) * 0.5f));
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.palette.panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  ImGui::Begin(
      "Keys", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(ui.fonts.prompt);
  ImGui::TextUnformatted((std::string("Keys: ") + to_string(state.view())).c_str());
  ImGui::PopFont();
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, key_width);
    ImGui::TableSetupColumn("does", ImGuiTableColumnFlags_WidthStretch);
    for (const KeyHelp& k : keys) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushFont(ui.fonts.strong);
      ImGui::TextColored(ui.palette.accent, "%s", k.key);
      ImGui::PopFont();
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(k.does);
    }
    ImGui::EndTable();
  }
  ImGui::PushFont(ui.fonts.small);
  ImGui::TextColored(ui.palette.muted, "F1 or Esc: close");
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace citecard::gui
