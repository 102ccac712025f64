#include "deck/answer_check_words.hpp"

#include <utf8proc.h>

#include <cstdlib>

#include "deck/number_words.hpp"
#include "extract/utf8.hpp"

namespace citecard::deck {
namespace {

using extract_detail::append_utf8;
using extract_detail::decode_at;

// NFKC with case folding (and, when asked, without combining marks). Text that is not valid UTF-8
// (a terminal in another encoding) is compared as it is rather than rejected.
std::string fold(std::string_view text, bool strip_marks) {
  int options =
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
  if (strip_marks) options |= UTF8PROC_STRIPMARK;
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &folded,
                                   static_cast<utf8proc_option_t>(options));
  std::string out =
      length >= 0 ? std::string(reinterpret_cast<char*>(folded), static_cast<std::size_t>(length))
                  : std::string(text);
  std::free(folded);
  return out;
}

bool is_ascii_digit(char32_t cp) {
  return cp >= U'0' && cp <= U'9';
}

enum class Treatment { Keep, Drop, Separate };

// Punctuation is told apart by Unicode category, not by listing characters: dashes (Pd), brackets
// and other separators split words; quote marks (Pi, Pf), modifier symbols (Sk: ` ´ ^) and
// format characters vanish, so "Kim’s" and "Kims", "U.S." and "US" agree.
Treatment treatment(char32_t cp, bool strip_marks) {
  if (extract_detail::is_space(cp)) return Treatment::Separate;
  if (cp == U'.' || cp == U'\'' || cp == U'"') return Treatment::Drop;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PO:
      return Treatment::Separate;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_CF:
      return Treatment::Drop;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return strip_marks ? Treatment::Drop : Treatment::Keep;
    default:
      return Treatment::Keep;
  }
}

bool is_article(std::string_view word) {
  return word == "the" || word == "a" || word == "an";
}

// "13th" reads as "13", "1st" as "1": the number is the answer, the suffix is how it is said.
void drop_ordinal_suffix(std::string& word) {
  if (word.size() < 3) return;
  const std::string_view suffix = std::string_view(word).substr(word.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return;
  for (std::size_t i = 0; i + 2 < word.size(); ++i)
    if (word[i] < '0' || word[i] > '9') return;
  word.resize(word.size() - 2);
}

}  // namespace

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    int n = 1;
    out += decode_at(utf8, i, n);
    i += n > 0 ? static_cast<std::size_t>(n) : 1;
  }
  return out;
}

std::vector<std::string> answer_words(std::string_view text, bool strip_marks) {
  const std::u32string cps = code_points(fold(text, strip_marks));
  std::vector<std::string> words;
  std::string word;
  const auto end_word = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    // Inside a number, a comma groups thousands ("1,000") and a full stop is a decimal point.
    if ((cp == U',' || cp == U'.') && !word.empty() && is_ascii_digit(cps[i - 1]) &&
        i + 1 < cps.size() && is_ascii_digit(cps[i + 1])) {
      if (cp == U'.') word += '.';
      continue;
    }
    switch (treatment(cp, strip_marks)) {
      case Treatment::Keep:
        append_utf8(word, cp);
        break;
      case Treatment::Drop:
        break;
      case Treatment::Separate:
        end_word();
        break;
    }
  }
  end_word();
  for (auto& w : words) drop_ordinal_suffix(w);
  words = number_words_to_digits(words);
  if (words.size() > 1 && is_article(words.front())) words.erase(words.begin());
  return words;
}

}  // namespace citecard::deck
