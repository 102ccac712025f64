#include "app_config.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace citecard::gui {
namespace {

std::optional<int> to_int(const std::string& text) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used != text.size()) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::filesystem::path default_config_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg != '\0') return std::filesystem::path(xdg) / "citecard" / "app.ini";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".config" / "citecard" / "app.ini";
}

AppConfig load_app_config(const std::filesystem::path& path) {
  AppConfig config;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto equals = line.find('=');
    if (line.empty() || line[0] == '#' || equals == std::string::npos) continue;
    const std::string key = line.substr(0, equals);
    const std::string value = line.substr(equals + 1);
    const std::optional<int> number = to_int(value);
    if (key == "x" && number) config.x = *number;
    if (key == "y" && number) config.y = *number;
    if (key == "width" && number) config.width = std::clamp(*number, 320, 8192);
    if (key == "height" && number) config.height = std::clamp(*number, 240, 8192);
    if (key == "theme") config.dark = value == "dark";
    if (key == "font_size" && number)
      config.font_size = static_cast<float>(std::clamp(*number, 14, 28));
    if (key == "view") config.view = value;
    if (key == "deck") config.deck = value;
  }
  return config;
}

Result<void> save_app_config(const std::filesystem::path& path, const AppConfig& config) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error)
    return make_error("could not create " + path.parent_path().string() + ": " + error.message());
  std::ostringstream text;
  text << "# citecard-gui: the window and look, rewritten when the app closes\n";
  if (config.x && config.y) text << "x=" << *config.x << "\ny=" << *config.y << "\n";
  text << "width=" << config.width << "\nheight=" << config.height << "\n";
  text << "theme=" << (config.dark ? "dark" : "light") << "\n";
  text << "font_size=" << static_cast<int>(config.font_size) << "\n";
  text << "view=" << config.view << "\n";
  if (!config.deck.empty()) text << "deck=" << config.deck << "\n";
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text.str();
    if (!out.flush()) return make_error("could not write " + temporary.string());
  }
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    return make_error("could not write " + path.string());
  }
  return {};
}

}  // namespace citecard::gui
