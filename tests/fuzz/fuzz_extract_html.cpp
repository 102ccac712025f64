// Fuzzes reading a saved HTML page (gumbo, then our article-body rules) and extracting from the
// text it gives, which must itself be valid UTF-8.
#include <cstdlib>

#include "citecard/extract.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string html =
      citecard::fuzz::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  auto article = citecard::article_from_html(html);
  if (!article) return 0;
  if (!citecard::validate_utf8(article->text).ok()) std::abort();
  (void)citecard::extract(article->text);
  return 0;
}
