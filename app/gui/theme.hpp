// citecard-gui — the look: a calm, paper-like light theme with colours that mean something
// (new blue, learning terracotta, review green; the highlight is a marker-pen yellow).
#pragma once

#include <imgui.h>

#include "font_loader.hpp"

namespace citecard::gui {

struct Palette {
  bool dark = false;
  ImVec4 background{0.965f, 0.953f, 0.925f, 1.0f};
  ImVec4 panel{1.0f, 1.0f, 1.0f, 1.0f};
  ImVec4 border{0.86f, 0.84f, 0.80f, 1.0f};
  ImVec4 text{0.16f, 0.16f, 0.18f, 1.0f};
  ImVec4 muted{0.44f, 0.42f, 0.38f, 1.0f};
  ImVec4 accent{0.18f, 0.44f, 0.56f, 1.0f};
  ImVec4 new_cards{0.18f, 0.42f, 0.71f, 1.0f};
  ImVec4 learning{0.75f, 0.32f, 0.18f, 1.0f};
  ImVec4 review{0.22f, 0.53f, 0.28f, 1.0f};
  ImVec4 right{0.22f, 0.53f, 0.28f, 1.0f};
  ImVec4 wrong{0.75f, 0.22f, 0.17f, 1.0f};
  ImVec4 highlight_band{0.99f, 0.90f, 0.55f, 1.0f};
  ImVec4 highlight_text{0.10f, 0.10f, 0.10f, 1.0f};
  ImVec4 again{0.75f, 0.27f, 0.18f, 1.0f};
  ImVec4 hard{0.62f, 0.47f, 0.14f, 1.0f};
  ImVec4 good{0.22f, 0.53f, 0.28f, 1.0f};
  ImVec4 easy{0.18f, 0.42f, 0.71f, 1.0f};
};

// What every view draws with.
struct Ui {
  Fonts fonts;
  Palette palette;
  float scale = 1.0f;  // content scale of the screen; sizes in views are multiplied by it
};

// The light palette above, or its dark counterpart: the same meanings (blue new, terracotta
// learning, green review, the yellow marker band), lighter tones on a charcoal page.
Palette make_palette(bool dark);

// Sets ImGui's colours and spacing to match `palette`.
void apply_theme(const Palette& palette, float scale);

// `colour` mixed towards the page by `amount` (0 = unchanged, 1 = the panel colour): towards
// white in the light theme, towards charcoal in the dark one, so tints read on either.
ImVec4 lighten(const ImVec4& colour, float amount);

}  // namespace citecard::gui
