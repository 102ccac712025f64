// Fuzzes importing an Anki package a user was sent: the zip (its headers, sizes and inflating),
// the SQLite collection inside, its note types' JSON, the notes' HTML fields and the review log,
// then adding what was read to a collection. Any outcome but a crash, an exception or text that is
// not UTF-8 is fine: a bad package must come back as an Error and change nothing.
#include <cstdlib>
#include <filesystem>

#include "citecard/exchange.hpp"
#include "citecard/extract.hpp"
#include "scratch_dir.hpp"

namespace {

void require_utf8(const std::string& text) {
  if (!citecard::validate_utf8(text).ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto apkg = citecard::fuzz::write_scratch(
      "in.apkg", std::string_view(reinterpret_cast<const char*>(data), size));
  auto file = citecard::read_anki_file(apkg);
  if (!file) return 0;
  require_utf8(file->deck_name);
  for (const auto& record : file->notes) {
    require_utf8(record.note.prompt);
    require_utf8(record.note.answer);
    for (const auto& choice : record.note.choices) require_utf8(choice);
  }
  // A fresh collection each time, so one input's cards do not change the next one's outcome.
  const auto db = citecard::fuzz::scratch_dir() / "c.db";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix, ec);
  auto collection = citecard::Collection::open(db);
  if (!collection) std::abort();
  (void)citecard::import_anki_file(*collection, *file);
  return 0;
}
