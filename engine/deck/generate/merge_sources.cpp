// Several sources, one quote or fact: the deck holds one note with every source's citation, so a
// learner sees how each outlet worded it ("sacred fight" in one, "just fight" in another).
#include <algorithm>

#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {
namespace {

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

// One way a quote is worded, with its content words computed once.
struct Wording {
  std::string text;
  std::set<std::string> words;
  bool partial = false;
};

Wording wording_of(const Quote& quote) {
  return {quote.text, content_words(quote.text), quote.partial};
}

// Two wordings are one quote when one holds the other, when most of their content words agree,
// or when two short fragments share a key word ("sacred fight", "just fight").
bool same_quote(const Wording& a, const Wording& b) {
  if (a.words.empty() || b.words.empty()) return false;
  if (a.text == b.text || overlap(a.words, b.words) >= 0.99) return true;
  std::size_t shared = 0;
  for (const auto& w : a.words) shared += b.words.count(w);
  const std::size_t union_size = a.words.size() + b.words.size() - shared;
  if (static_cast<double>(shared) / static_cast<double>(union_size) >= 0.6) return true;
  return a.partial && b.partial && a.words.size() <= 3 && b.words.size() <= 3 && shared >= 1;
}

}  // namespace

std::vector<QuoteGroup> group_quotes(const Corpus& corpus) {
  std::vector<QuoteGroup> groups;
  // Each group's distinct wordings: repeats of one wording are compared once.
  std::vector<std::vector<Wording>> wordings;
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    for (const auto& quote : corpus.articles[a].found.quotes) {
      if (!quote.speaker) continue;
      std::string key;
      EntityKind kind = EntityKind::unknown;
      const std::string display = speaker_display(corpus, quote, key, kind);
      if (kind == EntityKind::place || kind == EntityKind::group) kind = EntityKind::organisation;
      if (kind != EntityKind::person && kind != EntityKind::organisation) continue;
      const QuoteRef ref{static_cast<int>(a), &quote};
      Wording wording = wording_of(quote);
      std::size_t g = 0;
      for (; g < groups.size(); ++g) {
        if (groups[g].speaker_key != key) continue;
        if (std::any_of(wordings[g].begin(), wordings[g].end(),
                        [&](const Wording& w) { return same_quote(w, wording); }))
          break;
      }
      if (g == groups.size()) {
        groups.push_back(QuoteGroup{display, key, kind, {ref}});
        wordings.push_back({std::move(wording)});
      } else {
        groups[g].members.push_back(ref);
        auto& known = wordings[g];
        if (std::none_of(known.begin(), known.end(),
                         [&](const Wording& w) { return w.text == wording.text; }))
          known.push_back(std::move(wording));
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
