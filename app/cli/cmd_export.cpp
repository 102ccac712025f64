// citecard export --apkg|--anki-text|--csv|--json OUT [--deck ID] — cards for Anki and other tools.
#include <fmt/format.h>

#include "citecard/exchange.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_export_command(CLI::App& app) {
  struct Options {
    std::string db, deck, apkg, anki_text, csv, json;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the cards as an Anki package, Anki plain text, CSV or JSON");
  auto* apkg = cmd->add_option("--apkg", o->apkg,
                               "An Anki package: notes with Front, Back, Choices and Source");
  auto* text = cmd->add_option("--anki-text", o->anki_text,
                               "Anki's \"Notes in Plain Text\" (tab separated, with its header)");
  auto* csv = cmd->add_option("--csv", o->csv, "CSV: a row per card with its citations");
  auto* json = cmd->add_option("--json", o->json, "JSON: an array of cards with their citations");
  apkg->excludes(text, csv, json);
  text->excludes(csv, json);
  csv->excludes(json);
  cmd->add_option("--deck", o->deck, "Only this deck's cards (default: every deck)");
  add_db_option(*cmd, o->db);
  cmd->callback([o] {
    ExportFormat format;
    std::string out;
    if (!o->apkg.empty()) {
      format = ExportFormat::Apkg;
      out = o->apkg;
    } else if (!o->anki_text.empty()) {
      format = ExportFormat::AnkiText;
      out = o->anki_text;
    } else if (!o->csv.empty()) {
      format = ExportFormat::Csv;
      out = o->csv;
    } else if (!o->json.empty()) {
      format = ExportFormat::Json;
      out = o->json;
    } else {
      fail(make_error("say where to write: --apkg, --anki-text, --csv or --json FILE"));
    }
    const Collection collection = open_collection_or_fail(o->db, Access::Read);
    const auto report = value_or_fail(export_cards(collection, format, out, o->deck));
    fmt::print("Exported {} cards from {} deck{} to {}.\n", report.cards, report.decks,
               report.decks == 1 ? "" : "s", out);
  });
}

}  // namespace citecard::cli
