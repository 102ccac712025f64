// Several sources, one quote or fact: the deck holds one note with every source's citation, so a
// learner sees how each outlet worded it ("sacred fight" in one, "just fight" in another).
#include <algorithm>

#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {
namespace {

std::set<std::string> content_words(const std::string& text) {
  std::set<std::string> out;
  for (auto& w : words_of(text))
    if (!is_stopword(w)) out.insert(std::move(w));
  return out;
}

double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t shared = 0;
  for (const auto& w : a) shared += b.count(w);
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

std::string speaker_display(const Corpus& corpus, const Quote& quote, std::string& key,
                            EntityKind& kind) {
  key = display_key(corpus, *quote.speaker);
  const auto it = corpus.names.find(key);
  std::string display = it != corpus.names.end() ? it->second.display : *quote.speaker;
  kind = it != corpus.names.end() ? it->second.kind : EntityKind::unknown;
  if (!quote.co_speakers.empty()) {
    // Words co-signed by two people belong to the pair, not to either one.
    for (const auto& other : quote.co_speakers) {
      const auto o = corpus.names.find(display_key(corpus, other));
      display += " and " + (o != corpus.names.end() ? o->second.display : other);
    }
    key = name_key(display);
    kind = EntityKind::person;
  }
  return display;
}

// Two wordings are one quote when one holds the other, when most of their content words agree,
// or when two short fragments share a key word ("sacred fight", "just fight").
bool same_quote(const Quote& a, const Quote& b) {
  const auto wa = content_words(a.text), wb = content_words(b.text);
  if (wa.empty() || wb.empty()) return false;
  if (overlap(wa, wb) >= 0.99) return true;
  const std::size_t union_size = [&] {
    std::set<std::string> u = wa;
    u.insert(wb.begin(), wb.end());
    return u.size();
  }();
  std::size_t shared = 0;
  for (const auto& w : wa) shared += wb.count(w);
  if (static_cast<double>(shared) / static_cast<double>(union_size) >= 0.6) return true;
  return a.partial && b.partial && wa.size() <= 3 && wb.size() <= 3 && shared >= 1;
}

}  // namespace

std::vector<QuoteGroup> group_quotes(const Corpus& corpus) {
  std::vector<QuoteGroup> groups;
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    for (const auto& quote : corpus.articles[a].found.quotes) {
      if (!quote.speaker) continue;
      std::string key;
      EntityKind kind = EntityKind::unknown;
      const std::string display = speaker_display(corpus, quote, key, kind);
      if (kind == EntityKind::place || kind == EntityKind::group) kind = EntityKind::organisation;
      if (kind != EntityKind::person && kind != EntityKind::organisation) continue;
      const QuoteRef ref{static_cast<int>(a), &quote};
      auto same = std::find_if(groups.begin(), groups.end(), [&](const QuoteGroup& g) {
        return g.speaker_key == key &&
               std::any_of(g.members.begin(), g.members.end(),
                           [&](const QuoteRef& m) { return same_quote(*m.quote, quote); });
      });
      if (same == groups.end()) {
        groups.push_back(QuoteGroup{display, key, kind, {ref}});
      } else {
        same->members.push_back(ref);
      }
    }
  }
  // The fullest wording leads (its span names the note); the rest follow in source order.
  for (auto& g : groups) {
    std::stable_sort(g.members.begin(), g.members.end(), [](const QuoteRef& x, const QuoteRef& y) {
      return words_of(x.quote->text).size() > words_of(y.quote->text).size();
    });
    std::stable_sort(
        g.members.begin() + 1, g.members.end(), [](const QuoteRef& x, const QuoteRef& y) {
          return std::pair{x.article, x.quote->start} < std::pair{y.article, y.quote->start};
        });
  }
  return groups;
}

std::vector<FactGroup> group_facts(const Corpus& corpus) {
  std::vector<FactGroup> groups;
  std::vector<std::set<std::string>> group_words;
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    for (const auto& fact : corpus.articles[a].found.facts) {
      const AnswerSpan* answer = best_answer(corpus, corpus.articles[a], fact);
      if (!answer) continue;
      const FactRef ref{static_cast<int>(a), &fact, answer};
      const auto words = content_words(fact.text);
      bool merged = false;
      for (std::size_t g = 0; g < groups.size() && !merged; ++g) {
        const FactRef& lead = groups[g].members.front();
        if (lead.article == ref.article || lead.answer->kind != answer->kind ||
            name_key(lead.answer->value) != name_key(answer->value))
          continue;
        if (overlap(group_words[g], words) >= 0.6) {
          groups[g].members.push_back(ref);
          merged = true;
        }
      }
      if (!merged) {
        groups.push_back(FactGroup{{ref}});
        group_words.push_back(words);
      }
    }
  }
  return groups;
}

}  // namespace citecard::deck::generate
