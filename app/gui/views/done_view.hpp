// citecard-gui — shown when a deck has nothing more due today: what was done, what comes later.
#pragma once

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

// Keys: Enter, Space or Esc go back to the deck list.
void draw_done_view(AppState& state, const Ui& ui);

}  // namespace citecard::gui
