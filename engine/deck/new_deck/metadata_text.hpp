// Reading what an article states about itself from its plain text, shared by the .txt and the
// .html readers (a page without meta tags still has its byline and dateline in its text).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "citecard/new_deck.hpp"

namespace citecard::deck {

// The first full calendar date in `text` ("Sep 13, 2023", "13 September 2023", "2023-09-13",
// "Sept. 13, 2023") as YYYY-MM-DD, or nullopt.
std::optional<std::string> find_date(std::string_view text);

// A date as a page gives it (ISO 8601 timestamp or a written date) -> YYYY-MM-DD when it holds a
// full date; otherwise the value as given, trimmed (or nullopt when empty or implausibly long).
std::optional<std::string> normalise_date(std::string_view value);

// "By Jane Doe and John Roe, Reuters" -> "Jane Doe and John Roe"; nullopt when the line is not
// a byline. With `require_by`, the line must open with "By".
std::optional<std::string> byline_names(std::string_view line, bool require_by);

// "Headline | Outlet" -> {"Headline", "Outlet"}; the outlet is empty when there is no such
// suffix. Pages title themselves this way; the part after the last " | " must be short.
std::pair<std::string, std::string> split_title_suffix(std::string_view title);

// Fills the fields of `metadata` still kNotStated from the article's first lines: the headline,
// a "By ..." byline and a line of its own holding a date (a dateline).
void fill_from_text(std::string_view text, ArticleMetadata& metadata);

std::string collapse_spaces(std::string_view text);

// An HTML page's metadata: its markup first, then its text's first lines (metadata_html.cpp).
ArticleMetadata read_html_metadata(std::string_view html);

}  // namespace citecard::deck
