// The sentence that says who spoke: a who-said card's back cites it beside the quote, so the
// learner sees the reporter's "…,” Kim said" and not only the quoted words.
#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {
namespace {

constexpr std::int64_t kMaxSentenceBytes = 600;

bool ends_sentence(char c) {
  return c == '.' || c == '?' || c == '!';
}

// Bytes of the closing quotation mark at `at`, if one is there.
std::int64_t closing_mark(const std::string& text, std::int64_t at) {
  const auto i = static_cast<std::size_t>(at);
  if (text.compare(i, 3, "\u201D") == 0) return 3;
  if (i < text.size() && text[i] == '"') return 1;
  return 0;
}

}  // namespace

std::optional<ByteSpan> attribution_sentence(const Article& article, const Quote& quote) {
  if (!quote.speaker_mention_span) return std::nullopt;
  const std::string& text = article.source->text;
  const ByteSpan mention = *quote.speaker_mention_span;
  const ByteSpan* paragraph = nullptr;
  for (const auto& p : article.found.paragraphs)
    if (p.start <= quote.start && quote.end <= p.end) paragraph = &p;
  if (!paragraph || mention.start < paragraph->start || mention.end > paragraph->end)
    return std::nullopt;

  std::int64_t start = std::min(quote.start, mention.start);
  // Back to just after the previous sentence's end (". "), or the paragraph's start.
  while (start > paragraph->start) {
    const auto i = static_cast<std::size_t>(start);
    if (i >= 2 && text[i - 1] == ' ' && ends_sentence(text[i - 2])) break;
    --start;
  }
  std::int64_t end = std::max(quote.end, mention.end);
  if (end == quote.end && ends_sentence(text[static_cast<std::size_t>(end - 1)])) {
    end += closing_mark(text, end);  // “… security.” ends the sentence with the quote
  } else {
    while (end < paragraph->end && !ends_sentence(text[static_cast<std::size_t>(end)])) ++end;
    if (end < paragraph->end) end += 1 + closing_mark(text, end + 1);
  }
  if (end - start > kMaxSentenceBytes || (start == quote.start && end <= quote.end))
    return std::nullopt;
  return ByteSpan{start, end};
}

}  // namespace citecard::deck::generate
