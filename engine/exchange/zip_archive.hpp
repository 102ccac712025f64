// Zip files through libzip: what an .apkg is.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "citecard/result.hpp"

namespace citecard::exchange {

struct ZipEntry {
  std::string name;
  std::string bytes;
};

// Writes a new zip at `out` (replacing it only when complete) holding the entries, deflated.
Result<void> write_zip(const std::filesystem::path& out, const std::vector<ZipEntry>& entries);

// The names of the entries in the zip at `path`; Invalid when it is not a zip.
Result<std::vector<std::string>> zip_names(const std::filesystem::path& path);

// One entry's bytes, read whole.
Result<std::string> read_zip_entry(const std::filesystem::path& path, const std::string& name);

}  // namespace citecard::exchange
