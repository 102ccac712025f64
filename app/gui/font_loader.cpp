#include "font_loader.hpp"

#include <fontconfig/fontconfig.h>

#include <array>
#include <memory>
#include <optional>

namespace citecard::gui {
namespace {

// Characters the decks are known to use beyond ASCII; a font lacking any of them is refused.
constexpr std::array<FcChar32, 9> kRequiredCharacters = {
    0x00E9,  // é (names, loanwords)
    0x2013,  // – en dash
    0x2014,  // — em dash
    0x2018,  // ‘
    0x2019,  // ’
    0x201C,  // “
    0x201D,  // ”
    0x2026,  // … ellipsis
    0x0421,  // С Cyrillic capital Es (one article spells "Сosmodrome" with it)
};

// What the atlas holds: Latin with its supplement and Extended-A, Cyrillic, General Punctuation,
// currency signs, arrows and the ✓ ✗ marks shown after picking a choice.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x0400, 0x04FF,  // Cyrillic
    0x2000, 0x206F,  // General Punctuation
    0x20A0, 0x20CF,  // Currency Symbols
    0x2190, 0x21FF,  // Arrows
    0x2713, 0x2717,  // ✓ ✗
    0,
};

constexpr std::array<const char*, 2> kFamilies = {"DejaVu Sans", "sans-serif"};

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct CharSetDeleter {
  void operator()(FcCharSet* c) const { FcCharSetDestroy(c); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetDeleter>;

std::string missing_characters(FcCharSet* charset) {
  std::string missing;
  for (FcChar32 c : kRequiredCharacters) {
    if (charset == nullptr || !FcCharSetHasChar(charset, c)) {
      char code[16];
      std::snprintf(code, sizeof code, "%sU+%04X", missing.empty() ? "" : ", ", c);
      missing += code;
    }
  }
  return missing;
}

}  // namespace

Result<FontFile> find_font(const std::string& family, bool bold) {
  if (!FcInit()) return make_error("fontconfig could not be initialised");
  PatternPtr pattern(FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str())));
  if (!pattern) return make_error("fontconfig could not parse the font name \"" + family + "\"");
  CharSetPtr wanted(FcCharSetCreate());
  for (FcChar32 c : kRequiredCharacters) FcCharSetAddChar(wanted.get(), c);
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  FcResult result = FcResultNoMatch;
  PatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
  if (!match || result != FcResultMatch) {
    return make_error("fontconfig found no font for \"" + family + "\"");
  }
  FcChar8* file = nullptr;
  FcBool scalable = FcFalse;
  FcCharSet* charset = nullptr;
  int index = 0;
  if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || file == nullptr) {
    return make_error("fontconfig matched \"" + family + "\" to a font without a file");
  }
  const std::string path = reinterpret_cast<const char*>(file);
  if (FcPatternGetBool(match.get(), FC_SCALABLE, 0, &scalable) != FcResultMatch || !scalable) {
    return make_error("the font for \"" + family + "\" (" + path + ") is not scalable");
  }
  FcPatternGetCharSet(match.get(), FC_CHARSET, 0, &charset);
  if (std::string missing = missing_characters(charset); !missing.empty()) {
    return make_error("the font for \"" + family + "\" (" + path + ") lacks " + missing);
  }
  FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
  return FontFile{path, index};
}

namespace {

Result<FontFile> find_any_font(bool bold) {
  std::string reasons;
  for (const char* family : kFamilies) {
    Result<FontFile> font = find_font(family, bold);
    if (font) return font;
    reasons += (reasons.empty() ? "" : "; ") + font.error().message;
  }
  return make_error("no font covering curly quotes, dashes and Cyrillic was found (" + reasons +
                    "); install fonts-dejavu-core");
}

ImFont* add_font(const FontFile& file, float size_pixels) {
  ImFontConfig config;
  config.FontNo = file.index;
  // Sharper small text on software renderers and low-DPI screens.
  config.OversampleH = 3;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.path.c_str(), size_pixels, &config,
                                                  kGlyphRanges);
}

}  // namespace

Result<Fonts> load_fonts(float scale) {
  // Found once: a size change reloads the same files at the new size. ImGui reads the files
  // itself; nothing else in the app uses fontconfig, so its configuration and caches are
  // released after the first search rather than held for the life of the process.
  static std::optional<FontFile> regular;
  static std::optional<FontFile> bold_file;
  if (!regular) {
    Result<FontFile> found = find_any_font(false);
    if (!found) return found.error();
    regular = *found;
    // Bold is a nicety: without a bold face, headings use the regular one.
    Result<FontFile> bold = find_any_font(true);
    bold_file = bold ? *bold : *regular;
    FcFini();
  }
  ImGui::GetIO().Fonts->Clear();

  Fonts fonts;
  fonts.body = add_font(*regular, 19.0f * scale);  // first added: ImGui's default font
  fonts.strong = add_font(*bold_file, 19.0f * scale);
  fonts.prompt = add_font(*bold_file, 26.0f * scale);
  fonts.small = add_font(*regular, 15.0f * scale);
  if (!fonts.body || !fonts.strong || !fonts.prompt || !fonts.small) {
    return make_error("could not load the font " + regular->path);
  }
  return fonts;
}

}  // namespace citecard::gui
