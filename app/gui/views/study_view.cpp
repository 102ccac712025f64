#include "study_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "../widgets.hpp"
#include "citation_panel.hpp"
#include "citecard/answer_check.hpp"

namespace citecard::gui {
namespace {

constexpr std::array<const char*, 4> kRatingNames = {"Again", "Hard", "Good", "Easy"};
constexpr int kLetterKeys = 4;  // choices beyond D are picked with the mouse

// What the learner typed for a free-recall card, and its verdict once the answer shows. Kept by
// the view: it lives only while the card is on screen.
struct TypedAnswer {
  std::string card_id;
  std::string text;
  std::optional<AnswerCheck> check;
  bool focus = true;  // put the cursor in the field when the card first shows
  bool was_revealed = false;
};

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t") == std::string::npos;
}

// The typed answer for the card on screen: fresh for each new card or each new showing of a card
// (one answered Again comes back), checked as soon as the answer shows, however it was shown.
TypedAnswer& typed_answer_for(AppState& state, const Card& card) {
  static TypedAnswer typed;
  if (typed.card_id != card.id || (typed.was_revealed && !state.revealed())) {
    typed = TypedAnswer{};
    typed.card_id = card.id;
  }
  if (state.revealed() && !typed.was_revealed && !is_blank(typed.text))
    typed.check = state.check_typed(typed.text);
  typed.was_revealed = state.revealed();
  return typed;
}

// Space's rating: from the typed answer's verdict when there is one, else the app's.
Rating suggested_rating(const AppState& state, const TypedAnswer* typed) {
  return typed != nullptr && typed->check ? typed->check->suggested : state.suggested_rating();
}

void handle_keys(AppState& state, Rating suggested, const TypedAnswer* typed) {
  if (key_pressed(GLFW_KEY_ESCAPE)) {
    state.back_to_decks();
    return;
  }
  // While an answer is being typed, letters, digits, Space and Enter belong to the text field,
  // and so does Ctrl+Z once it holds text (to undo typing); in an empty field it takes back the
  // last answer, as everywhere else.
  const bool typing = ImGui::GetIO().WantTextInput;
  const bool field_has_text = typed != nullptr && !is_blank(typed->text);
  const bool undo = typing ? ImGui::GetIO().KeyCtrl && key_pressed(GLFW_KEY_Z) && !field_has_text
                           : undo_pressed();
  if (undo) {
    if (state.can_undo()) state.undo();
    return;
  }
  if (typing) return;
  // Putting a card aside works on either side: S suspends it, - buries it until tomorrow.
  if (key_pressed(GLFW_KEY_S)) {
    state.suspend_card();
    return;
  }
  if (key_pressed(GLFW_KEY_MINUS) || key_pressed(GLFW_KEY_KP_SUBTRACT)) {
    state.bury_card();
    return;
  }
  const bool confirm =
      key_pressed(GLFW_KEY_SPACE) || key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER);
  if (!state.revealed()) {
    if (confirm) state.reveal();
    for (int i = 0; i < kLetterKeys; ++i) {
      if (key_pressed(GLFW_KEY_A + i)) state.pick_choice(i);
    }
    return;
  }
  if (key_pressed(GLFW_KEY_R)) {
    state.open_reader();
    return;
  }
  for (int r = 1; r <= 4; ++r) {
    if (key_pressed(GLFW_KEY_0 + r) || key_pressed(GLFW_KEY_KP_0 + r)) {
      state.rate(static_cast<Rating>(r));
      return;
    }
  }
  if (confirm) state.rate(suggested);
}

std::string deck_counts(const DeckSummary* deck) {
  if (deck == nullptr) return {};
  return std::to_string(deck->new_available) + " new  \xC2\xB7  " +
         std::to_string(deck->learning_due) + " learning  \xC2\xB7  " +
         std::to_string(deck->review_due) + " review";
}

const char* type_label(const Card& card) {
  if (card.type == card_type::kWhoSaid) return "WHO SAID IT?";
  if (card.type == card_type::kFact) return "FACT";
  return "QUESTION";
}

// One choice of a multiple-choice card: a letter badge and the choice, coloured once the answer
// shows (right in green, a wrong pick in red). Returns true when clicked before the answer shows.
bool choice_row(const Ui& ui, int index, const std::string& text, bool revealed, bool is_answer,
                bool is_picked) {
  // A long choice wraps and the row grows to hold it, rather than running under the mark.
  ImFont* body = ui.fonts.body;
  const float row_width = ImGui::GetContentRegionAvail().x;
  const float text_x = 8.0f * ui.scale + (46.0f - 16.0f) * ui.scale + 14.0f * ui.scale;
  const float wrap_width = std::max(row_width - text_x - 40.0f * ui.scale, 1.0f);
  const float text_height =
      body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap_width, text.c_str()).y;
  const float height = std::max(46.0f * ui.scale, text_height + 20.0f * ui.scale);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 size(row_width, height);
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::PushID(index);
  const bool clicked = ImGui::InvisibleButton("choice", size) && !revealed;
  const bool hovered = ImGui::IsItemHovered() && !revealed;
  ImGui::PopID();

  const Palette& p = ui.palette;
  ImVec4 accent = p.accent;
  ImVec4 fill = hovered ? lighten(p.accent, 0.88f) : p.panel;
  ImVec4 text_colour = p.text;
  const char* mark = nullptr;
  if (revealed && is_answer) {
    accent = p.right;
    fill = lighten(p.right, 0.85f);
    mark = "\xE2\x9C\x93";  // ✓
  } else if (revealed && is_picked) {
    accent = p.wrong;
    fill = lighten(p.wrong, 0.87f);
    mark = "\xE2\x9C\x97";  // ✗
  } else if (revealed) {
    accent = p.muted;
    text_colour = p.muted;
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = ImGui::GetStyle().FrameRounding;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(fill), rounding);
  draw->AddRect(
      min, max,
      ImGui::GetColorU32(lighten(accent, revealed && !is_answer && !is_picked ? 0.6f : 0.35f)),
      rounding, 0, 1.5f * ui.scale);

  // Letter badge.
  const float badge = (46.0f - 16.0f) * ui.scale;
  const ImVec2 badge_min(min.x + 8.0f * ui.scale, min.y + (height - badge) * 0.5f);
  const ImVec2 badge_max(badge_min.x + badge, badge_min.y + badge);
  draw->AddRectFilled(badge_min, badge_max, ImGui::GetColorU32(lighten(accent, 0.8f)), rounding);
  const char letter[2] = {static_cast<char>('A' + index), '\0'};
  ImFont* strong = ui.fonts.strong;
  const ImVec2 letter_size = strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, letter);
  draw->AddText(strong, strong->FontSize,
                ImVec2(badge_min.x + (badge - letter_size.x) * 0.5f,
                       badge_min.y + (badge - letter_size.y) * 0.5f),
                ImGui::GetColorU32(accent), letter);

  const float text_y = min.y + (height - text_height) * 0.5f;
  draw->PushClipRect(min, max, true);
  draw->AddText(body, body->FontSize, ImVec2(min.x + text_x, text_y),
                ImGui::GetColorU32(text_colour), text.c_str(), nullptr, wrap_width);
  if (mark != nullptr) {
    const float mark_width = strong->CalcTextSizeA(strong->FontSize, FLT_MAX, 0, mark).x;
    draw->AddText(
        strong, strong->FontSize,
        ImVec2(max.x - mark_width - 16.0f * ui.scale, min.y + (height - strong->FontSize) * 0.5f),
        ImGui::GetColorU32(accent), mark);
  }
  draw->PopClipRect();
  return clicked;
}

void draw_choices(AppState& state, const Ui& ui, const Card& card) {
  for (std::size_t i = 0; i < card.choices.size(); ++i) {
    const int index = static_cast<int>(i);
    const bool is_answer = card.choices[i] == card.answer;
    const bool is_picked = state.picked_choice() == index;
    if (choice_row(ui, index, card.choices[i], state.revealed(), is_answer, is_picked)) {
      state.pick_choice(index);
    }
  }
}

// The field for a free-recall card's answer; Enter shows the answer (checked, if anything was
// typed).
void draw_typed_field(AppState& state, const Ui& ui, TypedAnswer& typed) {
  if (typed.focus) {
    ImGui::SetKeyboardFocusHere();
    typed.focus = false;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::PushFont(ui.fonts.body);
  const bool entered = ImGui::InputTextWithHint("##typed-answer", "Type your answer, then Enter",
                                                &typed.text, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::PopFont();
  if (entered) state.reveal();
}

void draw_verdict(const Ui& ui, const TypedAnswer& typed) {
  const AnswerCheck& check = *typed.check;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ui.palette.muted, "You typed: %s", typed.text.c_str());
  ImGui::PushFont(ui.fonts.strong);
  switch (check.verdict) {
    case Verdict::Correct:
      ImGui::TextColored(ui.palette.right, "\xE2\x9C\x93 Correct");
      break;
    case Verdict::Close:
      ImGui::TextColored(ui.palette.hard, "~ Close");
      break;
    case Verdict::Wrong:
      ImGui::TextColored(ui.palette.wrong, "\xE2\x9C\x97 Wrong");
      break;
  }
  ImGui::PopFont();
  if (!check.detail.empty()) ImGui::TextColored(ui.palette.text, "%s", check.detail.c_str());
  ImGui::TextColored(ui.palette.muted, "Suggested rating: %s (Space) \xE2\x80\x94 or pick another.",
                     kRatingNames[static_cast<std::size_t>(check.suggested) - 1]);
  ImGui::PopTextWrapPos();
}

void draw_answer(const AppState& state, const Ui& ui, const Card& card, const TypedAnswer* typed) {
  ImGui::Spacing();
  if (card.choices.empty()) {
    ImGui::Separator();
    ImGui::Spacing();
    section_label(ui, "ANSWER");
    ImGui::PushFont(ui.fonts.prompt);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ui.palette.right, "%s", card.answer.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (typed != nullptr && typed->check) {
      ImGui::Spacing();
      draw_verdict(ui, *typed);
    }
    return;
  }
  if (!state.picked_choice()) return;  // the right choice is already marked in green
  ImGui::PushFont(ui.fonts.strong);
  ImGui::PushTextWrapPos(0.0f);
  if (state.picked_right()) {
    ImGui::TextColored(ui.palette.right, "\xE2\x9C\x93 Right.");
  } else {
    ImGui::TextColored(ui.palette.wrong, "\xE2\x9C\x97 Not quite \xE2\x80\x94 it was %s.",
                       card.answer.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::TextColored(ui.palette.muted, "Suggested rating: %s (Space) \xE2\x80\x94 or pick another.",
                     kRatingNames[static_cast<std::size_t>(state.suggested_rating()) - 1]);
}

void draw_question(AppState& state, const Ui& ui, const Card& card, TypedAnswer* typed) {
  section_label(ui, type_label(card));
  // A prompt of several lines is a question over the material it asks about ("Who said this?
  // (context)" then the quote): the question reads as a lead-in, the material large.
  const std::string& prompt = card.prompt;
  const std::size_t newline = prompt.find('\n');
  ImGui::PushTextWrapPos(0.0f);
  if (newline != std::string::npos) {
    ImGui::PushFont(ui.fonts.strong);
    ImGui::TextColored(ui.palette.muted, "%s", prompt.substr(0, newline).c_str());
    ImGui::PopFont();
  }
  ImGui::PushFont(ui.fonts.prompt);
  ImGui::TextUnformatted(newline == std::string::npos ? prompt.c_str()
                                                      : prompt.c_str() + newline + 1);
  ImGui::PopFont();
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 8.0f * ui.scale));

  if (!card.choices.empty()) draw_choices(state, ui, card);
  if (typed != nullptr && !state.revealed()) draw_typed_field(state, ui, *typed);
  if (state.revealed()) draw_answer(state, ui, card, typed);
}

void draw_source(AppState& state, const Ui& ui) {
  if (state.revealed()) {
    draw_citation_panel(state.citations(), ui);
    ImGui::Spacing();
    if (labelled_button(
            "read", "Read the whole article", "key R",
            ImVec2(std::min(ImGui::GetContentRegionAvail().x, 300.0f * ui.scale), 44.0f * ui.scale),
            ui.palette.accent, false, ui)) {
      state.open_reader();
    }
    return;
  }
  section_label(ui, "SOURCE");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ui.palette.muted,
                     "The article this card cites shows here with the answer, its sentence "
                     "highlighted.");
  ImGui::PopTextWrapPos();
}

void draw_bottom_bar(AppState& state, const Ui& ui, float width, Rating suggested) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float height = 58.0f * ui.scale;
  if (!state.revealed()) {
    const float button_width = std::min(width, 360.0f * ui.scale);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - button_width) * 0.5f);
    // With the answer field's cursor, Space is a space in the answer; Enter shows it.
    const bool typing = ImGui::GetIO().WantTextInput;
    if (labelled_button("show", "Show answer", typing ? "Enter" : "Space",
                        ImVec2(button_width, height), ui.palette.accent, true, ui)) {
      state.reveal();
    }
    const Card* card = state.card();
    const char* hint = card != nullptr && !card->choices.empty()
                           ? "Pick a choice with the mouse or keys A\xE2\x80\x93"
                             "D  \xC2\xB7  Esc: decks"
                           : "Type the answer and press Enter, or just show it  \xC2\xB7  "
                             "Esc: decks";
    std::string line = hint;
    if (state.can_undo()) line += "  \xC2\xB7  U: undo last answer";
    line += "  \xC2\xB7  F1: keys";
    centered_text(ui.fonts.small, line, ui.palette.muted, width);
    return;
  }
  const std::array<ImVec4, 4> colours = {ui.palette.again, ui.palette.hard, ui.palette.good,
                                         ui.palette.easy};
  const float button_width = (width - 3 * spacing) / 4;
  for (int r = 1; r <= 4; ++r) {
    const auto index = static_cast<std::size_t>(r - 1);
    if (r > 1) ImGui::SameLine();
    const std::string detail =
        state.interval_labels()[index] + "  \xC2\xB7  key " + std::to_string(r);
    if (labelled_button(kRatingNames[index], kRatingNames[index], detail,
                        ImVec2(button_width, height), colours[index],
                        static_cast<int>(suggested) == r, ui)) {
      state.rate(static_cast<Rating>(r));
      return;
    }
  }
  std::string hint = std::string("Space: ") +
                     kRatingNames[static_cast<std::size_t>(suggested) - 1] +
                     "  \xC2\xB7  R: article  \xC2\xB7  S: suspend  \xC2\xB7  \xE2\x80\x93: bury"
                     "  \xC2\xB7  Esc: decks";
  if (state.can_undo()) hint += "  \xC2\xB7  U: undo";
  hint += "  \xC2\xB7  F1: keys";
  centered_text(ui.fonts.small, hint, ui.palette.muted, width);
}

}  // namespace

void draw_study_view(AppState& state, const Ui& ui) {
  TypedAnswer* typed = nullptr;
  if (state.card() != nullptr && state.card()->choices.empty())
    typed = &typed_answer_for(state, *state.card());
  handle_keys(state, suggested_rating(state, typed), typed);
  if (state.view() != View::Study) return;  // the keys finished the deck or went back
  // The keys may have moved on to another card: its typed answer starts afresh.
  typed = nullptr;
  if (state.card() != nullptr && state.card()->choices.empty())
    typed = &typed_answer_for(state, *state.card());

  header_bar(ui, state.current_deck() ? state.current_deck()->title : std::string(),
             deck_counts(state.current_deck()));
  error_banner(state, ui);
  const Card* card = state.card();
  if (card == nullptr) return;

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = std::min(avail.x, 1320.0f * ui.scale);
  const float indent = (avail.x - width) * 0.5f;
  const float bar_height = 58.0f * ui.scale + ImGui::GetTextLineHeightWithSpacing() +
                           ImGui::GetStyle().ItemSpacing.y * 2;
  const float height = avail.y - bar_height;
  // Side by side when there is room, so question and source are seen together; stacked otherwise.
  const bool side_by_side = width >= 960.0f * ui.scale;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysUseWindowPadding;

  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  // Children are named per card, so each card starts scrolled to its top.
  ImGui::PushID(card->id.c_str());
  if (side_by_side) {
    const float question_width = std::floor((width - spacing) * 0.46f);
    ImGui::BeginChild("question", ImVec2(question_width, height), true, flags);
    draw_question(state, ui, *card, typed);
    ImGui::EndChild();
    ImGui::SameLine();
    // A new child once revealed, so the citation panel sees itself appear and can scroll.
    ImGui::BeginChild(state.revealed() ? "source-revealed" : "source",
                      ImVec2(width - question_width - spacing, height), true, flags);
    draw_source(state, ui);
    ImGui::EndChild();
  } else {
    ImGui::BeginChild("card", ImVec2(width, height), true, flags);
    draw_question(state, ui, *card, typed);
    if (state.revealed()) {
      ImGui::Spacing();
      ImGui::Separator();
      ImGui::Spacing();
      draw_source(state, ui);
    }
    ImGui::EndChild();
  }
  ImGui::PopID();

  ImGui::Spacing();
  const float bar_width = std::min(width, 920.0f * ui.scale);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent + (width - bar_width) * 0.5f);
  ImGui::BeginGroup();
  draw_bottom_bar(state, ui, bar_width, suggested_rating(state, typed));
  ImGui::EndGroup();
}

}  // namespace citecard::gui
