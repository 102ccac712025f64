// citecard-gui — finds a Unicode font through fontconfig and loads it into Dear ImGui.
//
// The articles quote people with curly quotes, dashes and ellipses, and one carries a Cyrillic
// letter, so ImGui's built-in ProggyClean (ASCII only) would print '?' boxes. We ask fontconfig
// for a scalable font that covers those characters, preferring DejaVu Sans.
#pragma once

#include <imgui.h>

#include <string>

#include "citecard/result.hpp"

namespace citecard::gui {

struct FontFile {
  std::string path;
  int index = 0;  // face within a font collection (.ttc)
};

// A scalable font of `family` ("DejaVu Sans", "sans-serif") covering every character the app
// shows, regular or bold; an error naming what is missing otherwise.
Result<FontFile> find_font(const std::string& family, bool bold);

struct Fonts {
  ImFont* body = nullptr;    // article paragraphs, choices, buttons
  ImFont* strong = nullptr;  // headings and labels
  ImFont* prompt = nullptr;  // the card's question, large
  ImFont* small = nullptr;   // metadata: dates, outlets, key hints
};

// Adds the app's fonts to the atlas of the current ImGui context, all sizes times `scale`.
Result<Fonts> load_fonts(float scale);

}  // namespace citecard::gui
