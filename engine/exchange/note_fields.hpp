// A card as the fields of an Anki note: Front, Back, Choices and Source, in HTML.
#pragma once

#include <array>
#include <string>

#include "citecard/card.hpp"

namespace citecard::exchange {

inline constexpr std::array<const char*, 4> kFieldNames = {"Front", "Back", "Choices", "Source"};

struct NoteFields {
  std::string front;    // the prompt
  std::string back;     // the answer
  std::string choices;  // one choice a line, empty for free recall
  std::string source;   // per citation: outlet, title, date, then the cited text
};

NoteFields note_fields(const Card& card);

}  // namespace citecard::exchange
