#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "citecard/fsrs.hpp"

namespace citecard {

Result<FsrsWeights> parse_fsrs_weights(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    items.emplace_back(text.substr(start, comma == text.npos ? text.npos : comma - start));
    if (comma == text.npos) break;
    start = comma + 1;
  }
  if (items.size() != kFsrsParameterCount) {
    return make_error(fmt::format("FSRS-6 takes 21 weights (w0..w20), {} given", items.size()));
  }
  FsrsWeights weights{};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& item = items[i];
    char* end = nullptr;
    weights[i] = std::strtod(item.c_str(), &end);
    const bool only_blanks_after =
        std::string_view(end).find_first_not_of(" \t") == std::string_view::npos;
    if (end == item.c_str() || !only_blanks_after || item.find_first_not_of(" \t") == item.npos) {
      return make_error(fmt::format("FSRS weight w{} ('{}') is not a number", i, item));
    }
  }
  return weights;
}

}  // namespace citecard
