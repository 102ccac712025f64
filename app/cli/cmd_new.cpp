// citecard new DECK_DIR FILE_OR_DIR... — a deck folder from the learner's own articles.
#include <fmt/format.h>

#include "citecard/new_deck.hpp"
#include "citecard/safe_text.hpp"
#include "commands.hpp"

namespace citecard::cli {

void add_new_command(CLI::App& app) {
  struct Options {
    std::string deck_dir;
    std::vector<std::string> inputs;
    std::string title;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "new",
      "Make a deck folder from article files (.txt, or .html pages saved from a browser), or add "
      "articles to one. The outlet, title, author and date each article states go into "
      "manifest.toml (\"not stated\" where it does not say); then `citecard build DECK_DIR`.");
  command->add_option("DECK_DIR", options->deck_dir, "The deck folder to create or add to")
      ->required();
  command
      ->add_option("FILE_OR_DIR", options->inputs,
                   "Article files, or folders whose .txt and .html files are all taken")
      ->required();
  command->add_option("--title", options->title,
                      "The deck's title (default: the only article's title, or the folder's name)");
  command->callback([options] {
    std::vector<std::filesystem::path> inputs(options->inputs.begin(), options->inputs.end());
    const NewDeckReport report = value_or_fail(
        add_articles_to_deck(options->deck_dir, inputs, NewDeckOptions{.title = options->title}));
    fmt::print("{} deck {} (\"{}\") in {}: {} article(s) added", report.created ? "Made" : "Grew",
               terminal_safe(report.deck_id), terminal_safe(report.deck_title),
               terminal_safe(options->deck_dir), report.added.size());
    if (!report.duplicates.empty())
      fmt::print(", {} already in the deck skipped", report.duplicates.size());
    fmt::print("\n");
    for (const AddedArticle& a : report.added) {
      fmt::print("  {}  {}\n      outlet: {} | title: {} | author: {} | date: {}\n", a.source_id,
                 terminal_safe(a.from.string()), terminal_safe(a.metadata.outlet),
                 terminal_safe(a.metadata.title), terminal_safe(a.metadata.author),
                 terminal_safe(a.metadata.date));
    }
    for (const auto& d : report.duplicates)
      fmt::print("  skipped (already in the deck): {}\n", terminal_safe(d.string()));
    if (!report.added.empty())
      fmt::print("Check the metadata in {}/manifest.toml, then: citecard build {}\n",
                 options->deck_dir, options->deck_dir);
  });
}

}  // namespace citecard::cli
