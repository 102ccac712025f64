// The word lists behind the extractor: what reporters use to attribute speech, to give people
// titles, to name organisations, and what marks a sentence boundary. General news English, not
// any one article.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace citecard::extract_detail {

namespace word {
enum : std::uint64_t {
  kSpeech = 1ull << 0,      // said, told, wrote, warned, according ...
  kParticiple = 1ull << 1,  // adding, saying: no subject of its own
  kInvertible = 1ull << 2,  // may precede its subject: "…," said Kim
  kNaming = 1ull << 3,      // called, dubbed, labelled: speech only with a specific subject
  kDubCue = 1ull << 4,      // so-called, dubbed, nicknamed, known (as), titled
  kRole = 1ull << 5,        // president, spokesperson, professor, coach
  kHonorific = 1ull << 6,   // Mr, Dr, Sen
  kOrgHead = 1ull << 7,     // Union, Ministry, University, Times; Reuters, Kremlin
  kFunction = 1ull << 8,    // capitalised only because it starts a sentence: The, When, But
  kPronoun = 1ull << 9,     // he she they we I
  kMonth = 1ull << 10,
  kWeekday = 1ull << 11,
  kNumberWord = 1ull << 12,  // two, dozen, hundreds
  kAbbrev = 1ull << 13,      // a following period does not end the sentence: Gen. Sept. St.
  kSkip = 1ull << 14,        // adverbs/auxiliaries between a subject and its verb
  kBoundary = 1ull << 15,    // stops a noun phrase: that, which, if, in, to ...
  kDeterminer = 1ull << 16,  // the, a, some, two
  kGroupNoun = 1ull << 17,   // officials, analysts, experts
  kFemale = 1ull << 18,      // given names and roles that tell gender
  kMale = 1ull << 19,
  kMediaNoun = 1ull << 20,  // programme, show, film, book, video
  kConnector = 1ull << 21,  // of, for, de, van, bin inside names
  kPlace = 1ull << 22,      // countries, capitals, large cities, states (single word)
  kDemonym = 1ull << 23,    // Russian, North Korean (second word handled by phrase)
  kUnit = 1ull << 24,       // hours, kilometers, percent
  kStarter = 1ull << 25,    // words that typically start a sentence (after "U.S.")
  kSurnameParticle = 1ull << 26,
  kPlural = 1ull << 27,  // they, them, authors, both: plural reference
  kGivenName = 1ull << 28,
  kCognition = 1ull << 29,  // believes, thinks: attribution of a view, weaker than speech
  kTimeWord = 1ull << 30,   // today, yesterday, week, year
};
}  // namespace word
static_assert(word::kTimeWord < (1ull << 32), "token flags are stored in 32 bits");

// Flags of a word, looked up case-insensitively; 0 for unknown words. `word` may contain ’.
std::uint64_t word_flags(std::string_view word);

// Multi-word place names ("north korea", "new york city"), keyed by name_key.
bool is_place_name(std::string_view key);

// Lower-cases ASCII and maps ’ to ' into `buffer`; returns a view of it.
std::string_view fold_word(std::string_view word, std::string& buffer);

}  // namespace citecard::extract_detail
