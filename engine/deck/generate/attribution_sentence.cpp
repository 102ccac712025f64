// The sentence that says who spoke: a who-said card's back cites it beside the quote, so the
// learner sees the reporter's "…,” Kim said" and not only the quoted words, and when that sentence
// says only "they noted", the earlier one that names them.
#include <algorithm>

#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {
namespace {

constexpr std::int64_t kMaxSentenceBytes = 600;
// How far back a pronoun's or "the authors'" antecedent is looked for: the quote's paragraph and
// the two before it, as far as a reader's eye goes for "he" in news prose.
constexpr std::size_t kParagraphsBack = 2;

const ByteSpan* paragraph_of(const Article& article, std::int64_t start, std::int64_t end,
                             std::size_t* index = nullptr) {
  const auto& paragraphs = article.found.paragraphs;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (paragraphs[i].start <= start && end <= paragraphs[i].end) {
      if (index) *index = i;
      return &paragraphs[i];
    }
  }
  return nullptr;
}

std::string text_of(const Article& article, ByteSpan span) {
  return article.source->text.substr(static_cast<std::size_t>(span.start),
                                     static_cast<std::size_t>(span.end - span.start));
}

// Every person of `people` is named in the span by some form of their name.
bool names_everyone(const Article& article, ByteSpan span,
                    const std::vector<std::set<std::string>>& people) {
  const auto words = words_of(text_of(article, span));
  return !people.empty() && std::all_of(people.begin(), people.end(), [&](const auto& keys) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](const std::string& key) { return contains_words(words, key); });
  });
}

}  // namespace

std::optional<ByteSpan> attribution_sentence(const Article& article, const Quote& quote) {
  if (!quote.speaker_mention_span) return std::nullopt;
  const ByteSpan mention = *quote.speaker_mention_span;
  const ByteSpan* paragraph = paragraph_of(article, quote.start, quote.end);
  if (!paragraph || mention.start < paragraph->start || mention.end > paragraph->end)
    return std::nullopt;
  const ByteSpan sentence = sentence_around(
      article.source->text,
      {std::min(quote.start, mention.start), std::max(quote.end, mention.end)}, *paragraph);
  if (sentence.end - sentence.start > kMaxSentenceBytes ||
      (sentence.start == quote.start && sentence.end <= quote.end))
    return std::nullopt;
  return sentence;
}

std::optional<ByteSpan> naming_sentence(const Article& article, const Quote& quote,
                                        const std::vector<std::set<std::string>>& people) {
  const auto said = attribution_sentence(article, quote);
  const ByteSpan shown = said ? *said : ByteSpan{quote.start, quote.end};
  if (names_everyone(article, shown, people)) return std::nullopt;
  std::size_t index = 0;
  if (!paragraph_of(article, quote.start, quote.end, &index)) return std::nullopt;
  const std::string& text = article.source->text;
  for (std::size_t back = 0; back <= kParagraphsBack && back <= index; ++back) {
    const ByteSpan& p = article.found.paragraphs[index - back];
    const std::int64_t until = std::min(p.end, shown.start);
    // The paragraph's sentences before the quote, the nearest first.
    std::vector<ByteSpan> sentences;
    for (std::int64_t at = p.start; at < until;) {
      const ByteSpan s = sentence_around(text, {at, at + 1}, p);
      if (s.end <= until) sentences.push_back(s);
      at = std::max(s.end, at + 1);
      while (at < until && text[static_cast<std::size_t>(at)] == ' ') ++at;
    }
    for (auto s = sentences.rbegin(); s != sentences.rend(); ++s)
      if (s->end - s->start <= kMaxSentenceBytes && names_everyone(article, *s, people)) return *s;
  }
  return std::nullopt;
}

}  // namespace citecard::deck::generate
