// Paragraphs and tokens: the first pass over the text.
#include <algorithm>
#include <cstdint>

#include "extract/document.hpp"
#include "extract/lexicon.hpp"
#include "extract/utf8.hpp"

namespace citecard::extract_detail {
namespace {

bool ends_sentence(char32_t cp) {
  return cp == U'.' || cp == U'!' || cp == U'?' || cp == U':' || cp == U';' || cp == U'\u2026' ||
         is_quote_mark(cp) || cp == U')';
}

bool is_hyphen(char32_t cp) {
  return cp == U'-' || cp == U'\u2010' || cp == U'\u2011';
}
bool is_apostrophe_char(char32_t cp) {
  return cp == U'\'' || cp == U'\u2019';
}

}  // namespace

void find_paragraphs(Document& doc) {
  const std::string_view text = doc.text;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Trim spaces (Unicode ones too) at both ends.
    std::size_t b = line_start;
    std::size_t e = line_end;
    while (b < e) {
      int n = 1;
      const char32_t cp = decode_at(text, b, n);
      if (!is_space(cp)) break;
      b += n;
    }
    while (e > b) {
      const char32_t cp = decode_before(text, e);
      if (!is_space(cp)) break;
      std::size_t k = e - 1;
      while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      e = k;
    }
    if (b < e) {
      int n = 1;
      const char32_t first = decode_at(text, b, n);
      const bool continues = !doc.paragraphs.empty() && is_letter(first) && !is_upper(first) &&
                             !ends_sentence(decode_before(text, doc.paragraphs.back().end)) &&
                             doc.paragraphs.back().end + 2 >= line_start;  // no blank line between
      if (continues) {
        doc.paragraphs.back().end = static_cast<std::uint32_t>(e);
      } else {
        Paragraph p;
        p.begin = static_cast<std::uint32_t>(b);
        p.end = static_cast<std::uint32_t>(e);
        doc.paragraphs.push_back(p);
      }
    }
    line_start = line_end + 1;
  }
}

void tokenize(Document& doc) {
  const std::string_view text = doc.text;
  // News text has about one token per 4.7 bytes. Reserving for one per 4 means a long document's
  // token vector never doubles (which briefly held both copies: 3x the tokens' memory at peak);
  // the reserved pages beyond the last token are never touched, so they cost no resident memory.
  doc.tokens.reserve(text.size() / 4 + 16);
  std::string scratch;
  for (auto& para : doc.paragraphs) {
    para.first_token = static_cast<std::uint32_t>(doc.tokens.size());
    std::size_t i = para.begin;
    bool space_before = true;
    while (i < para.end) {
      int n = 1;
      const char32_t cp = decode_at(text, i, n);
      if (n == 0) break;
      if (is_space(cp)) {
        space_before = true;
        i += n;
        continue;
      }
      Token tok;
      tok.begin = static_cast<std::uint32_t>(i);
      tok.space_before = space_before;
      space_before = false;
      const bool currency = (cp == U'$' || cp == U'\u20AC' || cp == U'\u00A3' || cp == U'\u00A5');
      int n2 = 0;
      const bool currency_number = currency && is_digit(decode_at(text, i + n, n2));
      if (is_letter(cp)) {
        tok.kind = TokenKind::word;
        tok.upper = is_upper(cp);
        std::size_t j = i + n;
        int letters_in_segment = 1;
        bool dotted = false;
        while (j < para.end) {
          int m = 1;
          const char32_t c = decode_at(text, j, m);
          if (is_alnum(c)) {
            ++letters_in_segment;
            j += m;
            continue;
          }
          int m2 = 1;
          const char32_t next = decode_at(text, j + m, m2);
          if ((is_apostrophe_char(c) || is_hyphen(c)) && j + m < para.end && is_alnum(next)) {
            j += m;
            letters_in_segment = 0;
            continue;
          }
          if (c == U'.' && letters_in_segment == 1 &&
              (dotted || (j + m < para.end && is_letter(next)))) {
            // U.S., U.N., a.m.: single letters joined by dots, the final dot included.
            int m3 = 1;
            const char32_t after = decode_at(text, j + m + m2, m3);
            if (dotted || after == U'.') {
              dotted = true;
              j += m;
              letters_in_segment = 0;
              continue;
            }
          }
          break;
        }
        tok.end = static_cast<std::uint32_t>(j);
        tok.acronym = dotted;
        std::string_view w = text.substr(tok.begin, tok.end - tok.begin);
        if (w.size() >= 2) {
          // Stops at the first other byte: most words are not all capitals.
          tok.acronym |=
              std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        }
        std::string_view base = w;
        if (w.size() > 2 && (w.substr(w.size() - 2) == "'s")) {
          tok.possessive = true;
          base = w.substr(0, w.size() - 2);
        } else if (w.size() > 4 && w.substr(w.size() - 4) == "\u2019s") {
          tok.possessive = true;
          base = w.substr(0, w.size() - 4);
        }
        tok.flags = word_flags(base);
        i = j;
      } else if (is_digit(cp) || currency_number) {
        tok.kind = TokenKind::number;
        std::size_t j = i + n;
        while (j < para.end) {
          int m = 1;
          const char32_t c = decode_at(text, j, m);
          if (is_alnum(c) || c == U'%') {
            j += m;
            continue;
          }
          int m2 = 1;
          const char32_t next = decode_at(text, j + m, m2);
          if ((c == U'.' || c == U',' || c == U':' || is_hyphen(c) || c == U'/') &&
              j + m < para.end && is_alnum(next)) {
            j += m;
            continue;
          }
          break;
        }
        tok.end = static_cast<std::uint32_t>(j);
        i = j;
      } else if (is_quote_mark(cp)) {
        tok.kind = TokenKind::mark;
        tok.end = static_cast<std::uint32_t>(i + n);
        i += n;
      } else {
        tok.kind = TokenKind::punct;
        tok.end = static_cast<std::uint32_t>(i + n);
        i += n;
      }
      doc.tokens.push_back(tok);
    }
    para.last_token = static_cast<std::uint32_t>(doc.tokens.size());

    // A heading: short and without closing punctuation (titles, subheadings, captions' credits).
    // A headline may end on a closing quotation mark; then the character inside it decides.
    std::size_t last_at = para.end;
    char32_t last = decode_before(text, last_at);
    if (is_quote_mark(last) && para.last_token > para.first_token) {
      last_at = doc.tokens[para.last_token - 1].begin;
      last = decode_before(text, last_at);
    }
    const std::uint32_t count = para.last_token - para.first_token;
    para.heading = count <= 30 && !(last == U'.' || last == U'!' || last == U'?' || last == U':' ||
                                    last == U'\u2026' || last == U';' || last == U',');
  }
}

}  // namespace citecard::extract_detail

namespace citecard::extract_detail {

std::string Document::folded_word(std::uint32_t i) const {
  std::string buffer;
  fold_word(token_text(i), buffer);
  return buffer;
}

}  // namespace citecard::extract_detail
