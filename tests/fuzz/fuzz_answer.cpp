// Fuzzes typed-answer checking: input is "typed|expected|alias" (fields split at '|'). An answer
// typed exactly as expected must be correct.
#include <cstdlib>

#include "citecard/answer_check.hpp"
#include "citecard/extract.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts =
      citecard::fuzz::split(std::string_view(reinterpret_cast<const char*>(data), size), "|", 3);
  const std::string& typed = parts[0];
  const std::string& expected = parts[1];
  (void)citecard::normalise_answer(typed);
  (void)citecard::check_answer(typed, expected, {parts[2]});
  if (!citecard::normalise_answer(expected).empty() &&
      citecard::check_answer(expected, expected).verdict != citecard::Verdict::Correct)
    std::abort();
  (void)citecard::speaker_aliases(expected, {typed, expected, parts[2]});
  (void)citecard::name_key(typed);
  return 0;
}
