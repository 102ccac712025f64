// citecard stats — today's counts.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "now_option.hpp"

namespace citecard::cli {

void add_stats_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string now;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("stats", "Show what is due today and what was done");
  command->add_flag("--json", options->json, "Print the counts as a JSON object");
  add_db_option(*command, options->db);
  add_now_option(*command, options->now);
  command->callback([options] {
    Collection collection = open_collection_or_fail(options->db, Access::Read);
    const Timestamp now = now_or_fail(options->now);
    const CollectionStats stats = value_or_fail(collection.stats(now));
    if (options->json) {
      nlohmann::ordered_json j;
      j["due_today"] = stats.due_today;
      j["new"] = stats.new_available;
      j["learning"] = stats.learning;
      j["review"] = stats.review;
      j["reviews_today"] = stats.reviews_today;
      fmt::print("{}\n", j.dump());
      return;
    }
    fmt::print("Due today:      {}\n", stats.due_today);
    fmt::print("New available:  {}\n", stats.new_available);
    fmt::print("Learning:       {}\n", stats.learning);
    fmt::print("Review:         {}\n", stats.review);
    fmt::print("Reviews today:  {}\n", stats.reviews_today);
  });
}

}  // namespace citecard::cli
