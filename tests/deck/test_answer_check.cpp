#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "citecard/answer_check.hpp"
#include "citecard/safe_text.hpp"
#include "deck/edit_distance.hpp"
#include "deck/number_words.hpp"

using citecard::check_answer;
using citecard::Rating;
using citecard::Verdict;

namespace {

struct Case {
  const char* typed;
  const char* expected;
  std::vector<std::string> aliases;
  Verdict verdict;
  const char* detail_contains;  // "" when the detail is not checked
};

// Each row: what a learner typed, the card's answer (and its aliases), the verdict expected.
const std::vector<Case>& table() {
  static const std::vector<Case> cases = {
      // Accepted: the same answer, however it is typed.
      {"Kim Jong Un", "Kim Jong Un", {}, Verdict::Correct, ""},
      {"kim jong-un", "Kim Jong Un", {}, Verdict::Correct, ""},
      {"KIM JONG UN", "Kim Jong Un", {}, Verdict::Correct, ""},
      {"Kim Jong–un", "Kim Jong Un", {}, Verdict::Correct, ""},  // en dash
      {"kim jongun", "Kim Jong Un", {}, Verdict::Correct, ""},
      {"  Vladimir   Putin ", "Vladimir Putin", {}, Verdict::Correct, ""},
      {"Ｐｕｔｉｎ", "Putin", {}, Verdict::Correct, ""},  // full-width letters (NFKC)
      {"Khrushcheva", "Khrushchëva", {}, Verdict::Correct, "Khrushchëva"},
      {"Khrushche\u0308va", "Khrushchëva", {}, Verdict::Correct, ""},  // decomposed ë
      {"four hours", "4 hours", {}, Verdict::Correct, ""},
      {"4 hours", "four hours", {}, Verdict::Correct, ""},
      {"twenty-one", "21", {}, Verdict::Correct, ""},
      {"one hundred and five", "105", {}, Verdict::Correct, ""},
      {"a dozen", "12", {}, Verdict::Correct, ""},
      {"1,000", "one thousand", {}, Verdict::Correct, ""},
      {"1000", "1,000", {}, Verdict::Correct, ""},
      {"Vostochny Cosmodrome", "the Vostochny Cosmodrome", {}, Verdict::Correct, ""},
      {"the Vostochny Cosmodrome", "Vostochny Cosmodrome", {}, Verdict::Correct, ""},
      {"US", "U.S.", {}, Verdict::Correct, ""},
      {"\u201CHoly war\u201D", "holy war", {}, Verdict::Correct, ""},
      {"Kim's", "Kim\u2019s", {}, Verdict::Correct, ""},
      {"Shoigu", "Sergei Shoigu", {"Shoigu"}, Verdict::Correct, "accepted for Sergei Shoigu"},
      {"shoigu", "Sergei Shoigu", {"Shoigu"}, Verdict::Correct, "accepted"},
      {"Amur region", "Amur Region", {}, Verdict::Correct, ""},
      {"13 September 2023", "13 September 2023", {}, Verdict::Correct, ""},
      {"September 13, 2023", "13 September 2023", {}, Verdict::Correct, "word order"},
      {"13th September", "13 September", {}, Verdict::Correct, ""},
      {"the 1st", "1", {}, Verdict::Correct, ""},
      // Close: a typo, within an allowance that grows with the answer's length.
      {"Vostochny cosmodrom",
       "Vostochny Cosmodrome",
       {},
       Verdict::Close,
       "\u201Ccosmodrom\u201D for \u201CCosmodrome\u201D"},
      {"Shiogu", "Sergei Shoigu", {"Shoigu"}, Verdict::Close, "\u201Cshiogu\u201D for"},
      {"Vladimir Puttin", "Vladimir Putin", {}, Verdict::Close, "Putin"},
      {"Blagoveshensk", "Blagoveshchensk", {}, Verdict::Close, "spelling"},
      {"Khruschev", "Khrushchev", {}, Verdict::Close, "spelling"},
      {"Kin Jong Un", "Kim Jong Un", {}, Verdict::Close, "\u201Ckin\u201D for \u201CKim\u201D"},
      {"Vostochnycosmodrom", "Vostochny Cosmodrome", {}, Verdict::Close, "the answer is"},
      {"Pyongyang", "Pyongyan", {}, Verdict::Close, "spelling"},
      {"Shoigu", "Sergei Shoigu", {}, Verdict::Close, "incomplete"},
      {"Sergei Shoigu", "Defense Minister Sergei Shoigu", {}, Verdict::Close, "incomplete"},
      {"Sergei Shiogu",
       "Defense Minister Sergei Shoigu",
       {},
       Verdict::Close,
       "incomplete: the answer is Defense Minister Sergei Shoigu; spelling: \u201Cshiogu\u201D "
       "for \u201CShoigu\u201D"},
      {"Columbia University", "Columbia Univeristy", {}, Verdict::Close, "spelling"},
      // Wrong: a different answer, a wrong number, a short word off by a letter.
      {"Blagoveshchensk", "Vladivostok", {}, Verdict::Wrong, ""},
      {"UN", "US", {}, Verdict::Wrong, ""},
      {"Kim Jong Il", "Kim Jong Un", {}, Verdict::Wrong, ""},
      {"1954", "1945", {}, Verdict::Wrong, ""},
      {"five hours", "4 hours", {}, Verdict::Wrong, ""},
      {"three", "4", {}, Verdict::Wrong, ""},
      {"", "Vladimir Putin", {}, Verdict::Wrong, "no answer"},
      {"  ...  ", "Vladimir Putin", {}, Verdict::Wrong, "no answer"},
      {"Kim", "Kim Jong Un", {}, Verdict::Wrong, ""},
      {"hours", "4 hours", {}, Verdict::Wrong, ""},
      {"13 September", "13 September 2023", {}, Verdict::Wrong, ""},
      {"Minister Shoigu Defense", "Defense Minister Sergei Shoigu", {}, Verdict::Wrong, ""},
      {"Moscow", "Vladivostok", {}, Verdict::Wrong, ""},
      {"Sergei Lavrov", "Sergei Shoigu", {"Shoigu"}, Verdict::Wrong, ""},
      {"cat", "cab", {}, Verdict::Wrong, ""},
      // A Cyrillic letter typed on a Russian keyboard layout is a different letter, not a
      // spelling variant: a typo, shown to the learner (look-alike folding is for article text).
      {"\u0412ostochny", "Vostochny", {}, Verdict::Close, "\u201C\u0432ostochny\u201D"},
  };
  return cases;
}

const char* name(Verdict v) {
  return citecard::to_string(v);
}

}  // namespace

TEST_CASE("the answer-checking table: accepted, close and wrong answers") {
  int correct = 0, close = 0, wrong = 0;
  for (const auto& c : table()) {
    CAPTURE(std::string(c.typed));
    CAPTURE(std::string(c.expected));
    const auto check = check_answer(c.typed, c.expected, c.aliases);
    CAPTURE(check.detail);
    CHECK(std::string(name(check.verdict)) == name(c.verdict));
    if (*c.detail_contains != '\0')
      CHECK(check.detail.find(c.detail_contains) != std::string::npos);
    correct += c.verdict == Verdict::Correct;
    close += c.verdict == Verdict::Close;
    wrong += c.verdict == Verdict::Wrong;
  }
  CHECK(correct >= 15);
  CHECK(close >= 10);
  CHECK(wrong >= 10);
}

TEST_CASE("the verdict suggests a rating: correct Good, close Hard, wrong Again") {
  CHECK(check_answer("Putin", "Putin").suggested == Rating::Good);
  CHECK(check_answer("Putim", "Putin").suggested == Rating::Hard);
  CHECK(check_answer("Kim", "Putin").suggested == Rating::Again);
}

TEST_CASE("an exactly typed answer is correct with nothing to add") {
  const auto check = check_answer("Vladimir Putin", "Vladimir Putin");
  CHECK(check.verdict == Verdict::Correct);
  CHECK(check.detail.empty());
}

TEST_CASE("normalising folds case, width, accents, punctuation, numbers and a leading article") {
  CHECK(citecard::normalise_answer("The  Kim Jong-un\u2019s FOUR") == "kim jong uns 4");
  CHECK(citecard::normalise_answer("Khrushchëva") == "khrushcheva");
  CHECK(citecard::normalise_answer("\uFB01nance") == "finance");  // the "fi" ligature
  CHECK(citecard::normalise_answer("1,000.5 km") == "1000.5 km");
  CHECK(citecard::normalise_answer("(Amur) region") == "amur region");
  CHECK(citecard::normalise_answer("a") == "a");  // an article alone is the answer
}

TEST_CASE("the typo allowance grows with the answer's length") {
  CHECK(citecard::typo_allowance(2) == 0);
  CHECK(citecard::typo_allowance(3) == 0);
  CHECK(citecard::typo_allowance(4) == 1);
  CHECK(citecard::typo_allowance(8) == 2);
  CHECK(citecard::typo_allowance(20) == 3);
}

TEST_CASE("edit distance counts code points and a swap of neighbours as one edit") {
  using citecard::deck::edit_distance;
  CHECK(edit_distance(U"shoigu", U"shiogu") == 1);
  CHECK(edit_distance(U"khrushchëva", U"khrushcheva") == 1);
  CHECK(edit_distance(U"", U"abc") == 3);
  CHECK(edit_distance(U"kitten", U"sitting") == 3);
}

TEST_CASE("number words become digits; other words stay") {
  using citecard::deck::number_words_to_digits;
  using V = std::vector<std::string>;
  CHECK(number_words_to_digits(V{"four", "hours"}) == V{"4", "hours"});
  CHECK(number_words_to_digits(V{"twenty", "one"}) == V{"21"});
  CHECK(number_words_to_digits(V{"nine", "hundred", "and", "ninety", "nine"}) == V{"999"});
  CHECK(number_words_to_digits(V{"two", "thousand", "and", "three"}) == V{"2003"});
  CHECK(number_words_to_digits(V{"a", "hundred", "days"}) == V{"100", "days"});
  CHECK(number_words_to_digits(V{"two", "dozen"}) == V{"24"});
  CHECK(number_words_to_digits(V{"one", "two"}) == V{"1", "2"});
  CHECK(number_words_to_digits(V{"a", "cosmodrome"}) == V{"a", "cosmodrome"});
  CHECK(number_words_to_digits(V{"rock", "and", "roll"}) == V{"rock", "and", "roll"});
}

TEST_CASE("a speaker's family name is an alias when no other speaker in the deck shares it") {
  const std::vector<std::string> speakers = {"Sergei Shoigu",
                                             "Kim Jong Un",
                                             "Victor Cha",
                                             "Ellen Kim",
                                             "Lim Soo-suk",
                                             "Vladimir Putin",
                                             "Robert Carlin and Siegfried Hecker"};
  using citecard::speaker_aliases;
  using V = std::vector<std::string>;
  CHECK(speaker_aliases("Sergei Shoigu", speakers) == V{"Shoigu"});
  CHECK(speaker_aliases("Victor Cha", speakers) == V{"Cha"});
  CHECK(speaker_aliases("Victor Cha", {"Victor Cha", "Victor Cha and Ellen Kim"}) == V{"Cha"});
  CHECK(speaker_aliases("Ellen Kim", {"Ellen Kim", "Victor Cha and Ellen Kim"}) == V{"Kim"});
  CHECK(speaker_aliases("Victor Cha", {"Victor Cha", "Jin Cha and Ellen Kim"}).empty());
  CHECK(speaker_aliases("Ellen Kim", speakers).empty());    // Kim Jong Un is a Kim too
  CHECK(speaker_aliases("Kim Jong Un", speakers).empty());  // "Un" is a given name
  CHECK(speaker_aliases("Lim Soo-suk", speakers).empty());
  CHECK(speaker_aliases("Robert Carlin and Siegfried Hecker", speakers).empty());
  CHECK(speaker_aliases("Putin", speakers).empty());  // one word: nothing shorter to accept
  CHECK(speaker_aliases("Vladimir Putin", {"Vladimir Putin", "Vladimir Putin"}) == V{"Putin"});
}

TEST_CASE("an alias from the deck makes the family name alone correct") {
  const std::vector<std::string> speakers = {"Sergei Shoigu", "Vladimir Putin"};
  const auto aliases = citecard::speaker_aliases("Sergei Shoigu", speakers);
  CHECK(check_answer("shoigu", "Sergei Shoigu", aliases).verdict == Verdict::Correct);
  CHECK(check_answer("Putin", "Sergei Shoigu", aliases).verdict == Verdict::Wrong);
}

TEST_CASE("append_utf8 writes a code point's one to four bytes, and U+FFFD for no character") {
  std::string out;
  for (char32_t cp : {U'a', U'\u00e9', U'\u2019', U'\U0001F600'}) citecard::append_utf8(out, cp);
  CHECK(out == "a\u00e9\u2019\U0001F600");
  std::string bad;
  citecard::append_utf8(bad, 0xD800);    // a surrogate
  citecard::append_utf8(bad, 0x110000);  // past U+10FFFF
  CHECK(bad == "\uFFFD\uFFFD");
}
