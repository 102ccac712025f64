// citecard-gui — what the app remembers between runs on this computer: the window's place and
// size, the theme, the text size and the view it was left in.
//
// Kept in ${XDG_CONFIG_HOME:-~/.config}/citecard/app.ini, not in the collection: these belong
// to a screen and a person's eyes, not to what they study. A collection copied to another
// computer (or opened by the command line, or by another app embedding the engine) should not
// carry one monitor's window position, and the engine stays free of anything about windows.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "citecard/result.hpp"

namespace citecard::gui {

struct AppConfig {
  std::optional<int> x;  // window position on the desktop, when known
  std::optional<int> y;
  int width = 1280;
  int height = 800;
  bool dark = false;
  float font_size = 19.0f;
  std::string view = "decks";  // decks, study, browse, builder, stats, settings
  std::string deck;            // the deck studied, with view = study
};

// ${XDG_CONFIG_HOME:-$HOME/.config}/citecard/app.ini
std::filesystem::path default_config_path();

// A missing file gives the defaults; lines that cannot be read are skipped (a hand edit gone
// wrong must not stop the app from starting), values out of range are clamped.
AppConfig load_app_config(const std::filesystem::path& path);

// Written to a temporary file and renamed, so a crash never leaves half a file.
Result<void> save_app_config(const std::filesystem::path& path, const AppConfig& config);

}  // namespace citecard::gui
