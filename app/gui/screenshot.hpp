// citecard-gui — saves what the window shows as a PNG, for tests and documentation.
#pragma once

#include <filesystem>

#include "citecard/result.hpp"

namespace citecard::gui {

// Reads the current GL back buffer (width x height pixels, after rendering and before swapping)
// and writes it to `path` as an RGB PNG, top row first. Writes to a temporary file and renames
// it, so `path` is never left half-written.
Result<void> save_framebuffer_png(const std::filesystem::path& path, int width, int height);

// The same for the rectangle at (x, y) from the top-left, width x height pixels, of a
// framebuffer `framebuffer_height` pixels high (a chart exported from Stats).
Result<void> save_framebuffer_region_png(const std::filesystem::path& path, int x, int y, int width,
                                         int height, int framebuffer_height);

}  // namespace citecard::gui
