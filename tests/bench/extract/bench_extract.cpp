// Extraction throughput on one core: news articles repeated to a large body of text.
//
//   bench_extract [--mb N] [--only articles|document] FILE...
//
// Two figures: articles extracted one by one (how the deck builder uses it), and the whole body
// as one document (the worst case for anything that grows with document length). Peak resident
// memory of the process is printed last.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "citecard/extract.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 50;
  // One phase alone, so a profiler sees only it.
  std::string only;
  std::vector<std::string> articles;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) {
      target_mb = std::atof(argv[++i]);
      continue;
    }
    if (a == "--only" && i + 1 < argc) {
      only = argv[++i];
      continue;
    }
    auto article = citecard::read_article(a);
    if (!article) {
      std::fprintf(stderr, "%s\n", article.error().message.c_str());
      return 2;
    }
    articles.push_back(std::move(article->text));
  }
  if (articles.empty()) {
    std::fprintf(stderr, "usage: bench_extract [--mb N] [--only articles|document] FILE...\n");
    return 2;
  }
  const std::size_t target = static_cast<std::size_t>(target_mb * 1024 * 1024);

  // One article at a time.
  std::size_t bytes = 0, quotes = 0, facts = 0;
  auto start = std::chrono::steady_clock::now();
  while (only != "document" && bytes < target) {
    for (const auto& text : articles) {
      auto x = citecard::extract(text);
      if (!x) return 1;
      bytes += text.size();
      quotes += x->quotes.size();
      facts += x->facts.size();
    }
  }
  double secs = seconds_since(start);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  // One Markdown row per measurement, in tests/bench/run.sh's table.
  if (only != "document") {
    std::printf(
        "| extract quotes and facts, article by article (%.0f MB, one core) | %.1f MB/s | "
        "%zu quotes, %zu facts; peak memory %.1f MB | %.1f MB/s | ≥ 20 MB/s |\n",
        bytes / 1048576.0, bytes / 1048576.0 / secs, quotes, facts, usage.ru_maxrss / 1024.0,
        bytes / 1048576.0 / secs);
  }

  if (only == "articles") return 0;

  // The same body as one document.
  std::string body;
  body.reserve(target + 65536);
  while (body.size() < target) {
    for (const auto& text : articles) {
      body += text;
      body += "\n\n";
    }
  }
  start = std::chrono::steady_clock::now();
  auto x = citecard::extract(body);
  if (!x) return 1;
  secs = seconds_since(start);
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "| extract, the same text as one %.0f MB document | %.1f MB/s | %zu quotes, %zu facts, %zu "
      "entities; peak memory %.0f MB | %.1f MB/s | ≥ 20 MB/s |\n",
      body.size() / 1048576.0, body.size() / 1048576.0 / secs, x->quotes.size(), x->facts.size(),
      x->entities.size(), usage.ru_maxrss / 1024.0, body.size() / 1048576.0 / secs);
  return 0;
}
