#include "extract/markup_depth.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace citecard::extract_detail {
namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that hold no others, or that the parser closes when the next of their kind (or a
// block) starts: counting them would take a page of unclosed <p>s for a deep one.
bool adds_no_depth(std::string_view name) {
  return one_of(name,
                {"area",     "base",    "br",    "col",    "embed", "hr",    "img",      "input",
                 "link",     "meta",    "param", "source", "track", "wbr",   "keygen",   "frame",
                 "basefont", "bgsound", "p",     "li",     "dt",    "dd",    "option",   "optgroup",
                 "tr",       "td",      "th",    "tbody",  "thead", "tfoot", "colgroup", "caption",
                 "rb",       "rt",      "rp",    "rtc",    "html",  "head",  "body",     "image"});
}

bool holds_raw_text(std::string_view name) {
  return one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "plaintext"});
}

}  // namespace

std::size_t markup_depth(std::string_view html) {
  std::size_t depth = 0, deepest = 0;
  std::size_t i = 0;
  const auto lower_name = [&](std::size_t from) {
    std::string name;
    while (from < html.size() && name.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[from])) || html[from] == '-')) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[from])));
      ++from;
    }
    return name;
  };
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const auto end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    const std::size_t name_at = i + (closing ? 2 : 1);
    if (name_at >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_at]))) {
      ++i;
      continue;
    }
    const std::string name = lower_name(name_at);
    const auto tag_end = html.find('>', name_at);
    if (tag_end == std::string_view::npos) break;
    i = tag_end + 1;
    if (closing) {
      if (!adds_no_depth(name) && depth > 0) --depth;
      continue;
    }
    if (holds_raw_text(name)) {
      // Its text runs to its end tag, whatever markup it seems to hold.
      std::size_t close = i;
      for (;;) {
        close = html.find("</", close);
        if (close == std::string_view::npos) return std::max(deepest, depth + 1);
        if (lower_name(close + 2) == name) break;
        close += 2;
      }
      const auto end = html.find('>', close);
      if (end == std::string_view::npos) return std::max(deepest, depth + 1);
      i = end + 1;
      continue;
    }
    // "<path .../>": self-closing in SVG and MathML, whose many shapes would otherwise count.
    const bool self_closing = html[tag_end - 1] == '/';
    if (adds_no_depth(name) || self_closing) continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

std::size_t json_depth(std::string_view json) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

}  // namespace citecard::extract_detail
