// Where a sentence ends in reporting prose. A period ends one unless it closes an abbreviation
// that reporters write before a name or a number ("Gov. Oleg", "Sen. Warren", "Sept. 5", "No. 3")
// or a capital initial ("John F. Kennedy"); the abbreviations are engine/lexicon's lists (news
// style, AP), the same the extractor splits by.
#include <cctype>
#include <set>
#include <string_view>

#include "deck/generate/generate.hpp"
#include "word_lists.hpp"

namespace citecard::deck::generate {
namespace {

const std::set<std::string, std::less<>>& abbreviations() {
  static const std::set<std::string, std::less<>> words = [] {
    std::set<std::string, std::less<>> out;
    for (const auto& list : {lexicon::abbreviations(), lexicon::month_abbreviations(),
                             lexicon::weekday_abbreviations(), lexicon::honorifics()}) {
      for (const auto& e : list) {
        std::string word(e.word);
        if (!word.empty() && word.back() == '.') word.pop_back();  // honorifics list "gov."
        out.insert(std::move(word));
      }
    }
    return out;
  }();
  return words;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Bytes of a closing quotation mark or bracket at `at` (” ’ " ' or ')'), 0 if none.
std::size_t closer_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  if (text.compare(at, 3, "\u201D") == 0 || text.compare(at, 3, "\u2019") == 0) return 3;
  return text[at] == '"' || text[at] == '\'' || text[at] == ')' ? 1 : 0;
}

// The first byte of what follows a terminal at `at`: after its closing marks and spaces.
std::size_t next_word_at(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  while (std::size_t n = closer_at(text, i)) i += n;
  while (i < text.size() && is_space(text[i])) ++i;
  return i;
}

}  // namespace

bool ends_sentence_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const char c = text[at];
  if (c == '?' || c == '!') return true;
  if (c != '.') return false;
  const std::size_t next = next_word_at(text, at);
  if (next >= text.size()) return true;
  const auto follower = static_cast<unsigned char>(text[next]);
  // "U.S. officials", "e.g. the": a sentence never starts in lower case.
  if (std::islower(follower)) return false;
  std::size_t begin = at;
  while (begin > 0 && (std::isalpha(static_cast<unsigned char>(text[begin - 1])) ||
                       text[begin - 1] == '.' || text[begin - 1] == '\''))
    --begin;
  const std::string_view word = text.substr(begin, at - begin);
  if (word.empty() || !std::isupper(static_cast<unsigned char>(word.front()))) return true;
  if (word.size() == 1) return false;  // an initial: "John F. Kennedy"
  std::string lower;
  for (char ch : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!abbreviations().count(lower)) return true;
  // A capitalised abbreviation before a name or a number continues the sentence ("Sept. 5",
  // "Gov. Oleg Kozhemyako"); "He said no. Then" is not capitalised and ends it.
  return !(std::isdigit(follower) || std::isupper(follower));
}

bool sentence_starts_at(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  if (at > text.size() || !is_space(text[at - 1])) return false;
  std::size_t i = at - 1;
  while (i > 0 && is_space(text[i])) --i;
  // Back over closing marks to the terminal: “… security.” He added
  for (;;) {
    if (i >= 2 && (text.compare(i - 2, 3, "\u201D") == 0 || text.compare(i - 2, 3, "\u2019") == 0))
      i -= 3;
    else if (i >= 1 && (text[i] == '"' || text[i] == '\'' || text[i] == ')'))
      --i;
    else
      break;
  }
  return ends_sentence_at(text, i);
}

ByteSpan sentence_around(std::string_view text, ByteSpan span, ByteSpan bounds) {
  auto start = static_cast<std::size_t>(span.start);
  const auto lo = static_cast<std::size_t>(bounds.start);
  const auto hi = static_cast<std::size_t>(bounds.end);
  while (start > lo && !sentence_starts_at(text, start)) --start;
  std::size_t end = static_cast<std::size_t>(span.end);
  // A span that itself ends a sentence ("… security.”) ends it here.
  if (end > start && ends_sentence_at(text, end - 1) && next_word_at(text, end - 1) >= end) {
    while (std::size_t n = closer_at(text, end)) end += n;
  } else {
    while (end < hi && !ends_sentence_at(text, end)) ++end;
    if (end < hi) {
      ++end;
      while (std::size_t n = closer_at(text, end)) end += n;
    }
  }
  return ByteSpan{static_cast<std::int64_t>(start), static_cast<std::int64_t>(std::min(end, hi))};
}

}  // namespace citecard::deck::generate
