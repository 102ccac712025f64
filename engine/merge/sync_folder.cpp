#include "merge/sync_folder.hpp"

#include <algorithm>
#include <system_error>

namespace citecard::merge {

std::vector<std::filesystem::path> folder_collection_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const auto& path = it->path();
    const std::string name = path.filename().string();
    if (name.empty() || name.front() == '.' || path.extension() != ".db") continue;
    if (!it->is_regular_file(ec)) continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace citecard::merge
