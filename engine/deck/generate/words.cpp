// Comparing a prompt with its answer as a learner reads them: case, hyphens, curly apostrophes and
// look-alike letters do not make "Kim Jong-un" a different answer from "kim jong un".
#include <algorithm>

#include "deck/generate/generate.hpp"
#include "word_lists.hpp"

namespace citecard::deck::generate {
namespace {

// engine/lexicon/stop_words.txt, shared with extract/, and the words only cards leave alone.
std::set<std::string, std::less<>> stopwords() {
  std::set<std::string, std::less<>> words;
  for (const auto& e : lexicon::stop_words()) words.emplace(e.word);
  for (const auto& e : lexicon::deck_stop_words()) words.emplace(e.word);
  return words;
}

}  // namespace

bool is_stopword(const std::string& lowercase_word) {
  static const std::set<std::string, std::less<>> words = stopwords();
  return words.count(lowercase_word) > 0;
}

namespace {

// The text with its typographic quotation marks and dashes written in ASCII, which name_key folds
// the same way (‘ ’ to ', “ ” to separators, – — to a space), or "" when any other non-ASCII
// character needs Unicode normalisation. News text is mostly ASCII but for these: the fast path
// keeps a whole article's sentences out of utf8proc.
std::string ascii_punctuation_of(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    if (c != 0xE2 || i + 2 >= text.size() || static_cast<unsigned char>(text[i + 1]) != 0x80)
      return {};
    const unsigned char third = static_cast<unsigned char>(text[i + 2]);
    if (third == 0x98 || third == 0x99)
      out += '\'';
    else if (third == 0x9C || third == 0x9D)
      out += '"';
    else if (third == 0x93 || third == 0x94)
      out += '-';
    else
      return {};
    i += 2;
  }
  return out;
}

}  // namespace

std::vector<std::string> words_of(const std::string& text) {
  const std::string ascii = ascii_punctuation_of(text);
  std::string folded = name_key(ascii.empty() ? text : ascii);
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    // Curly apostrophes and quotation marks separate words like their straight forms.
    if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80) {
      const unsigned char third = static_cast<unsigned char>(folded[i + 2]);
      if (third >= 0x98 && third <= 0x9F) {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
        i += 2;
        continue;
      }
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

namespace {

bool contains_run(const std::vector<std::string>& haystack,
                  const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

}  // namespace

bool contains_words(const std::vector<std::string>& prompt_words, const std::string& text) {
  return contains_run(prompt_words, words_of(text));
}

bool gives_away(const std::string& prompt, const std::string& answer,
                const std::set<std::string>& aliases) {
  const auto prompt_words = words_of(prompt);
  if (contains_run(prompt_words, words_of(answer))) return true;
  for (const auto& alias : aliases)
    if (contains_run(prompt_words, words_of(alias))) return true;
  return false;
}

std::set<std::string> content_words(const std::string& text) {
  std::set<std::string> out;
  for (auto& w : words_of(text))
    if (!is_stopword(w)) out.insert(std::move(w));
  return out;
}

}  // namespace citecard::deck::generate
