#include "store/backup.hpp"

#include <fmt/format.h>

#include <system_error>

namespace citecard::store {

Result<std::filesystem::path> back_up(Database& db, const std::filesystem::path& path,
                                      int version) {
  const std::string base = fmt::format("{}.schema-{}.backup", path.string(), version);
  std::filesystem::path target = base;
  std::error_code ec;
  for (int n = 2; std::filesystem::exists(target, ec); ++n) target = fmt::format("{}.{}", base, n);
  // VACUUM INTO reads through this connection, so it copies what is committed, WAL included,
  // and writes a compact file that is a valid collection on its own.
  auto stmt = db.prepare("VACUUM INTO ?1");
  if (!stmt) return stmt.error();
  if (auto r = stmt->bind(1, target.string()).run(); !r)
    return make_error(fmt::format("cannot write the backup {} before upgrading: {}",
                                  target.string(), r.error().message));
  return target;
}

Result<void> write_copy(Database& db, const std::filesystem::path& target) {
  // Formatted rather than "." + name + ".partial": g++ 12 at -O3 (the TSan build) mistakes the
  // string concatenation for an overlapping memcpy and -Werror stops the build.
  const auto temporary =
      target.parent_path() / fmt::format(".{}.partial", target.filename().string());
  std::error_code ec;
  std::filesystem::remove(temporary, ec);
  auto stmt = db.prepare("VACUUM INTO ?1");
  if (!stmt) return stmt.error();
  if (auto r = stmt->bind(1, temporary.string()).run(); !r)
    return make_error(fmt::format("cannot write {}: {}", temporary.string(), r.error().message));
  {
    auto copy = Database::connect(temporary, false);
    if (!copy) return copy.error();
    if (auto r = copy->exec("PRAGMA journal_mode = DELETE"); !r) return r;
  }
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return make_error(fmt::format("cannot write {}: {}", target.string(), ec.message()));
  }
  return {};
}

}  // namespace citecard::store
