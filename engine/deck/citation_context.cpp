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

}  // namespace citecard
