// Saved news pages: HTML5 -> the article's plain text, through gumbo (Debian's libgumbo, a
// conformant HTML5 parser), and reading articles from disk.
#include <fmt/format.h>
#include <gumbo.h>

#include <cctype>
#include <string>
#include <vector>

#include "citecard/extract.hpp"
#include "citecard/input_file.hpp"
#include "extract/markup_depth.hpp"

namespace citecard {
namespace {

bool is_dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DL:
      return true;
    default:
      return false;
  }
}

class TextWriter {
 public:
  void text(const char* s) {
    for (const char* p = s; *p; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space_ = !line_.empty();
      } else {
        if (pending_space_) line_ += ' ';
        pending_space_ = false;
        line_ += c;
      }
    }
  }
  void break_paragraph() {
    if (!line_.empty()) paragraphs_.push_back(std::move(line_));
    line_.clear();
    pending_space_ = false;
  }
  std::string finish() {
    break_paragraph();
    std::string out;
    for (const auto& p : paragraphs_) {
      if (!out.empty()) out += "\n\n";
      out += p;
    }
    if (!out.empty()) out += '\n';
    return out;
  }
  bool empty() const { return paragraphs_.empty() && line_.empty(); }

 private:
  std::vector<std::string> paragraphs_;
  std::string line_;
  bool pending_space_ = false;
};

void write_text(const GumboNode* node, TextWriter& out, bool inside_article) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    out.text(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (is_dropped(tag)) return;
  // A page header holds the site's navigation; an article's own header holds its headline.
  if (tag == GUMBO_TAG_HEADER && !inside_article) return;
  const bool article = inside_article || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
  const bool block = is_block(tag);
  if (block) out.break_paragraph();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    write_text(static_cast<const GumboNode*>(children.data[i]), out, article);
  }
  if (block) out.break_paragraph();
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  if (is_dropped(node->v.element.tag) && tag != GUMBO_TAG_TITLE) return nullptr;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (const GumboNode* found = find_first(static_cast<const GumboNode*>(children.data[i]), tag)) {
      return found;
    }
  }
  return nullptr;
}

bool contains(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* n = node; n; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

std::string plain(const GumboNode* node) {
  TextWriter w;
  write_text(node, w, true);
  std::string s = w.finish();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string title_text(const GumboNode* root) {
  const GumboNode* title = nullptr;
  // <title> lives in <head>, which the body walk drops; search it directly.
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length && !title; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_HEAD) {
      const GumboVector& head = child->v.element.children;
      for (unsigned k = 0; k < head.length; ++k) {
        const auto* h = static_cast<const GumboNode*>(head.data[k]);
        if (h->type == GUMBO_NODE_ELEMENT && h->v.element.tag == GUMBO_TAG_TITLE) title = h;
      }
    }
  }
  if (!title || title->v.element.children.length == 0) return {};
  const auto* text = static_cast<const GumboNode*>(title->v.element.children.data[0]);
  if (text->type != GUMBO_NODE_TEXT) return {};
  TextWriter w;
  w.text(text->v.text.text);
  std::string s = w.finish();
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

// The text derived from a page must be UTF-8 like any article: a fuzzed page (a character
// reference next to malformed markup) once gave a byte sequence that is not. Any such sequence
// becomes U+FFFD, so extraction and citations always see well-formed text.
static std::string well_formed(std::string text) {
  if (validate_utf8(text).ok()) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = 1;
    while (n <= 4 && i + n <= text.size() &&
           !validate_utf8(std::string_view(text).substr(i, n)).ok())
      ++n;
    if (n <= 4 && i + n <= text.size()) {
      out.append(text, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

Result<ArticleText> article_from_html(std::string_view html) {
  if (auto valid = validate_utf8(html); !valid) return valid.error();
  if (extract_detail::markup_depth(html) > extract_detail::kMaxMarkupDepth)
    return make_error(
        fmt::format("the page nests its markup more than {} elements deep; no "
                    "article is written so (is it a page saved from a browser?)",
                    extract_detail::kMaxMarkupDepth));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // never read, and each one copies the stack of open elements
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!output) return make_error("could not parse the HTML page");
  const GumboNode* root = output->root;
  const GumboNode* body = find_first(root, GUMBO_TAG_ARTICLE);
  if (!body) body = find_first(root, GUMBO_TAG_MAIN);
  if (!body) body = find_first(root, GUMBO_TAG_BODY);
  ArticleText article;
  article.from_html = true;
  article.title = title_text(root);
  TextWriter writer;
  if (body) {
    // The headline often sits above the <article> element.
    const GumboNode* h1 = find_first(root, GUMBO_TAG_H1);
    if (h1 && !contains(body, h1)) {
      writer.text(plain(h1).c_str());
      writer.break_paragraph();
    }
    write_text(body, writer, body->v.element.tag != GUMBO_TAG_BODY);
  }
  article.text = well_formed(writer.finish());
  gumbo_destroy_output(&options, output);
  return article;
}

Result<ArticleText> read_article(const std::filesystem::path& path) {
  auto read = read_input_file(path);
  if (!read) return read.error();
  std::string bytes = std::move(*read);
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") {
    auto article = article_from_html(bytes);
    if (!article) return make_error(path.string() + ": " + article.error().message);
    return article;
  }
  if (auto valid = validate_utf8(bytes); !valid) {
    return make_error(path.string() + ": " + valid.error().message);
  }
  ArticleText article;
  article.text = std::move(bytes);
  return article;
}

}  // namespace citecard
