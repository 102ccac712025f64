#include "exchange/files.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "citecard/input_file.hpp"

namespace citecard::exchange {

Result<TempFile> TempFile::create(std::string_view suffix) {
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) return make_error("no temporary folder: " + ec.message(), ErrorCode::Io);
  std::string pattern = (dir / "citecard-XXXXXX").string() + std::string(suffix);
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemps(name.data(), static_cast<int>(suffix.size()));
  if (fd < 0)
    return make_error(
        fmt::format("cannot make a temporary file in {}: {}", dir.string(), std::strerror(errno)),
        ErrorCode::Io);
  ::close(fd);
  return TempFile(std::filesystem::path(name.data()));
}

TempFile::~TempFile() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove(path_, ec);
  // SQLite may leave its journal beside the file.
  std::filesystem::remove(path_.string() + "-journal", ec);
}

std::filesystem::path staging_path(const std::filesystem::path& out) {
  return std::filesystem::path(out.string() + fmt::format(".partial-{}", ::getpid()));
}

Result<void> write_file_whole(const std::filesystem::path& out, std::string_view bytes) {
  const auto staging = staging_path(out);
  {
    std::ofstream file(staging, std::ios::binary | std::ios::trunc);
    if (!file)
      return make_error(fmt::format("cannot write {}: {}", out.string(), std::strerror(errno)),
                        ErrorCode::Io);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file.flush()) {
      std::error_code ec;
      std::filesystem::remove(staging, ec);
      return make_error(fmt::format("cannot write {} (is the disk full?)", out.string()),
                        ErrorCode::Io);
    }
  }
  std::error_code ec;
  std::filesystem::rename(staging, out, ec);
  if (ec) {
    std::filesystem::remove(staging, ec);
    return make_error(fmt::format("cannot write {}: {}", out.string(), ec.message()),
                      ErrorCode::Io);
  }
  return {};
}

Result<std::string> read_file(const std::filesystem::path& path) {
  return read_input_file(path);
}

}  // namespace citecard::exchange
