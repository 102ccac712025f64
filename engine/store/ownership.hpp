// Which files are citecard's to write: a collection carries citecard's PRAGMA application_id, and
// its PRAGMA user_version is the schema number (1..kSchemaVersion; higher is a newer citecard).
// Any other SQLite file is another application's, and opening it is refused before anything is
// written to it; so is a path that names no file citecard could keep (empty, ":memory:", too long).
#pragma once

#include <cstdint>
#include <filesystem>

#include "citecard/result.hpp"
#include "store/database.hpp"

namespace citecard::store {

// "CcRd": what `PRAGMA application_id` holds in every citecard collection (and what file(1) and
// other tools can tell it by).
inline constexpr std::int32_t kApplicationId = 0x43635264;

// What an opened SQLite file is, read without writing to it.
enum class Ownership {
  Empty,   // no tables and no ids: a new file, or one citecard may make a collection of
  Ours,    // carries citecard's application_id
  Legacy,  // a collection written before collections carried the application_id
};

// Refuses a path before anything is created: empty, ":memory:" (gone at close), longer than
// SQLite can open, or with a name longer than the file system allows. The message shows a long
// path shortened, never whole.
Result<void> check_collection_path(const std::filesystem::path& path);

// Refuses, with ErrorCode::Foreign, a file that is another application's database.
Result<Ownership> ownership(const Database& db, const std::filesystem::path& path);

// Marks the collection as citecard's (in the caller's transaction, or on its own).
Result<void> claim(Database& db);

}  // namespace citecard::store
