#include "deck/quote_marks.hpp"

#include <array>

namespace citecard::deck {
namespace {

constexpr std::array<std::string_view, 3> kOpening = {"\u201C", "\u2018", "\""};
constexpr std::array<std::string_view, 3> kClosing = {"\u201D", "\u2019", "\""};

}  // namespace

bool is_enclosed_in_quotation_marks(std::string_view text, std::size_t begin, std::size_t end) {
  bool opened = false;
  for (auto mark : kOpening)
    if (begin >= mark.size() && text.substr(begin - mark.size(), mark.size()) == mark)
      opened = true;
  bool closed = false;
  for (auto mark : kClosing)
    if (text.substr(end, mark.size()) == mark) closed = true;
  // A single straight apostrophe-like mark is also a quotation mark in some outlets' style.
  if (!opened && begin >= 1 && text[begin - 1] == '\'') opened = true;
  if (!closed && end < text.size() && text[end] == '\'') closed = true;
  return opened && closed;
}

}  // namespace citecard::deck
