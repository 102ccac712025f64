// Wrong choices a learner could believe: of the answer's kind (people for people, places for
// places, numbers near the true one), written like the answer, never the answer under another name.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"
#include "deck/place_names.hpp"
#include "deck/word_list.hpp"
#include "word_lists.hpp"

namespace citecard::deck::generate {
namespace {

// A person's given or family name written in the text as a name (capitalised, a whole word):
// "just as Grant told the council" names Paul Grant, whom the quote's speaker is not.
bool part_of_name_in(const std::string& text, const std::string& name) {
  std::size_t begin = 0;
  while (begin < name.size()) {
    std::size_t end = name.find(' ', begin);
    if (end == std::string::npos) end = name.size();
    const std::string part = name.substr(begin, end - begin);
    begin = end + 1;
    if (part.size() < 3 || !std::isupper(static_cast<unsigned char>(part.front()))) continue;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
      const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
      const std::size_t after = at + part.size();
      const bool ends =
          after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after]));
      if (starts && ends) return true;
    }
  }
  return false;
}

// The words of a list of engine/lexicon/ (weekdays, months, cardinal numbers: the lists extract/
// reads too) in the order of their values, up to `max_value`.
std::vector<std::string> in_order(std::span<const lexicon::Entry> list, bool capitalise,
                                  long long max_value) {
  std::vector<std::pair<long long, std::string>> valued;
  for (const auto& e : list) {
    const long long value = std::stoll(std::string(e.value));
    if (value > max_value) continue;
    std::string word(e.word);
    if (capitalise) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    valued.emplace_back(value, std::move(word));
  }
  std::sort(valued.begin(), valued.end());
  std::vector<std::string> words;
  for (auto& [value, word] : valued) words.push_back(std::move(word));
  return words;
}

const std::vector<std::string>& weekdays() {
  static const std::vector<std::string> words = in_order(lexicon::weekdays(), true, 7);
  return words;
}
const std::vector<std::string>& months() {
  static const std::vector<std::string> words = in_order(lexicon::months(), true, 12);
  return words;
}
// Zero to twenty.
const std::vector<std::string>& number_words() {
  static const std::vector<std::string> words = in_order(lexicon::cardinal_numbers(), false, 20);
  return words;
}

bool is_word_boundary(const std::string& text, std::size_t at) {
  return at >= text.size() || !std::isalpha(static_cast<unsigned char>(text[at]));
}

// Finds `word` as a whole word (case-insensitive on its first letter).
std::size_t find_word(const std::string& text, const std::string& word) {
  for (std::size_t pos = 0; pos + word.size() <= text.size(); ++pos) {
    if (std::tolower(static_cast<unsigned char>(text[pos])) !=
            std::tolower(static_cast<unsigned char>(word[0])) ||
        text.compare(pos + 1, word.size() - 1, word, 1) != 0)
      continue;
    if ((pos == 0 || is_word_boundary(text, pos - 1)) && is_word_boundary(text, pos + word.size()))
      return pos;
  }
  return std::string::npos;
}

std::string replaced(const std::string& text, std::size_t at, std::size_t length,
                     std::string with) {
  if (std::isupper(static_cast<unsigned char>(text[at])))
    with[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(with[0])));
  return text.substr(0, at) + with + text.substr(at + length);
}

// How many of an ordered answer's wrong choices lie below it. A fixed pattern (always one below
// and two above) lets a learner who has seen a few cards pick "the second smallest" without
// knowing anything; taken from the answer's own text, the count varies from card to card and
// stays the same on every rebuild.
int choices_below(const std::string& answer) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : answer) {
    h ^= c;
    h *= 16777619u;
  }
  return static_cast<int>((h >> 7) % 4);
}

// Steps away from the answer: `below` steps down and 3 - `below` up first, then the other
// steps as spares for when a value is out of range.
std::vector<int> steps_around(int below) {
  std::vector<int> out;
  for (int d = 1; d <= below; ++d) out.push_back(-d);
  for (int d = 1; d <= 3 - below; ++d) out.push_back(d);
  for (int d = below + 1; d <= 3; ++d) out.push_back(-d);
  for (int d = 3 - below + 1; d <= 3; ++d) out.push_back(d);
  return out;
}

// The neighbours of index `i` among `n` ordered values (a cycle when `cyclic`), in the order of
// steps_around.
std::vector<std::size_t> neighbours(std::size_t i, std::size_t n, bool cyclic, int below) {
  std::vector<std::size_t> out;
  for (int d : steps_around(below)) {
    const long j = static_cast<long>(i) + d;
    if (cyclic) {
      out.push_back(static_cast<std::size_t>((j % static_cast<long>(n) + static_cast<long>(n)) %
                                             static_cast<long>(n)));
    } else if (j >= 0 && j < static_cast<long>(n)) {
      out.push_back(static_cast<std::size_t>(j));
    }
  }
  return out;
}

// Appends rather than inserting, which keeps the sign out of the grouping ("-1,500", never
// "-,100") and keeps g++ 12's -O3 string analysis quiet.
std::string with_commas(long long value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A number rounded to the original's two leading digits, so 1,000 gets 500, 1,500, 2,000 rather
// than 997.
long long round_like(double value, long long original) {
  long long unit = 1;
  while (unit * 100 <= original) unit *= 10;
  const long long rounded =
      static_cast<long long>(std::llround(value / static_cast<double>(unit))) * unit;
  return std::max(rounded, unit);
}

std::vector<std::string> from_digits(const std::string& answer) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < answer.size() && !std::isdigit(static_cast<unsigned char>(answer[begin]))) ++begin;
  if (begin == answer.size()) return out;
  std::size_t end = begin;
  bool commas = false;
  while (end < answer.size() && (std::isdigit(static_cast<unsigned char>(answer[end])) ||
                                 (answer[end] == ',' && end + 1 < answer.size() &&
                                  std::isdigit(static_cast<unsigned char>(answer[end + 1]))))) {
    commas |= answer[end] == ',';
    ++end;
  }
  // A decimal point or a second number (a range, a full date) would need more care than a
  // learner's time is worth: such answers stay free recall.
  if (end < answer.size() && answer[end] == '.' && end + 1 < answer.size() &&
      std::isdigit(static_cast<unsigned char>(answer[end + 1])))
    return out;
  std::string digits;
  for (std::size_t i = begin; i < end; ++i)
    if (answer[i] != ',') digits += answer[i];
  if (digits.size() > 12) return out;
  const long long n = std::stoll(digits);
  std::vector<long long> values;
  const bool has_month = std::any_of(months().begin(), months().end(), [&](const std::string& m) {
    return answer.find(m.substr(0, 3)) != std::string::npos;
  });
  const bool decade =
      digits.size() == 4 && n % 10 == 0 && end < answer.size() && answer[end] == 's';
  const auto steps = steps_around(choices_below(answer));
  if (decade) {
    for (int d : steps) values.push_back(n + 10 * d);
  } else if (digits.size() == 4 && n >= 1900 && n <= 2100) {
    for (int d : steps) values.push_back(n + d);
  } else if (has_month && n >= 1 && n <= 31) {
    for (int d : steps)
      if (n + d >= 1 && n + d <= 28) values.push_back(n + d);
  } else if (n <= 12) {
    for (int d : steps)
      if (n + d >= 1) values.push_back(n + d);
  } else {
    // Scaled rather than stepped: a count of thousands is not guessed to the unit.
    constexpr double kDown[] = {0.75, 0.5, 0.25};
    constexpr double kUp[] = {1.5, 2.0, 3.0};
    for (int d : steps) {
      const double f = d < 0 ? kDown[-d - 1] : kUp[d - 1];
      values.push_back(round_like(f * static_cast<double>(n), n));
    }
  }
  // A share cannot pass the whole: "118 percent" of voters rules itself out.
  const std::string after = answer.substr(end);
  const bool share = after.find("percent") != std::string::npos || after.find('%') == 0;
  for (long long v : values) {
    if (v == n || (share && v > 100)) continue;
    const std::string text = commas || v >= 10000 ? with_commas(v) : std::to_string(v);
    out.push_back(answer.substr(0, begin) + text + answer.substr(end));
  }
  return out;
}

}  // namespace

bool names_a_weekday(const std::string& text) {
  const auto& days = weekdays();
  return std::any_of(days.begin(), days.end(), [&](const auto& day) {
    return find_word(text, std::string(day)) != std::string::npos;
  });
}

namespace {

// The first whole number in `text` ("1,200" -> 1200), or -1.
long long first_number(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && !std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
  if (at == text.size()) return -1;
  long long n = 0;
  for (; at < text.size() && n < 1'000'000'000'000LL; ++at) {
    const char c = text[at];
    if (c == ',' && at + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[at + 1])))
      continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool starts_with_word(std::string_view text, std::string_view word) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '-')) text.remove_prefix(1);
  return text.substr(0, word.size()) == word &&
         (text.size() == word.size() ||
          !std::isalpha(static_cast<unsigned char>(text[word.size()])));
}

}  // namespace

bool plausible_value(const std::string& sentence, const std::string& value) {
  const long long n = first_number(value);
  if (n < 0) return true;
  const auto blank = sentence.find(lint::kBlank);
  const std::string after = blank == std::string::npos
                                ? std::string()
                                : sentence.substr(blank + std::strlen(lint::kBlank));
  const std::string tail = value + after;  // the value as the sentence reads it
  const auto digits_end = value.find_first_not_of("0123456789,");
  const std::string unit =
      digits_end == std::string::npos ? after : value.substr(digits_end) + after;
  // A share of a whole is at most all of it.
  if ((starts_with_word(unit, "percent") || starts_with_word(unit, "%") ||
       starts_with_word(unit, "per cent")) &&
      n > 100)
    return false;
  // Nobody is 150 years old.
  if ((starts_with_word(unit, "year-old") || starts_with_word(unit, "years old")) && n > 110)
    return false;
  // "18 of the 25 delegates", "7 of 10": the part is no more than the whole.
  const auto of = tail.find(" of ");
  if (of != std::string::npos && of < value.size() + 2) {
    const long long whole = first_number(std::string_view(tail).substr(of + 4, 12));
    if (whole > 0 && first_number(std::string_view(tail).substr(of + 4, 1)) >= 0 && n > whole)
      return false;
  }
  // "1st", "22nd": the ordinal's ending agrees with its number.
  const std::string ending = digits_end == std::string::npos ? "" : value.substr(digits_end, 2);
  if (ending == "st" || ending == "nd" || ending == "rd" || ending == "th") {
    const long long last = n % 10;
    const bool teen = n % 100 >= 11 && n % 100 <= 13;
    const std::string right = teen        ? "th"
                              : last == 1 ? "st"
                              : last == 2 ? "nd"
                              : last == 3 ? "rd"
                                          : "th";
    if (ending != right) return false;
  }
  return true;
}

std::vector<std::string> nearby_values(const std::string& answer, std::size_t count) {
  std::vector<std::string> candidates;
  const auto& days = weekdays();
  for (std::size_t i = 0; i < days.size() && candidates.empty(); ++i) {
    const std::size_t at = find_word(answer, days[i]);
    if (at == std::string::npos) continue;
    for (std::size_t j : neighbours(i, days.size(), true, choices_below(answer)))
      candidates.push_back(replaced(answer, at, days[i].size(), days[j]));
  }
  if (candidates.empty()) candidates = from_digits(answer);
  const auto& month_names = months();
  for (std::size_t i = 0; i < month_names.size() && candidates.empty(); ++i) {
    const std::size_t at = find_word(answer, month_names[i]);
    if (at == std::string::npos) continue;
    for (std::size_t j : neighbours(i, month_names.size(), true, choices_below(answer)))
      candidates.push_back(replaced(answer, at, month_names[i].size(), month_names[j]));
  }
  const auto& numbers = number_words();
  for (std::size_t i = 1; i < numbers.size() && candidates.empty(); ++i) {
    const std::size_t at = find_word(answer, numbers[i]);
    if (at == std::string::npos) continue;
    for (std::size_t j : neighbours(i, numbers.size(), false, choices_below(answer)))
      if (j >= 2)  // "one" would break the plural after it: "over one decades"
        candidates.push_back(replaced(answer, at, numbers[i].size(), numbers[j]));
  }
  std::vector<std::string> out;
  for (auto& c : candidates) {
    if (c == answer || std::find(out.begin(), out.end(), c) != out.end()) continue;
    out.push_back(std::move(c));
    if (out.size() == count) break;
  }
  return out;
}

namespace {

// Finer than EntityKind, so that a country's wrong choices are countries, a region's are regions
// and an analyst's are analysts: "country", "capital", "place:region" (an unknown place by its
// head noun), "person:expert" (by role kind); "" when nothing finer is known.
std::string fine_kind(const Corpus& corpus, const std::string& display, EntityKind kind) {
  if (const auto place = place_name(display)) {
    if (place->form == PlaceForm::capital) return "capital";
    if (place->form == PlaceForm::demonym) return "demonym";
    return "country";
  }
  const auto it = corpus.names.find(display_key(corpus, display));
  const EntityKind k = it != corpus.names.end() ? it->second.kind : kind;
  const auto words = words_of(display);
  // Places and organisations by their head noun: a cosmodrome is no wrong answer for a newspaper.
  if (k == EntityKind::place) return words.size() > 1 ? "place:" + words.back() : "place:single";
  if (k == EntityKind::organisation)
    return words.size() > 1 ? "organisation:" + words.back() : "organisation:single";
  // Two people quoted together ("Victor Cha and Ellen Kim") are offered only beside pairs.
  if (k == EntityKind::person && std::find(words.begin(), words.end(), "and") != words.end())
    return "pair";
  if (k == EntityKind::person && it != corpus.names.end()) {
    const std::string& role = it->second.role_kind;
    return role.empty() ? std::string() : "person:" + role;
  }
  return {};
}

// "Donald J. Trump" and "Donald Trump": a name with and without its middle initials.
std::vector<std::string> without_initials(const std::string& name) {
  auto words = words_of(name);
  std::erase_if(words, [](const std::string& w) { return w.size() == 1; });
  return words;
}

bool same_thing(const std::string& a, const std::string& b) {
  const auto pa = place_name(a);
  const auto pb = place_name(b);
  if (pa && pb && pa->place == pb->place) return true;
  const auto wa = without_initials(a);
  if (wa.size() >= 2 && wa == without_initials(b)) return true;
  return gives_away(a, b) || gives_away(b, a);
}

}  // namespace

std::vector<std::string> name_distractors(const Corpus& corpus, EntityKind kind,
                                          const std::string& answer_key,
                                          const std::vector<std::string>& pool,
                                          const std::string& seed, std::size_t count,
                                          const std::string& avoid_text, bool strict_kind,
                                          int article) {
  std::set<std::string> answer_aliases = {answer_key};
  std::string answer_display = answer_key;
  if (const auto it = corpus.names.find(answer_key); it != corpus.names.end()) {
    answer_aliases.insert(it->second.alias_keys.begin(), it->second.alias_keys.end());
    answer_display = it->second.display;
  }
  const std::string answer_kind = fine_kind(corpus, answer_display, kind);
  // A person whose role the articles do not give has no fair wrong choices of their kind.
  if (strict_kind && kind == EntityKind::person && answer_kind.empty()) return {};
  std::set<std::string> seen;
  std::vector<std::string> same_kind;
  std::vector<std::string> unknown_kind;  // a person whose role the articles do not give
  for (const auto& name : pool) {
    const std::string key = display_key(corpus, name);
    if (answer_aliases.count(key) || answer_aliases.count(name_key(name)) ||
        !seen.insert(key).second)
      continue;
    if (const auto it = corpus.names.find(key);
        kind != EntityKind::unknown && it != corpus.names.end() && it->second.kind != kind)
      continue;
    // "Korea" is no fair wrong answer for "North Korea", nor "Kim" for "Kim Jong Un", nor
    // "Washington" for "United States".
    if (same_thing(name, answer_display) || same_thing(name, answer_key)) continue;
    if (!avoid_text.empty() && lint::named_in(avoid_text, name)) continue;
    if (kind == EntityKind::person && !avoid_text.empty() && part_of_name_in(avoid_text, name))
      continue;
    // Nor a name only a photo credit or caption gives, nor one the extraction cut short.
    if (const auto it = corpus.names.find(key);
        it != corpus.names.end() && (it->second.mentions == 0 || !looks_like_a_name(it->second)))
      continue;
    const std::string candidate_kind = fine_kind(corpus, name, kind);
    if (candidate_kind == answer_kind)
      same_kind.push_back(name);
    else if (!strict_kind && kind == EntityKind::person &&
             (candidate_kind.empty() || answer_kind.empty()))
      unknown_kind.push_back(name);
  }
  stable_shuffle(same_kind, seed);
  stable_shuffle(unknown_kind, seed);
  same_kind.insert(same_kind.end(), unknown_kind.begin(), unknown_kind.end());
  // Names of the answer's own article first: a reader of the article weighs them; a name from
  // another story of the deck is ruled out by the story alone.
  if (article >= 0)
    std::stable_partition(same_kind.begin(), same_kind.end(), [&](const std::string& name) {
      const auto it = corpus.names.find(display_key(corpus, name));
      return it != corpus.names.end() && it->second.articles.count(article) > 0;
    });
  // Greedy, so no two wrong choices name one thing either.
  std::vector<std::string> chosen;
  for (const auto& name : same_kind) {
    if (chosen.size() == count) break;
    if (std::any_of(chosen.begin(), chosen.end(),
                    [&](const std::string& c) { return same_thing(c, name); }))
      continue;
    chosen.push_back(name);
  }
  return chosen;
}

}  // namespace citecard::deck::generate
