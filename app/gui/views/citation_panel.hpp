// citecard-gui — where an answer comes from: the article's outlet, title and date, and the cited
// sentence highlighted inside its paragraph, so the learner sees the claim in its context.
#pragma once

#include <vector>

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

// Draws the citations into the current window, one after another; when the window first appears
// it scrolls to the first cited sentence if that is out of view.
void draw_citation_panel(const std::vector<CitationDisplay>& citations, const Ui& ui);

}  // namespace citecard::gui
