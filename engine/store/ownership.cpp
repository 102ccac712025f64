#include "store/ownership.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <string>

#include "store/schema.hpp"

namespace citecard::store {

namespace {

// The longest file name most file systems allow (NAME_MAX on Linux).
constexpr std::size_t kMaxNameBytes = 255;

// A path as a message shows it: whole when short, else its start and end, cut between
// characters, with its length.
std::string shown(const std::string& path) {
  constexpr std::size_t kKeep = 48;
  if (path.size() <= 2 * kKeep + 16) return path;
  auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  std::size_t head = kKeep;
  while (head > 0 && is_continuation(path[head])) --head;
  std::size_t tail = path.size() - kKeep;
  while (tail < path.size() && is_continuation(path[tail])) ++tail;
  return fmt::format("{}...{} ({} bytes)", path.substr(0, head), path.substr(tail), path.size());
}

Error foreign(const std::filesystem::path& path, std::int64_t application_id,
              std::int64_t user_version) {
  return make_error(
      fmt::format("{} is another application's SQLite database (application_id {:#x}, "
                  "user_version {}), not a citecard collection; it was left untouched: give the "
                  "path of a citecard collection, or a new file",
                  shown(path.string()), static_cast<std::uint32_t>(application_id), user_version),
      ErrorCode::Foreign);
}

}  // namespace

Result<void> check_collection_path(const std::filesystem::path& path) {
  if (path.empty())
    return make_error(
        "the collection path is empty: give a file name (an empty name would open a temporary "
        "database, and everything saved to it would be lost at close)",
        ErrorCode::Invalid);
  if (path == ":memory:")
    return make_error(
        "the collection path is \":memory:\": give a file name (an in-memory database loses "
        "everything saved to it at close)",
        ErrorCode::Invalid);
  std::error_code ec;
  const std::string absolute = std::filesystem::absolute(path, ec).string();
  const sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
  const std::size_t limit = vfs ? static_cast<std::size_t>(vfs->mxPathname) : 512;
  if (ec || absolute.size() >= limit)
    return make_error(fmt::format("the collection path {} is too long: SQLite opens paths of at "
                                  "most {} bytes (counted from the root folder)",
                                  shown(ec ? path.string() : absolute), limit - 1),
                      ErrorCode::Invalid);
  for (const auto& part : path) {
    if (part.native().size() > kMaxNameBytes)
      return make_error(fmt::format("the collection path {} has a name of {} bytes; a file or "
                                    "folder name may be at most {} bytes",
                                    shown(path.string()), part.native().size(), kMaxNameBytes),
                        ErrorCode::Invalid);
  }
  return {};
}

Result<Ownership> ownership(const Database& db, const std::filesystem::path& path) {
  auto application_id = db.scalar("PRAGMA application_id");
  if (!application_id) return application_id.error();
  auto user_version = db.scalar("PRAGMA user_version");
  if (!user_version) return user_version.error();
  if (*application_id == kApplicationId) return Ownership::Ours;
  if (*application_id != 0) return foreign(path, *application_id, *user_version);
  // No application_id: a new file, a collection from before they carried one, or a file of an
  // application that sets none. A collection has had these tables since its first schema.
  // A schema number beyond this citecard's: its caller refuses it as written by a newer one.
  if (*user_version > kSchemaVersion) return Ownership::Legacy;
  auto tables = db.scalar("SELECT count(*) FROM sqlite_master");
  if (!tables) return tables.error();
  if (*tables == 0 && *user_version == 0) return Ownership::Empty;
  auto ours = db.scalar(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
      "('decks', 'sources', 'notes', 'citations', 'cards', 'card_state', 'review_log')");
  if (!ours) return ours.error();
  if (*user_version >= 1 && *ours == 7) return Ownership::Legacy;
  return foreign(path, *application_id, *user_version);
}

Result<void> claim(Database& db) {
  return db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
}

}  // namespace citecard::store
