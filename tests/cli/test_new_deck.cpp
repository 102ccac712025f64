// `citecard new` then `citecard build`: a deck made from copies of the summit articles and an
// invented saved page, built and studied like the summit deck.
#include <doctest/doctest.h>
#include <toml++/toml.h>

#include "cli/cli_fixture.hpp"

namespace citecard::test {
namespace {

namespace fs = std::filesystem;

// A page saved from a browser, invented for this test, with its metadata in meta tags.
const std::string kSavedPage = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port workers end strike after pay deal | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2024-06-14T07:00:00Z">
<meta name="author" content="Lena Fischer">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Port workers end strike after pay deal</h1>
<p>Dock workers at the port of Eastwick returned to work on Thursday after their union accepted
a pay rise of 6 per cent, ending a strike that had lasted eleven days.</p>
<p>“This deal recognises the work our members do in all weathers,” said Maria Kovacs, the
union’s regional secretary.</p>
<p>“We are glad the ships can move again,” said Daniel Reyes, the port’s chief executive, who
added that the backlog would take two weeks to clear.</p>
<p>Shipping agents said about 40 vessels had waited outside the harbour during the strike.</p>
</article><footer>© Harbour Herald</footer></body></html>
)";

struct NewDeckFixture {
  TempDir dir;
  std::string db = (dir / "collection.db").string();
  fs::path articles = dir / "articles";
  fs::path deck = dir / "my-deck";

  NewDeckFixture() {
    fs::create_directories(articles);
    for (const auto& entry : fs::directory_iterator(kSummitDeck + "/sources"))
      fs::copy_file(entry.path(), articles / entry.path().filename());
  }
  CommandResult run(const std::string& args) const {
    return run_command("'" + kCli + "' " + args + " --db '" + db + "'");
  }
  CommandResult make(const std::string& args) const {
    return run_command("'" + kCli + "' new '" + deck.string() + "' " + args);
  }
};

const toml::table* source_with_file_from(const toml::table& manifest, const std::string& ext,
                                         int nth = 0) {
  for (const toml::node& node : *manifest["source"].as_array()) {
    const toml::table* s = node.as_table();
    const std::string file = (*s)["file"].value_or(std::string());
    if (file.size() >= ext.size() && file.compare(file.size() - ext.size(), ext.size(), ext) == 0 &&
        nth-- == 0)
      return s;
  }
  return nullptr;
}

TEST_CASE("citecard new makes a deck from article files that citecard build then builds") {
  NewDeckFixture f;
  const fs::path page = f.dir.write("saved/port-strike.html", kSavedPage);
  const auto made = f.make("'" + f.articles.string() + "' '" + page.string() + "' --title 'Mine'");
  REQUIRE_MESSAGE(made.status == 0, made.err);
  CHECK(made.out.find("6 article(s) added") != std::string::npos);

  const toml::table manifest = toml::parse_file((f.deck / "manifest.toml").string());
  CHECK(manifest["deck"]["title"].value_or(std::string()) == "Mine");
  CHECK(manifest["source"].as_array()->size() == 6);
  const toml::table* html = source_with_file_from(manifest, ".html");
  REQUIRE(html != nullptr);
  CHECK((*html)["outlet"].value_or(std::string()) == "Harbour Herald");
  CHECK((*html)["title"].value_or(std::string()) == "Port workers end strike after pay deal");
  CHECK((*html)["author"].value_or(std::string()) == "Lena Fischer");
  CHECK((*html)["date"].value_or(std::string()) == "2024-06-14");
  // Every source is the file it came from, byte for byte.
  CHECK(read_file(f.deck / (*html)["file"].value_or(std::string())) == kSavedPage);
  for (const auto& entry : fs::directory_iterator(f.articles)) {
    bool copied = false;
    for (const auto& s : fs::directory_iterator(f.deck / "sources"))
      copied = copied || read_file(s.path()) == read_file(entry.path());
    CHECK_MESSAGE(copied, entry.path().filename().string());
  }

  const auto built = f.run("build '" + f.deck.string() + "'");
  REQUIRE_MESSAGE(built.status == 0, built.err);
  const auto cards = nlohmann::json::parse(f.run("cards --json").out);
  CHECK(cards.size() > 20);
  // Cards from the saved page cite its text, not its markup, under the outlet the page states.
  int from_page = 0;
  for (const auto& card : cards) {
    for (const auto& c : card["citations"]) {
      if (c["outlet"] != "Harbour Herald") continue;
      ++from_page;
      CHECK(c["text"].get<std::string>().find('<') == std::string::npos);
    }
  }
  CHECK(from_page > 0);
  const auto checked = f.run("check");
  CHECK_MESSAGE(checked.status == 0, checked.out << checked.err);
}

TEST_CASE("citecard new run again with more files adds only the new ones") {
  NewDeckFixture f;
  const auto first = f.make("'" + (f.articles / "000_d17afe2afcfc3973.txt").string() + "'");
  REQUIRE_MESSAGE(first.status == 0, first.err);
  const auto again = f.make("'" + f.articles.string() + "'");
  REQUIRE_MESSAGE(again.status == 0, again.err);
  CHECK(again.out.find("4 article(s) added, 1 already in the deck skipped") != std::string::npos);
  const toml::table manifest = toml::parse_file((f.deck / "manifest.toml").string());
  CHECK(manifest["source"].as_array()->size() == 5);
}

TEST_CASE("citecard new reads the headline and dateline at the top of plain-text articles") {
  NewDeckFixture f;
  const auto made = f.make("'" + f.articles.string() + "'");
  REQUIRE_MESSAGE(made.status == 0, made.err);
  const toml::table manifest = toml::parse_file((f.deck / "manifest.toml").string());
  const toml::table* first = source_with_file_from(manifest, ".txt", 0);
  REQUIRE(first != nullptr);
  CHECK((*first)["date"].value_or(std::string()) == "2023-09-13");
  CHECK((*first)["outlet"].value_or(std::string()) == "not stated");
  // The article that opens with its body states no headline.
  const toml::table* last = source_with_file_from(manifest, ".txt", 4);
  REQUIRE(last != nullptr);
  CHECK((*last)["title"].value_or(std::string()) == "not stated");
}

TEST_CASE("citecard new names a file that is not an article and leaves no deck folder") {
  NewDeckFixture f;
  const fs::path pdf = f.dir.write("scan.pdf", "%PDF-1.7 binary");
  const auto made = f.make("'" + f.articles.string() + "' '" + pdf.string() + "'");
  CHECK(made.status == 1);
  CHECK(made.err.find("scan.pdf: not an article file") != std::string::npos);
  CHECK_FALSE(fs::exists(f.deck));
}

}  // namespace
}  // namespace citecard::test
