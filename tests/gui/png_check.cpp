// Checks a screenshot from `citecard-gui --screenshot`: the window's size, and a picture rather
// than an empty or failed frame (many colours from anti-aliased text, a fair share of pixels
// that are not the background). Optionally, that it differs from another screenshot.
//
//   citecard_png_check SHOT.png --size 1280x800 [--min-colours N] [--min-foreground F]
//                      [--differs-from OTHER.png --min-changed F]
//                      [--colour RRGGBB --min-colour-pixels N]  (e.g. the highlight's band)
//                      [--max-background-luma L]  (a dark theme)
//   --size any accepts any size (a chart exported from Stats).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

namespace {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;  // 0x00RRGGBB
};

bool load(const std::string& path, Image& image) {
  int channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  if (data == nullptr) {
    std::fprintf(stderr, "%s: not a readable PNG (%s)\n", path.c_str(), stbi_failure_reason());
    return false;
  }
  const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
  image.pixels.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    image.pixels[i] = (std::uint32_t{data[3 * i]} << 16) | (std::uint32_t{data[3 * i + 1]} << 8) |
                      data[3 * i + 2];
  }
  stbi_image_free(data);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Checks that a citecard-gui screenshot shows something"};
  std::string path;
  std::string size;
  std::string other_path;
  int min_colours = 200;  // anti-aliased text alone gives hundreds
  double min_foreground = 0.03;
  double min_changed = 0.01;
  app.add_option("screenshot", path)->required();
  app.add_option("--size", size, "expected WxH, or any (an exported chart)")->required();
  double max_background_luma = 1.0;
  app.add_option("--max-background-luma", max_background_luma,
                 "the background's luma (0-1) at most: a dark theme")
      ->capture_default_str();
  app.add_option("--min-colours", min_colours)->capture_default_str();
  app.add_option("--min-foreground", min_foreground, "share of non-background pixels")
      ->capture_default_str();
  app.add_option("--differs-from", other_path);
  app.add_option("--min-changed", min_changed, "share of pixels that differ from the other")
      ->capture_default_str();
  std::string colour_hex;
  long min_colour_pixels = 1;
  app.add_option("--colour", colour_hex, "a colour, RRGGBB, that must show");
  app.add_option("--min-colour-pixels", min_colour_pixels, "pixels of --colour at least")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  int want_width = 0;
  int want_height = 0;
  const bool any_size = size == "any";
  if (!any_size && std::sscanf(size.c_str(), "%dx%d", &want_width, &want_height) != 2) {
    std::fprintf(stderr, "--size must be WxH\n");
    return 2;
  }
  Image image;
  if (!load(path, image)) return 1;
  bool ok = true;
  if (!any_size && (image.width != want_width || image.height != want_height)) {
    std::fprintf(stderr, "%s: %dx%d, expected %dx%d\n", path.c_str(), image.width, image.height,
                 want_width, want_height);
    ok = false;
  }

  std::map<std::uint32_t, std::size_t> histogram;
  for (std::uint32_t p : image.pixels) ++histogram[p];
  std::uint32_t background = 0;
  std::size_t background_count = 0;
  for (const auto& [colour, count] : histogram) {
    if (count > background_count) {
      background = colour;
      background_count = count;
    }
  }
  const double total = static_cast<double>(image.pixels.size());
  const double foreground = 1.0 - static_cast<double>(background_count) / total;
  std::printf("%s: %dx%d, %zu colours, background #%06X, %.1f%% foreground\n", path.c_str(),
              image.width, image.height, histogram.size(), background, foreground * 100.0);
  const double luma = (0.2126 * ((background >> 16) & 0xFF) + 0.7152 * ((background >> 8) & 0xFF) +
                       0.0722 * (background & 0xFF)) /
                      255.0;
  if (luma > max_background_luma) {
    std::fprintf(stderr, "%s: background luma %.2f, expected at most %.2f\n", path.c_str(), luma,
                 max_background_luma);
    ok = false;
  }
  if (static_cast<int>(histogram.size()) < min_colours) {
    std::fprintf(stderr, "%s: only %zu colours (at least %d expected)\n", path.c_str(),
                 histogram.size(), min_colours);
    ok = false;
  }
  if (foreground < min_foreground) {
    std::fprintf(stderr, "%s: only %.2f%% of pixels differ from the background (%.2f%% expected)\n",
                 path.c_str(), foreground * 100.0, min_foreground * 100.0);
    ok = false;
  }

  if (!other_path.empty()) {
    Image other;
    if (!load(other_path, other)) return 1;
    if (other.pixels.size() != image.pixels.size()) {
      std::fprintf(stderr, "%s and %s differ in size\n", path.c_str(), other_path.c_str());
      return 1;
    }
    std::size_t changed = 0;
    for (std::size_t i = 0; i < image.pixels.size(); ++i)
      changed += image.pixels[i] != other.pixels[i];
    const double share = static_cast<double>(changed) / total;
    std::printf("%.1f%% of pixels differ from %s\n", share * 100.0, other_path.c_str());
    if (share < min_changed) {
      std::fprintf(stderr, "%s: looks the same as %s\n", path.c_str(), other_path.c_str());
      ok = false;
    }
  }
  if (!colour_hex.empty()) {
    const auto wanted = static_cast<std::uint32_t>(std::stoul(colour_hex, nullptr, 16));
    const std::size_t count = histogram.count(wanted) ? histogram[wanted] : 0;
    std::printf("%zu pixels of #%06X\n", count, wanted);
    if (static_cast<long>(count) < min_colour_pixels) {
      std::fprintf(stderr, "%s: %zu pixels of #%06X, at least %ld expected\n", path.c_str(), count,
                   wanted, min_colour_pixels);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
