// citecard merge — bring in what another copy of the collection (another device's) holds, or
// keep a sync folder: merge every device's file in it and write this one's own copy there.
#include <fmt/format.h>

#include "commands.hpp"
#include "now_option.hpp"

namespace citecard::cli {
namespace {

void print_report(const std::string& name, const MergeReport& r) {
  if (r.answers_added + r.undos_added + r.changes_added + r.cards_added == 0) {
    fmt::print("{} (collection {}): nothing new\n", name, r.other_id);
  } else {
    fmt::print(
        "{} (collection {}): {} answers, {} undos, {} other changes (suspend, bury, settings) came in; "
        "{} decks, {} notes, {} cards added; {} cards replayed\n",
        name, r.other_id, r.answers_added, r.undos_added, r.changes_added, r.decks_added,
        r.notes_added, r.cards_added, r.cards_replayed);
  }
  for (const auto& warning : r.warnings) fmt::print(stderr, "warning: {}\n", warning);
}

}  // namespace

void add_merge_command(CLI::App& app) {
  struct Args {
    std::string db, other, folder, now;
  };
  auto args = std::make_shared<Args>();
  CLI::App* command = app.add_subcommand(
      "merge",
      "Merge another copy of this collection (another device's) into it, by their review logs");
  command->add_option("OTHER", args->other, "The other copy's collection file (only read)");
  command->add_option("--folder", args->folder,
                      "A sync folder: merge every device's file in it, then write this "
                      "collection's own copy there as <collection id>.db");
  add_db_option(*command, args->db);
  add_now_option(*command, args->now);
  command->callback([args] {
    if (args->other.empty() == args->folder.empty())
      fail(make_error("give either the other collection file or --folder DIR", ErrorCode::Invalid));
    const Timestamp now = now_or_fail(args->now);
    Collection collection = open_collection_or_fail(args->db, Access::Write);
    if (!args->other.empty()) {
      print_report(args->other, value_or_fail(collection.merge(args->other, now)));
      return;
    }
    const auto report = value_or_fail(collection.merge_folder(args->folder, now));
    for (const auto& [file, merged] : report.merged) print_report(file.string(), merged);
    for (const auto& skipped : report.skipped) fmt::print(stderr, "skipped {}\n", skipped);
    fmt::print("wrote this collection ({}) to {}\n", collection.id(), report.written.string());
  });
}

}  // namespace citecard::cli
