// The SQL of merging another copy of a collection into this one (the rules are merge/'s and
// docs/merge.md's): the other file is attached read-only as `other`, and every step adds to this
// file what it lacks, noting in temporary tables what the merge must then replay or settle.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace citecard::store {

// Attaches `path` read-only as schema `other`; refuses a file that is not a collection of this
// schema version (an older one must be opened by this citecard first, on its own device).
Result<void> attach_other(Database& db, const std::filesystem::path& path);
void detach_other(Database& db);

Result<std::string> other_collection_id(const Database& db);

struct ContentAdded {
  int decks = 0;
  int notes = 0;
  int cards = 0;
};

// Decks, sources, notes, citations and cards this file lacks; a card or note active in either
// copy is active; a deck keeps the description of its latest build.
Result<ContentAdded> add_missing_content(Database& db);

// Entries (origin, seq) present in both files with different facts: copies that gave one id to
// two answers. The first few, described.
Result<std::vector<std::string>> conflicting_answers(const Database& db);

// The other file's answers this one lacks, with their parameter sets; their cards go into
// temp.merge_cards. Returns how many came in.
Result<int> add_missing_answers(Database& db);

// For each collection with new answers dated after `limit`, how far after it its latest is.
struct ClockSkew {
  std::string origin;
  std::int64_t seconds_ahead = 0;
};
Result<std::vector<ClockSkew>> answers_dated_after(const Database& db, std::int64_t limit);

// Undos this file lacks (an answer undone in both keeps this file's time of undoing); their
// cards go into temp.merge_cards.
Result<int> add_missing_undos(Database& db);

// Changes this file lacks; their cards, setting keys and decks go into temp.merge_flags,
// temp.merge_settings and temp.merge_deck_options.
Result<int> add_missing_changes(Database& db);

// What the temporary tables collected.
Result<std::vector<std::string>> merge_targets(const Database& db, const std::string& table);

// Creates the temporary tables (empty), and empties them.
Result<void> create_merge_tables(Database& db);
void drop_merge_tables(Database& db);

}  // namespace citecard::store
