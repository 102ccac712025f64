#include "exchange/note_fields.hpp"

#include "exchange/html_text.hpp"

namespace citecard::exchange {
namespace {

std::string join_html(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "<br>") + to_html(line);
  return out;
}

// "<b>Outlet</b>, <i>Title</i>, date<br>“cited text”": who published it, then the words. What
// the article does not state is said plainly rather than printed as a value.
std::string source_html(const Citation& c) {
  constexpr std::string_view kNotStated = "not stated";
  std::string out =
      c.outlet == kNotStated ? "Outlet not stated" : "<b>" + to_html(c.outlet) + "</b>";
  if (c.title != kNotStated) out += ", <i>" + to_html(c.title) + "</i>";
  out += c.date == kNotStated ? " (date not stated)" : ", " + to_html(c.date);
  out += "<br>";
  const bool quoted = c.text.rfind("\u201C", 0) == 0 || c.text.rfind("\"", 0) == 0;
  out += quoted ? to_html(c.text) : "\u201C" + to_html(c.text) + "\u201D";
  return out;
}

}  // namespace

NoteFields note_fields(const Card& card) {
  NoteFields f;
  f.front = to_html(card.prompt);
  f.back = to_html(card.answer);
  f.choices = join_html(card.choices);
  for (const auto& c : card.citations)
    f.source += (f.source.empty() ? "" : "<br><br>") + source_html(c);
  return f;
}

}  // namespace citecard::exchange
