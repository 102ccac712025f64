// citecard-gui — scripted input for tests and screenshots: `--script "reveal,rate:3"` drives the
// study view through the same actions a click or key press takes, one step per frame.
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"
#include "citecard/result.hpp"

namespace citecard::gui {

struct ScriptStep {
  enum class Kind {
    Study,
    Pick,
    Reveal,
    Rate,
    Undo,
    Reader,
    Browse,
    Search,
    Select,
    Suspend,
    Unsuspend,
    Back,
    Builder,
    Stats,
    Settings,
    Fit,
    UseFit,
    AddArticles,
    MakeDeck,
    Wait,
    Decide,
    Save,
    Bury,
    ShowCard,
    Theme,
    FontSize,
    Export,
    Steps,
    Key
  };
  Kind kind = Kind::Reveal;
  std::string deck;  // Study: the deck to open; empty for the first one. Search: the text;
                     // ShowCard: the card id; Theme: "light" or "dark"
  int value = 0;     // Pick: choice index from 0; Rate: rating 1-4; Key: GLFW key code;
                     // Decide: candidate from 1
  std::string path;  // AddArticles: a file or folder; MakeDeck: the deck folder
  Decision decision = Decision::Accept;  // Decide
  bool ctrl = false;                     // Key: held with Ctrl
  std::string text;                      // the step as written, for messages
};

// Parses a comma-separated script. Steps:
//   study[:DECK]  open DECK (the first deck when omitted)
//   pick:A..D     pick a choice of a multiple-choice card (also 1..n)
//   reveal        show the answer
//   rate:1..4     rate again/hard/good/easy (names accepted too)
//   undo          take back the last answer of this session
//   reader        open the card's article in the reader (answer side)
//   browse        open the Browse view
//   search:TEXT   Browse: show the cards whose text holds TEXT
//   select:N|all  Browse: select the Nth card shown (from 1, deck order), or all shown
//   suspend       Browse: suspend the selected cards (unsuspend: bring them back); Study:
//                 suspend the card on screen
//   bury          Study: bury the card on screen until the next study day
//   card:ID       show card ID, question side up, as Study does
//   theme:dark|light, font:PX   the look, as Settings sets it (applied before the next frame)
//   export        Stats: save each chart as a PNG (in the collection's folder, charts/)
//   steps:S       Settings: type S as the learning steps, ';' for ',' ("steps:1m;10m")
//   back          go back to the deck list
//   stats         open the Stats view
//   settings      open Settings
//   fit           Settings: fit the parameters to the collection's log (off the UI thread)
//   usefit        Settings: store the fitted parameters (after wait)
//   builder       open the Builder
//   add:PATH      Builder: choose an article file or a folder of them
//   newdeck:DIR   Builder: make or grow the deck DIR from the chosen files and make its cards
//                 (off the UI thread)
//   wait          draw frames until the Builder's cards are made or the fit is done
//   accept:N, reject:N   Builder: decide on the Nth candidate card (from 1, deck order)
//   save          Builder: write the decisions to deck.toml and build the deck
//   key:K         press key K (space, enter, escape, up, down, minus, f1, a-z, 0-9; ctrl+z
//                 etc. with Ctrl)
//                 in the current view:
//                 unlike the others, this tests the views' key bindings
Result<std::vector<ScriptStep>> parse_script(const std::string& script);

// Performs one step other than Key (which needs a frame drawn: see main.cpp); an error says why
// it could not be taken (e.g. no card shown).
Result<void> run_script_step(AppState& state, const ScriptStep& step);

}  // namespace citecard::gui
