#include <cstdio>

#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_db_option(CLI::App& command, std::string& db_path) {
  db_path = default_collection_path().string();
  command.add_option("--db", db_path, "Collection file (SQLite)")->capture_default_str();
}

Collection open_collection_or_fail(const std::string& db_path, Access access) {
  Collection collection = value_or_fail(Collection::open(
      db_path, {}, access == Access::Build ? OpenMode::CreateIfMissing : OpenMode::MustExist));
  // Said before a study session starts, not after the learner's first answer fails to save.
  if (access != Access::Read && collection.read_only())
    fail(make_error(db_path +
                    " is read-only: citecard can show its cards but not save to it (check the "
                    "permissions of the file and its folder)"));
  return collection;
}

void fail(const Error& error) {
  // Messages quote file names and file contents: shown escaped like every printer of user text.
  std::fprintf(stderr, "citecard: %s\n", terminal_safe(error.message).c_str());
  throw CLI::RuntimeError(1);
}

}  // namespace citecard::cli

#include "now_option.hpp"

namespace citecard::cli {

void add_now_option(CLI::App& command, std::string& now) {
  command.add_option("--now", now,
                     "Act as if it were this time (ISO 8601, e.g. 2024-01-01T09:00:00Z); for "
                     "scripted sessions and tests");
}

Timestamp now_or_fail(const std::string& now) {
  if (now.empty()) return now_utc();
  return value_or_fail(parse_iso8601(now));
}

}  // namespace citecard::cli
