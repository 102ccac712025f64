// The extractor's view of an article: paragraphs, tokens, quote spans and sentences, all as byte
// offsets into the original text. Built once by the scanners, then read by attribution, entity
// clustering and fact finding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citecard::extract_detail {

enum class TokenKind : std::uint8_t { word, number, punct, mark };

// One per word or mark of the text, so its size is most of the memory a long document takes: the
// booleans are bits, which makes it 20 bytes instead of 24.
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t flags = 0;  // word:: flags from the lexicon (all fit in 32 bits)
  std::int32_t quote = -1;  // index of the quote span this token lies inside, or -1
  TokenKind kind = TokenKind::word;
  bool upper : 1 = false;  // starts with an upper-case letter
  bool space_before : 1 = false;
  bool acronym : 1 = false;     // U.S., U.N., CSIS
  bool possessive : 1 = false;  // Russia's, Russia’s, Jesus'
};
static_assert(sizeof(Token) == 20, "a token is 20 bytes");

struct QuoteSpan {
  std::uint32_t open = 0;         // byte offset of the opening mark
  std::uint32_t text_begin = 0;   // first byte after the opening mark
  std::uint32_t text_end = 0;     // the closing mark's offset (or the paragraph end)
  std::uint32_t close_end = 0;    // first byte after the closing mark
  std::uint32_t first_token = 0;  // tokens [first_token, last_token) lie inside
  std::uint32_t last_token = 0;
  std::uint32_t open_token = 0;   // token of the opening mark
  std::uint32_t close_token = 0;  // token of the closing mark (== last_token if unclosed)
  int paragraph = 0;
  bool single = false;  // ‘…’ or '…'
  bool closed = true;   // false: runs to the end of its paragraph (multi-paragraph quote)
};

struct Sentence {
  std::uint32_t first_token = 0;
  std::uint32_t last_token = 0;  // exclusive
  int paragraph = 0;
};

struct Paragraph {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;
  std::uint32_t last_token = 0;
  std::uint32_t first_sentence = 0;
  std::uint32_t last_sentence = 0;
  bool heading = false;  // a title or subheading: short, no closing punctuation
};

struct Document {
  std::string_view text;
  std::vector<Paragraph> paragraphs;
  std::vector<Token> tokens;
  std::vector<QuoteSpan> quotes;
  std::vector<Sentence> sentences;
  std::vector<std::int32_t> sentence_of_token;

  std::string_view token_text(std::uint32_t i) const {
    return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }

  bool is_word(std::uint32_t i) const { return tokens[i].kind == TokenKind::word; }
  bool is_number(std::uint32_t i) const { return tokens[i].kind == TokenKind::number; }
  bool punct_is(std::uint32_t i, char c) const {
    return tokens[i].kind == TokenKind::punct && text[tokens[i].begin] == c;
  }
  // Token i's text folded to lower case (see fold_word); a copy, so two words can be compared at
  // once.
  std::string folded_word(std::uint32_t i) const;

  // Whether token i is the word `lower` (ASCII, lower case), ignoring case; no allocation.
  bool token_is(std::uint32_t i, std::string_view lower) const {
    const Token& t = tokens[i];
    if (t.end - t.begin != lower.size() || t.kind != TokenKind::word) return false;
    for (std::size_t k = 0; k < lower.size(); ++k) {
      char c = text[t.begin + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != lower[k]) return false;
    }
    return true;
  }
};

// Splits text into paragraphs: one per line, except that a line which does not end a sentence is
// joined with the next when that one starts in lower case (hard-wrapped text).
void find_paragraphs(Document& doc);

// Tokenizes every paragraph (words keep internal apostrophes, hyphens, decimal points and the dots
// of acronyms; quotation marks are tokens of their own).
void tokenize(Document& doc);

// Pairs quotation marks into spans and tells apostrophes from single quotes.
void find_quotes(Document& doc);

// Sentence boundaries, quote-aware and robust to abbreviations, initials and decimals.
void find_sentences(Document& doc);

// The passes every reader of a text runs first: paragraphs, tokens, quote spans, sentences. The
// document views `text`, which must outlive it.
Document read_document(std::string_view text);

}  // namespace citecard::extract_detail
