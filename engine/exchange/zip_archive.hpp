// Zip files through libzip: what an .apkg is.
#pragma once

#include <cstdint>
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

// Bounds on a zip a user was sent: Anki's largest shared decks hold tens of thousands of media
// files and a collection of tens of MB. A package past them is refused before it is inflated.
inline constexpr std::int64_t kMaxZipEntries = 200'000;

// The names of the entries in the zip at `path`; Invalid when it is not a zip or has more than
// kMaxZipEntries entries.
Result<std::vector<std::string>> zip_names(const std::filesystem::path& path);

// Inflates one entry into the file `out`, refusing it (Invalid, naming the package) when its
// header states more than `max_bytes`, and stopping when inflating gives more than the header
// said: a zip bomb fills neither memory nor the disk.
Result<void> extract_zip_entry(const std::filesystem::path& path, const std::string& name,
                               const std::filesystem::path& out, std::uint64_t max_bytes);

}  // namespace citecard::exchange
