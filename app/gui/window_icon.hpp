// citecard-gui — the window's icon, loaded from assets/citecard.png.
#pragma once

struct GLFWwindow;

namespace citecard::gui {

// Sets the icon if the PNG is found next to the app (../share/citecard/citecard.png) or in the
// source tree; a missing icon is not worth stopping for, so this only warns.
void set_window_icon(GLFWwindow* window);

}  // namespace citecard::gui
