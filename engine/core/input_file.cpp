#include "citecard/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace citecard {
namespace {

// The descriptor closes with this object.
struct OpenFile {
  int fd = -1;
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
};

std::string named(const std::filesystem::path& path, const std::string& what) {
  return path.string() + ": " + what;
}

// Opens `path` for reading and checks, on the open descriptor (so the file cannot be swapped
// between the check and the read), that it is a regular file within the bound. O_NONBLOCK: opening
// a FIFO with no writer must not hang before it can be refused.
Result<std::uintmax_t> open_checked(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                    OpenFile& file) {
  file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (file.fd < 0) {
    const int err = errno;
    return make_error(named(path, std::string("cannot open it: ") + std::strerror(err)),
                      err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io);
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0)
    return make_error(named(path, std::string("cannot read it: ") + std::strerror(errno)),
                      ErrorCode::Io);
  if (S_ISDIR(st.st_mode))
    return make_error(named(path, "is a folder, not a file"), ErrorCode::Invalid);
  if (!S_ISREG(st.st_mode))
    return make_error(named(path,
                            "is not a regular file (a device, pipe or socket); citecard "
                            "reads only ordinary files"),
                      ErrorCode::Invalid);
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > max_bytes)
    return make_error(named(path, "is " + megabytes(size) + "; citecard reads files of at most " +
                                      megabytes(max_bytes)),
                      ErrorCode::Invalid);
  // Back to blocking reads for a regular file.
  ::fcntl(file.fd, F_SETFL, ::fcntl(file.fd, F_GETFL) & ~O_NONBLOCK);
  return size;
}

Result<std::string> read_up_to(const std::filesystem::path& path, int fd, std::uintmax_t limit,
                               std::uintmax_t size_hint) {
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(std::min(size_hint, limit)));
  char buffer[1 << 16];
  while (bytes.size() < limit) {
    const auto want =
        static_cast<std::size_t>(std::min<std::uintmax_t>(sizeof buffer, limit - bytes.size()));
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      return make_error(named(path, std::string("read error: ") + std::strerror(errno)),
                        ErrorCode::Io);
    }
    if (got == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  return bytes;
}

}  // namespace

std::string megabytes(std::uintmax_t bytes) {
  char out[64];
  std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return out;
}

Result<std::uintmax_t> check_input_file(const std::filesystem::path& path,
                                        std::uintmax_t max_bytes) {
  OpenFile file;
  return open_checked(path, max_bytes, file);
}

Result<std::string> read_input_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  OpenFile file;
  auto size = open_checked(path, max_bytes, file);
  if (!size) return size.error();
  auto bytes = read_up_to(path, file.fd, max_bytes + 1, *size);
  if (!bytes) return bytes.error();
  if (bytes->size() > max_bytes)
    return make_error(named(path, "grew past " + megabytes(max_bytes) +
                                      " while it was read; citecard reads files of at most " +
                                      megabytes(max_bytes)),
                      ErrorCode::Invalid);
  return bytes;
}

Result<std::string> read_input_head(const std::filesystem::path& path, std::size_t count,
                                    std::uintmax_t max_bytes) {
  OpenFile file;
  auto size = open_checked(path, max_bytes, file);
  if (!size) return size.error();
  return read_up_to(path, file.fd, count, count);
}

}  // namespace citecard
