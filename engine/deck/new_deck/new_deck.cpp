// `citecard new`: a deck folder from article files. A new deck is written into a hidden folder
// beside its destination and renamed into place at the end; a deck that grows gets its new
// sources and manifest under temporary names first. Either way an error leaves nothing behind.
#include "citecard/new_deck.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "citecard/extract.hpp"
#include "citecard/input_file.hpp"
#include "deck/content_id.hpp"
#include "deck/new_deck/metadata_text.hpp"

namespace citecard {
namespace {

namespace fs = std::filesystem;

// The same limit the deck loader applies to a source (engine/deck/deck_file.cpp).
constexpr std::uintmax_t kMaxArticleBytes = 10u << 20;

const char* const kCardTypes[] = {"who_said", "who_said_typed", "quote_cloze", "fact_cloze",
                                  "who_is",   "who_is_reverse", "which_outlet"};

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_html_extension(const std::string& ext) {
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

bool is_article_extension(const std::string& ext) {
  return ext == ".txt" || is_html_extension(ext);
}

struct Article {
  fs::path from;
  std::string bytes;
  bool html = false;
  std::uint64_t hash = 0;
};

Result<std::string> read_bytes(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return make_error(fmt::format("{}: cannot read it: {}", path.string(), ec.message()));
  if (size > kMaxArticleBytes)
    return make_error(fmt::format("{}: {:.1f} MB is too large for an article (at most {} MB)",
                                  path.string(), static_cast<double>(size) / (1 << 20),
                                  kMaxArticleBytes >> 20));
  return read_input_file(path, kMaxArticleBytes);
}

// Reads and checks one article: UTF-8, with text in it once any markup is removed.
Result<Article> read_one(const fs::path& path) {
  Article a;
  a.from = path;
  a.html = is_html_extension(lower_extension(path));
  auto bytes = read_bytes(path);
  if (!bytes) return bytes.error();
  a.bytes = std::move(*bytes);
  if (auto utf8 = validate_utf8(a.bytes); !utf8)
    return make_error(fmt::format("{}: not UTF-8 text ({}); save the article as UTF-8",
                                  path.string(), utf8.error().message));
  std::string text = a.bytes;
  if (a.html) {
    auto article = article_from_html(a.bytes);
    if (!article) return make_error(fmt::format("{}: {}", path.string(), article.error().message));
    text = std::move(article->text);
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    return make_error(fmt::format("{}: has no article text", path.string()));
  a.hash = deck::content_hash({a.bytes});
  return a;
}

// The article files named on the command line: files as given, folders' article files by name.
Result<std::vector<fs::path>> expand(const std::vector<fs::path>& inputs) {
  if (inputs.empty()) return make_error("give at least one article file (.txt or .html) or folder");
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status))
      return make_error(fmt::format("{}: no such file or folder", input.string()));
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      // Error codes throughout: a symlink loop or a dangling link in the folder is skipped, and
      // the throwing overloads would end the command with an uncaught filesystem_error.
      for (fs::directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code entry_ec;
        if (it->is_regular_file(entry_ec) && is_article_extension(lower_extension(it->path())))
          found.push_back(it->path());
      }
      if (ec)
        return make_error(fmt::format("{}: cannot list it: {}", input.string(), ec.message()));
      if (found.empty())
        return make_error(fmt::format("{}: the folder has no .txt or .html files", input.string()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (!is_article_extension(lower_extension(input))) {
      return make_error(
          fmt::format("{}: not an article file (expected .txt, or .html saved from a browser)",
                      input.string()));
    } else {
      files.push_back(input);
    }
  }
  return files;
}

// A TOML basic string.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\u{:04X}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string deck_id_from(const fs::path& deck_dir) {
  std::string id;
  for (char c : deck_dir.filename().string()) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      id += static_cast<char>(std::tolower(u));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "deck" : id;
}

// What an existing deck's manifest already holds.
struct ExistingDeck {
  std::string id;
  std::string title;
  std::set<std::string> source_ids;
  std::set<std::string> files;
  std::map<std::uint64_t, std::string> hashes;  // content hash -> file, for duplicates
  std::string manifest_text;
};

Result<ExistingDeck> read_existing(const fs::path& deck_dir) {
  const fs::path manifest = deck_dir / "manifest.toml";
  auto text = read_bytes(manifest);
  if (!text) return text.error();
  ExistingDeck deck;
  deck.manifest_text = std::move(*text);
  toml::table table;
  try {
    table = toml::parse(deck.manifest_text, manifest.string());
  } catch (const toml::parse_error& err) {
    return make_error(fmt::format("{}:{}: {}; fix it before adding articles", manifest.string(),
                                  err.source().begin.line, err.description()));
  }
  deck.id = table["deck"]["id"].value_or(std::string());
  deck.title = table["deck"]["title"].value_or(std::string());
  if (deck.id.empty())
    return make_error(
        fmt::format("{}: no [deck] id; fix it before adding articles", manifest.string()));
  if (const toml::array* sources = table["source"].as_array()) {
    for (const toml::node& node : *sources) {
      const toml::table* s = node.as_table();
      if (!s) continue;
      deck.source_ids.insert((*s)["id"].value_or(std::string()));
      const std::string file = (*s)["file"].value_or(std::string());
      if (file.empty()) continue;
      deck.files.insert(file);
      if (auto bytes = read_bytes(deck_dir / file))
        deck.hashes.emplace(deck::content_hash({*bytes}), file);
    }
  }
  return deck;
}

std::string source_block(const AddedArticle& a) {
  const ArticleMetadata& m = a.metadata;
  return fmt::format(
      "\n[[source]]\nid = {}\nfile = {}\n# Added from {}.\noutlet = {}\ntitle = {}\n"
      "author = {}\ndate = {}\n",
      toml_string(a.source_id), toml_string(a.file), toml_string(a.from.filename().string()),
      toml_string(m.outlet), toml_string(m.title), toml_string(m.author), toml_string(m.date));
}

std::string new_manifest(const std::string& id, const std::string& title) {
  std::string types;
  for (const char* t : kCardTypes) types += fmt::format("{}\"{}\"", types.empty() ? "" : ", ", t);
  return fmt::format(
      "# Deck metadata and source metadata, written by `citecard new`.\n"
      "#\n"
      "# Each source's outlet, title, author and date are what the article states about itself\n"
      "# (its page's meta tags and JSON-LD data, its byline and dateline); a field the article\n"
      "# does not state says \"not stated\". Cards cite these fields: check them against the\n"
      "# articles and correct them here before studying.\n"
      "\n[deck]\nid = {}\ntitle = {}\n"
      "\n# The card types made from the sources; deck.toml curates the cards.\n"
      "[generate]\ntypes = [{}]\n",
      toml_string(id), toml_string(title), types);
}

constexpr const char* kNewDeckToml =
    "# Notes and card curation for this deck. Cards are generated from the sources named in\n"
    "# manifest.toml; [[card]] entries here accept, reject or edit them by id, and [[quote]] /\n"
    "# [[fact]] entries add hand-written notes citing the sources word for word.\n";

Result<void> write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return make_error(fmt::format("{}: cannot create it", path.string()));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return make_error(fmt::format("{}: write error (is the disk full?)", path.string()));
  return {};
}

std::string random_suffix() {
  std::random_device rd;
  return fmt::format("{:08x}", rd());
}

// Names each new article's [[source]] and file, skipping what the deck (or an earlier file of
// this run) already holds.
void plan(std::vector<Article>& articles, const ExistingDeck& existing, NewDeckReport& report) {
  std::set<std::uint64_t> seen;
  for (const auto& [hash, file] : existing.hashes) seen.insert(hash);
  std::size_t index = existing.files.size();
  int next_id = 1;
  for (Article& a : articles) {
    if (!seen.insert(a.hash).second) {
      report.duplicates.push_back(a.from);
      continue;
    }
    AddedArticle added;
    added.from = a.from;
    while (existing.source_ids.count(fmt::format("a{}", next_id))) ++next_id;
    added.source_id = fmt::format("a{}", next_id++);
    const std::string ext = a.html ? lower_extension(a.from) : std::string(".txt");
    do {
      added.file = fmt::format("sources/{:03}_{:016x}{}", index++, a.hash, ext);
    } while (existing.files.count(added.file));
    added.metadata = read_article_metadata(a.bytes, a.html);
    report.added.push_back(std::move(added));
  }
}

// Writes each added article's bytes into `deck_dir`/sources under `name_of(final path)`.
Result<void> copy_sources(const std::vector<Article>& articles, const NewDeckReport& report,
                          const fs::path& deck_dir, const std::string& temp_suffix,
                          std::vector<fs::path>& written) {
  std::map<fs::path, const Article*> by_path;
  for (const Article& a : articles) by_path.emplace(a.from, &a);
  for (const AddedArticle& added : report.added) {
    const fs::path target = deck_dir / (added.file + temp_suffix);
    written.push_back(target);
    if (auto r = write_file(target, by_path.at(added.from)->bytes); !r) return r;
  }
  return {};
}

Result<NewDeckReport> create_deck(const fs::path& deck_dir, std::vector<Article>& articles,
                                  const NewDeckOptions& options) {
  NewDeckReport report;
  report.created = true;
  report.deck_id = deck_id_from(deck_dir);
  plan(articles, ExistingDeck{}, report);
  if (!options.title.empty()) {
    report.deck_title = options.title;
  } else if (report.added.size() == 1 && report.added[0].metadata.title != kNotStated) {
    report.deck_title = report.added[0].metadata.title;
  } else {
    report.deck_title = deck_dir.filename().string();
  }

  fs::path parent = deck_dir.parent_path();
  if (parent.empty()) parent = ".";
  const fs::path temp =
      parent / fmt::format(".{}.citecard-new-{}", deck_dir.filename().string(), random_suffix());
  const auto fail = [&](const Error& e) -> Result<NewDeckReport> {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    return e;
  };
  std::error_code ec;
  fs::create_directories(temp / "sources", ec);
  if (ec)
    return fail(make_error(
        fmt::format("{}: cannot create the deck folder: {}", deck_dir.string(), ec.message())));
  std::vector<fs::path> written;
  if (auto r = copy_sources(articles, report, temp, "", written); !r) return fail(r.error());
  std::string manifest = new_manifest(report.deck_id, report.deck_title);
  for (const AddedArticle& a : report.added) manifest += source_block(a);
  if (auto r = write_file(temp / "manifest.toml", manifest); !r) return fail(r.error());
  if (auto r = write_file(temp / "deck.toml", kNewDeckToml); !r) return fail(r.error());
  // rename() replaces an empty folder, so a folder made in advance for the deck is fine.
  fs::rename(temp, deck_dir, ec);
  if (ec)
    return fail(make_error(
        fmt::format("{}: cannot create the deck there: {}", deck_dir.string(), ec.message())));
  return report;
}

Result<NewDeckReport> grow_deck(const fs::path& deck_dir, std::vector<Article>& articles,
                                const NewDeckOptions& options) {
  auto existing = read_existing(deck_dir);
  if (!existing) return existing.error();
  if (!options.title.empty() && options.title != existing->title)
    return make_error(fmt::format(
        "{}: the deck already has the title \"{}\"; change it in manifest.toml, or leave out "
        "--title to add articles",
        deck_dir.string(), existing->title));
  NewDeckReport report;
  report.deck_id = existing->id;
  report.deck_title = existing->title;
  plan(articles, *existing, report);
  if (report.added.empty()) return report;

  const std::string suffix = ".citecard-part-" + random_suffix();
  std::vector<fs::path> written;
  const auto fail = [&](const Error& e) -> Result<NewDeckReport> {
    std::error_code ignored;
    for (const fs::path& p : written) fs::remove(p, ignored);
    return e;
  };
  std::error_code ec;
  fs::create_directories(deck_dir / "sources", ec);
  if (ec) return fail(make_error(fmt::format("{}/sources: {}", deck_dir.string(), ec.message())));
  if (auto r = copy_sources(articles, report, deck_dir, suffix, written); !r)
    return fail(r.error());

  std::string manifest = existing->manifest_text;
  if (!manifest.empty() && manifest.back() != '\n') manifest += '\n';
  for (const AddedArticle& a : report.added) manifest += source_block(a);
  try {
    (void)toml::parse(manifest);
  } catch (const toml::parse_error& err) {
    return fail(make_error(fmt::format("{}/manifest.toml: adding the sources would break it ({})",
                                       deck_dir.string(), err.description())));
  }
  const fs::path manifest_part = deck_dir / ("manifest.toml" + suffix);
  written.push_back(manifest_part);
  if (auto r = write_file(manifest_part, manifest); !r) return fail(r.error());
  // The sources take their names first: until the manifest is renamed they are unused files.
  for (const AddedArticle& a : report.added) {
    const fs::path final_path = deck_dir / a.file;
    fs::rename(deck_dir / (a.file + suffix), final_path, ec);
    if (ec) return fail(make_error(fmt::format("{}: {}", final_path.string(), ec.message())));
    written.push_back(final_path);
  }
  fs::rename(manifest_part, deck_dir / "manifest.toml", ec);
  if (ec)
    return fail(make_error(
        fmt::format("{}/manifest.toml: cannot replace it: {}", deck_dir.string(), ec.message())));
  return report;
}

}  // namespace

ArticleMetadata read_article_metadata(std::string_view bytes, bool html) {
  if (html) return deck::read_html_metadata(bytes);
  ArticleMetadata m;
  deck::fill_from_text(bytes, m);
  return m;
}

Result<NewDeckReport> add_articles_to_deck(const fs::path& given_dir,
                                           const std::vector<fs::path>& inputs,
                                           const NewDeckOptions& options) {
  if (given_dir.empty()) return make_error("give the deck folder to create");
  // The title goes into manifest.toml, which must be UTF-8: a deck that will not build is no deck.
  if (auto utf8 = validate_utf8(options.title); !utf8)
    return make_error(fmt::format("the deck's title is not UTF-8 text ({})", utf8.error().message));
  // "decks/mine/" names the folder "mine": its name gives the deck id and its parent holds the
  // work folder.
  fs::path deck_dir = given_dir.lexically_normal();
  if (!deck_dir.has_filename()) deck_dir = deck_dir.parent_path();
  auto files = expand(inputs);
  if (!files) return files.error();
  std::vector<Article> articles;
  for (const fs::path& file : *files) {
    auto article = read_one(file);
    if (!article) return article.error();
    articles.push_back(std::move(*article));
  }

  std::error_code ec;
  const auto status = fs::status(deck_dir, ec);
  if (!fs::exists(status)) return create_deck(deck_dir, articles, options);
  if (!fs::is_directory(status))
    return make_error(fmt::format("{}: exists and is not a folder", deck_dir.string()));
  if (fs::exists(deck_dir / "manifest.toml")) return grow_deck(deck_dir, articles, options);
  if (fs::is_empty(deck_dir, ec)) return create_deck(deck_dir, articles, options);
  return make_error(fmt::format(
      "{}: the folder exists and is not a deck (no manifest.toml); give a new folder's name",
      deck_dir.string()));
}

}  // namespace citecard
