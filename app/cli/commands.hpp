// The `citecard` subcommands. Each lives in its own cmd_*.cpp and adds itself to the app here.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "citecard/collection.hpp"
#include "citecard/result.hpp"

namespace citecard::cli {

// Adds `--db PATH` to a subcommand; the default is the XDG collection path.
void add_db_option(CLI::App& command, std::string& db_path);

// What a command does with the collection. Only building may create one: every other command
// on a path where there is none fails naming it, and creates nothing.
enum class Access {
  Read,   // list, show, check: a read-only collection is fine
  Write,  // study, suspend, undo, options: refused up front when the collection is read-only
  Build,  // build a deck: creates the collection and its folder when missing
};

// Opens the collection or fails the command with the error.
Collection open_collection_or_fail(const std::string& db_path, Access access);

// Prints "citecard: <message>" on stderr and ends the command with exit status 1.
[[noreturn]] void fail(const Error& error);

template <class T>
T value_or_fail(Result<T> result) {
  if (!result) fail(result.error());
  return std::move(result).value();
}
inline void value_or_fail(Result<void> result) {
  if (!result) fail(result.error());
}

void add_build_command(CLI::App& app);
void add_cards_command(CLI::App& app);
void add_study_command(CLI::App& app);
void add_stats_command(CLI::App& app);
void add_show_command(CLI::App& app);
void add_fsrs_command(CLI::App& app);
void add_extract_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_suspend_commands(CLI::App& app);
void add_undo_command(CLI::App& app);
void add_merge_command(CLI::App& app);
void add_options_command(CLI::App& app);
void add_check_answer_command(CLI::App& app);
void add_lint_command(CLI::App& app);
void add_candidates_command(CLI::App& app);
void add_revlog_command(CLI::App& app);
void add_optimize_command(CLI::App& app);
void add_simulate_command(CLI::App& app);
void add_new_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_import_command(CLI::App& app);

}  // namespace citecard::cli
