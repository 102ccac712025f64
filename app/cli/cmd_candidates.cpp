// citecard candidates DECK_DIR [--no-overlay] [--json] — every card the generator could make of a
// deck's articles, article by article, best first: how likely a careful reader is to keep it, the
// features that weigh most, and whether the built deck holds it. Nothing is written.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "citecard/candidates.hpp"
#include "commands.hpp"

namespace citecard::cli {
namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// The prompt without its instruction line, when it has one ("Fill in the blank with a number:").
std::string question_of(const std::string& prompt) {
  const auto newline = prompt.find('\n');
  return newline == std::string::npos ? prompt : prompt.substr(newline + 1);
}

nlohmann::ordered_json to_json(const CandidateCard& c) {
  nlohmann::ordered_json out;
  out["id"] = c.card.id;
  out["type"] = c.card.type;
  out["source"] = c.source;
  out["keep"] = c.keep;
  out["chosen"] = c.chosen;
  out["held_back"] = c.held_back;
  out["prompt"] = c.card.prompt;
  out["answer"] = c.card.answer;
  out["choices"] = c.card.choices;
  out["citations"] = nlohmann::ordered_json::array();
  for (const auto& cite : c.card.citations)
    out["citations"].push_back(
        {{"source", cite.source}, {"start", cite.start}, {"end", cite.end}, {"text", cite.text}});
  out["why"] = c.why;
  out["features"] = nlohmann::ordered_json::object();
  for (const auto& [name, value] : c.features) out["features"][name] = value;
  return out;
}

}  // namespace

void add_candidates_command(CLI::App& app) {
  struct Options {
    std::string deck_dir;
    bool no_overlay = false;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "candidates",
      "List every card the generator could make of a deck's articles, best first in each article: "
      "the predicted chance a careful reader keeps it, why, and whether the deck holds it");
  command->add_option("DECK_DIR", options->deck_dir, "Deck folder, e.g. decks/summit-2023")
      ->required();
  command->add_flag("--no-overlay", options->no_overlay,
                    "Mark what the generator's cards alone would hold, without deck.toml's "
                    "hand-written notes and [[card]] decisions");
  command->add_flag("--json", options->json, "One JSON object per line, with every feature");
  command->callback([options] {
    const CandidateReport report = value_or_fail(
        deck_candidates(options->deck_dir, DeckBuildOptions{.curated = !options->no_overlay}));
    std::string source;
    for (const auto& c : report.candidates) {
      if (options->json) {
        fmt::print("{}\n", to_json(c).dump());
        continue;
      }
      if (c.source != source) {
        source = c.source;
        fmt::print("── {} ──\n", source);
      }
      const char* mark = c.chosen ? "in deck" : c.held_back ? "held back" : "";
      fmt::print("{:.2f} {:9} {} {}\n     {}\n     → {}\n", c.keep, mark, c.card.id, c.card.type,
                 first_line(question_of(c.card.prompt)), c.card.answer);
      if (!c.why.empty()) {
        std::string why;
        for (const auto& reason : c.why) why += (why.empty() ? "" : ", ") + reason;
        fmt::print("     why: {}\n", why);
      }
    }
    if (!options->json) {
      std::size_t chosen = 0;
      for (const auto& c : report.candidates) chosen += c.chosen ? 1 : 0;
      fmt::print("{}: {} candidates, {} in the deck.\n", report.deck, report.candidates.size(),
                 chosen);
    }
  });
}

}  // namespace citecard::cli
