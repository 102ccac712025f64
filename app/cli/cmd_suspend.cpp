// citecard suspend / unsuspend CARD_ID — keep a card out of study, or bring it back.
#include <fmt/format.h>

#include "commands.hpp"

namespace citecard::cli {
namespace {

void add_one(CLI::App& app, const char* name, const char* help, bool suspend) {
  struct Options {
    std::string db;
    std::string card;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(name, help);
  command->add_option("CARD_ID", options->card, "The card's id (see `citecard cards`)")->required();
  add_db_option(*command, options->db);
  command->callback([options, suspend] {
    Collection collection = open_collection_or_fail(options->db, Access::Write);
    if (suspend) {
      value_or_fail(collection.suspend(options->card));
      fmt::print("Card {} is suspended: it will not be shown until you unsuspend it.\n",
                 options->card);
    } else {
      value_or_fail(collection.unsuspend(options->card));
      fmt::print("Card {} is back in study.\n", options->card);
    }
  });
}

}  // namespace

void add_suspend_commands(CLI::App& app) {
  add_one(app, "suspend", "Keep a card out of study (its history is kept)", true);
  add_one(app, "unsuspend", "Bring a suspended card (e.g. a leech) back into study", false);
}

}  // namespace citecard::cli
