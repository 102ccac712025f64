// Deck building time: reading a deck folder, extracting every source, generating and curating the
// cards and checking them — everything `citecard build` does before it writes to the collection.
// Prints Markdown rows: | what | citecard | detail | figure | target |
//   deck_build_bench [--short] SUMMIT_DECK_DIR WORK_DIR
// --short: one build of the summit deck and 20 repeated articles instead of 1,000 (seconds, for
// CI).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "deck/card_maker.hpp"

namespace fs = std::filesystem;
using citecard::deck::load_deck;
using citecard::deck::make_cards;

namespace {

struct Timing {
  double seconds = 0;
  std::size_t cards = 0;
  std::size_t bytes = 0;
};

Timing build_once(const fs::path& deck_dir) {
  const auto start = std::chrono::steady_clock::now();
  auto spec = load_deck(deck_dir);
  if (!spec) throw std::runtime_error(spec.error().message);
  auto made = make_cards(*spec);
  if (!made) throw std::runtime_error(made.error().message);
  const auto stop = std::chrono::steady_clock::now();
  Timing t;
  t.seconds = std::chrono::duration<double>(stop - start).count();
  t.cards = made->cards.size();
  for (const auto& s : spec->sources) t.bytes += s.text.size();
  return t;
}

Timing median_of(const fs::path& deck_dir, int runs) {
  std::vector<Timing> all;
  for (int i = 0; i < runs; ++i) all.push_back(build_once(deck_dir));
  std::sort(all.begin(), all.end(),
            [](const Timing& a, const Timing& b) { return a.seconds < b.seconds; });
  return all[all.size() / 2];
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A deck of `count` articles: the summit's five sources repeated under their own ids, dates kept,
// generation on and no curation. Repeats of one article report the same quotes and facts, so the
// generator merges them into notes with many citations: the worst case for merging.
fs::path repeated_deck(const fs::path& summit, const fs::path& work, int count) {
  const fs::path dir = work / "repeated";
  fs::create_directories(dir / "sources");
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(summit / "sources"))
    texts.push_back(slurp(entry.path()));
  std::sort(texts.begin(), texts.end());
  std::ofstream manifest(dir / "manifest.toml");
  manifest << "[deck]\nid = \"repeated\"\ntitle = \"Repeated\"\n\n[generate]\n";
  for (int i = 0; i < count; ++i) {
    const std::string file = fmt::format("sources/{:04}.txt", i);
    std::ofstream(dir / file, std::ios::binary)
        << texts[static_cast<std::size_t>(i) % texts.size()];
    manifest << fmt::format(
        "\n[[source]]\nid = \"s{:04}\"\nfile = \"{}\"\noutlet = \"Outlet {}\"\ntitle = \"Article "
        "{}\"\nauthor = \"not stated\"\ndate = \"2023-09-13\"\n",
        i, file, i % 40, i);
  }
  std::ofstream(dir / "deck.toml") << "# generated cards only\n";
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool short_mode = !args.empty() && args.front() == "--short";
  if (short_mode) args.erase(args.begin());
  if (args.size() != 2) {
    fmt::print(stderr, "usage: deck_build_bench [--short] SUMMIT_DECK_DIR WORK_DIR\n");
    return 2;
  }
  const fs::path summit = args[0];
  const fs::path work = args[1];
  const int runs = short_mode ? 1 : 5;
  const int articles = short_mode ? 20 : 1000;
  try {
    const Timing small = median_of(summit, runs);
    fmt::print(
        "| deck build: summit-2023 (5 articles, generation + overlay + checks, median of {}) | "
        "citecard | {:.1f} KB → {} cards | {:.1f} ms, {:.0f} cards/s | < 1 s |\n",
        runs, small.bytes / 1024.0, small.cards, small.seconds * 1000.0,
        small.cards / small.seconds);
    const Timing large = build_once(repeated_deck(summit, work, articles));
    fmt::print(
        "| deck build: {} articles (the five repeated, generation + merging + checks) | "
        "citecard | {:.1f} MB → {} cards (repeats merge into notes citing each copy) | {:.2f} s, "
        "{:.2f} MB/s, {:.1f} cards/s | < 60 s |\n",
        articles == 1000 ? std::string("1,000") : std::to_string(articles), large.bytes / 1e6,
        large.cards, large.seconds, large.bytes / 1e6 / large.seconds, large.cards / large.seconds);
  } catch (const std::exception& e) {
    fmt::print(stderr, "deck_build_bench: {}\n", e.what());
    return 1;
  }
  return 0;
}
