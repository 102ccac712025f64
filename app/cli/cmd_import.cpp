// citecard import FILE.apkg|FILE.txt [--deck NAME] — Anki's notes as cards that cite nothing.
#include <fmt/format.h>

#include "citecard/exchange.hpp"
#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_import_command(CLI::App& app) {
  struct Options {
    std::string db, deck, file;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Add an Anki package (.apkg) or Anki's notes in plain text (.txt) as uncited cards, with "
      "the package's review history");
  cmd->add_option("FILE", o->file, "The .apkg or .txt file")->required();
  cmd->add_option("--deck", o->deck,
                  "The deck to add them to (default: named after the file's deck)");
  add_db_option(*cmd, o->db);
  cmd->callback([o] {
    // Read and check the whole file before the collection is opened (or created).
    const AnkiFile file = value_or_fail(read_anki_file(o->file));
    Collection collection = open_collection_or_fail(o->db, Access::Build);
    const auto r = value_or_fail(import_anki_file(collection, file, o->deck));
    fmt::print(
        "Imported {} notes into deck {}: {} cards added, {} already there; {} answers "
        "replayed, {} already there.\n",
        r.notes, terminal_safe(r.deck), r.cards_added, r.cards_present, r.reviews_added,
        r.reviews_present);
    if (r.cards_skipped > 0 || r.reviews_skipped > 0)
      fmt::print(
          "Skipped {} cards (a note's second and later cards, or no text on the front) "
          "and {} log entries that are not answers.\n",
          r.cards_skipped, r.reviews_skipped);
    if (r.media_skipped > 0)
      fmt::print("Left out {} media files (images, sounds): citecard cards are text.\n",
                 r.media_skipped);
    fmt::print("These cards cite no source: citecard shows them as imported.\n");
  });
}

}  // namespace citecard::cli
