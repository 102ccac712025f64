// Extraction throughput on one core: news articles repeated to a large body of text.
//
//   bench_extract [--mb N] FILE...
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
  std::vector<std::string> articles;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) {
      target_mb = std::atof(argv[++i]);
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
    std::fprintf(stderr, "usage: bench_extract [--mb N] FILE...\n");
    return 2;
  }
  const std::size_t target = static_cast<std::size_t>(target_mb * 1024 * 1024);

  // One article at a time.
  std::size_t bytes = 0, quotes = 0, facts = 0;
  auto start = std::chrono::steady_clock::now();
  while (bytes < target) {
    for (const auto& text : articles) {
      auto x = citecard::extract(text);
      if (!x) return 1;
      bytes += text.size();
      quotes += x->quotes.size();
      facts += x->facts.size();
    }
  }
  double secs = seconds_since(start);
  std::printf(
      "extract, article by article: %.1f MB in %.2f s = %.1f MB/s (%zu quotes, %zu facts)\n",
      bytes / 1048576.0, secs, bytes / 1048576.0 / secs, quotes, facts);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory after article by article: %.1f MB\n", usage.ru_maxrss / 1024.0);

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
  std::printf(
      "extract, one %.1f MB document: %.2f s = %.1f MB/s (%zu quotes, %zu facts, %zu entities)\n",
      body.size() / 1048576.0, secs, body.size() / 1048576.0 / secs, x->quotes.size(),
      x->facts.size(), x->entities.size());

  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory after the one-document run: %.1f MB\n",
              usage.ru_maxrss / 1024.0);
  return 0;
}
