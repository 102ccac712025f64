#include "deck/cited_wordings.hpp"

#include <cctype>

#include "citecard/extract.hpp"

namespace citecard::deck {
namespace {

constexpr std::size_t kMaxWordingWords = 4;
const std::string kBlank = "_____";
const std::string kOpenQuote = "\u201C";
const std::string kCloseQuote = "\u201D";

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// The word touching the blank on one side, or "" when the quote starts or ends there.
std::string last_word(const std::string& text) {
  std::size_t end = text.size();
  while (end > 0 && !is_word_char(text[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

std::string first_word(const std::string& text) {
  std::size_t begin = 0;
  while (begin < text.size() && !is_word_char(text[begin])) ++begin;
  std::size_t end = begin;
  while (end < text.size() && is_word_char(text[end])) ++end;
  return text.substr(begin, end - begin);
}

std::size_t find_word(const std::string& text, const std::string& word, std::size_t from) {
  for (std::size_t at = text.find(word, from); at != std::string::npos;
       at = text.find(word, at + 1)) {
    const bool start = at == 0 || !is_word_char(text[at - 1]);
    const bool end = at + word.size() == text.size() || !is_word_char(text[at + word.size()]);
    if (start && end) return at;
  }
  return std::string::npos;
}

std::string trimmed(const std::string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && !is_word_char(text[begin])) ++begin;
  while (end > begin && !is_word_char(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::size_t word_count(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_word_char(text[i]) && (i == 0 || text[i - 1] == ' ')) ++n;
  return n;
}

}  // namespace

std::vector<std::string> other_cited_wordings(const Card& card) {
  if (card.type != card_type::kQuoteCloze) return {};
  const auto blank = card.prompt.find(kBlank);
  const auto open = card.prompt.rfind(kOpenQuote, blank);
  if (blank == std::string::npos || open == std::string::npos) return {};
  const std::string before =
      card.prompt.substr(open + kOpenQuote.size(), blank - open - kOpenQuote.size());
  std::string after = card.prompt.substr(blank + kBlank.size());
  if (const auto close = after.rfind(kCloseQuote); close != std::string::npos)
    after = after.substr(0, close);
  const std::string word_before = last_word(before);
  const std::string word_after = first_word(after);
  std::vector<std::string> out;
  for (const auto& citation : card.citations) {
    const std::string& text = citation.text;
    if (find_word(text, card.answer, 0) != std::string::npos) continue;
    std::size_t start = 0;
    if (!word_before.empty()) {
      const auto at = find_word(text, word_before, 0);
      if (at == std::string::npos) continue;
      start = at + word_before.size();
    }
    std::size_t end = text.size();
    if (!word_after.empty()) {
      end = find_word(text, word_after, start);
      if (end == std::string::npos) continue;
    }
    const std::string wording = trimmed(text.substr(start, end - start));
    if (wording.empty() || word_count(wording) > kMaxWordingWords ||
        name_key(wording) == name_key(card.answer))
      continue;
    out.push_back(wording);
  }
  return out;
}

}  // namespace citecard::deck
