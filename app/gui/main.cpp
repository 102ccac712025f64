// citecard-gui — the desktop app: pick a deck, answer its cards, see where each answer comes from.
//
//   citecard-gui [--db PATH] [--deck DIR]
//   citecard-gui --db PATH --screenshot OUT.png [--view
//   decks|study|reader|browse|builder|stats|settings]
//                [--reveal]
//                [--size WxH]
//                [--script STEPS] [--now TIME]
//
// Screenshot mode renders a few frames, saves the window as a PNG and exits: tests and docs use
// it under a virtual X server.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>

#include "app_state.hpp"
#include "citecard/collection.hpp"
#include "citecard/time.hpp"
#include "font_loader.hpp"
#include "screenshot.hpp"
#include "script.hpp"
#include "theme.hpp"
#include "views/browse_view.hpp"
#include "views/builder_view.hpp"
#include "views/deck_list.hpp"
#include "views/done_view.hpp"
#include "views/reader_view.hpp"
#include "views/settings_view.hpp"
#include "views/stats_view.hpp"
#include "views/study_view.hpp"
#include "window_icon.hpp"

namespace {

using namespace citecard;
using namespace citecard::gui;

constexpr int kExitFailure = 1;
constexpr int kExitNoDisplay = 2;
// Frames drawn after the last scripted step before a screenshot: ImGui settles sizes of tables
// and child windows over the first frames.
constexpr int kSettleFrames = 4;

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

struct Options {
  std::string db = default_collection_path().string();
  std::string deck_dir;
  std::string screenshot;
  std::string view = "decks";
  bool reveal = false;
  std::string size = "1280x800";
  std::string script;
  std::string now;
  int width = 1280;
  int height = 800;
};

int fail(const std::string& message, int code = kExitFailure) {
  std::fprintf(stderr, "citecard-gui: %s\n", message.c_str());
  return code;
}

std::optional<std::pair<int, int>> parse_size(const std::string& text) {
  int width = 0;
  int height = 0;
  char end = 0;
  if (std::sscanf(text.c_str(), "%dx%d%c", &width, &height, &end) != 2) return std::nullopt;
  if (width < 320 || height < 240 || width > 8192 || height > 8192) return std::nullopt;
  return std::make_pair(width, height);
}

// ---------------------------------------------------------------------------------------------
// Collection and first view
// ---------------------------------------------------------------------------------------------

Result<Collection> open_collection(const Options& options, Timestamp now) {
  Result<Collection> collection = Collection::open(options.db);
  if (!collection) return collection;
  if (!options.deck_dir.empty()) {
    Result<std::vector<DeckSummary>> decks = collection->decks(now);
    if (!decks) return decks.error();
    if (decks->empty()) {
      Result<BuildReport> built = collection->build(options.deck_dir);
      if (!built) return built.error();
    }
  }
  return collection;
}

// --view study|reader and --reveal become the first steps of the script, so they take the same
// path.
Result<std::vector<ScriptStep>> startup_script(const Options& options) {
  std::string script;
  if (options.view == "study" || options.view == "reader") script = "study";
  if (options.view == "reader") script += ",reveal,reader";
  if (options.view == "browse") script = "browse";
  if (options.view == "builder") script = "builder";
  if (options.view == "stats") script = "stats";
  if (options.view == "settings") script = "settings";
  if (options.reveal) script += ",reveal";
  if (!options.script.empty()) script += "," + options.script;
  return parse_script(script);
}

// ---------------------------------------------------------------------------------------------
// Window and Dear ImGui
// ---------------------------------------------------------------------------------------------

// GLFW reports why it failed through this callback; until the window is open the reason is kept
// for the one line explaining the failure, afterwards it is printed as it comes.
std::string g_glfw_error;
bool g_window_open = false;

void on_glfw_error(int /*code*/, const char* description) {
  g_glfw_error = description;
  if (g_window_open) std::fprintf(stderr, "citecard-gui: %s\n", description);
}

GLFWwindow* create_window(const Options& options) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  if (!options.screenshot.empty()) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, "citecard", nullptr, nullptr);
  if (window == nullptr) return nullptr;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(options.screenshot.empty() ? 1 : 0);
  set_window_icon(window);
  return window;
}

float content_scale(GLFWwindow* window) {
  float x = 1.0f;
  float y = 1.0f;
  glfwGetWindowContentScale(window, &x, &y);
  return x > 1.0f ? x : 1.0f;
}

class Views {
 public:
  void draw(AppState& state, const Ui& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("citecard", nullptr, flags);
    switch (state.view()) {
      case View::DeckList:
        deck_list_.draw(state, ui);
        break;
      case View::Study:
        draw_study_view(state, ui);
        break;
      case View::Done:
        draw_done_view(state, ui);
        break;
      case View::Reader:
        draw_reader_view(state, ui);
        break;
      case View::Browse:
        browse_.draw(state, ui);
        break;
      case View::Builder:
        builder_.draw(state, ui);
        break;
      case View::Stats:
        draw_stats_view(state, ui);
        break;
      case View::Settings:
        draw_settings_view(state, ui);
        break;
    }
    ImGui::End();
  }

 private:
  DeckListView deck_list_;
  BrowseView browse_;
  BuilderView builder_;
};

void render_frame(GLFWwindow* window, AppState& state, Views& views, const Ui& ui) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  views.draw(state, ui);
  ImGui::Render();

  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  glViewport(0, 0, width, height);
  const ImVec4& bg = ui.palette.background;
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// ---------------------------------------------------------------------------------------------
// Main loops
// ---------------------------------------------------------------------------------------------

// A scripted key goes down for one frame and up for the next, as the GLFW backend would report a
// real press, so the views' own key handling takes it.
void press_key(GLFWwindow* window, AppState& state, Views& views, const Ui& ui, int key,
               bool ctrl) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[GLFW_KEY_LEFT_CONTROL] = ctrl;
  io.KeyCtrl = ctrl;
  io.KeysDown[key] = true;
  render_frame(window, state, views, ui);
  glfwSwapBuffers(window);
  io.KeysDown[key] = false;
  io.KeysDown[GLFW_KEY_LEFT_CONTROL] = false;
  io.KeyCtrl = false;
  render_frame(window, state, views, ui);
}

Result<void> run_step(GLFWwindow* window, AppState& state, Views& views, const Ui& ui,
                      const ScriptStep& step) {
  if (step.kind == ScriptStep::Kind::Key) {
    press_key(window, state, views, ui, step.value, step.ctrl);
    if (!state.error().empty()) return make_error("--script " + step.text + ": " + state.error());
    return {};
  }
  if (step.kind == ScriptStep::Kind::Wait) {
    // The app keeps drawing while the Builder works, as it does for a learner; the frames drawn
    // are counted so a test can see the UI was not blocked.
    int frames = 0;
    while (state.builder().busy() || state.fit().busy()) {
      render_frame(window, state, views, ui);
      glfwSwapBuffers(window);
      ++frames;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::printf("citecard-gui: drew %d frames while the Builder or the optimizer worked\n", frames);
  }
  return run_script_step(state, step);
}

int run_screenshot(GLFWwindow* window, AppState& state, Views& views, const Ui& ui,
                   const std::vector<ScriptStep>& script, const std::string& out) {
  render_frame(window, state, views, ui);
  for (const ScriptStep& step : script) {
    glfwSwapBuffers(window);
    glfwPollEvents();
    if (Result<void> done = run_step(window, state, views, ui, step); !done) {
      return fail(done.error().message);
    }
    render_frame(window, state, views, ui);
  }
  for (int frame = 0; frame < kSettleFrames; ++frame) {
    glfwSwapBuffers(window);
    glfwPollEvents();
    render_frame(window, state, views, ui);
  }
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  if (Result<void> saved = save_framebuffer_png(out, width, height); !saved) {
    return fail(saved.error().message);
  }
  // The view is named so scripts can tell where a session ended without reading pixels.
  std::printf("citecard-gui: saved %s (%dx%d, view: %s)\n", out.c_str(), width, height,
              to_string(state.view()));
  return 0;
}

int run_interactive(GLFWwindow* window, AppState& state, Views& views, const Ui& ui,
                    const std::vector<ScriptStep>& script) {
  render_frame(window, state, views, ui);
  for (const ScriptStep& step : script) {
    glfwSwapBuffers(window);
    if (Result<void> done = run_step(window, state, views, ui, step); !done) {
      return fail(done.error().message);
    }
    render_frame(window, state, views, ui);
  }
  glfwSwapBuffers(window);
  while (!glfwWindowShouldClose(window)) {
    // Nothing animates, so sleep until input arrives; the timeout keeps "due" counts fresh.
    glfwWaitEventsTimeout(1.0);
    render_frame(window, state, views, ui);
    glfwSwapBuffers(window);
  }
  return 0;
}

int run(const Options& options) {
  AppState::Clock clock = [] { return now_utc(); };
  if (!options.now.empty()) {
    Result<Timestamp> pinned = parse_iso8601(options.now);
    if (!pinned) return fail("--now: " + pinned.error().message);
    clock = [t = *pinned] { return t; };
  }
  Result<std::vector<ScriptStep>> script = startup_script(options);
  if (!script) return fail(script.error().message);
  Result<Collection> collection = open_collection(options, clock());
  if (!collection) return fail(collection.error().message);
  AppState state(std::move(collection).value(), clock);
  if (!state.error().empty()) return fail(state.error());
  // The Builder's worker wakes the event loop so its progress is drawn.
  state.builder().set_wake([] { glfwPostEmptyEvent(); });
  state.fit().set_wake([] { glfwPostEmptyEvent(); });

  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    return fail("cannot open a window (" + g_glfw_error +
                    "); run it on a desktop, or headless under xvfb-run",
                kExitNoDisplay);
  }
  GLFWwindow* window = create_window(options);
  if (window == nullptr) {
    glfwTerminate();
    return fail("cannot create an OpenGL 3.2 window (" + g_glfw_error + ")", kExitNoDisplay);
  }
  g_window_open = true;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // one fixed full-window layout: nothing to remember
  Ui ui;
  ui.scale = content_scale(window);
  int code = 0;
  if (Result<Fonts> fonts = load_fonts(ui.scale); !fonts) {
    code = fail(fonts.error().message);
  } else {
    ui.fonts = *fonts;
    apply_theme(ui.palette, ui.scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");
    Views views;
    code = options.screenshot.empty()
               ? run_interactive(window, state, views, ui, *script)
               : run_screenshot(window, state, views, ui, *script, options.screenshot);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"citecard-gui — study cited flashcards from the news"};
  Options options;
  app.add_option("--db", options.db, "collection file")->capture_default_str();
  app.add_option("--deck", options.deck_dir, "deck directory to build when the collection is empty")
      ->check(CLI::ExistingDirectory);
  app.add_option("--screenshot", options.screenshot,
                 "render a few frames, save the window as this PNG and exit");
  app.add_option("--view", options.view, "view to start in")
      ->check(CLI::IsMember({"decks", "study", "reader", "browse", "builder", "stats", "settings"}))
      ->capture_default_str();
  app.add_flag("--reveal", options.reveal, "with --view study: show the answer and its source");
  app.add_option("--size", options.size, "window size, WxH")->capture_default_str();
  app.add_option(
      "--script", options.script,
      "steps to take first, comma-separated: study[:DECK], pick:A-D, reveal, "
      "rate:1-4, undo, reader, browse, search:TEXT, select:N|all, suspend, "
      "unsuspend, back, stats, settings, fit, usefit, builder, add:PATH, newdeck:DIR, wait, "
      "accept:N, reject:N, save, key:K (K: space, enter, escape, up, down, a letter or digit, "
      "ctrl+ a letter)");
  app.add_option("--now", options.now,
                 "pretend it is this time (ISO 8601), for reproducible screenshots");
  CLI11_PARSE(app, argc, argv);

  if (options.reveal && options.view != "study") return fail("--reveal needs --view study");
  if (options.view == "reader") options.reveal = false;  // the reader opens from the answer side
  const auto size = parse_size(options.size);
  if (!size) return fail("--size must look like 1280x800 (at least 320x240)");
  options.width = size->first;
  options.height = size->second;
  return run(options);
}
