// citecard revlog export --csv / revlog import FILE.csv — the review log in the FSRS standard CSV
// format, for the FSRS tools and for `citecard optimize --revlog`.
#include <fmt/format.h>

#include "citecard/input_file.hpp"
#include "citecard/revlog.hpp"
#include "commands.hpp"

namespace citecard::cli {

Result<std::vector<RevlogEntry>> read_revlog_csv(const std::string& path) {
  auto text = read_input_file(path);
  if (!text) return text.error();
  auto entries = parse_revlog_csv(*text);
  if (!entries) return make_error(fmt::format("{}: {}", path, entries.error().message));
  return entries;
}

void add_revlog_command(CLI::App& app) {
  struct Options {
    std::string db;
    bool csv = false;
    std::string output;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  CLI::App* revlog = app.add_subcommand("revlog", "Export or import the review log (FSRS CSV)");
  revlog->require_subcommand(1);

  CLI::App* out =
      revlog->add_subcommand("export",
                             "Print every answer as card_id,review_time,review_rating,review_state,"
                             "review_duration (the FSRS tools' format)");
  out->add_flag("--csv", o->csv, "CSV output (the only format, and the default)");
  out->add_option("-o,--output", o->output, "Write to this file instead of standard output");
  add_db_option(*out, o->db);
  out->callback([o] {
    const Collection collection = open_collection_or_fail(o->db, Access::Read);
    const std::string csv = format_revlog_csv(value_or_fail(export_revlog(collection)));
    if (o->output.empty()) {
      fmt::print("{}", csv);
      return;
    }
    std::ofstream file(o->output, std::ios::binary);
    file << csv;
    if (!file.flush()) fail(make_error(fmt::format("cannot write {}", o->output)));
  });

  CLI::App* in = revlog->add_subcommand(
      "import", "Add the answers in an FSRS CSV log to this collection's cards (all or nothing)");
  in->add_option("FILE", o->file, "The CSV file")->required();
  add_db_option(*in, o->db);
  in->callback([o] {
    const auto entries = value_or_fail(read_revlog_csv(o->file));
    Collection collection = open_collection_or_fail(o->db, Access::Write);
    auto imported = import_revlog(collection, entries);
    if (!imported) fail(make_error(fmt::format("{}: {}", o->file, imported.error().message)));
    fmt::print("Imported {} answers", imported->imported);
    if (imported->manual_skipped > 0) {
      fmt::print(" ({} manual entries skipped)", imported->manual_skipped);
    }
    if (imported->already_present > 0)
      fmt::print("; {} already in the log, not added again", imported->already_present);
    fmt::print(".\n");
  });
}

}  // namespace citecard::cli
