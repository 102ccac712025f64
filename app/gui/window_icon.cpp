#include "window_icon.hpp"

#include <GLFW/glfw3.h>

#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

namespace citecard::gui {
namespace {

std::vector<std::filesystem::path> icon_candidates() {
  std::vector<std::filesystem::path> candidates;
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    candidates.push_back(exe.parent_path().parent_path() / "share" / "citecard" / "citecard.png");
  }
  candidates.emplace_back(CITECARD_ASSETS_DIR "/citecard.png");
  return candidates;
}

}  // namespace

void set_window_icon(GLFWwindow* window) {
  for (const auto& path : icon_candidates()) {
    int width = 0;
    int height = 0;
    int channels = 0;
    stbi_uc* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (pixels == nullptr) continue;
    GLFWimage image{width, height, pixels};
    glfwSetWindowIcon(window, 1, &image);
    stbi_image_free(pixels);
    return;
  }
  std::fprintf(stderr, "citecard-gui: warning: window icon citecard.png not found\n");
}

}  // namespace citecard::gui
