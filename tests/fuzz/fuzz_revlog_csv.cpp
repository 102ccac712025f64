// Fuzzes reading a review log in the FSRS CSV format (`revlog import`, `optimize --revlog`) and
// turning it into training items, as `optimize` does before fitting.
#include "citecard/optimize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto entries =
      citecard::parse_revlog_csv(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!entries) return 0;
  (void)citecard::build_training_set(std::move(*entries), citecard::DayBoundary{});
  return 0;
}
