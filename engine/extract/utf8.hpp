// UTF-8 decoding and character classes for the extractor's scanners.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "citecard/safe_text.hpp"

namespace citecard::extract_detail {

// Decodes the code point at `pos` of text that is known to be valid UTF-8; `length` receives its
// byte length. Returns U+FFFD past the end.
char32_t decode_at_slow(std::string_view text, std::size_t pos, int& length);
inline char32_t decode_at(std::string_view text, std::size_t pos, int& length) {
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    length = 1;
    return static_cast<unsigned char>(text[pos]);
  }
  return decode_at_slow(text, pos, length);
}

// The code point that ends just before `pos` (U+0000 at the start of the text).
char32_t decode_before(std::string_view text, std::size_t pos);

// One append_utf8 for the whole engine (citecard/safe_text.hpp).
using citecard::append_utf8;

bool is_letter_slow(char32_t cp);
bool is_upper_slow(char32_t cp);
bool is_digit_slow(char32_t cp);
bool is_space_slow(char32_t cp);

// ASCII inline, the rest through utf8proc's tables.
inline bool is_letter(char32_t cp) {
  return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : is_letter_slow(cp);
}
inline bool is_upper(char32_t cp) {
  return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : is_upper_slow(cp);
}
inline bool is_digit(char32_t cp) {
  return cp < 0x80 ? (cp >= '0' && cp <= '9') : is_digit_slow(cp);
}
// Includes NBSP and other Unicode spaces.
inline bool is_space(char32_t cp) {
  return cp < 0x80
             ? (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
             : is_space_slow(cp);
}
inline bool is_alnum(char32_t cp) {
  return is_letter(cp) || is_digit(cp);
}

// Quotation marks as news pages print them.
inline bool is_double_mark(char32_t cp) {
  return cp == U'"' || cp == U'\u201C' || cp == U'\u201D' || cp == U'\u201E' || cp == U'\u00AB' ||
         cp == U'\u00BB';
}
inline bool is_single_mark(char32_t cp) {
  return cp == U'\'' || cp == U'\u2018' || cp == U'\u2019' || cp == U'\u201A';
}
inline bool is_quote_mark(char32_t cp) {
  return is_double_mark(cp) || is_single_mark(cp);
}

// Whether text carries a classic mojibake signature: UTF-8 that was decoded as Latin-1 or
// Windows-1252 and re-encoded ("FranÃ§ois" for "François"), or a replacement character. The
// signatures are the strongest of ftfy's "badness" heuristics (ftfy/badness.py: a capital
// A-tilde or A-circumflex, the lead bytes C3/C2 read as Latin-1, followed by a character from
// U+0080-U+00BF, the continuation bytes read as Latin-1); a text that ends on the lead byte is a
// garbled word the tokenizer cut at the continuation byte ("FranÃ"), as U+00A7 is punctuation.
// Also ftfy's "lower-case letter followed by a non-ASCII capital" ("MarÃa" for "María", a
// continuation byte lost), which no spelling of a name has.
bool has_mojibake(std::string_view text);

// Runs of non-blank bytes: a quote's length in words.
inline std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace citecard::extract_detail
