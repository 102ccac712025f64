// What a saved page states about itself: <meta> tags (Open Graph and the article: properties),
// JSON-LD NewsArticle data, <title>, a byline element, then the byline and dateline in its text.
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <map>
#include <vector>

#include "citecard/extract.hpp"
#include "deck/new_deck/metadata_text.hpp"
#include "extract/markup_depth.hpp"

namespace citecard::deck {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxJsonDepth = 64;

// What one walk over the page collects.
struct PageFacts {
  std::map<std::string, std::string> meta;  // lower-cased property / name -> first content
  std::vector<std::string> json_ld;
  std::string title;
  std::string byline;        // a rel="author" link or an element classed "byline"
  std::string article_time;  // the first <time datetime> inside an <article>
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

const GumboNode* child(const GumboNode* node, unsigned i) {
  return static_cast<const GumboNode*>(node->v.element.children.data[i]);
}

// The text under `node`, in document order. Iterative, as every walk here: a page's depth is
// bounded before it is parsed, but a walk should not depend on it.
void append_text(const GumboNode* root, std::string& out) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      out += node->v.text.text;
      out += ' ';
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    for (unsigned i = node->v.element.children.length; i-- > 0;) stack.push_back(child(node, i));
  }
}

std::string text_of(const GumboNode* node) {
  std::string out;
  append_text(node, out);
  return collapse_spaces(out);
}

bool has_class_word(const char* classes, const char* word) {
  if (!classes) return false;
  const std::string c = lower(classes);
  return c.find(word) != std::string::npos;
}

// What one element states; false when its children hold nothing more to collect.
bool visit(const GumboNode* node, bool in_article, PageFacts& facts) {
  const GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_META: {
      const char* key = attribute(node, "property");
      if (!key) key = attribute(node, "name");
      const char* content = attribute(node, "content");
      if (key && content && *content) facts.meta.emplace(lower(key), collapse_spaces(content));
      return false;
    }
    case GUMBO_TAG_TITLE:
      if (facts.title.empty()) facts.title = text_of(node);
      return false;
    case GUMBO_TAG_SCRIPT: {
      const char* type = attribute(node, "type");
      if (type && lower(type) == "application/ld+json") {
        std::string json;
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
          const auto* child = static_cast<const GumboNode*>(children.data[i]);
          if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
            json += child->v.text.text;
        }
        facts.json_ld.push_back(std::move(json));
      }
      return false;
    }
    case GUMBO_TAG_TIME:
      if (in_article && facts.article_time.empty())
        if (const char* when = attribute(node, "datetime")) facts.article_time = when;
      break;
    default:
      break;
  }
  if (facts.byline.empty()) {
    const char* rel = attribute(node, "rel");
    if ((rel && lower(rel) == "author") || has_class_word(attribute(node, "class"), "byline"))
      facts.byline = text_of(node);
  }
  return true;
}

// Every element of the page in document order, each knowing whether it is inside an <article>.
void walk(const GumboNode* root, PageFacts& facts) {
  struct Pending {
    const GumboNode* node;
    bool in_article;
  };
  std::vector<Pending> stack = {{root, false}};
  while (!stack.empty()) {
    const Pending p = stack.back();
    stack.pop_back();
    if (p.node->type != GUMBO_NODE_ELEMENT || !visit(p.node, p.in_article, facts)) continue;
    const bool article = p.in_article || p.node->v.element.tag == GUMBO_TAG_ARTICLE;
    for (unsigned i = p.node->v.element.children.length; i-- > 0;)
      stack.push_back({child(p.node, i), article});
  }
}

std::string meta(const PageFacts& facts, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (auto it = facts.meta.find(key); it != facts.meta.end()) return it->second;
  return {};
}

bool looks_like_url(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("/", 0) == 0;
}

bool is_article_type(const Json& type) {
  const auto one = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string s = t.get<std::string>();
    return s.find("Article") != std::string::npos || s == "BlogPosting";
  };
  if (type.is_array()) {
    for (const Json& t : type)
      if (one(t)) return true;
    return false;
  }
  return one(type);
}

// The first object typed NewsArticle (or another Article) in the page's JSON-LD blocks, looking
// into top-level arrays and @graph lists.
std::optional<Json> json_ld_article(const std::vector<std::string>& blocks) {
  for (const std::string& block : blocks) {
    // No article's data nests deeper than a few levels; a block nested a million deep is refused
    // before the parser builds (and then frees) a tree that deep.
    if (extract_detail::json_depth(block) > kMaxJsonDepth) continue;
    Json doc = Json::parse(block, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) continue;
    std::vector<Json> candidates;
    const auto collect = [&](const Json& j) {
      if (!j.is_object()) return;
      candidates.push_back(j);
      if (auto g = j.find("@graph"); g != j.end() && g->is_array())
        for (const Json& item : *g) candidates.push_back(item);
    };
    if (doc.is_array()) {
      for (const Json& item : doc) collect(item);
    } else {
      collect(doc);
    }
    for (const Json& c : candidates)
      if (auto t = c.find("@type"); t != c.end() && is_article_type(*t)) return c;
  }
  return std::nullopt;
}

std::string string_field(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return collapse_spaces(it->get<std::string>());
  return {};
}

std::string name_of(const Json& j) {
  if (j.is_string()) return collapse_spaces(j.get<std::string>());
  if (j.is_object()) return string_field(j, "name");
  return {};
}

// "A", "A and B", "A, B and C".
std::string joined_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string json_ld_authors(const Json& article) {
  auto it = article.find("author");
  if (it == article.end()) return {};
  std::vector<std::string> names;
  if (it->is_array()) {
    for (const Json& a : *it)
      if (auto n = name_of(a); !n.empty()) names.push_back(n);
  } else if (auto n = name_of(*it); !n.empty()) {
    names.push_back(n);
  }
  return joined_names(names);
}

// A meta tag's author list: "Ana Silva, Tom Berg" names two people when each part is a name;
// otherwise ("Ana Silva, Reuters") the names before the comma, as in a byline.
std::string meta_authors(const std::string& value) {
  std::vector<std::string> names;
  std::size_t pos = 0;
  while (pos <= value.size()) {
    std::size_t comma = value.find(',', pos);
    if (comma == std::string::npos) comma = value.size();
    auto name = byline_names(value.substr(pos, comma - pos), false);
    const bool organisation = name && name->find(' ') == std::string::npos;
    if (!name || organisation) break;
    names.push_back(*name);
    pos = comma + 1;
  }
  if (pos > value.size() && names.size() > 1) return joined_names(names);
  return byline_names(value, false).value_or(value);
}

void set_if_stated(std::string& field, const std::string& value) {
  if (field == kNotStated && !value.empty()) field = value;
}

}  // namespace

ArticleMetadata read_html_metadata(std::string_view html) {
  ArticleMetadata m;
  // A page nested past the bound states nothing here; reading it as an article refuses it.
  if (extract_detail::markup_depth(html) > extract_detail::kMaxMarkupDepth) return m;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // never read, and each one copies the stack of open elements
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!output) return m;
  PageFacts facts;
  walk(output->root, facts);
  gumbo_destroy_output(&options, output);
  const std::optional<Json> ld = json_ld_article(facts.json_ld);

  set_if_stated(m.outlet, meta(facts, {"og:site_name", "application-name"}));
  if (ld) {
    if (auto p = ld->find("publisher"); p != ld->end()) set_if_stated(m.outlet, name_of(*p));
  }

  set_if_stated(m.title, meta(facts, {"og:title", "twitter:title"}));
  if (ld) set_if_stated(m.title, string_field(*ld, "headline"));
  if (m.title == kNotStated && !facts.title.empty()) {
    // "Headline | Outlet": the headline alone, and the outlet if nothing else stated it.
    auto [headline, outlet] = split_title_suffix(facts.title);
    set_if_stated(m.title, headline);
    set_if_stated(m.outlet, outlet);
  }
  // A page's title often repeats the outlet after the headline ("Headline | Outlet").
  if (m.title != kNotStated && m.outlet != kNotStated) {
    auto [headline, suffix] = split_title_suffix(m.title);
    if (suffix == m.outlet) m.title = headline;
  }

  std::string author = meta(facts, {"author", "article:author", "byl"});
  if (looks_like_url(author)) author.clear();  // article:author is often a profile URL
  if (!author.empty()) author = meta_authors(author);
  set_if_stated(m.author, author);
  if (ld) set_if_stated(m.author, json_ld_authors(*ld));
  if (!facts.byline.empty())
    set_if_stated(m.author, byline_names(facts.byline, false).value_or(""));

  for (const std::string& when :
       {meta(facts, {"article:published_time", "og:article:published_time", "datepublished",
                     "pubdate", "publish-date", "dc.date", "dcterms.date", "date"}),
        ld ? string_field(*ld, "datePublished") : std::string(), facts.article_time}) {
    if (auto d = normalise_date(when)) set_if_stated(m.date, *d);
  }

  // What the markup does not state may still be in the article's own first lines.
  if (auto article = article_from_html(html)) fill_from_text(article->text, m);
  return m;
}

}  // namespace citecard::deck
