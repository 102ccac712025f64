#include "deck/edit_distance.hpp"

#include <algorithm>
#include <vector>

namespace citecard::deck {

int edit_distance(std::u32string_view a, std::u32string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n == 0) return static_cast<int>(m);
  if (m == 0) return static_cast<int>(n);
  // Three rows suffice: a swap looks back two rows.
  std::vector<int> before_previous(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      const int substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        best = std::min(best, before_previous[j - 2] + 1);
      current[j] = best;
    }
    std::swap(before_previous, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

}  // namespace citecard::deck
