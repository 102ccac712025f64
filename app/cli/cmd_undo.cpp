// citecard undo — take back the last answer: the card returns to its exact previous state.
#include <fmt/format.h>

#include "commands.hpp"

namespace citecard::cli {

void add_undo_command(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "undo", "Take back the last answer: the card returns to its previous state");
  add_db_option(*command, *db);
  command->callback([db] {
    Collection collection = open_collection_or_fail(*db, Access::Write);
    const auto undone = value_or_fail(collection.undo_last_answer());
    if (!undone) {
      fmt::print("There is no answer to take back.\n");
      return;
    }
    fmt::print("Took back '{}' on card {} (answered {}); it is {} again.\n",
               to_string(undone->rating), undone->card, to_iso8601(undone->reviewed_at),
               to_string(undone->before.state));
  });
}

}  // namespace citecard::cli
