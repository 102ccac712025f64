// citecard-gui — Browse: find cards by text, speaker, source, type and state in a sortable table,
// select one or many (Ctrl+click adds, Ctrl+A selects all shown), suspend or bring them back,
// and see the selected card's front, back and citations beside the table.
//
// Keys (outside the search fields): S suspend the selection, Shift+S unsuspend it, Ctrl+A select
// every card shown, Esc back to the deck list.
#pragma once

#include <vector>

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

class BrowseView {
 public:
  void draw(AppState& state, const Ui& ui);

 private:
  // The table's order: indices into AppState::browse_rows(), re-sorted when the sort or the
  // matches change.
  std::vector<std::size_t> order_;
  std::vector<std::size_t> last_matches_;
  int sort_column_ = -1;
  bool sort_descending_ = false;
};

}  // namespace citecard::gui
