// name_key: one spelling-independent key per name, so alias clustering and the scorer compare
// names, not keystrokes.
#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "citecard/extract.hpp"
#include "extract/utf8.hpp"

namespace citecard {
namespace {

using extract_detail::append_utf8;
using extract_detail::decode_at;

// Cyrillic and Greek letters that look exactly like Latin ones. Pages pasted from several sources
// (or typed on a Russian keyboard) mix them into Latin words — "Vostochny Сosmodrome" with a
// Cyrillic Es — and NFKC does not unify them, because to Unicode they are different letters. The
// map is deliberately small: only letters a reader cannot tell apart from Latin, applied to
// lower-case text after case folding.
char32_t latin_lookalike(char32_t cp) {
  switch (cp) {
    case U'\u0430':
      return U'a';  // Cyrillic а
    case U'\u0441':
      return U'c';  // с
    case U'\u0435':
      return U'e';  // е
    case U'\u0456':
      return U'i';  // і (Ukrainian)
    case U'\u0458':
      return U'j';  // ј
    case U'\u043E':
      return U'o';  // о
    case U'\u0440':
      return U'p';  // р
    case U'\u0455':
      return U's';  // ѕ
    case U'\u0445':
      return U'x';  // х
    case U'\u0443':
      return U'y';  // у
    case U'\u04BB':
      return U'h';  // һ
    case U'\u0501':
      return U'd';  // ԁ
    case U'\u03BF':
      return U'o';  // Greek ο
    case U'\u03B1':
      return U'a';  // α
    case U'\u03B9':
      return U'i';  // ι
    case U'\u03BD':
      return U'v';  // ν
    case U'\u03C1':
      return U'p';  // ρ
    case U'\u03BA':
      return U'k';  // κ
    default:
      return cp;
  }
}

bool is_dash_or_hyphen(char32_t cp) {
  return cp == U'-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2012' || cp == U'\u2013' ||
         cp == U'\u2014';
}

}  // namespace

std::string name_key(std::string_view name) {
  bool ascii = true;
  for (char c : name) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    // The common case, without a trip through Unicode normalisation. The key is never longer
    // than the name, so it is written in place and cut to length once (no per-byte append).
    std::string out(name.size(), '\0');
    char* const begin = out.data();
    char* o = begin;
    bool pending_space = false;
    for (char c : name) {
      if (c == ' ' || c == '-' || c == '\t' || c == '\n') {
        pending_space = o != begin;
        continue;
      }
      if (c == '.') continue;
      if (c == '`') c = '\'';
      if (pending_space) *o++ = ' ';
      pending_space = false;
      *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    out.resize(static_cast<std::size_t>(o - begin));
    if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                      UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
  const auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                static_cast<utf8proc_ssize_t>(name.size()), &folded, options);
  std::string source =
      len >= 0 ? std::string(reinterpret_cast<char*>(folded), len) : std::string(name);
  std::free(folded);

  std::string out;
  out.reserve(source.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < source.size();) {
    int n = 1;
    char32_t cp = decode_at(source, i, n);
    i += n ? n : 1;
    cp = latin_lookalike(cp);
    if (cp == U'\u2019' || cp == U'\u2018' || cp == U'`') cp = U'\'';
    if (extract_detail::is_space(cp) || is_dash_or_hyphen(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (cp == U'.') continue;  // "U.S." and "US", "Dr." and "Dr" are one key
    if (pending_space) out += ' ';
    pending_space = false;
    append_utf8(out, cp);
  }
  // A possessive is grammar, not part of the name.
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
  return out;
}

}  // namespace citecard
