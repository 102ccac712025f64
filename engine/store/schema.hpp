// The collection's schema and its migrations, versioned by PRAGMA user_version.
#pragma once

#include "citecard/result.hpp"
#include "store/database.hpp"

namespace citecard::store {

inline constexpr int kSchemaVersion = 5;

// Brings a new or older collection up to kSchemaVersion in one transaction; refuses a collection
// written by a newer citecard rather than guess at its layout.
// `target` below kSchemaVersion stops early (for testing upgrades from an older schema).
Result<void> migrate(Database& db, int target = kSchemaVersion);

// Why a collection with schema `version` > kSchemaVersion is not opened.
Error newer_schema_error(int version);

}  // namespace citecard::store
