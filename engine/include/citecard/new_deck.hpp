// citecard — decks from a learner's own articles.
//
// A deck folder is made (or grown) from article files — plain .txt, or .html pages saved from a
// browser. Each file is copied into sources/ byte for byte, and manifest.toml gets one [[source]]
// per article with the outlet, title, author and date the page itself states: HTML <title> and
// <meta> tags (og:site_name, og:title, article:published_time, author), JSON-LD NewsArticle
// data, and bylines and datelines at the top of the text. What a page does not state is written
// "not stated", never guessed, so no card attributes a claim to an outlet the reader cannot see.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "citecard/result.hpp"

namespace citecard {

inline constexpr const char* kNotStated = "not stated";

// What an article states about itself; each field is kNotStated when it does not say.
struct ArticleMetadata {
  std::string outlet = kNotStated;
  std::string title = kNotStated;
  std::string author = kNotStated;
  std::string date = kNotStated;  // YYYY-MM-DD where the page gives a full date
};

// Reads the metadata of one article: `bytes` is the file's content, `html` whether it is a page.
// HTML pages are read in this order: meta tags, then JSON-LD, then <title>, then bylines and
// datelines in the page's text. Plain text is read from its first lines only (a headline, a
// "By ..." line, a line of its own holding a date), where articles state these.
ArticleMetadata read_article_metadata(std::string_view bytes, bool html);

// One file added to a deck.
struct AddedArticle {
  std::filesystem::path from;  // the file as given
  std::string source_id;       // its [[source]] id ("a1", "a2", ...)
  std::string file;            // its path in the deck, "sources/000_<hash>.html"
  ArticleMetadata metadata;
};

struct NewDeckReport {
  std::string deck_id;
  std::string deck_title;
  bool created = false;                           // false: the deck existed and grew
  std::vector<AddedArticle> added;                // in the order given (a folder's files by name)
  std::vector<std::filesystem::path> duplicates;  // already in the deck (same bytes): skipped
};

struct NewDeckOptions {
  std::string title;  // the deck's title; empty: the only article's title, or the folder's name
};

// Creates `deck_dir` from `inputs` (article files, or folders whose .txt / .html / .htm files are
// taken in name order), or adds the articles to the deck already there. A file whose bytes are
// already in the deck is skipped, so re-running with more files adds only the new ones. All or
// nothing: an unreadable, empty, non-UTF-8 or non-article file is an error naming it, and on any
// error no deck folder is left behind (a new deck) or the deck is as it was (an existing one).
Result<NewDeckReport> add_articles_to_deck(const std::filesystem::path& deck_dir,
                                           const std::vector<std::filesystem::path>& inputs,
                                           const NewDeckOptions& options = {});

}  // namespace citecard
