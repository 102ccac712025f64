// citecard — the command line: everything the app does, headless.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "guard.hpp"

int main(int argc, char** argv) {
  CLI::App app{"citecard — cited flashcards from the news, scheduled with FSRS"};
  app.set_version_flag("--version", std::string(CITECARD_VERSION));
  app.require_subcommand(1);

  citecard::cli::add_new_command(app);
  citecard::cli::add_build_command(app);
  citecard::cli::add_cards_command(app);
  citecard::cli::add_study_command(app);
  citecard::cli::add_stats_command(app);
  citecard::cli::add_show_command(app);
  citecard::cli::add_fsrs_command(app);
  citecard::cli::add_extract_command(app);
  citecard::cli::add_check_command(app);
  citecard::cli::add_suspend_commands(app);
  citecard::cli::add_undo_command(app);
  citecard::cli::add_merge_command(app);
  citecard::cli::add_options_command(app);
  citecard::cli::add_check_answer_command(app);
  citecard::cli::add_lint_command(app);
  citecard::cli::add_candidates_command(app);
  citecard::cli::add_revlog_command(app);
  citecard::cli::add_optimize_command(app);
  citecard::cli::add_simulate_command(app);
  citecard::cli::add_export_command(app);
  citecard::cli::add_import_command(app);

  // A stray exception from any command is one line on stderr naming its files, never an abort.
  return citecard::cli::run_guarded(app, argc, argv);
}
