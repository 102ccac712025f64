#include "deck/number_words.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "word_lists.hpp"

namespace citecard::deck {
namespace {

// The values of engine/lexicon/cardinal_numbers.txt and number_scales.txt, the lists extract/
// reads too.
std::optional<std::int64_t> value_in(std::span<const lexicon::Entry> list, std::string_view word) {
  for (const auto& e : list)
    if (e.word == word) return std::stoll(std::string(e.value));
  return std::nullopt;
}

std::optional<int> small_value(std::string_view word) {
  const auto v = value_in(lexicon::cardinal_numbers(), word);
  if (v && *v < 20) return static_cast<int>(*v);
  return std::nullopt;
}

std::optional<int> tens_value(std::string_view word) {
  const auto v = value_in(lexicon::cardinal_numbers(), word);
  if (v && *v >= 20) return static_cast<int>(*v);
  return std::nullopt;
}

// Thousands and millions: answers do not go higher ("hundred" has its own rule below).
std::optional<std::int64_t> scale_value(std::string_view word) {
  const auto v = value_in(lexicon::number_scales(), word);
  if (v && *v >= 1000 && *v <= 1000000) return v;
  return std::nullopt;
}

bool starts_number(std::string_view word) {
  return small_value(word) || tens_value(word);
}

// What the previous word of a number was, which decides what may follow: "twenty one" but not
// "one twenty", "three hundred" but not "twenty hundred".
enum class Last { Nothing, Article, Unit, Teen, Tens, Hundred, Scale, Dozen, And };

struct Parsed {
  std::int64_t value = 0;
  std::size_t words = 0;
};

std::optional<Parsed> parse_number(const std::vector<std::string>& words, std::size_t start) {
  std::int64_t total = 0;    // completed thousands and millions
  std::int64_t current = 0;  // the group below a thousand being read
  Last last = Last::Nothing;
  std::size_t i = start;
  for (; i < words.size(); ++i) {
    const std::string_view word = words[i];
    const bool after_group_start =
        last == Last::Nothing || last == Last::Hundred || last == Last::Scale || last == Last::And;
    if (word == "a" && last == Last::Nothing) {
      // "a hundred", "a thousand", "a dozen": the article is the number one.
      if (i + 1 < words.size() &&
          (words[i + 1] == "hundred" || words[i + 1] == "dozen" || scale_value(words[i + 1]))) {
        current = 1;
        last = Last::Article;
        continue;
      }
      break;
    }
    if (const auto small = small_value(word)) {
      if (*small < 10 && (after_group_start || last == Last::Tens)) {
        current += *small;
        last = Last::Unit;
        continue;
      }
      if (*small >= 10 && after_group_start) {
        current += *small;
        last = Last::Teen;
        continue;
      }
      break;
    }
    if (const auto tens = tens_value(word)) {
      if (!after_group_start) break;
      current += *tens;
      last = Last::Tens;
      continue;
    }
    if (word == "hundred") {
      if (last != Last::Nothing && last != Last::Article && last != Last::Unit &&
          last != Last::Teen)
        break;
      current = (current == 0 ? 1 : current) * 100;
      last = Last::Hundred;
      continue;
    }
    if (const auto scale = scale_value(word)) {
      if (last == Last::Scale || last == Last::And || last == Last::Dozen) break;
      total += (current == 0 ? 1 : current) * *scale;
      current = 0;
      last = Last::Scale;
      continue;
    }
    if (word == "dozen") {
      if (last != Last::Nothing && last != Last::Article && last != Last::Unit) break;
      current = (current == 0 ? 1 : current) * 12;
      last = Last::Dozen;
      continue;
    }
    if (word == "and" && (last == Last::Hundred || last == Last::Scale) && i + 1 < words.size() &&
        starts_number(words[i + 1])) {
      last = Last::And;
      continue;
    }
    break;
  }
  if (i == start || last == Last::Article || last == Last::And) return std::nullopt;
  return Parsed{total + current, i - start};
}

}  // namespace

std::vector<std::string> number_words_to_digits(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::size_t i = 0; i < words.size();) {
    if (const auto number = parse_number(words, i)) {
      out.push_back(std::to_string(number->value));
      i += number->words;
    } else {
      out.push_back(words[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace citecard::deck
