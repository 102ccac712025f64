// Sentence boundaries. A period ends a sentence when the next token can start one, unless it
// follows a title or month abbreviation (Gen., Sept.), an initial (J. K. Rowling) or is part of a
// number; the dots of U.S. end a sentence only before a word that typically starts one. Nothing
// inside a quotation splits the sentence that contains it: a quote ending in a full stop ends its
// sentence only when a capitalised word follows its closing mark.
#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/utf8.hpp"

namespace citecard::extract_detail {
namespace {

bool can_start_sentence(const Document& doc, std::uint32_t t) {
  const Token& tok = doc.tokens[t];
  if (tok.kind == TokenKind::word) return tok.upper;
  if (tok.kind == TokenKind::number) return true;
  if (tok.kind == TokenKind::mark) {
    return tok.quote >= 0 && doc.quotes[tok.quote].open_token == t;
  }
  const char c = doc.text[tok.begin];
  return c == '(' || c == '[';
}

bool is_terminal(char32_t cp) {
  return cp == U'.' || cp == U'!' || cp == U'?';
}

bool has_lower(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    int n = 1;
    const char32_t cp = decode_at(word, i, n);
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
    if (is_letter(cp) && !is_upper(cp)) return true;
  }
  return false;
}

// Letters of a word, acronym dots aside: "NAVY" 4, "U.S." 2.
std::size_t letter_count(std::string_view word) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    int n = 1;
    const char32_t cp = decode_at(word, i, n);
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
    letters += is_letter(cp);
  }
  return letters;
}

// A section heading run into the sentence after it ("WHAT COMES NEXT The council will vote ..."):
// two words or more with no lower-case letter (one of them a word, not only acronyms), then a
// capitalised word with lower-case letters that starts the sentence. Returns the token after the
// heading, or `start` when there is none.
std::uint32_t heading_end(const Document& doc, std::uint32_t start, std::uint32_t end) {
  std::uint32_t t = start;
  int words = 0;
  bool long_word = false;
  while (t < end) {
    const Token& tok = doc.tokens[t];
    if (tok.quote >= 0) return start;
    if (tok.kind == TokenKind::word) {
      const std::string_view w = doc.token_text(t);
      if (has_lower(w)) break;
      ++words;
      long_word |= letter_count(w) >= 4;
    } else if (tok.kind != TokenKind::number) {
      const char c = doc.text[tok.begin];
      if (c != '&' && c != '-' && c != ',') return start;
    }
    ++t;
  }
  if (t >= end || words < 2 || !long_word) return start;
  const Token& next = doc.tokens[t];
  if (next.kind != TokenKind::word || !next.upper || !next.space_before) return start;
  return t;
}

}  // namespace

void find_sentences(Document& doc) {
  doc.sentences.clear();
  doc.sentence_of_token.assign(doc.tokens.size(), -1);
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    Paragraph& para = doc.paragraphs[p];
    para.first_sentence = static_cast<std::uint32_t>(doc.sentences.size());
    std::uint32_t start = para.first_token;
    auto close_sentence = [&](std::uint32_t end) {
      if (end <= start) return;
      Sentence s;
      s.first_token = start;
      s.last_token = end;
      s.paragraph = static_cast<int>(p);
      for (std::uint32_t t = start; t < end; ++t) {
        doc.sentence_of_token[t] = static_cast<std::int32_t>(doc.sentences.size());
      }
      doc.sentences.push_back(s);
      start = end;
    };
    for (std::uint32_t t = para.first_token; t < para.last_token; ++t) {
      // A heading run into the sentence is a sentence of its own, which no fact card cites.
      if (t == start) {
        if (const std::uint32_t after = heading_end(doc, start, para.last_token); after > start) {
          close_sentence(after);
          t = after - 1;
          continue;
        }
      }
      const Token& tok = doc.tokens[t];
      bool boundary = false;
      if (tok.quote < 0) {
        if (tok.kind == TokenKind::punct) {
          int n = 1;
          const char32_t cp = decode_at(doc.text, tok.begin, n);
          if (is_terminal(cp)) {
            boundary = true;
            if (cp == U'.' && t > para.first_token) {
              const Token& before = doc.tokens[t - 1];
              if (before.kind == TokenKind::word && before.end == tok.begin) {
                const std::size_t len = before.end - before.begin;
                if ((before.flags & word::kAbbrev) || (len == 1 && before.upper)) boundary = false;
              }
            }
          }
        } else if (tok.kind == TokenKind::word && tok.acronym && doc.text[tok.end - 1] == '.') {
          // "… in the U.S. The next day" versus "the U.S. Navy".
          boundary = t + 1 < para.last_token && (doc.tokens[t + 1].flags & word::kStarter) &&
                     doc.tokens[t + 1].upper;
          if (boundary) {
            close_sentence(t + 1);
            continue;
          }
        }
      } else if (tok.kind == TokenKind::mark && doc.quotes[tok.quote].close_token == t) {
        const char32_t inner = decode_before(doc.text, tok.begin);
        boundary = is_terminal(inner) || inner == U'\u2026';
      }
      if (!boundary) continue;
      // Keep closing brackets, marks and footnote numbers glued to the end with the sentence.
      std::uint32_t end = t + 1;
      while (end < para.last_token && !doc.tokens[end].space_before) {
        const Token& next = doc.tokens[end];
        const bool closer = next.kind == TokenKind::punct || next.kind == TokenKind::number ||
                            (next.kind == TokenKind::mark && next.quote >= 0 &&
                             doc.quotes[next.quote].close_token == end);
        if (!closer) break;
        ++end;
      }
      if (end < para.last_token && !can_start_sentence(doc, end)) continue;
      close_sentence(end);
      t = end - 1;
    }
    close_sentence(para.last_token);
    para.last_sentence = static_cast<std::uint32_t>(doc.sentences.size());
  }
}

}  // namespace citecard::extract_detail
