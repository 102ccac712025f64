// citecard-gui — Stats: answers per day over the last 30, 90 or 365 days, the reviews due in the
// next 30 days, true retention, and how stability and difficulty are spread over the cards,
// computed by the engine (compute_review_stats) and drawn as ImGui histograms.
//
// Keys: 1 / 2 / 3 show 30 / 90 / 365 days, Esc back to the deck list.
#pragma once

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

void draw_stats_view(AppState& state, const Ui& ui);

}  // namespace citecard::gui
