#include "exchange/zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <memory>

#include "citecard/input_file.hpp"
#include "exchange/files.hpp"

namespace citecard::exchange {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

Result<ZipHandle> open_zip(const std::filesystem::path& path) {
  // libzip opens the path itself: a FIFO or a device is refused first. A package has no size cap
  // of its own (its media may be large); what is inflated from it is bounded.
  if (auto regular = check_input_file(path, UINTMAX_MAX); !regular) return regular.error();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) {
    zip_error_t error;
    zip_error_init_with_code(&error, err);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    const bool missing = err == ZIP_ER_NOENT || err == ZIP_ER_OPEN;
    return make_error(fmt::format("{}: cannot read it as a zip file ({})", path.string(), why),
                      missing ? ErrorCode::NotFound : ErrorCode::Invalid);
  }
  return ZipHandle(z);
}

}  // namespace

Result<void> write_zip(const std::filesystem::path& out, const std::vector<ZipEntry>& entries) {
  const auto staging = staging_path(out);
  int err = 0;
  zip_t* z = zip_open(staging.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) return make_error(fmt::format("cannot write {}", out.string()), ErrorCode::Io);
  auto failed = [&](const std::string& why) {
    zip_discard(z);
    std::error_code ec;
    std::filesystem::remove(staging, ec);
    return make_error(fmt::format("cannot write {}: {}", out.string(), why), ErrorCode::Io);
  };
  for (const ZipEntry& e : entries) {
    // libzip reads the buffer at zip_close; `entries` outlives it.
    zip_source_t* source = zip_source_buffer(z, e.bytes.data(), e.bytes.size(), 0);
    if (!source) return failed(zip_strerror(z));
    if (zip_file_add(z, e.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(source);
      return failed(zip_strerror(z));
    }
  }
  if (zip_close(z) < 0) return failed(zip_strerror(z));
  std::error_code ec;
  std::filesystem::rename(staging, out, ec);
  if (ec) {
    std::filesystem::remove(staging, ec);
    return make_error(fmt::format("cannot write {}: {}", out.string(), ec.message()),
                      ErrorCode::Io);
  }
  return {};
}

Result<std::vector<std::string>> zip_names(const std::filesystem::path& path) {
  auto z = open_zip(path);
  if (!z) return z.error();
  std::vector<std::string> names;
  const zip_int64_t n = zip_get_num_entries(z->get(), 0);
  if (n > kMaxZipEntries)
    return make_error(fmt::format("{}: holds {} files; citecard reads packages of at most {}",
                                  path.string(), n, kMaxZipEntries),
                      ErrorCode::Invalid);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z->get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name) names.emplace_back(name);
  }
  return names;
}

Result<void> extract_zip_entry(const std::filesystem::path& path, const std::string& name,
                               const std::filesystem::path& out, std::uint64_t max_bytes) {
  auto z = open_zip(path);
  if (!z) return z.error();
  zip_stat_t st;
  if (zip_stat(z->get(), name.c_str(), 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
    return make_error(fmt::format("{}: has no {}", path.string(), name), ErrorCode::Invalid);
  if (st.size > max_bytes)
    return make_error(fmt::format("{}: its {} would unpack to {}; citecard reads at most {}",
                                  path.string(), name, megabytes(st.size), megabytes(max_bytes)),
                      ErrorCode::Invalid);
  zip_file_t* file = zip_fopen(z->get(), name.c_str(), 0);
  if (!file)
    return make_error(
        fmt::format("{}: cannot read {}: {}", path.string(), name, zip_strerror(z->get())),
        ErrorCode::Invalid);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> sink(std::fopen(out.c_str(), "wb"), std::fclose);
  if (!sink)
    return make_error(
        fmt::format("{}: cannot unpack {}: no room for a temporary file", path.string(), name),
        ErrorCode::Io);
  // Inflated in pieces, counting: a header that understates the size is caught here, at most one
  // piece past what it said.
  char buffer[1 << 16];
  std::uint64_t total = 0;
  for (;;) {
    const zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
    if (got < 0)
      return make_error(
          fmt::format("{}: {} is damaged ({})", path.string(), name, zip_file_strerror(file)),
          ErrorCode::Invalid);
    if (got == 0) break;
    total += static_cast<std::uint64_t>(got);
    if (total > st.size || total > max_bytes)
      return make_error(fmt::format("{}: {} unpacks to more than the {} bytes its header says; "
                                    "the package is damaged or made to exhaust memory",
                                    path.string(), name, st.size),
                        ErrorCode::Invalid);
    if (std::fwrite(buffer, 1, static_cast<std::size_t>(got), sink.get()) !=
        static_cast<std::size_t>(got))
      return make_error(
          fmt::format("{}: cannot unpack {} (is the disk full?)", path.string(), name),
          ErrorCode::Io);
  }
  if (total != st.size)
    return make_error(
        fmt::format("{}: {} is damaged (shorter than its header says)", path.string(), name),
        ErrorCode::Invalid);
  if (std::fflush(sink.get()) != 0)
    return make_error(fmt::format("{}: cannot unpack {} (is the disk full?)", path.string(), name),
                      ErrorCode::Io);
  return {};
}

}  // namespace citecard::exchange
