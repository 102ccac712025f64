// citecard-gui — Settings: desired retention, new cards and reviews per day, the hour a study day
// starts and the leech threshold (the options `citecard options` shows), saved together; and
// "Fit my parameters", the engine's optimizer run on the collection's own review log off the UI
// thread, whose result (with its log loss beside the current parameters') is stored only when
// the learner confirms.
//
// Keys: Ctrl+S save, F fit, Esc back to the deck list.
#pragma once

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

void draw_settings_view(AppState& state, const Ui& ui);

}  // namespace citecard::gui
