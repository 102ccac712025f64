// citecard-gui — the article reader: the whole source behind a card, its cited span highlighted
// and scrolled into view, with the outlet, author and date the article states, and the quotes
// it carries listed by speaker. Clicking a quote highlights it in the article and scrolls to it.
//
// Keys: Esc or R  back to the card (as it was: answer side up).
#pragma once

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

void draw_reader_view(AppState& state, const Ui& ui);

}  // namespace citecard::gui
