// Fuzzes reading what a saved page states about itself (`citecard new`): its markup, <meta> tags,
// JSON-LD blocks and byline, nested however deep. The page is made UTF-8 first, as `new` refuses
// a page that is not.
#include "citecard/new_deck.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string html =
      citecard::fuzz::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  (void)citecard::read_article_metadata(html, true);
  (void)citecard::read_article_metadata(html, false);
  return 0;
}
