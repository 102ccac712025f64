// The engine's word lists, read from the text files in deck/data/ (compiled in by CMake): one
// entry a line, '#' lines are comments that say where the list comes from.
#pragma once

#include <string>
#include <vector>

namespace citecard::deck {

// Each entry of a list in ASCII lower case.
const std::vector<std::string>& site_furniture_phrases();
const std::vector<std::string>& spoke_to_cues();
const std::vector<std::string>& vague_words();
// deck/data/minor_units.txt and number_labels.txt: a count of these is a detail; after these a
// number is a label.
const std::vector<std::string>& minor_units();
const std::vector<std::string>& number_labels();

// The kind of a role description by deck/data/role_kinds.txt ("a senior fellow at CSIS" ->
// "expert", "Russian President" -> "leader"), or "" when no word of it marks a kind.
std::string role_kind(const std::string& role);

// The non-comment, non-blank lines of a list's text, trimmed but not normalised.
std::vector<std::string> list_lines(const char* text);

}  // namespace citecard::deck
