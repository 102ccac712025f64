// Who a learner should know by their words: the story's principals and its actors, not the
// commentators the reporting quotes once for colour. Decided from what the articles say of each
// person — their role's words and how much of the text they occupy — never from a list of names.
#include <algorithm>

#include "deck/generate/generate.hpp"
#include "deck/word_list.hpp"

namespace citecard::deck::generate {
namespace {

int top_mentions(const Corpus& corpus) {
  int top = 0;
  for (const auto& [key, name] : corpus.names)
    if (name.kind == EntityKind::person) top = std::max(top, name.mentions);
  return top;
}

// A short form two people share ("Kim" of Kim Jong Un and of Ellen Kim) is the better-known one's.
bool form_is_theirs(const Corpus& corpus, const Name& name, const std::string& key) {
  return std::none_of(corpus.names.begin(), corpus.names.end(), [&](const auto& entry) {
    const Name& other = entry.second;
    return &other != &name && other.kind == EntityKind::person && other.mentions > name.mentions &&
           other.alias_keys.count(key);
  });
}

bool in_a_headline(const Corpus& corpus, const Name& name) {
  return std::any_of(corpus.articles.begin(), corpus.articles.end(), [&](const Article& a) {
    const auto words = words_of(a.source->title);
    return std::any_of(name.alias_keys.begin(), name.alias_keys.end(), [&](const std::string& k) {
      return !k.empty() && !is_stopword(k) && contains_words(words, k) &&
             form_is_theirs(corpus, name, k);
    });
  });
}

bool commentator_role(const Name& name) {
  return name.former || name.role_kind == "expert" || name.role_kind == "journalist";
}

}  // namespace

bool is_principal(const Corpus& corpus, const std::string& display_key) {
  const auto it = corpus.names.find(display_key);
  if (it == corpus.names.end() || it->second.kind != EntityKind::person) return false;
  const Name& name = it->second;
  const int top = top_mentions(corpus);
  return in_a_headline(corpus, name) || (name.mentions >= kMinPrincipalMentions &&
                                         name.mentions * kPrincipalShareOfTopMentions >= top);
}

bool is_commentator(const Corpus& corpus, const QuoteGroup& group) {
  if (group.kind != EntityKind::person) return false;
  // Words co-signed by two people are a written analysis: its authors comment on the story.
  const auto words = words_of(group.speaker);
  if (std::find(words.begin(), words.end(), "and") != words.end()) return true;
  if (is_principal(corpus, group.speaker_key)) return false;
  const auto it = corpus.names.find(group.speaker_key);
  if (it != corpus.names.end() && commentator_role(it->second)) return true;
  // The extraction's role at the quote itself ("Al Jazeera reporter Florence Looi wrote").
  return std::any_of(group.members.begin(), group.members.end(), [](const QuoteRef& m) {
    const std::string kind = role_kind(m.quote->speaker_role);
    const auto words = words_of(m.quote->speaker_role);
    return kind == "expert" || kind == "journalist" ||
           std::find(words.begin(), words.end(), "former") != words.end();
  });
}

}  // namespace citecard::deck::generate
