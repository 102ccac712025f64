#include "extract/utf8.hpp"

#include <utf8proc.h>

#include <string>

#include "citecard/extract.hpp"

namespace citecard {

Result<void> validate_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Runs of ASCII are the common case in news text: skip them eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      __builtin_memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int need = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return make_error("invalid UTF-8 at byte offset " + std::to_string(i) + " (byte 0x" +
                        std::string(1, "0123456789ABCDEF"[c >> 4]) +
                        std::string(1, "0123456789ABCDEF"[c & 15]) + ")");
    }
    if (i + need >= n) {
      return make_error("invalid UTF-8 at byte offset " + std::to_string(i) +
                        " (sequence cut off by the end of the file)");
    }
    for (int k = 1; k <= need; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) {
        return make_error("invalid UTF-8 at byte offset " + std::to_string(i) +
                          " (truncated multi-byte sequence)");
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return make_error("invalid UTF-8 at byte offset " + std::to_string(i) +
                        " (overlong form, surrogate or value past U+10FFFF)");
    }
    i += need + 1;
  }
  return {};
}

}  // namespace citecard

namespace citecard::extract_detail {

char32_t decode_at_slow(std::string_view text, std::size_t pos, int& length) {
  if (pos >= text.size()) {
    length = 0;
    return U'\uFFFD';
  }
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> need);
  if (pos + need >= text.size()) {
    length = 1;
    return U'\uFFFD';
  }
  for (int k = 1; k <= need; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  length = need + 1;
  return cp;
}

char32_t decode_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && pos - start < 4) {
    --start;
  }
  int len = 0;
  return decode_at(text, start, len);
}

namespace {
utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}
}  // namespace

bool is_letter_slow(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;  // letters and combining marks
}

bool is_upper_slow(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_digit_slow(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool is_space_slow(char32_t cp) {
  if (cp < 0x80)
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029 || cp == 0x200B || cp == 0xFEFF;
}

bool has_mojibake(std::string_view text) {
  std::size_t pos = 0;
  char32_t previous = 0;
  while (pos < text.size()) {
    int len = 1;
    const char32_t cp = decode_at(text, pos, len);
    pos += static_cast<std::size_t>(len);
    if (cp == U'\uFFFD') return true;
    // A C1 control (U+0080-U+009F) is never text: it is a UTF-8 continuation byte read as Latin-1.
    if (cp >= 0x80 && cp <= 0x9F) return true;
    // "MarÃa": a lower-case letter followed by a non-ASCII capital (ftfy's sequence_weirdness).
    const bool lower_before = is_letter(previous) && !is_upper(previous);
    previous = cp;
    if (lower_before && cp >= 0x80 && is_upper(cp)) return true;
    // The same lead bytes after a normaliser decomposed them: "A" + combining tilde or circumflex.
    bool lead = cp == U'\u00C3' || cp == U'\u00C2';
    if (cp == U'A' && pos < text.size()) {
      int mark_len = 1;
      const char32_t mark = decode_at(text, pos, mark_len);
      if (mark == U'\u0303' || mark == U'\u0302') {
        lead = true;
        pos += static_cast<std::size_t>(mark_len);
        previous = mark;
      }
    }
    if (!lead) continue;
    if (pos >= text.size()) return true;
    int next_len = 1;
    const char32_t next = decode_at(text, pos, next_len);
    if (next >= 0x80 && next <= 0xBF) return true;
  }
  return false;
}

}  // namespace citecard::extract_detail
