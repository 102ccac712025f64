// The word lists of engine/lexicon/ as the engine reads them: one definition of stop words,
// months and number words for extract/ and deck/, and names and places from general sources only.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "deck/generate/generate.hpp"
#include "deck/number_words.hpp"
#include "deck/place_names.hpp"
#include "deck/word_list.hpp"
#include "extract/lexicon.hpp"
#include "word_lists.hpp"

using namespace citecard;
namespace word = extract_detail::word;

TEST_CASE("every shared stop word is a function word to extract and never hidden by the deck") {
  REQUIRE(lexicon::stop_words().size() > 50);
  for (const auto& e : lexicon::stop_words()) {
    const std::string w(e.word);
    CAPTURE(w);
    CHECK((extract_detail::word_flags(w) & word::kFunction) != 0);
    CHECK(deck::generate::is_stopword(w));
  }
}

TEST_CASE("month names are one list: extract dates use it and deck distractors follow its order") {
  for (const auto& e : lexicon::months())
    CHECK((extract_detail::word_flags(e.word) & word::kMonth) != 0);
  CHECK((extract_detail::word_flags("Sept") & (word::kMonth | word::kAbbrev)) ==
        (word::kMonth | word::kAbbrev));
  // March's wrong choices are months up to three before or after it, each once.
  const auto near = deck::generate::nearby_values("in March", 4);
  REQUIRE(near.size() == 4);
  const std::vector<std::string> around = {"in December", "in January", "in February",
                                           "in April",    "in May",     "in June"};
  for (const auto& month : near)
    CHECK(std::find(around.begin(), around.end(), month) != around.end());
  CHECK(std::set<std::string>(near.begin(), near.end()).size() == 4);
}

TEST_CASE("each cardinal number word is a number to extract and reads as its value in answers") {
  REQUIRE(lexicon::cardinal_numbers().size() == 28);
  for (const auto& e : lexicon::cardinal_numbers()) {
    const std::string w(e.word);
    CAPTURE(w);
    CHECK((extract_detail::word_flags(w) & word::kNumberWord) != 0);
    CHECK(deck::number_words_to_digits({w}) == std::vector<std::string>{std::string(e.value)});
  }
  CHECK(deck::number_words_to_digits({"two", "thousand", "and", "five"}) ==
        std::vector<std::string>{"2005"});
}

TEST_CASE("names and places come from general lists, not from the articles the tests score") {
  // Words of the summit and development articles that no general source lists.
  for (const char* w : {"Tsiolkovsky", "Blagoveshchensk", "Kwame", "Brighton", "Khasan", "Gotham",
                        "Cosmodrome", "railcars"}) {
    CAPTURE(w);
    CHECK(extract_detail::word_flags(w) == 0);
  }
  CHECK((extract_detail::word_flags("Moscow") & word::kPlace) != 0);     // tzdata
  CHECK((extract_detail::word_flags("Tennessee") & word::kPlace) != 0);  // ISO 3166-2
  CHECK(extract_detail::is_place_name("north korea"));                   // ISO 3166-1
  const auto margaret = extract_detail::word_flags("Margaret");
  CHECK((margaret & word::kGivenName) != 0);
  CHECK((margaret & word::kFemale) != 0);
  CHECK((margaret & word::kMale) == 0);
}

TEST_CASE("a word dictionaries write only in lower case is not taken as a given name") {
  // Babies are named Destiny and River, but the words are far more often just words.
  CHECK((extract_detail::word_flags("Destiny") & word::kGivenName) == 0);
  CHECK((extract_detail::word_flags("River") & word::kGivenName) == 0);
  // Mark is in the dictionaries as a name too.
  CHECK((extract_detail::word_flags("Mark") & (word::kGivenName | word::kMale)) ==
        (word::kGivenName | word::kMale));
  // A role keeps its meaning even where a name list has the word.
  CHECK((extract_detail::word_flags("Mrs") & word::kGivenName) == 0);
}

TEST_CASE("a country's written forms name one place, and a seat of government is none of them") {
  const auto china = deck::place_name("China");
  REQUIRE(china);
  CHECK(china->form == deck::PlaceForm::country);
  for (const char* form : {"Beijing", "Chinese", "PRC"}) {
    CAPTURE(form);
    const auto place = deck::place_name(form);
    REQUIRE(place);
    CHECK(place->place == china->place);
  }
  CHECK(deck::place_name("Washington")->form == deck::PlaceForm::capital);
  // The Kremlin and the White House stand for a government, not for Russia or the United States.
  CHECK_FALSE(deck::place_name("Kremlin"));
  CHECK_FALSE(deck::place_name("White House"));
  // A form two countries share belongs to the first in the list's order.
  CHECK(deck::place_forms(deck::place_name("Congolese")->place).front() == "Congo");
}

TEST_CASE("an organisation named by one word is an organisation without being a head word") {
  CHECK(lexicon::find(lexicon::org_heads(), "ministry") != nullptr);
  CHECK(lexicon::find(lexicon::org_heads(), "kremlin") == nullptr);
  CHECK(lexicon::find(lexicon::organisation_names(), "kremlin") != nullptr);
  CHECK((extract_detail::word_flags("Kremlin") & word::kOrgHead) != 0);
  CHECK((extract_detail::word_flags("Reuters") & word::kOrgHead) != 0);
}

TEST_CASE("the deck's role kinds and rule lists are lexicon lists, read through one lookup") {
  CHECK(std::string(lexicon::find(lexicon::role_kinds(), "professor")->value) == "expert");
  CHECK(deck::role_kind("the Russian President") == "leader");
  CHECK(deck::role_kind("analysts at the institute") == "expert");
  CHECK(lexicon::find(lexicon::months(), "may") != nullptr);
  CHECK(std::string(lexicon::find(lexicon::month_abbreviations(), "sept")->value) == "9");
  CHECK(lexicon::find(lexicon::vague_words(), "thing") != nullptr);
  CHECK(lexicon::find(lexicon::months(), "mayday") == nullptr);
}
