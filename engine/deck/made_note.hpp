// A note as the deck builder makes it: what the store keeps of a hand-written or generated note.
#pragma once

#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "deck/deck_spec.hpp"

namespace citecard::deck {

struct MadeNote {
  std::string id;
  NoteKind kind = NoteKind::Fact;
  std::string body_json;  // the note's own fields, for the store
  std::vector<Citation> citations;
};

}  // namespace citecard::deck
