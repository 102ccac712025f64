// citecard-gui — small drawing helpers the views share.
#pragma once

#include <imgui.h>

#include <string>

#include "app_state.hpp"
#include "theme.hpp"

namespace citecard::gui {

// A key went down this frame (held keys do not repeat: one press, one action). `key` is a GLFW
// key code, which is what Dear ImGui 1.86's GLFW backend indexes io.KeysDown with.
bool key_pressed(int key);

// While an overlay (F1's keys) covers the view, the view's keys are off.
void set_view_keys_enabled(bool enabled);

// U, or Ctrl+Z: take back the last answer.
bool undo_pressed();

// A button of `size` with a bold `title` over a small `detail` line (a key hint or an interval).
// Emphasised buttons are filled with `colour`; others are outlined in it.
bool labelled_button(const char* id, const std::string& title, const std::string& detail,
                     ImVec2 size, const ImVec4& colour, bool emphasised, const Ui& ui);

// The bar at the top of every view: the app's name, then `context` (a deck's title), and
// `right` aligned right, in muted text.
void header_bar(const Ui& ui, const std::string& context, const std::string& right);

// Shows the last error from the collection, if any, with a way to dismiss it.
void error_banner(AppState& state, const Ui& ui);

// Text horizontally centred in `width` from the cursor (0: the rest of the content region).
void centered_text(ImFont* font, const std::string& text, const ImVec4& colour, float width = 0.0f);

// A small upper-case label over a section ("SOURCE", "ANSWER").
void section_label(const Ui& ui, const char* label);

}  // namespace citecard::gui
