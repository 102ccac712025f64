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
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include "app_config.hpp"
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
#include "views/help_overlay.hpp"
#include "views/reader_view.hpp"
#include "views/settings_view.hpp"
#include "views/stats_view.hpp"
#include "views/study_view.hpp"
#include "widgets.hpp"
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
  std::string view;  // empty: the last view in the interactive app, the deck list otherwise
  bool reveal = false;
  std::string size;  // empty: the size remembered, or 1280x800
  std::string config = default_config_path().string();
  bool timing = false;
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

// The view to open: --view, or with "last" (the default of the interactive app) the one the app
// was left in, studying the same deck.
std::string startup_view(const Options& options, const AppConfig& config, std::string& script) {
  std::string view = options.view;
  if (view.empty()) view = options.screenshot.empty() ? "last" : "decks";
  if (view != "last") return view;
  view = config.view;
  if (view == "study" && !config.deck.empty()) {
    script = "study:" + config.deck;
    return "decks";
  }
  const bool known = view == "decks" || view == "browse" || view == "builder" || view == "stats" ||
                     view == "settings";
  return known ? view : "decks";
}

// --view study|reader and --reveal become the first steps of the script, so they take the same
// path.
Result<std::vector<ScriptStep>> startup_script(Options options, const AppConfig& config) {
  std::string script;
  options.view = startup_view(options, config, script);
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

GLFWwindow* create_window(const Options& options, const AppConfig& config) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  if (!options.screenshot.empty()) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, "citecard", nullptr, nullptr);
  if (window == nullptr) return nullptr;
  // Back where it was left; a screenshot's window stays where the X server puts it.
  if (options.screenshot.empty() && config.x && config.y)
    glfwSetWindowPos(window, *config.x, *config.y);
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

// Applies the learner's theme and text size, and the screen's content scale, between frames:
// a new size rebuilds the font atlas at size x content scale, so text stays crisp.
class Look {
 public:
  Result<void> apply(GLFWwindow* window, const Appearance& look, Ui& ui) {
    const float scale = content_scale(window) * look.font_size / Appearance().font_size;
    if (applied_ && *applied_ == look && scale == ui.scale) return {};
    if (!applied_ || scale != ui.scale) {
      Result<Fonts> fonts = load_fonts(scale);
      if (!fonts) return fonts.error();
      ui.fonts = *fonts;
      ui.scale = scale;
      if (backend_ready_) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
      }
    }
    ui.palette = make_palette(look.dark);
    apply_theme(ui.palette, ui.scale);
    applied_ = look;
    return {};
  }
  void backend_ready() { backend_ready_ = true; }

 private:
  std::optional<Appearance> applied_;
  bool backend_ready_ = false;
};

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
    // F1's overlay takes the keys while it is open, and the Esc that closes it.
    const bool help_was_open = state.help_open();
    set_view_keys_enabled(true);
    const bool help_open = handle_help_keys(state);
    set_view_keys_enabled(!help_open && !help_was_open);
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
    if (state.help_open()) {
      // The view dimmed under the overlay (drawn in the view's window, so below the overlay's).
      ImDrawList* draw = ImGui::GetWindowDrawList();
      draw->PushClipRect(ImVec2(0, 0), io.DisplaySize, false);  // the padding too
      draw->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 90));
      draw->PopClipRect();
    }
    ImGui::End();
    set_view_keys_enabled(true);
    if (state.help_open()) draw_help_overlay(state, ui);
  }

 private:
  DeckListView deck_list_;
  BrowseView browse_;
  BuilderView builder_;
};

// Stats' charts, each saved as a PNG from the frame just drawn.
void export_charts(AppState& state, int framebuffer_height) {
  const float pixels = ImGui::GetIO().DisplayFramebufferScale.y;
  std::error_code error;
  std::filesystem::create_directories(state.export_dir(), error);
  std::string saved;
  for (const AppState::ChartExport& chart : state.chart_rects()) {
    const std::filesystem::path path = state.export_dir() / (chart.name + ".png");
    Result<void> done = save_framebuffer_region_png(
        path, static_cast<int>(chart.min.x * pixels), static_cast<int>(chart.min.y * pixels),
        static_cast<int>((chart.max.x - chart.min.x) * pixels),
        static_cast<int>((chart.max.y - chart.min.y) * pixels), framebuffer_height);
    if (!done) {
      state.finish_chart_export("Could not save the charts: " + done.error().message);
      return;
    }
    std::printf("citecard-gui: saved chart %s\n", path.c_str());
    saved = path.parent_path().string();
  }
  state.finish_chart_export("Saved " + std::to_string(state.chart_rects().size()) +
                            " charts as PNG in " + saved);
}

void render_frame(GLFWwindow* window, AppState& state, Views& views, Ui& ui, Look& look) {
  if (Result<void> applied = look.apply(window, state.appearance(), ui); !applied)
    state.finish_chart_export(applied.error().message);
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
  if (state.chart_export_requested() && state.view() == View::Stats &&
      !state.chart_rects().empty()) {
    export_charts(state, height);
  }
}

// ---------------------------------------------------------------------------------------------
// Main loops
// ---------------------------------------------------------------------------------------------

// A scripted key goes down for one frame and up for the next, as the GLFW backend would report a
// real press, so the views' own key handling takes it.
void press_key(GLFWwindow* window, AppState& state, Views& views, Ui& ui, Look& look, int key,
               bool ctrl) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[GLFW_KEY_LEFT_CONTROL] = ctrl;
  io.KeyCtrl = ctrl;
  io.KeysDown[key] = true;
  render_frame(window, state, views, ui, look);
  glfwSwapBuffers(window);
  io.KeysDown[key] = false;
  io.KeysDown[GLFW_KEY_LEFT_CONTROL] = false;
  io.KeyCtrl = false;
  render_frame(window, state, views, ui, look);
}

Result<void> run_step(GLFWwindow* window, AppState& state, Views& views, Ui& ui, Look& look,
                      const ScriptStep& step) {
  if (step.kind == ScriptStep::Kind::Key) {
    press_key(window, state, views, ui, look, step.value, step.ctrl);
    if (!state.error().empty()) return make_error("--script " + step.text + ": " + state.error());
    return {};
  }
  if (step.kind == ScriptStep::Kind::Wait) {
    // The app keeps drawing while the Builder works, as it does for a learner; the frames drawn
    // are counted so a test can see the UI was not blocked.
    int frames = 0;
    while (state.builder().busy() || state.fit().busy() || state.workload().busy()) {
      render_frame(window, state, views, ui, look);
      glfwSwapBuffers(window);
      ++frames;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::printf("citecard-gui: drew %d frames while the Builder or the optimizer worked\n", frames);
  }
  return run_script_step(state, step);
}

int run_screenshot(GLFWwindow* window, AppState& state, Views& views, Ui& ui, Look& look,
                   const std::vector<ScriptStep>& script, const std::string& out) {
  render_frame(window, state, views, ui, look);
  for (const ScriptStep& step : script) {
    glfwSwapBuffers(window);
    glfwPollEvents();
    if (Result<void> done = run_step(window, state, views, ui, look, step); !done) {
      return fail(done.error().message);
    }
    render_frame(window, state, views, ui, look);
  }
  for (int frame = 0; frame < kSettleFrames; ++frame) {
    glfwSwapBuffers(window);
    glfwPollEvents();
    render_frame(window, state, views, ui, look);
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
  // What the done screen summarises, in words a script can check.
  const SessionTally& session = state.session();
  std::printf(
      "citecard-gui: session: %zu cards, %d answers (again %d, hard %d, good %d, easy %d), "
      "%lld ms, suspended %d, buried %d\n",
      session.cards.size(), session.total(), session.by_rating[0], session.by_rating[1],
      session.by_rating[2], session.by_rating[3], static_cast<long long>(session.answer_ms),
      session.suspended, session.buried);
  // The workload curves Settings drew, so a script can check they came from the simulator.
  if (const auto& workload = state.workload().result()) {
    const RetentionSweep& sweep = workload->sweep;
    std::printf(
        "citecard-gui: workload: %zu retentions %.2f-%.2f over %d cards, optimum %.2f, "
        "%.1f-%.1f min/day\n",
        sweep.points.size(), sweep.points.front().retention, sweep.points.back().retention,
        workload->cards, sweep.points[sweep.optimum].retention,
        sweep.points.front().seconds_per_day / 60, sweep.points.back().seconds_per_day / 60);
  }
  return 0;
}

int run_interactive(GLFWwindow* window, AppState& state, Views& views, Ui& ui, Look& look,
                    const std::vector<ScriptStep>& script) {
  render_frame(window, state, views, ui, look);
  for (const ScriptStep& step : script) {
    glfwSwapBuffers(window);
    if (Result<void> done = run_step(window, state, views, ui, look, step); !done) {
      return fail(done.error().message);
    }
    render_frame(window, state, views, ui, look);
  }
  glfwSwapBuffers(window);
  while (!glfwWindowShouldClose(window)) {
    // Nothing animates, so sleep until input arrives (the Builder and the optimizer post an
    // event when they progress); the timeout redraws the "due" counts every half minute, which is
    // as fresh as a learning step of a minute needs. Waking every second cost about 1 % of a core
    // under software GL, for nothing a learner could see.
    glfwWaitEventsTimeout(30.0);
    render_frame(window, state, views, ui, look);
    glfwSwapBuffers(window);
  }
  return 0;
}

// What to remember of this run: where the window is, the look, and the view left open (the
// reader and the done screen reopen as the deck they belong to).
AppConfig config_to_save(GLFWwindow* window, const AppState& state, AppConfig config) {
  int x = 0;
  int y = 0;
  glfwGetWindowPos(window, &x, &y);
  config.x = x;
  config.y = y;
  glfwGetWindowSize(window, &config.width, &config.height);
  config.dark = state.appearance().dark;
  config.font_size = state.appearance().font_size;
  const View view = state.view();
  config.view = view == View::Reader || view == View::Done ? "study" : to_string(view);
  config.deck = state.current_deck() != nullptr ? state.current_deck()->id : std::string();
  if (config.view == "study" && config.deck.empty()) config.view = "decks";
  return config;
}

int run(Options options, std::chrono::steady_clock::time_point started) {
  // --timing: milliseconds since start at each stage, so a slow start can be placed.
  std::string stages;
  auto mark = [&](const char* stage) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    char text[64];
    std::snprintf(text, sizeof text, "%s%s %.0f", stages.empty() ? "" : ", ", stage, us / 1000.0);
    stages += text;
  };
  AppState::Clock clock = [] { return now_utc(); };
  if (!options.now.empty()) {
    Result<Timestamp> pinned = parse_iso8601(options.now);
    if (!pinned) return fail("--now: " + pinned.error().message);
    clock = [t = *pinned] { return t; };
  }
  AppConfig config = load_app_config(options.config);
  if (options.size.empty()) {
    options.width = config.width;
    options.height = config.height;
  }
  Result<std::vector<ScriptStep>> script = startup_script(options, config);
  if (!script) return fail(script.error().message);
  Result<Collection> collection = open_collection(options, clock());
  if (!collection) return fail(collection.error().message);
  AppState state(std::move(collection).value(), clock);
  if (!state.error().empty()) return fail(state.error());
  state.set_appearance(Appearance{config.dark, config.font_size});
  mark("collection");
  state.set_export_dir(std::filesystem::absolute(options.db).parent_path() / "charts");
  // The Builder's worker wakes the event loop so its progress is drawn.
  state.builder().set_wake([] { glfwPostEmptyEvent(); });
  state.fit().set_wake([] { glfwPostEmptyEvent(); });
  state.workload().set_wake([] { glfwPostEmptyEvent(); });

  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    return fail("cannot open a window (" + g_glfw_error +
                    "); run it on a desktop, or headless under xvfb-run",
                kExitNoDisplay);
  }
  GLFWwindow* window = create_window(options, config);
  if (window == nullptr) {
    glfwTerminate();
    return fail("cannot create an OpenGL 3.2 window (" + g_glfw_error + ")", kExitNoDisplay);
  }
  g_window_open = true;
  mark("window");

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // one fixed full-window layout: nothing to remember
  Ui ui;
  Look look;
  int code = 0;
  if (Result<void> applied = look.apply(window, state.appearance(), ui); !applied) {
    code = fail(applied.error().message);
  } else {
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");
    look.backend_ready();
    mark("fonts");
    Views views;
    if (options.timing) {
      // The first frame as the learner sees it: drawn, swapped, and finished by the GPU.
      render_frame(window, state, views, ui, look);
      glfwSwapBuffers(window);
      glFinish();
      const auto ms = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count() /
                      1000.0;
      std::printf("citecard-gui: first frame after %.1f ms (ms at: %s)\n", ms, stages.c_str());
      std::fflush(stdout);
    }
    code = options.screenshot.empty()
               ? run_interactive(window, state, views, ui, look, *script)
               : run_screenshot(window, state, views, ui, look, *script, options.screenshot);
    if (code == 0) {
      if (Result<void> saved =
              save_app_config(options.config, config_to_save(window, state, config));
          !saved) {
        std::fprintf(stderr, "citecard-gui: %s\n", saved.error().message.c_str());
      }
    }
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
  const auto started = std::chrono::steady_clock::now();
  CLI::App app{"citecard-gui — study cited flashcards from the news"};
  Options options;
  app.add_option("--db", options.db, "collection file")->capture_default_str();
  app.add_option("--deck", options.deck_dir, "deck directory to build when the collection is empty")
      ->check(CLI::ExistingDirectory);
  app.add_option("--screenshot", options.screenshot,
                 "render a few frames, save the window as this PNG and exit");
  app.add_option("--view", options.view, "view to start in")
      ->check(CLI::IsMember(
          {"last", "decks", "study", "reader", "browse", "builder", "stats", "settings"}));
  app.add_flag("--reveal", options.reveal, "with --view study: show the answer and its source");
  app.add_option("--size", options.size, "window size, WxH (default: as last left, or 1280x800)");
  app.add_option("--config", options.config,
                 "where the window, theme, text size and last view are remembered")
      ->capture_default_str();
  app.add_flag("--timing", options.timing, "print how long the first frame took from start");
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
  if (!options.size.empty()) {
    const auto size = parse_size(options.size);
    if (!size) return fail("--size must look like 1280x800 (at least 320x240)");
    options.width = size->first;
    options.height = size->second;
  }
  return run(options, started);
}
