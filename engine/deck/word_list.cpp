#include "deck/word_list.hpp"

#include <map>
#include <span>

#include "word_lists.hpp"

namespace citecard::deck {
namespace {

std::vector<std::string> entries(std::span<const lexicon::Entry> list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& e : list) out.emplace_back(e.word);
  return out;
}

std::vector<std::string> ascii_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  return out;
}

// Each marker word of lexicon/role_kinds.txt and the kind it marks.
const std::map<std::string, std::string, std::less<>>& role_markers() {
  static const std::map<std::string, std::string, std::less<>> markers = [] {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& e : lexicon::role_kinds()) out.emplace(e.word, e.value);
    return out;
  }();
  return markers;
}

}  // namespace

std::string role_kind(const std::string& role) {
  // The first word that marks a kind decides: "a professor of international relations at King’s
  // College" is a professor, not a king; "a scholar at … and former … official" a scholar.
  // A plural ("scholars Robert Carlin and Siegfried Hecker") marks the kind as its singular does.
  // No marker ends in "s", so a word and its singular never mark two kinds.
  const auto& markers = role_markers();
  for (const auto& w : ascii_words(role)) {
    const std::string singular = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
    for (const auto& form : {w, singular})
      if (const auto it = markers.find(form); it != markers.end()) return it->second;
  }
  return {};
}

const std::vector<std::string>& site_furniture_phrases() {
  static const std::vector<std::string> list = entries(lexicon::site_furniture());
  return list;
}

const std::vector<std::string>& spoke_to_cues() {
  static const std::vector<std::string> list = entries(lexicon::spoke_to_cues());
  return list;
}

const std::vector<std::string>& vague_words() {
  static const std::vector<std::string> list = entries(lexicon::vague_words());
  return list;
}

const std::vector<std::string>& minor_units() {
  static const std::vector<std::string> list = entries(lexicon::minor_units());
  return list;
}

const std::vector<std::string>& number_labels() {
  static const std::vector<std::string> list = entries(lexicon::number_labels());
  return list;
}

}  // namespace citecard::deck
