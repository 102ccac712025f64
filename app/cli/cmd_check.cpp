// citecard check — is every card's state the replay of its log, every citation verbatim, every
// multiple-choice card sound? Lists each problem and exits with status 1 if there is any.
#include <fmt/format.h>

#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_check_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Replay every card's review log and compare with its stored state; check every citation is "
      "verbatim in its source and every multiple-choice card has distinct choices with its answer");
  add_db_option(*command, *db);
  command->callback([db] {
    const Collection collection = open_collection_or_fail(*db, Access::Read);
    const CheckReport report = value_or_fail(collection.check());
    for (const auto& problem : report.problems) fmt::print("{}\n", terminal_safe(problem));
    fmt::print("Checked {} studied card{}, {} answer{}, {} citation{}: ", report.cards_checked,
               report.cards_checked == 1 ? "" : "s", report.answers_checked,
               report.answers_checked == 1 ? "" : "s", report.citations_checked,
               report.citations_checked == 1 ? "" : "s");
    if (report.problems.empty()) {
      fmt::print("no problems.\n");
      return;
    }
    fmt::print("{} problem{}.\n", report.problems.size(), report.problems.size() == 1 ? "" : "s");
    fail(Error{fmt::format("the collection has {} problem{} (listed above)", report.problems.size(),
                           report.problems.size() == 1 ? "" : "s")});
  });
}

}  // namespace citecard::cli
