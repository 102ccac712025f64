// A small deck written into a temp folder, edited per test to provoke one error at a time.
#pragma once

#include <string>

#include "support/temp_dir.hpp"

namespace citecard::test {

inline const std::string kMiniSource =
    "Council approves budget\n"
    "The city council approved a $2 million budget on Tuesday.\n"
    "\u201CThis is a good day for the city,\u201D said Mayor Ana Ruiz.\n"
    "\u201CWe fought for every line,\u201D said council member Tom Lee.\n"
    "\u201CIt is not enough,\u201D said Jo Park, a resident.\n"
    "\u201CWe will appeal,\u201D said Sam Ode, a lawyer.\n";

inline const std::string kMiniManifest = R"(
[deck]
id = "mini"
title = "Mini deck"

[[source]]
id = "news"
file = "sources/news.txt"
outlet = "The Daily"
title = "Council approves budget"
author = "not stated"
date = "2024-05-07"
)";

inline const std::string kMiniNotes = R"(
[[quote]]
source = "news"
text = "This is a good day for the city,"
speaker = "Ana Ruiz"

[[quote]]
source = "news"
text = "We fought for every line,"
speaker = "Tom Lee"

[[quote]]
source = "news"
text = "It is not enough,"
speaker = "Jo Park"

[[quote]]
source = "news"
text = "We will appeal,"
speaker = "Sam Ode"

[[fact]]
source = "news"
cite = "The city council approved a $2 million budget on Tuesday."
question = "How large a budget did the council approve?"
answer = "$2 million"
choices = ["$1 million", "$2 million", "$5 million", "$20 million"]
)";

// Writes the mini deck into `dir`, with `notes` and `manifest` replaceable.
inline void write_mini_deck(const TempDir& dir, const std::string& notes = kMiniNotes,
                            const std::string& manifest = kMiniManifest) {
  dir.write("deck/manifest.toml", manifest);
  dir.write("deck/deck.toml", notes);
  dir.write("deck/sources/news.txt", kMiniSource);
}

}  // namespace citecard::test
