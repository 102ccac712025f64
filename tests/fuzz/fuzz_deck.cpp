// Fuzzes reading a deck: manifest.toml, deck.toml and one source file, separated in the input by
// a line "%%%", are written to a scratch folder and loaded as `citecard build` loads them; a
// deck that loads is then made into cards. Any outcome but a crash is fine: a bad deck must come
// back as an Error.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "deck/card_maker.hpp"
#include "deck/deck_spec.hpp"
#include "fuzz_input.hpp"

namespace {

const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "citecard-fuzz-XXXXXX").string();
    std::filesystem::path made = ::mkdtemp(pattern.data());
    std::filesystem::create_directories(made / "sources");
    return made;
  }();
  return dir;
}

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = citecard::fuzz::split(
      std::string_view(reinterpret_cast<const char*>(data), size), "\n%%%\n", 3);
  write(scratch() / "manifest.toml", parts[0]);
  write(scratch() / "deck.toml", parts[1]);
  write(scratch() / "sources" / "a.txt", parts[2]);
  auto deck = citecard::deck::load_deck(scratch());
  if (deck) (void)citecard::deck::make_cards(*deck);
  return 0;
}
