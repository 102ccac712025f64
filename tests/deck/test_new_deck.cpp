// Decks from a learner's own articles: what each kind of page states about itself, and a deck
// folder made, grown and refused all or nothing. The pages here are invented for the tests.
#include <doctest/doctest.h>

#include "citecard/new_deck.hpp"
#include "deck/deck_spec.hpp"
#include "deck/new_deck/metadata_text.hpp"
#include "support/temp_dir.hpp"

namespace citecard {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;

const std::string kMetaPage = R"(<!doctype html><html><head>
<title>Harbour bridge reopens after repairs - Coastline Courier</title>
<meta property="og:site_name" content="Coastline Courier">
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<meta name="author" content="Priya Natarajan">
</head><body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Monday, said the city engineer, Luis Ortega.</p>
</article></body></html>)";

const std::string kJsonLdPage = R"(<html><head><title>Wind farm approved</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Not the article"},
 {"@type":"NewsArticle","headline":"Offshore wind farm wins approval",
  "datePublished":"2023-11-20T14:00:00+01:00",
  "author":[{"@type":"Person","name":"Ana Silva"},{"@type":"Person","name":"Tom Berg"}],
  "publisher":{"@type":"Organization","name":"North Sea Times"}}]}</script>
</head><body><article><p>Regulators approved the wind farm on Monday.</p></article></body></html>)";

const std::string kBareTitlePage =
    R"(<html><head><title>Library extends opening hours | Valley Post</title></head>
<body><article><div class="article-byline">By Mei Chen</div>
<p>The library will open until 9 p.m. from next week, its director said.</p></article></body></html>)";

TEST_CASE("HTML meta tags give the outlet, title, author and publication date") {
  const ArticleMetadata m = read_article_metadata(kMetaPage, /*html=*/true);
  CHECK(m.outlet == "Coastline Courier");
  CHECK(m.title == "Harbour bridge reopens after repairs");
  CHECK(m.author == "Priya Natarajan");
  CHECK(m.date == "2024-03-05");
}

TEST_CASE("JSON-LD NewsArticle data gives headline, authors, publisher and date") {
  const ArticleMetadata m = read_article_metadata(kJsonLdPage, /*html=*/true);
  CHECK(m.outlet == "North Sea Times");
  CHECK(m.title == "Offshore wind farm wins approval");
  CHECK(m.author == "Ana Silva and Tom Berg");
  CHECK(m.date == "2023-11-20");
}

TEST_CASE(
    "A page's <title> gives the headline, its ' | ' suffix the outlet; a byline element the "
    "author") {
  const ArticleMetadata m = read_article_metadata(kBareTitlePage, /*html=*/true);
  CHECK(m.title == "Library extends opening hours");
  CHECK(m.outlet == "Valley Post");
  CHECK(m.author == "Mei Chen");
  CHECK(m.date == kNotStated);
}

TEST_CASE("A meta author list names each person; a comma before an outlet ends the names") {
  const auto author_of = [](const std::string& content) {
    return read_article_metadata("<html><head><meta name=\"author\" content=\"" + content +
                                     "\"></head><body><p>Text of the article.</p></body></html>",
                                 /*html=*/true)
        .author;
  };
  CHECK(author_of("Ana Silva, Tom Berg") == "Ana Silva and Tom Berg");
  CHECK(author_of("Ana Silva, Tom Berg, Li Wei") == "Ana Silva, Tom Berg and Li Wei");
  CHECK(author_of("Ana Silva, Reuters") == "Ana Silva");
  CHECK(author_of("Ana Silva") == "Ana Silva");
}

TEST_CASE("An HTML page's dateline in its text gives the date when the markup does not") {
  const std::string page =
      "<html><body><article><h1>Ferry fares to rise in spring</h1><p>By Omar Haddad</p>"
      "<p>12 February 2025</p><p>Ferry fares will rise by 4 per cent in April, the operator "
      "said on Tuesday, citing fuel costs and the new timetable.</p></article></body></html>";
  const ArticleMetadata m = read_article_metadata(page, /*html=*/true);
  CHECK(m.title == "Ferry fares to rise in spring");
  CHECK(m.author == "Omar Haddad");
  CHECK(m.date == "2025-02-12");
  CHECK(m.outlet == kNotStated);
}

TEST_CASE(
    "Plain text: headline, byline and dateline from the first lines, a section label "
    "skipped") {
  const std::string text =
      "Business\n\nBakery chain opens its tenth shop\n\nBy Grace O'Neill and Sam Park\n"
      "Published Sept. 4, 2024, 9:15 a.m.\n\n"
      "The bakery chain opened its tenth shop on Saturday, and its founder said she hoped to "
      "open five more by the end of next year, all of them in towns without a bakery today.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.title == "Bakery chain opens its tenth shop");
  CHECK(m.author == "Grace O'Neill and Sam Park");
  CHECK(m.date == "2024-09-04");
  CHECK(m.outlet == kNotStated);
}

TEST_CASE(
    "Plain text that states nothing about itself gives \"not stated\" everywhere, even with "
    "a date in its body") {
  const std::string text =
      "The river rose two metres overnight, and on 3 June 2021 the town council voted to build "
      "a flood wall along the whole of the east bank, residents said at a meeting on Friday.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.outlet == kNotStated);
  CHECK(m.title == kNotStated);
  CHECK(m.author == kNotStated);
  CHECK(m.date == kNotStated);
}

TEST_CASE(
    "Plain text: a first line ending in a full stop is the headline when a blank line sets it "
    "off") {
  const std::string text =
      "Council Backs New Tram Line to the Harbour.\n\n"
      "The city council voted on Tuesday to build a tram line from the station to the harbour, "
      "a project first proposed twenty years ago and twice shelved for lack of money.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.title == "Council Backs New Tram Line to the Harbour");
}

TEST_CASE(
    "Plain text: a short first line followed directly by a longer paragraph is the headline") {
  const std::string text =
      "Tram line approved after twenty years of delays.\n"
      "The city council voted on Tuesday to build a tram line from the station to the harbour.\n"
      "Work is due to start in the spring.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.title == "Tram line approved after twenty years of delays");
}

TEST_CASE("Plain text: a headline's abbreviation keeps its full stop") {
  const std::string text =
      "Tram makers bid for the contract in the U.S.\n\n"
      "Three companies have bid to build the city's new trams, the council said on Tuesday.\n";
  CHECK(read_article_metadata(text, false).title == "Tram makers bid for the contract in the U.S.");
}

TEST_CASE("Plain text: a sentence of the body ending in a full stop is not taken for a headline") {
  // The first phrase is the headline; a later short sentence followed by a blank line is body.
  const std::string one_line = "The council met on Monday and approved 12 new bus routes.\n";
  CHECK(read_article_metadata(one_line, false).title == kNotStated);
  const std::string lines =
      "The council met on Monday.\nIt approved bus routes.\nNobody objected at all today.\n";
  CHECK(read_article_metadata(lines, false).title == kNotStated);
}

TEST_CASE("Dates written in the usual ways read as YYYY-MM-DD") {
  CHECK(deck::find_date("Sep 13, 2023, 6:50am EDT") == "2023-09-13");
  CHECK(deck::find_date("Updated 1st March 2022") == "2022-03-01");
  CHECK(deck::find_date("2020-02-29T10:00:00Z") == "2020-02-29");
  CHECK(deck::find_date("December 31 1999") == "1999-12-31");
  CHECK_FALSE(deck::find_date("on Wednesday, September 13").has_value());
  CHECK_FALSE(deck::find_date("Maybe 12 2020").has_value());
}

TEST_CASE("A byline keeps the names and drops the outlet or role after them") {
  CHECK(deck::byline_names("By Jane Doe, Reuters", true) == "Jane Doe");
  CHECK(deck::byline_names("BY Ana de la Cruz | Staff", true) == "Ana de la Cruz");
  CHECK_FALSE(deck::byline_names("By the time the ferry left, it was dark", true).has_value());
  CHECK_FALSE(deck::byline_names("Jane Doe", true).has_value());
}

// ---- the deck folder ----

const std::string kText =
    "Bakery chain opens its tenth shop\n\nBy Grace O'Neill\n\n"
    "\u201CWe bake everything on site,\u201D said the founder, Rosa Lima, at the opening.\n";

TEST_CASE("A new deck copies each article byte for byte and describes it in manifest.toml") {
  TempDir dir;
  const fs::path page = dir.write("in/bridge.html", kMetaPage);
  const fs::path text = dir.write("in/bakery.txt", kText);
  const fs::path deck_dir = dir / "my-deck";
  auto report = add_articles_to_deck(deck_dir, {page, text}, {.title = "Town news"});
  REQUIRE_MESSAGE(report.ok(), report.error().message);
  CHECK(report->created);
  CHECK(report->deck_id == "my-deck");
  REQUIRE(report->added.size() == 2);
  CHECK(read_file(deck_dir / report->added[0].file) == kMetaPage);
  CHECK(read_file(deck_dir / report->added[1].file) == kText);
  CHECK(fs::path(report->added[0].file).extension() == ".html");

  auto spec = deck::load_deck(deck_dir);
  REQUIRE_MESSAGE(spec.ok(), spec.error().message);
  CHECK(spec->title == "Town news");
  CHECK(spec->generate.enabled);
  REQUIRE(spec->sources.size() == 2);
  CHECK(spec->sources[0].outlet == "Coastline Courier");
  CHECK(spec->sources[0].date == "2024-03-05");
  // An HTML source's text is the article, not its markup: that is what cards cite.
  CHECK(spec->sources[0].text.find("<p>") == std::string::npos);
  CHECK(spec->sources[0].text.find("The harbour bridge reopened on Monday") != std::string::npos);
  CHECK(spec->sources[1].author == "Grace O'Neill");
  CHECK(spec->sources[1].outlet == kNotStated);
}

TEST_CASE("Re-running with more files adds only the new ones") {
  TempDir dir;
  const fs::path page = dir.write("in/bridge.html", kMetaPage);
  const fs::path text = dir.write("in/bakery.txt", kText);
  const fs::path deck_dir = dir / "deck";
  REQUIRE(add_articles_to_deck(deck_dir, {page}).ok());
  const std::string copy_of_page = (dir / "elsewhere.html").string();
  fs::copy_file(page, copy_of_page);

  auto again = add_articles_to_deck(deck_dir, {page, fs::path(copy_of_page), text});
  REQUIRE_MESSAGE(again.ok(), again.error().message);
  CHECK_FALSE(again->created);
  REQUIRE(again->added.size() == 1);
  CHECK(again->added[0].source_id == "a2");
  CHECK(again->duplicates.size() == 2);
  auto spec = deck::load_deck(deck_dir);
  REQUIRE_MESSAGE(spec.ok(), spec.error().message);
  CHECK(spec->sources.size() == 2);
  CHECK(std::distance(fs::directory_iterator(deck_dir / "sources"), fs::directory_iterator()) == 2);
}

TEST_CASE("A deck folder given with a trailing slash is made under its own name") {
  TempDir dir;
  auto report =
      add_articles_to_deck((dir / "Town News").string() + "/", {dir.write("in/a.txt", kText)});
  REQUIRE_MESSAGE(report.ok(), report.error().message);
  CHECK(report->deck_id == "town-news");
  CHECK(report->deck_title == "Bakery chain opens its tenth shop");  // the only article's title
  CHECK(fs::exists(dir / "Town News/manifest.toml"));
}

TEST_CASE("A folder's article files are taken in name order, other files left out") {
  TempDir dir;
  dir.write("in/b.txt", kText);
  dir.write("in/a.html", kMetaPage);
  dir.write("in/notes.md", "not an article");
  auto report = add_articles_to_deck(dir / "deck", {dir / "in"});
  REQUIRE_MESSAGE(report.ok(), report.error().message);
  REQUIRE(report->added.size() == 2);
  CHECK(report->added[0].from.filename() == "a.html");
  CHECK(report->added[1].from.filename() == "b.txt");
}

TEST_CASE("A bad input is named and no deck folder is left behind") {
  TempDir dir;
  const fs::path good = dir.write("in/good.txt", kText);
  const fs::path deck_dir = dir / "deck";
  SUBCASE("not an article file") {
    const fs::path pdf = dir.write("in/scan.pdf", "%PDF-1.4");
    auto r = add_articles_to_deck(deck_dir, {good, pdf});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("scan.pdf: not an article file") != std::string::npos);
  }
  SUBCASE("not UTF-8") {
    const fs::path latin1 = dir.write("in/latin1.txt", "Caf\xE9 owners say prices rose\n");
    auto r = add_articles_to_deck(deck_dir, {good, latin1});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("latin1.txt: not UTF-8") != std::string::npos);
  }
  SUBCASE("a page with no text") {
    const fs::path empty = dir.write("in/empty.html", "<html><head><title>x</title></head></html>");
    auto r = add_articles_to_deck(deck_dir, {good, empty});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("empty.html: has no article text") != std::string::npos);
  }
  SUBCASE("a missing file") {
    auto r = add_articles_to_deck(deck_dir, {good, dir / "in/missing.txt"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("missing.txt: no such file") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(deck_dir));
  // Nor a hidden work folder beside it.
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find("citecard-new") == std::string::npos);
}

TEST_CASE("A failed addition leaves an existing deck as it was") {
  TempDir dir;
  const fs::path deck_dir = dir / "deck";
  REQUIRE(add_articles_to_deck(deck_dir, {dir.write("in/a.txt", kText)}).ok());
  const std::string manifest = read_file(deck_dir / "manifest.toml");
  const fs::path bad = dir.write("in/bad.txt", "\xFF\xFE");
  auto r = add_articles_to_deck(deck_dir, {dir.write("in/b.html", kMetaPage), bad});
  REQUIRE_FALSE(r.ok());
  CHECK(read_file(deck_dir / "manifest.toml") == manifest);
  CHECK(std::distance(fs::directory_iterator(deck_dir / "sources"), fs::directory_iterator()) == 1);
}

TEST_CASE("A folder that exists and is not a deck is refused") {
  TempDir dir;
  dir.write("photos/cat.jpg", "jpeg");
  auto r = add_articles_to_deck(dir / "photos", {dir.write("in/a.txt", kText)});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("is not a deck") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "photos/manifest.toml"));
}

TEST_CASE("Another title for an existing deck is refused rather than ignored") {
  TempDir dir;
  const fs::path deck_dir = dir / "deck";
  REQUIRE(add_articles_to_deck(deck_dir, {dir.write("in/a.txt", kText)}, {.title = "One"}).ok());
  auto r = add_articles_to_deck(deck_dir, {dir.write("in/b.html", kMetaPage)}, {.title = "Two"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("already has the title \"One\"") != std::string::npos);
  CHECK(add_articles_to_deck(deck_dir, {dir / "in/b.html"}, {.title = "One"}).ok());
}

}  // namespace
}  // namespace citecard

namespace citecard {

TEST_CASE("A wire dateline's credit names the outlet, and a full date in it gives the date") {
  const std::string text =
      "Dam talks end without a deal\n\n"
      "RIVERTON, March 4, 2025 (Harbour Wire) — Talks between the two provinces over the new dam "
      "ended without a deal on Tuesday, officials from both sides said after the meeting.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.outlet == "Harbour Wire");
  CHECK(m.date == "2025-03-04");
  CHECK(m.title == "Dam talks end without a deal");
}

TEST_CASE("A credit on a line of its own after an upper-case place names the outlet") {
  const std::string text =
      "Ferry strike enters third day\n\n"
      "PORTVILLE- Coastal Press Agency\n\n"
      "The ferry strike entered its third day on Wednesday, with no talks planned between the "
      "crews and the operator, and hundreds of travellers stranded at both ends of the route.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.outlet == "Coastal Press Agency");
  CHECK(m.title == "Ferry strike enters third day");
}

TEST_CASE("A line of page controls is no headline, however many words its spaces make") {
  const std::string text =
      "+ \u21BA \u2212 16 px\n\n"
      "Ferry strike enters third day\n\n"
      "The ferry strike entered its third day on Wednesday, with no talks planned between the "
      "crews and the operator, and hundreds of travellers stranded at both ends of the route.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.title == "Ferry strike enters third day");
}

TEST_CASE("A body sentence opening on an upper-case place is no credit") {
  const std::string text =
      "Ferry strike enters third day\n\n"
      "PORTVILLE - The ferry strike entered its third day on Wednesday, with no talks planned.\n";
  const ArticleMetadata m = read_article_metadata(text, /*html=*/false);
  CHECK(m.outlet == kNotStated);
}

}  // namespace citecard
