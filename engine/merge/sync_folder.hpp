// A sync folder: one collection file per device, kept on every device by a file-sync tool
// (Syncthing, a cloud drive). Each device merges all of them and writes only its own.
#pragma once

#include <filesystem>
#include <vector>

namespace citecard::merge {

// The files in `folder` that may be collections, by name: *.db, leaving out hidden files (a
// copy being written, a sync tool's own) and SQLite's -wal/-shm/-journal companions.
std::vector<std::filesystem::path> folder_collection_files(const std::filesystem::path& folder);

}  // namespace citecard::merge
