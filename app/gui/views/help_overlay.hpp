// citecard-gui — the F1 overlay: every key of the view under it, and the keys that work
// everywhere. The table is the one list of the app's keys, so a key added to a view is added here.
#pragma once

#include <vector>

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

struct KeyHelp {
  const char* key;
  const char* does;
};

// The keys of `view`, then the keys every view shares.
std::vector<KeyHelp> keys_for(View view);

// F1 opens or closes the overlay, Esc closes it; while it is open the view under it takes no
// keys. Returns true when the overlay is open (drawn over the view).
bool handle_help_keys(AppState& state);
void draw_help_overlay(const AppState& state, const Ui& ui);

}  // namespace citecard::gui
