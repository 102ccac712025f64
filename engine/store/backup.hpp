// A copy of the collection taken before its schema is upgraded, so a learner whose upgrade goes
// wrong (or who goes back to an older citecard) still has their history as it was.
#pragma once

#include <filesystem>

#include "citecard/result.hpp"
#include "store/database.hpp"

namespace citecard::store {

// Writes a consistent copy of `db` (WAL content included) next to `path`, named
// <path>.schema-<version>.backup, or with .2, .3, ... appended when that name is taken: an
// earlier backup is never overwritten. Returns the copy's path.
Result<std::filesystem::path> back_up(Database& db, const std::filesystem::path& path, int version);

// Writes a consistent copy of `db` to `target` as one self-contained file (rollback journal, no
// -wal beside it, so another device's citecard can read it read-only): first under a temporary
// name in the same folder, then renamed over `target`, so a reader never sees half a copy.
Result<void> write_copy(Database& db, const std::filesystem::path& target);

}  // namespace citecard::store
