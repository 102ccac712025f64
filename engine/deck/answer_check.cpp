// Checking typed answers: normalised comparison, aliases, typos within a length-based allowance.
#include "citecard/answer_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "deck/answer_check_words.hpp"
#include "deck/edit_distance.hpp"

namespace citecard {
namespace {

using deck::answer_words;
using deck::code_points;
using deck::edit_distance;

// One side of the comparison, prepared once.
struct Form {
  std::string original;  // as the card or the learner wrote it, for details
  std::vector<std::string> words;
  std::vector<std::u32string> word_letters;
  std::u32string letters;            // the words run together: spacing is not compared
  std::vector<std::string> numbers;  // words that are numbers, in order
};

bool is_number(std::string_view word) {
  bool digit = false;
  for (char c : word) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '.')
      return false;
  }
  return digit;
}

Form make_form(std::string_view text) {
  Form form;
  form.original = std::string(text);
  form.words = answer_words(text);
  for (const auto& word : form.words) {
    form.word_letters.push_back(code_points(word));
    form.letters += form.word_letters.back();
    if (is_number(word)) form.numbers.push_back(word);
  }
  return form;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The word of `original` that normalises to `word`, as written there ("Cosmodrome"), so details
// show the answer's own spelling; the normalised word when none does on its own.
std::string written_form(const std::string& original, const std::string& word) {
  std::size_t i = 0;
  while (i < original.size()) {
    while (i < original.size() && original[i] == ' ') ++i;
    std::size_t end = original.find(' ', i);
    if (end == std::string::npos) end = original.size();
    const std::string piece = original.substr(i, end - i);
    const auto words = answer_words(piece);
    if (words.size() == 1 && words.front() == word) {
      std::size_t last = piece.find_last_not_of(",.;:!?)\"");
      return last == std::string::npos ? piece : piece.substr(0, last + 1);
    }
    i = end;
  }
  return word;
}

// A short word in a longer answer ("Kim" in "Kim Jong Un") may have one typo; on its own it may
// not, and a word of one or two letters never ("Il" is not "Un").
int word_allowance(std::size_t letters, bool several_words) {
  if (several_words && letters == 3) return 1;
  return typo_allowance(letters);
}

struct Outcome {
  Verdict verdict = Verdict::Wrong;
  std::string detail;
};

std::optional<std::string> typo_detail(const Form& typed, const Form& answer) {
  if (typed.numbers != answer.numbers) return std::nullopt;  // a wrong number is not a typo
  const int allowance = typo_allowance(answer.letters.size());
  if (allowance == 0) return std::nullopt;
  if (typed.words.size() == answer.words.size()) {
    int total = 0;
    std::vector<std::string> differences;
    for (std::size_t i = 0; i < answer.words.size(); ++i) {
      const int d = edit_distance(typed.word_letters[i], answer.word_letters[i]);
      if (d == 0) continue;
      if (d > word_allowance(answer.word_letters[i].size(), answer.words.size() > 1))
        return std::nullopt;
      total += d;
      differences.push_back(fmt::format("\u201C{}\u201D for \u201C{}\u201D", typed.words[i],
                                        written_form(answer.original, answer.words[i])));
    }
    if (total > allowance) return std::nullopt;
    std::string detail = "spelling: ";
    for (std::size_t i = 0; i < differences.size(); ++i)
      detail += (i == 0 ? "" : ", ") + differences[i];
    return detail;
  }
  if (edit_distance(typed.letters, answer.letters) > allowance) return std::nullopt;
  return fmt::format("spelling: the answer is \u201C{}\u201D", answer.original);
}

// The words [first, first + count) of `answer` as a form of their own.
Form part_of(const Form& answer, std::size_t first, std::size_t count) {
  Form part;
  part.original = answer.original;  // details quote the answer's own spelling
  for (std::size_t i = first; i < first + count; ++i) {
    part.words.push_back(answer.words[i]);
    part.word_letters.push_back(answer.word_letters[i]);
    part.letters += answer.word_letters[i];
    if (is_number(answer.words[i])) part.numbers.push_back(answer.words[i]);
  }
  return part;
}

// "Shoigu" for "Sergei Shoigu" when no alias makes it right, "Sergei Shoigu" (or, misspelt,
// "Sergei Shiogu") for "Defense Minister Sergei Shoigu": part of the answer, in order, with at
// least 40% of its letters and every number. Returns the detail, or nothing.
std::optional<std::string> incomplete_detail(const Form& typed, const Form& answer) {
  if (typed.words.empty() || typed.words.size() >= answer.words.size()) return std::nullopt;
  if (typed.letters.size() * 5 < answer.letters.size() * 2) return std::nullopt;
  if (typed.numbers != answer.numbers) return std::nullopt;
  const std::string detail = fmt::format("incomplete: the answer is {}", answer.original);
  for (std::size_t first = 0; first + typed.words.size() <= answer.words.size(); ++first) {
    const Form part = part_of(answer, first, typed.words.size());
    if (part.letters == typed.letters) return detail;
    if (auto spelling = typo_detail(typed, part)) return detail + "; " + *spelling;
  }
  return std::nullopt;
}

// The answer has accents the learner left out (or got wrong): say how it is spelt.
std::string accent_note(std::string_view typed, const Form& answer) {
  const auto spelt = answer_words(answer.original, false);
  if (spelt == answer.words || answer_words(typed, false) == spelt) return {};
  return fmt::format("accents aside: the answer is spelt \u201C{}\u201D", answer.original);
}

// The same words in another order: "September 13, 2023" for "13 September 2023".
bool is_reordered(const Form& typed, const Form& answer) {
  if (typed.words.size() < 2 || typed.words.size() != answer.words.size()) return false;
  auto a = typed.words;
  auto b = answer.words;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

Outcome compare(std::string_view typed_text, const Form& typed, const Form& answer) {
  if (typed.letters == answer.letters) return {Verdict::Correct, accent_note(typed_text, answer)};
  if (is_reordered(typed, answer))
    return {Verdict::Correct,
            fmt::format("word order: the answer reads \u201C{}\u201D", answer.original)};
  if (auto detail = typo_detail(typed, answer)) return {Verdict::Close, std::move(*detail)};
  if (auto detail = incomplete_detail(typed, answer)) return {Verdict::Close, std::move(*detail)};
  return {};
}

Rating suggested_rating(Verdict verdict) {
  switch (verdict) {
    case Verdict::Correct:
      return Rating::Good;
    case Verdict::Close:
      return Rating::Hard;
    case Verdict::Wrong:
      break;
  }
  return Rating::Again;
}

AnswerCheck make_check(Outcome outcome) {
  return AnswerCheck{outcome.verdict, std::move(outcome.detail), suggested_rating(outcome.verdict)};
}

bool is_pair(const std::string& speaker) {
  return speaker.find(" and ") != std::string::npos || speaker.find('&') != std::string::npos;
}

}  // namespace

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Correct:
      return "correct";
    case Verdict::Close:
      return "close";
    case Verdict::Wrong:
      break;
  }
  return "wrong";
}

std::string normalise_answer(std::string_view text) {
  return joined(answer_words(text));
}

int typo_allowance(std::size_t letters) {
  if (letters <= 3) return 0;
  if (letters <= 7) return 1;
  if (letters <= 14) return 2;
  return 3;
}

AnswerCheck check_answer(std::string_view typed, std::string_view expected,
                         const std::vector<std::string>& aliases) {
  const Form typed_form = make_form(typed);
  if (typed_form.letters.empty()) return make_check({Verdict::Wrong, "no answer given"});

  const Form answer = make_form(expected);
  Outcome best = compare(typed, typed_form, answer);
  if (best.verdict == Verdict::Correct) return make_check(std::move(best));
  for (const auto& alias : aliases) {
    const Form alias_form = make_form(alias);
    if (alias_form.letters.empty()) continue;
    Outcome outcome = compare(typed, typed_form, alias_form);
    if (outcome.verdict == Verdict::Correct) {
      outcome.detail =
          fmt::format("\u201C{}\u201D is accepted for {}", alias, std::string(expected));
      return make_check(std::move(outcome));
    }
    if (outcome.verdict == Verdict::Close && best.verdict == Verdict::Wrong)
      best = std::move(outcome);
  }
  return make_check(std::move(best));
}

std::vector<std::string> speaker_aliases(const std::string& speaker,
                                         const std::vector<std::string>& all_speakers) {
  if (is_pair(speaker)) return {};
  const std::size_t space = speaker.find_last_of(' ');
  if (space == std::string::npos) return {};
  const std::string last = speaker.substr(space + 1);
  const auto last_words = answer_words(last, true);
  // A hyphenated or very short last word is a given name written after the family name.
  if (last_words.size() != 1 || last.find('-') != std::string::npos ||
      code_points(last_words.front()).size() < 3)
    return {};
  const std::string& family = last_words.front();
  const auto own = answer_words(speaker);
  for (const auto& other : all_speakers) {
    const auto words = answer_words(other);
    if (words == own) continue;
    // A pair with this very person in it ("Victor Cha and Ellen Kim") is no other Cha.
    if (is_pair(other) &&
        std::search(words.begin(), words.end(), own.begin(), own.end()) != words.end())
      continue;
    if (std::find(words.begin(), words.end(), family) != words.end()) return {};
  }
  return {last};
}

}  // namespace citecard
