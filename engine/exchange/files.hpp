// Files for exchange: a temporary file removed when done, and writing a file whole or not at all.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "citecard/result.hpp"

namespace citecard::exchange {

// A new empty file in the system's temporary folder, deleted with this object.
class TempFile {
 public:
  static Result<TempFile> create(std::string_view suffix);
  TempFile(TempFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile();
  const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

// Writes `bytes` beside `out` and renames it over `out`, so a reader never sees half a file.
Result<void> write_file_whole(const std::filesystem::path& out, std::string_view bytes);

// `out` with a suffix naming this process: where a file is made before it is renamed into place.
std::filesystem::path staging_path(const std::filesystem::path& out);

Result<std::string> read_file(const std::filesystem::path& path);

}  // namespace citecard::exchange
