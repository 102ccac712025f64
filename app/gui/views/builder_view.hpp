// citecard-gui — Builder: make or grow a deck from article files (.txt, .html saved from a
// browser) chosen in a file browser, watch its candidate cards being made (off the UI thread,
// with a progress bar), read them grouped by article with their citation and, for who-said
// cards, the attribution's confidence; accept, reject or edit each (prompt, answer or speaker),
// and save the decisions as the deck's overlay (deck.toml), which `citecard build` reads too.
//
// Keys (outside text fields): Up/Down (or J/K) move between cards, A accept, X reject, E edit,
// Ctrl+S save and build, Esc back to the deck list.
#pragma once

#include <cstddef>
#include <string>

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

class BuilderView {
 public:
  void draw(AppState& state, const Ui& ui);

 private:
  void draw_chooser(AppState& state, const Ui& ui);
  void draw_candidates(AppState& state, const Ui& ui);

  std::string folder_;    // the file browser's folder
  std::string deck_dir_;  // the deck folder to make or grow
  std::string title_;
  std::size_t selected_ = 0;  // index into BuilderDeck::candidates
  bool scroll_to_selected_ = false;
};

}  // namespace citecard::gui
