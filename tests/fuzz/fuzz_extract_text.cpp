// Fuzzes the extractor on plain text. Input that is not UTF-8 must be refused; the same input
// with its bad bytes replaced must then be extracted without a crash, so the fuzzer reaches past
// the UTF-8 check. Every quote and fact found must point at bytes inside the text.
#include <cstdlib>

#include "citecard/extract.hpp"
#include "fuzz_input.hpp"

namespace {

void run(std::string_view text) {
  citecard::ExtractOptions options;
  options.article_date = "2023-09-13";
  auto x = citecard::extract(text, options);
  if (!x) return;
  for (const auto& q : x->quotes)
    if (q.start < 0 || q.end < q.start || static_cast<std::size_t>(q.end) > text.size())
      std::abort();
  for (const auto& f : x->facts)
    if (f.start < 0 || f.end < f.start || static_cast<std::size_t>(f.end) > text.size())
      std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = citecard::validate_utf8(text).ok();
  if (valid) {
    run(text);
  } else {
    if (citecard::extract(text).ok()) std::abort();  // invalid UTF-8 must be refused
    run(citecard::fuzz::repair_utf8(text));
  }
  return 0;
}
