#include "browse_rows.hpp"

#include <algorithm>
#include <cctype>

namespace citecard::gui {
namespace {

bool contains_folded(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return true;
  const auto fold = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [&](char a, char b) { return fold(a) == fold(b); });
  return it != haystack.end();
}

bool text_matches(const BrowseRow& row, const std::string& text) {
  if (text.empty()) return true;
  const Card& c = row.card;
  if (contains_folded(c.prompt, text) || contains_folded(c.answer, text)) return true;
  for (const std::string& choice : c.choices)
    if (contains_folded(choice, text)) return true;
  for (const Citation& citation : c.citations)
    if (contains_folded(citation.text, text)) return true;
  return false;
}

bool state_matches(const BrowseRow& row, const std::string& state) {
  if (state.empty() || state == "all") return true;
  if (state == "suspended") return row.suspended;
  return to_string(row.state) == state;
}

}  // namespace

std::string speaker_of(const Card& card) {
  if (card.type == card_type::kWhoSaid || card.type == card_type::kWhoSaidTyped) return card.answer;
  return {};
}

bool matches(const BrowseRow& row, const BrowseFilter& filter) {
  if (!filter.type.empty() && filter.type != "all" && row.card.type != filter.type) return false;
  if (!filter.source.empty() && filter.source != "all") {
    const auto& cites = row.card.citations;
    if (std::none_of(cites.begin(), cites.end(),
                     [&](const Citation& c) { return c.source == filter.source; }))
      return false;
  }
  return state_matches(row, filter.state) && contains_folded(row.speaker, filter.speaker) &&
         text_matches(row, filter.text);
}

}  // namespace citecard::gui
