// citecard — an extraction as JSON: one writer for `citecard extract --json` and the C API's
// cc_extract_json, so the two cannot drift apart.
#pragma once

#include <string>

#include "citecard/extract.hpp"

namespace citecard {

// {"entities": [...], "facts": [...], "quotes": [...]}: every quote with its speaker, evidence
// and confidence, every fact with its answer spans, every entity, with byte offsets into the text
// extracted from. Compact (no spaces or newlines); keys in byte order.
std::string extraction_json(const Extraction& extraction);

}  // namespace citecard
