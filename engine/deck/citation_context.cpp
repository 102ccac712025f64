#include <fmt/format.h>

#include <algorithm>

#include "citecard/card.hpp"

namespace citecard {

CitationContext citation_context(const std::string& source_text, std::int64_t start,
                                 std::int64_t end) {
  const auto size = static_cast<std::int64_t>(source_text.size());
  start = std::clamp<std::int64_t>(start, 0, size);
  end = std::clamp<std::int64_t>(end, start, size);
  // Articles as copied from the web keep one paragraph per line.
  const auto line_start = source_text.rfind('\n', start == 0 ? 0 : start - 1);
  const std::size_t begin = (start == 0 || line_start == std::string::npos) ? 0 : line_start + 1;
  auto finish = source_text.find('\n', static_cast<std::size_t>(end));
  if (finish == std::string::npos) finish = source_text.size();
  CitationContext context;
  context.paragraph = source_text.substr(begin, finish - begin);
  context.highlight_begin = static_cast<std::size_t>(start) - begin;
  context.highlight_end = static_cast<std::size_t>(end) - begin;
  return context;
}

std::vector<Citation> outermost_citations(const std::vector<Citation>& citations) {
  std::vector<Citation> out;
  for (std::size_t i = 0; i < citations.size(); ++i) {
    const Citation& c = citations[i];
    bool inside = false;
    for (std::size_t j = 0; j < citations.size() && !inside; ++j) {
      const Citation& other = citations[j];
      if (j == i || other.source != c.source || other.start > c.start || c.end > other.end)
        continue;
      const bool larger = other.end - other.start > c.end - c.start;
      inside = larger || j < i;  // equal spans: the first stays
    }
    if (!inside) out.push_back(c);
  }
  return out;
}

std::string source_label(const Citation& citation) {
  const auto stated = [](const std::string& field) {
    return !field.empty() && field != "not stated";
  };
  std::string label;
  if (stated(citation.outlet)) label = citation.outlet;
  if (stated(citation.title))
    label += fmt::format("{}\u201C{}\u201D", label.empty() ? "" : " \u2014 ", citation.title);
  if (label.empty()) label = fmt::format("source {}", citation.source);
  if (stated(citation.date)) label += fmt::format(", {}", citation.date.substr(0, 10));
  return label;
}

}  // namespace citecard
