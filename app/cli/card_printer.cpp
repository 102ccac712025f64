#include "card_printer.hpp"

#include <fmt/format.h>

#include <string_view>

#include "citecard/safe_text.hpp"

namespace citecard::cli {
namespace {
// Every field is text from a deck or a package a user may have been sent.
std::string shown(std::string_view text) {
  return terminal_safe(text);
}
}  // namespace

void print_card_front(const Card& card, const std::string& heading) {
  fmt::print("\n── {} ─────────────────────────────────────────\n", shown(heading));
  fmt::print("{}\n", shown(card.prompt));
  for (std::size_t i = 0; i < card.choices.size(); ++i)
    fmt::print("  {}) {}\n", static_cast<char>('a' + i), shown(card.choices[i]));
}

void print_card_back(const Card& card) {
  fmt::print("\nAnswer: {}\n", shown(card.answer));
  if (!is_cited(card)) fmt::print("Imported: this card cites no source.\n");
  // A quote cited inside its attribution sentence is shown once, by the sentence.
  for (const auto& c : outermost_citations(card.citations)) {
    fmt::print("Source: {}\n", shown(source_label(c)));
    // A cited sentence that opens with a quotation already carries its marks.
    const bool quoted = c.text.rfind("\u201C", 0) == 0 || c.text.rfind("\"", 0) == 0;
    if (quoted)
      fmt::print("  {}\n", shown(c.text));
    else
      fmt::print("  “{}”\n", shown(c.text));
  }
}

}  // namespace citecard::cli
