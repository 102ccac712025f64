// Fuzzes reading Anki's "Notes in Plain Text" (its # header lines, separators, quoting and HTML
// fields). Every note read must be UTF-8, whatever bytes the file held.
#include <cstdlib>

#include "citecard/extract.hpp"
#include "exchange/anki_text.hpp"

namespace {

void require_utf8(const std::string& text) {
  if (!citecard::validate_utf8(text).ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = citecard::exchange::read_anki_text(
      std::string_view(reinterpret_cast<const char*>(data), size), "notes.txt");
  if (!file) return 0;
  require_utf8(file->deck_name);
  for (const auto& record : file->notes) {
    require_utf8(record.note.prompt);
    require_utf8(record.note.answer);
    for (const auto& choice : record.note.choices) require_utf8(choice);
  }
  return 0;
}
