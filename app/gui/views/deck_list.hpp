// citecard-gui — the first view: every deck with what is due in it today.
#pragma once

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

// Keys: Up/Down choose a deck, Enter or Space studies it, B browses every card. A click on a row
// studies it too.
class DeckListView {
 public:
  void draw(AppState& state, const Ui& ui);

 private:
  int selected_ = 0;
};

}  // namespace citecard::gui
