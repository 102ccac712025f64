// citecard-gui — studying a deck: the prompt, the choices of a multiple-choice card, the answer
// with its source, and the four rating buttons labelled with when the card would come back.
//
// Keys, chosen so a rating is never given by accident before the answer shows:
//   question side   Space / Enter  show the answer
//                   A B C D        pick that choice (multiple-choice cards); this shows the answer
//                   typing         free-recall cards: the answer field has the cursor; Enter
//                                  checks what was typed and shows the answer (an empty field
//                                  just shows it). While the field has the cursor, keys are text.
//   answer side     1 2 3 4        rate Again / Hard / Good / Easy
//                   R              read the whole article in the reader
//                   Space / Enter  give the suggested rating: Good, Again after a wrong choice,
//                                  or from a typed answer's verdict (correct Good, close Hard,
//                                  wrong Again)
//   anywhere        Esc            back to the deck list
//                   U / Ctrl+Z     take back the last answer of this session: its card shows
//                                  again, question side up (while an answer is being typed, U is
//                                  a letter, and Ctrl+Z undoes typing until the field is empty)
#pragma once

#include "../app_state.hpp"
#include "../theme.hpp"

namespace citecard::gui {

void draw_study_view(AppState& state, const Ui& ui);

}  // namespace citecard::gui
