#include "deck/word_list.hpp"

#include <algorithm>

namespace citecard::data {
extern const char* const kSiteFurniture;
extern const char* const kSpokeToCues;
extern const char* const kVagueWords;
extern const char* const kRoleKinds;
extern const char* const kMinorUnits;
extern const char* const kNumberLabels;
}  // namespace citecard::data

namespace citecard::deck {
namespace {

std::vector<std::string> normalised(const char* text) {
  std::vector<std::string> out;
  for (auto& line : list_lines(text)) {
    for (char& c : line)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(std::move(line));
  }
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

struct RoleKind {
  std::string kind;
  std::vector<std::string> words;
};

const std::vector<RoleKind>& role_kinds() {
  static const std::vector<RoleKind> kinds = [] {
    std::vector<RoleKind> out;
    for (const auto& line : list_lines(data::kRoleKinds)) {
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      out.push_back({line.substr(0, colon), ascii_words(line.substr(colon + 1))});
    }
    return out;
  }();
  return kinds;
}

}  // namespace

std::string role_kind(const std::string& role) {
  // The first word that marks a kind decides: "a professor of international relations at King’s
  // College" is a professor, not a king; "a scholar at … and former … official" a scholar.
  // A plural ("scholars Robert Carlin and Siegfried Hecker") marks the kind as its singular does.
  for (const auto& w : ascii_words(role)) {
    const std::string singular = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
    for (const auto& kind : role_kinds())
      for (const auto& marker : kind.words)
        if (marker == w || marker == singular) return kind.kind;
  }
  return {};
}

std::vector<std::string> list_lines(const char* text) {
  std::vector<std::string> out;
  const std::string all(text);
  std::size_t begin = 0;
  while (begin < all.size()) {
    std::size_t end = all.find('\n', begin);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(begin, end - begin);
    begin = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    out.push_back(std::move(line));
  }
  return out;
}

const std::vector<std::string>& site_furniture_phrases() {
  static const std::vector<std::string> list = normalised(data::kSiteFurniture);
  return list;
}

const std::vector<std::string>& spoke_to_cues() {
  static const std::vector<std::string> list = normalised(data::kSpokeToCues);
  return list;
}

const std::vector<std::string>& vague_words() {
  static const std::vector<std::string> list = normalised(data::kVagueWords);
  return list;
}

const std::vector<std::string>& minor_units() {
  static const std::vector<std::string> list = normalised(data::kMinorUnits);
  return list;
}

const std::vector<std::string>& number_labels() {
  static const std::vector<std::string> list = normalised(data::kNumberLabels);
  return list;
}

}  // namespace citecard::deck
