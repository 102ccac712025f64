#include <cstdio>

#include "commands.hpp"

namespace citecard::cli {

void add_db_option(CLI::App& command, std::string& db_path) {
  db_path = default_collection_path().string();
  command.add_option("--db", db_path, "Collection file (SQLite)")->capture_default_str();
}

Collection open_collection_or_fail(const std::string& db_path) {
  return value_or_fail(Collection::open(db_path));
}

void fail(const Error& error) {
  std::fprintf(stderr, "citecard: %s\n", error.message.c_str());
  throw CLI::RuntimeError(1);
}

}  // namespace citecard::cli
