#include "script.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>

namespace citecard::gui {
namespace {

std::string trim(std::string s) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
  return s;
}

Result<int> parse_choice(const std::string& arg) {
  if (arg.size() == 1 && std::isalpha(static_cast<unsigned char>(arg[0]))) {
    return std::toupper(static_cast<unsigned char>(arg[0])) - 'A';
  }
  if (!arg.empty() &&
      std::all_of(arg.begin(), arg.end(), [](unsigned char c) { return std::isdigit(c) != 0; }) &&
      std::stoi(arg) >= 1) {
    return std::stoi(arg) - 1;
  }
  return make_error("a choice is a letter A-D or a number from 1, not \"" + arg + "\"");
}

Result<int> parse_rating(const std::string& arg) {
  constexpr std::array<const char*, 4> names = {"again", "hard", "good", "easy"};
  for (int r = 1; r <= 4; ++r) {
    if (arg == std::to_string(r) || arg == names[static_cast<std::size_t>(r - 1)]) return r;
  }
  return make_error("a rating is 1-4 or again/hard/good/easy, not \"" + arg + "\"");
}

Result<int> parse_key(const std::string& arg) {
  if (arg == "space") return GLFW_KEY_SPACE;
  if (arg == "enter") return GLFW_KEY_ENTER;
  if (arg == "escape" || arg == "esc") return GLFW_KEY_ESCAPE;
  if (arg == "up") return GLFW_KEY_UP;
  if (arg == "down") return GLFW_KEY_DOWN;
  if (arg == "minus") return GLFW_KEY_MINUS;
  if (arg == "f1") return GLFW_KEY_F1;
  if (arg.size() == 1 && std::isalpha(static_cast<unsigned char>(arg[0]))) {
    return GLFW_KEY_A + (std::tolower(static_cast<unsigned char>(arg[0])) - 'a');
  }
  if (arg.size() == 1 && std::isdigit(static_cast<unsigned char>(arg[0]))) {
    return GLFW_KEY_0 + (arg[0] - '0');
  }
  return make_error(
      "a key is space, enter, escape, up, down, minus, f1, a letter or a digit, not \"" + arg +
      "\"");
}

Result<ScriptStep> parse_step(const std::string& text) {
  const auto colon = text.find(':');
  const std::string name = text.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : trim(text.substr(colon + 1));
  ScriptStep step;
  step.text = text;
  if (name == "study") {
    step.kind = ScriptStep::Kind::Study;
    step.deck = arg;
  } else if (name == "browse" || name == "suspend" || name == "unsuspend") {
    step.kind = name == "browse"    ? ScriptStep::Kind::Browse
                : name == "suspend" ? ScriptStep::Kind::Suspend
                                    : ScriptStep::Kind::Unsuspend;
  } else if (name == "search") {
    step.kind = ScriptStep::Kind::Search;
    step.deck = arg;
  } else if (name == "select") {
    step.kind = ScriptStep::Kind::Select;
    if (arg == "all") {
      step.value = 0;
    } else if (!arg.empty() &&
               std::all_of(arg.begin(), arg.end(),
                           [](unsigned char c) { return std::isdigit(c) != 0; }) &&
               std::stoi(arg) >= 1) {
      step.value = std::stoi(arg);
    } else {
      return make_error("select takes a number from 1 or \"all\", not \"" + arg + "\"");
    }
  } else if (name == "reveal" || name == "back" || name == "undo" || name == "reader") {
    step.kind = name == "reveal" ? ScriptStep::Kind::Reveal
                : name == "back" ? ScriptStep::Kind::Back
                : name == "undo" ? ScriptStep::Kind::Undo
                                 : ScriptStep::Kind::Reader;
  } else if (name == "stats" || name == "settings" || name == "fit" || name == "usefit") {
    step.kind = name == "stats"      ? ScriptStep::Kind::Stats
                : name == "settings" ? ScriptStep::Kind::Settings
                : name == "fit"      ? ScriptStep::Kind::Fit
                                     : ScriptStep::Kind::UseFit;
  } else if (name == "builder" || name == "wait" || name == "save") {
    step.kind = name == "builder" ? ScriptStep::Kind::Builder
                : name == "wait"  ? ScriptStep::Kind::Wait
                                  : ScriptStep::Kind::Save;
  } else if (name == "add" || name == "newdeck") {
    if (arg.empty()) return make_error(name + " needs a path");
    step.kind = name == "add" ? ScriptStep::Kind::AddArticles : ScriptStep::Kind::MakeDeck;
    step.path = arg;
  } else if (name == "accept" || name == "reject") {
    if (arg.empty() ||
        !std::all_of(arg.begin(), arg.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; }) ||
        std::stoi(arg) < 1) {
      return make_error(name + " takes a candidate number from 1, not \"" + arg + "\"");
    }
    step.kind = ScriptStep::Kind::Decide;
    step.value = std::stoi(arg);
    step.decision = name == "accept" ? Decision::Accept : Decision::Reject;
  } else if (name == "bury" || name == "export") {
    step.kind = name == "bury" ? ScriptStep::Kind::Bury : ScriptStep::Kind::Export;
  } else if (name == "card") {
    if (arg.empty()) return make_error("card needs a card id");
    step.kind = ScriptStep::Kind::ShowCard;
    step.deck = arg;
  } else if (name == "steps") {
    step.kind = ScriptStep::Kind::Steps;
    step.deck = arg;
    std::replace(step.deck.begin(), step.deck.end(), ';', ',');
  } else if (name == "theme") {
    if (arg != "dark" && arg != "light") {
      return make_error("theme is dark or light, not \"" + arg + "\"");
    }
    step.kind = ScriptStep::Kind::Theme;
    step.deck = arg;
  } else if (name == "font") {
    const bool digits = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](unsigned char c) {
      return std::isdigit(c) != 0;
    });
    if (!digits || std::stoi(arg) < static_cast<int>(Appearance::kSmallestFont) ||
        std::stoi(arg) > static_cast<int>(Appearance::kLargestFont)) {
      return make_error("font takes a size in pixels from 14 to 28, not \"" + arg + "\"");
    }
    step.kind = ScriptStep::Kind::FontSize;
    step.value = std::stoi(arg);
  } else if (name == "pick") {
    Result<int> choice = parse_choice(arg);
    if (!choice) return choice.error();
    step.kind = ScriptStep::Kind::Pick;
    step.value = *choice;
  } else if (name == "rate") {
    Result<int> rating = parse_rating(arg);
    if (!rating) return rating.error();
    step.kind = ScriptStep::Kind::Rate;
    step.value = *rating;
  } else if (name == "key") {
    const bool ctrl = arg.rfind("ctrl+", 0) == 0;
    Result<int> key = parse_key(ctrl ? arg.substr(5) : arg);
    if (!key) return key.error();
    step.kind = ScriptStep::Kind::Key;
    step.value = *key;
    step.ctrl = ctrl;
  } else {
    return make_error("unknown script step \"" + text +
                      "\" (steps: study[:DECK], pick:A-D, reveal, rate:1-4, undo, reader, browse, "
                      "search:TEXT, select:N|all, suspend, unsuspend, back, stats, settings, fit, "
                      "usefit, builder, add:PATH, "
                      "newdeck:DIR, wait, accept:N, reject:N, save, bury, card:ID, "
                      "theme:dark|light, font:PX, export, steps:S, key:K)");
  }
  return step;
}

}  // namespace

Result<std::vector<ScriptStep>> parse_script(const std::string& script) {
  std::vector<ScriptStep> steps;
  std::stringstream stream(script);
  std::string item;
  while (std::getline(stream, item, ',')) {
    item = trim(item);
    if (item.empty()) continue;
    Result<ScriptStep> step = parse_step(item);
    if (!step) return make_error("--script: " + step.error().message);
    steps.push_back(std::move(step).value());
  }
  return steps;
}

Result<void> run_script_step(AppState& state, const ScriptStep& step) {
  auto fail = [&](const std::string& why) {
    return make_error("--script " + step.text + ": " + why);
  };
  const bool studying = state.view() == View::Study && state.card() != nullptr;
  switch (step.kind) {
    case ScriptStep::Kind::Study: {
      std::string deck = step.deck;
      if (deck.empty()) {
        if (state.decks().empty()) return fail("the collection has no decks");
        deck = state.decks().front().id;
      }
      state.open_deck(deck);
      break;
    }
    case ScriptStep::Kind::Pick: {
      if (!studying || state.revealed()) return fail("no question is showing");
      if (static_cast<std::size_t>(step.value) >= state.card()->choices.size()) {
        return fail("the card has " + std::to_string(state.card()->choices.size()) + " choices");
      }
      state.pick_choice(step.value);
      break;
    }
    case ScriptStep::Kind::Reveal:
      if (!studying || state.revealed()) return fail("no question is showing");
      state.reveal();
      break;
    case ScriptStep::Kind::Rate:
      if (!studying || !state.revealed()) return fail("no answer is showing");
      state.rate(static_cast<Rating>(step.value));
      break;
    case ScriptStep::Kind::Undo:
      if (!state.can_undo()) return fail("no answer of this session to take back");
      state.undo();
      break;
    case ScriptStep::Kind::Reader:
      if (!studying || !state.revealed()) return fail("no answer with its source is showing");
      state.open_reader();
      if (state.view() != View::Reader) return fail("the card's article could not be opened");
      break;
    case ScriptStep::Kind::Browse:
      state.open_browse();
      break;
    case ScriptStep::Kind::Search:
      if (state.view() != View::Browse) return fail("Browse is not open");
      state.browse_filter().text = step.deck;
      break;
    case ScriptStep::Kind::Select: {
      if (state.view() != View::Browse) return fail("Browse is not open");
      const std::vector<std::size_t> shown = state.browse_matches();
      auto& selection = state.browse_selection();
      selection.clear();
      if (step.value == 0) {
        for (std::size_t i : shown) selection.push_back(state.browse_rows()[i].card.id);
      } else if (static_cast<std::size_t>(step.value) <= shown.size()) {
        selection.push_back(
            state.browse_rows()[shown[static_cast<std::size_t>(step.value) - 1]].card.id);
      } else {
        return fail(std::to_string(shown.size()) + " cards are shown");
      }
      break;
    }
    case ScriptStep::Kind::Suspend:
    case ScriptStep::Kind::Unsuspend:
      if (studying && step.kind == ScriptStep::Kind::Suspend) {
        state.suspend_card();
        break;
      }
      if (state.view() != View::Browse) return fail("Browse is not open");
      if (state.browse_selection().empty()) return fail("no card is selected");
      state.set_selected_suspended(step.kind == ScriptStep::Kind::Suspend);
      break;
    case ScriptStep::Kind::Back:
      state.back_to_decks();
      break;
    case ScriptStep::Kind::Stats:
      state.open_stats();
      break;
    case ScriptStep::Kind::Settings:
      state.open_settings();
      break;
    case ScriptStep::Kind::Fit:
      if (state.view() != View::Settings) return fail("Settings is not open");
      state.start_fit();
      break;
    case ScriptStep::Kind::UseFit:
      if (state.view() != View::Settings) return fail("Settings is not open");
      state.fit().wait();
      if (!state.fit().error().empty()) return fail(state.fit().error());
      state.use_fitted_weights();
      break;
    case ScriptStep::Kind::Builder:
      state.open_builder();
      break;
    case ScriptStep::Kind::AddArticles:
      if (state.view() != View::Builder) return fail("the Builder is not open");
      state.builder().inputs().push_back(step.path);
      break;
    case ScriptStep::Kind::MakeDeck:
      if (state.view() != View::Builder) return fail("the Builder is not open");
      if (!state.builder().start(step.path, "")) return fail("the Builder is still working");
      break;
    case ScriptStep::Kind::Wait:
      state.builder().wait();
      state.fit().wait();
      state.workload().wait();
      if (!state.builder().error().empty()) return fail(state.builder().error());
      break;
    case ScriptStep::Kind::Decide: {
      BuilderDeck* deck = state.builder().deck();
      if (state.view() != View::Builder || deck == nullptr) return fail("no candidate cards");
      if (static_cast<std::size_t>(step.value) > deck->candidates.size()) {
        return fail(std::to_string(deck->candidates.size()) + " candidate cards");
      }
      deck->candidates[static_cast<std::size_t>(step.value) - 1].decision = step.decision;
      break;
    }
    case ScriptStep::Kind::Save:
      if (state.view() != View::Builder) return fail("the Builder is not open");
      state.save_builder();
      break;
    case ScriptStep::Kind::Bury:
      if (!studying) return fail("no card is showing");
      state.bury_card();
      break;
    case ScriptStep::Kind::ShowCard:
      state.show_card_by_id(step.deck);
      break;
    case ScriptStep::Kind::Theme: {
      Appearance look = state.appearance();
      look.dark = step.deck == "dark";
      state.set_appearance(look);
      break;
    }
    case ScriptStep::Kind::FontSize: {
      Appearance look = state.appearance();
      look.font_size = static_cast<float>(step.value);
      state.set_appearance(look);
      break;
    }
    case ScriptStep::Kind::Export:
      if (state.view() != View::Stats) return fail("Stats is not open");
      state.request_chart_export();
      break;
    case ScriptStep::Kind::Steps:
      if (state.view() != View::Settings) return fail("Settings is not open");
      state.learning_steps_draft() = step.deck;
      break;
    case ScriptStep::Kind::Key:
      return fail("a key press is taken by the view drawn next, not here");
  }
  if (!state.error().empty()) return fail(state.error());
  return {};
}

}  // namespace citecard::gui
