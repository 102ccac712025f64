// Countries with their capitals, demonyms and other written forms (lexicon/countries.txt): "China",
// "Beijing", "Chinese" and "PRC" name one place, so none may be a wrong choice beside another, and
// a blank hiding one is given away by any other in the sentence.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citecard::deck {

enum class PlaceForm { country, capital, demonym, other };

struct PlaceName {
  int place = -1;  // index of the country in the list
  PlaceForm form = PlaceForm::other;
};

// The place a name or adjective denotes, when the list knows it (case and hyphens ignored).
std::optional<PlaceName> place_name(std::string_view name);

// Every written form of a place: country, capital, demonym and the other forms.
std::vector<std::string> place_forms(int place);

// "a country", "a capital city": what kind of answer a form is, for prompts and reasons.
const char* to_string(PlaceForm form);

}  // namespace citecard::deck
