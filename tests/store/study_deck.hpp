// A deck of many quote cards, for tests that need more cards than the mini deck has.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "citecard/collection.hpp"
#include "deck/mini_deck.hpp"
#include "support/temp_dir.hpp"

namespace citecard::test {

// `count` quotes by four speakers, in deck `id`, written to dir/<id>/.
inline void write_quote_deck(const TempDir& dir, const std::string& id, int count) {
  const char* speakers[] = {"Ana Ruiz", "Tom Lee", "Jo Park", "Sam Ode"};
  std::string source = "Many things were said\n";
  std::string notes;
  for (int i = 0; i < count; ++i) {
    const std::string quote = fmt::format("Point number {} of {} stands,", i + 1, id);
    const char* speaker = speakers[i % 4];
    source += fmt::format("\u201C{}\u201D said {}.\n", quote, speaker);
    notes += fmt::format("[[quote]]\nsource = \"news\"\ntext = \"{}\"\nspeaker = \"{}\"\n\n", quote,
                         speaker);
  }
  dir.write(id + "/manifest.toml",
            fmt::format("[deck]\nid = \"{}\"\ntitle = \"Deck {}\"\n\n[[source]]\nid = \"news\"\n"
                        "file = \"sources/news.txt\"\noutlet = \"The Daily\"\ntitle = \"Talk\"\n"
                        "author = \"not stated\"\ndate = \"2024-05-07\"\n",
                        id, id));
  dir.write(id + "/deck.toml", notes);
  dir.write(id + "/sources/news.txt", source);
}

}  // namespace citecard::test
