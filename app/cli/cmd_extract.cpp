// `citecard extract FILE... [--json] [--date YYYY-MM-DD] [--text-out DIR]`: the deck builder's
// extraction on any news article — attributed quotes, checkable facts and the people, places and
// organisations they mention, each with byte offsets into the article's text. For a saved HTML
// page, offsets refer to the plain text extracted from it, which --text-out writes.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "citecard/extract.hpp"
#include "citecard/extraction_json.hpp"
#include "commands.hpp"

namespace citecard::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  bool json = false;
  bool no_facts = false;
  std::string date;
  std::string text_out;
};

void print_text(const std::string& file, const Extraction& x) {
  std::printf("%s: %zu quotes, %zu facts, %zu entities\n", file.c_str(), x.quotes.size(),
              x.facts.size(), x.entities.size());
  for (const auto& q : x.quotes) {
    std::printf("  [%lld-%lld] %s: \"%s\"\n", static_cast<long long>(q.start),
                static_cast<long long>(q.end), q.speaker ? q.speaker->c_str() : "(unattributed)",
                q.text.c_str());
  }
}

// The same bound a deck's sources have: a news article is rarely over 100 KB, and extracting
// from a file a hundred times larger takes minutes and gigabytes.
constexpr std::uintmax_t kMaxArticleBytes = 10u << 20;

void refuse_oversized(const std::string& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) fail(make_error(file + ": " + ec.message()));
  if (size > kMaxArticleBytes)
    fail(make_error(fmt::format("{} is {:.1f} MB; citecard extract reads articles of at most {} MB",
                                file, static_cast<double>(size) / (1 << 20),
                                kMaxArticleBytes >> 20)));
}

void run_extract(const ExtractArgs& args) {
  if (!args.text_out.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.text_out, ec);
    if (ec) fail(make_error(args.text_out + ": " + ec.message()));
  }
  ExtractOptions options;
  options.article_date = args.date;
  options.want_facts = !args.no_facts;
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& file : args.files) refuse_oversized(file);
  for (const auto& file : args.files) {
    ArticleText article = value_or_fail(read_article(file));
    Extraction x = value_or_fail(extract(article.text, options));
    if (!args.text_out.empty()) {
      const auto out_path = std::filesystem::path(args.text_out) /
                            (std::filesystem::path(file).stem().string() + ".txt");
      std::ofstream out(out_path, std::ios::binary);
      out.write(article.text.data(), static_cast<std::streamsize>(article.text.size()));
      if (!out) fail(make_error(out_path.string() + ": cannot write"));
    }
    if (!args.json) {
      print_text(file, x);
      continue;
    }
    // The engine's JSON of the extraction (the C API gives the same), with the file it read.
    nlohmann::json source = nlohmann::json::parse(extraction_json(x));
    source["file"] = file;
    if (article.from_html) source["text_from_html"] = true;
    sources.push_back(std::move(source));
  }
  if (args.json) {
    const nlohmann::json out{{"sources", sources}};
    std::printf("%s\n", out.dump(2).c_str());
  }
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Find attributed quotes, checkable facts and named entities in news articles");
  cmd->add_option("files", args->files, "Article files: UTF-8 text, or .html saved pages")
      ->required();
  cmd->add_flag("--json", args->json, "Print JSON with byte offsets");
  cmd->add_option("--date", args->date,
                  "Publication date (YYYY-MM-DD) to resolve relative dates such as \"Wednesday\"");
  cmd->add_option("--text-out", args->text_out,
                  "Write each article's plain text (what offsets refer to) into this directory");
  cmd->add_flag("--no-facts", args->no_facts, "Quotes and entities only");
  cmd->callback([args] { run_extract(*args); });
}

}  // namespace citecard::cli
