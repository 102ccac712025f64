// Zstandard-compressed files through libzstd: Anki 2.1.50+ packages compress their collection
// (collection.anki21b) and media this way.
#pragma once

#include <cstdint>
#include <filesystem>

#include "citecard/result.hpp"

namespace citecard::exchange {

// Decompresses the zstd file `in` into `out`, stopping (Invalid, naming `what`) once it gives
// more than `max_bytes`: a small file that would inflate without end fills neither memory nor the
// disk. A file that is not zstd, or is cut short, is Invalid too.
Result<void> decompress_zstd_file(const std::filesystem::path& in, const std::filesystem::path& out,
                                  std::uint64_t max_bytes, const std::string& what);

}  // namespace citecard::exchange
