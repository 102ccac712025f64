// The deck's word lists, as the generator and lint read them. The lists themselves are text files
// in engine/lexicon/ with their provenance (sorted, checked and compiled in by the build).
#pragma once

#include <string>
#include <vector>

namespace citecard::deck {

// Each entry of a list in ASCII lower case.
const std::vector<std::string>& site_furniture_phrases();
const std::vector<std::string>& spoke_to_cues();
const std::vector<std::string>& vague_words();
// lexicon/minor_units.txt and number_labels.txt: a count of these is a detail; after these a
// number is a label.
const std::vector<std::string>& minor_units();
const std::vector<std::string>& number_labels();

// The kind of a role description by lexicon/role_kinds.txt ("a senior fellow at CSIS" ->
// "expert", "Russian President" -> "leader"), or "" when no word of it marks a kind.
std::string role_kind(const std::string& role);

}  // namespace citecard::deck
