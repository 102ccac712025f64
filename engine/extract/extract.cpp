// extract(): the pipeline, in passes over one Document.
#include <limits>

#include "citecard/extract.hpp"
#include "extract/attribution.hpp"
#include "extract/document.hpp"
#include "extract/facts.hpp"
#include "extract/names.hpp"

namespace citecard {

const char* to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::person:
      return "person";
    case EntityKind::organisation:
      return "organisation";
    case EntityKind::place:
      return "place";
    case EntityKind::group:
      return "group";
    case EntityKind::unknown:
      return "unknown";
  }
  return "unknown";
}

namespace extract_detail {

Document read_document(std::string_view text) {
  Document doc;
  doc.text = text;
  find_paragraphs(doc);
  tokenize(doc);
  find_quotes(doc);
  find_sentences(doc);
  return doc;
}

}  // namespace extract_detail

Result<Extraction> extract(std::string_view text, const ExtractOptions& options) {
  using namespace extract_detail;
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return make_error("text too large to extract from (" + std::to_string(text.size()) +
                      " bytes; the limit is 4 GiB)");
  }
  if (auto valid = validate_utf8(text); !valid) return valid.error();

  const Document doc = read_document(text);
  Names names = find_names(doc);

  Extraction out;
  out.quotes = attribute_quotes(doc, names);
  for (Quote& q : out.quotes) q.confidence = attribution_confidence(q);
  if (options.want_facts) out.facts = find_facts(doc, names, options.article_date);
  for (auto& info : names.entities) {
    Entity& e = info.entity;
    // A capitalised sentence opener seen once, with nothing saying what it is, is not a name.
    if (e.kind == EntityKind::unknown && e.mentions.size() == 1 &&
        e.name.find(' ') == std::string::npos) {
      continue;
    }
    out.entities.push_back(std::move(e));
  }
  out.paragraphs.reserve(doc.paragraphs.size());
  for (const Paragraph& p : doc.paragraphs) out.paragraphs.push_back({p.begin, p.end});
  return out;
}

}  // namespace citecard
