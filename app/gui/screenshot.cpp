#include "screenshot.hpp"

#include <GL/gl.h>

#include <cstdint>
#include <cstring>
#include <system_error>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace citecard::gui {

Result<void> save_framebuffer_png(const std::filesystem::path& path, int width, int height) {
  return save_framebuffer_region_png(path, 0, 0, width, height, height);
}

Result<void> save_framebuffer_region_png(const std::filesystem::path& path, int x, int y, int width,
                                         int height, int framebuffer_height) {
  if (width <= 0 || height <= 0) return make_error("the window has no pixels to save");
  if (x < 0 || y < 0 || y + height > framebuffer_height) {
    return make_error("the region to save is outside the window");
  }
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
  std::vector<std::uint8_t> pixels(row_bytes * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(x, framebuffer_height - y - height, width, height, GL_RGB, GL_UNSIGNED_BYTE,
               pixels.data());
  if (GLenum error = glGetError(); error != GL_NO_ERROR) {
    return make_error("reading the window's pixels failed (GL error " + std::to_string(error) +
                      ")");
  }

  // GL's first row is the bottom one; PNG's is the top.
  std::vector<std::uint8_t> row(row_bytes);
  for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
    std::uint8_t* a = pixels.data() + static_cast<std::size_t>(top) * row_bytes;
    std::uint8_t* b = pixels.data() + static_cast<std::size_t>(bottom) * row_bytes;
    std::memcpy(row.data(), a, row_bytes);
    std::memcpy(a, b, row_bytes);
    std::memcpy(b, row.data(), row_bytes);
  }

  std::filesystem::path temporary = path;
  temporary += ".tmp";
  if (!stbi_write_png(temporary.c_str(), width, height, 3, pixels.data(),
                      static_cast<int>(row_bytes))) {
    return make_error("could not write " + temporary.string());
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    return make_error("could not write " + path.string());
  }
  return {};
}

}  // namespace citecard::gui
