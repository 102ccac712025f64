// extract_score: runs the extractor over gold-annotated articles and prints quote precision,
// recall, F1 and speaker accuracy; exits 1 when below the given targets. CTest runs it on the
// summit gold (targets from the issue) and on the held-out articles.
//
//   extract_score --gold DIR --articles DIR [--min-f1 X] [--min-speaker X] [--verbose]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "citecard/extract.hpp"
#include "quote_scorer.hpp"

int main(int argc, char** argv) {
  std::string gold_dir, articles_dir;
  double min_f1 = 0, min_speaker = 0;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--gold")
      gold_dir = next();
    else if (a == "--articles")
      articles_dir = next();
    else if (a == "--min-f1")
      min_f1 = std::atof(next().c_str());
    else if (a == "--min-speaker")
      min_speaker = std::atof(next().c_str());
    else if (a == "--verbose")
      verbose = true;
  }
  if (gold_dir.empty() || articles_dir.empty()) {
    std::fprintf(stderr,
                 "usage: extract_score --gold DIR --articles DIR [--min-f1 X] [--min-speaker X]\n");
    return 2;
  }
  std::vector<std::filesystem::path> golds;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) {
    if (entry.path().extension() == ".json") golds.push_back(entry.path());
  }
  std::sort(golds.begin(), golds.end());
  citecard::scoring::Score total;
  std::vector<std::string> report;
  for (const auto& path : golds) {
    const auto gold = citecard::scoring::load_gold(path.string());
    auto article = citecard::read_article(std::filesystem::path(articles_dir) / gold.file);
    if (!article) {
      std::fprintf(stderr, "%s\n", article.error().message.c_str());
      return 2;
    }
    auto result = citecard::extract(article->text);
    if (!result) {
      std::fprintf(stderr, "%s: %s\n", gold.file.c_str(), result.error().message.c_str());
      return 2;
    }
    const auto s = citecard::scoring::score_article(gold, result->quotes, &report);
    std::printf("%-32s gold %3d  predicted %3d  matched %3d  speaker right %3d\n",
                gold.file.c_str(), s.gold, s.predicted, s.matched, s.speaker_right);
    total += s;
  }
  if (verbose) {
    for (const auto& line : report) std::printf("  %s\n", line.c_str());
  }
  std::printf(
      "quotes: precision %.3f  recall %.3f  F1 %.3f  speaker accuracy %.3f  (%d gold, %d "
      "predicted)\n",
      total.precision(), total.recall(), total.f1(), total.speaker_accuracy(), total.gold,
      total.predicted);
  const bool ok = total.f1() >= min_f1 && total.speaker_accuracy() >= min_speaker;
  if (!ok) {
    std::printf("BELOW TARGET: F1 >= %.2f and speaker accuracy >= %.2f required\n", min_f1,
                min_speaker);
    for (const auto& line : report) std::printf("  %s\n", line.c_str());
  }
  return ok ? 0 : 1;
}
