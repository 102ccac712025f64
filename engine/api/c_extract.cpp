// The C API's extraction: quotes, facts and entities of a text as JSON, in the shape of
// `citecard extract --json` (one source's object, without its file name).
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "api/boundary.hpp"
#include "citecard/citecard.h"
#include "citecard/extract.hpp"
#include "citecard/extraction_json.hpp"

namespace {

using citecard::capi::fail;

}  // namespace

extern "C" {

int cc_extract_json(const char* text, size_t length, const char* article_date, char** json) {
  if (json) *json = nullptr;
  return citecard::capi::guarded_free("cc_extract_json", [&] {
    if (!json || (!text && length > 0))
      return fail(nullptr, "cc_extract_json", CC_MISUSE, "text or json is NULL");
    citecard::ExtractOptions options;
    if (article_date) options.article_date = article_date;
    auto extraction = citecard::extract(std::string_view(text ? text : "", length), options);
    if (!extraction) {
      auto error = extraction.error();
      if (error.code == citecard::ErrorCode::Failed) error.code = citecard::ErrorCode::Invalid;
      return fail(nullptr, "cc_extract_json", error);
    }
    const std::string dumped = citecard::extraction_json(*extraction);
    auto* copy = static_cast<char*>(std::malloc(dumped.size() + 1));
    if (!copy) return fail(nullptr, "cc_extract_json", CC_NOMEM, "out of memory");
    std::memcpy(copy, dumped.c_str(), dumped.size() + 1);
    *json = copy;
    return CC_OK;
  });
}

void cc_free(void* memory) {
  std::free(memory);
}

}  // extern "C"
