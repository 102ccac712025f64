// The card generator: the sources' extracted quotes, facts and people turned into question cards
// that ask one clear thing, cannot be answered from their own wording, and cite where their answer
// comes from. A candidate that fails any of these is skipped, never patched into a weaker card.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/extract.hpp"
#include "citecard/result.hpp"
#include "deck/card_maker.hpp"
#include "deck/deck_spec.hpp"
#include "deck/rank/candidate.hpp"

namespace citecard::deck::generate {

// One source and what the extraction found in it.
struct Article {
  const Source* source = nullptr;
  Extraction found;
  // Read once, asked of every fact and name: the caption, credit and byline paragraphs, where
  // the paragraphs of reporting start (headline and caption lines left out), and all its words.
  std::vector<ByteSpan> furniture;
  std::vector<std::int64_t> prose_starts;
  std::vector<std::string> words;
  std::vector<Entity>
      story_subjects;  // lint::story_subjects of `found`, asked of every person blank
  // The content words of its headline (its title, else its first line) and of its lede (the first
  // paragraph of reporting), asked of every candidate card.
  std::set<std::string> headline_words;
  std::set<std::string> lede_words;
  // Mentions of each name in this article, by the deck's display key (Corpus::names).
  std::map<std::string, int> mentions_by_key;
};

// A name as the whole deck knows it: one display form for every spelling the articles use.
struct Name {
  std::string display;
  EntityKind kind = EntityKind::unknown;
  std::set<std::string> alias_keys;  // name_key of every form, the display form included
  std::string role;                  // as an article describes the person, when it does
  std::string affiliation;
  // The kind of any role the articles give (lexicon/role_kinds.txt: leader, official, expert,
  // journalist, military), even a one-word one too bare to ask ("spokesperson"); "" if none.
  std::string role_kind;
  bool former = false;  // the role is a past one ("the former U.K. ambassador")
  std::string country;  // the place the role names ("Russian Defence Minister" -> Russia), if any
  int mentions = 0;     // across all sources: how well the deck knows this name
  std::set<int> articles;  // the indices of the articles that name it
};

struct Corpus {
  const DeckSpec* deck = nullptr;
  std::vector<Article> articles;
  std::map<std::string, Name> names;                // by name_key of the display form
  std::map<std::string, std::string> key_of_alias;  // alias name_key -> display key
  // Fact clozes best_answer considered and a lint rule refused: card id -> {rule, reason}, so a
  // curator's overlay entry naming one is answered with the rule (a rejection simply holds).
  // Filled while the corpus is read for cards; not part of what the corpus knows.
  mutable std::map<std::string, std::pair<std::string, std::string>> refused;
  // The well-known names of each kind, the wrong choices of a name blank: found on first use.
  mutable std::map<EntityKind, std::vector<std::string>> names_of_kind;
  std::set<std::string> protagonist_keys;  // protagonists(), found once when the corpus is read
  // For each word (words_of), the articles that use it, in order: which facts several report.
  std::map<std::string, std::vector<int>> articles_using;
};

Result<Corpus> read_corpus(const DeckSpec& deck);

// People's names are written as names: "Victor Cha", not "for Asia" or "Ana R" (extraction
// slips).
bool looks_like_a_name(const Name& name);

// The display key of a name as written in an article ("Kim Jong-un" -> key of "Kim Jong Un"),
// or its own name_key when the corpus does not know it.
std::string display_key(const Corpus& corpus, const std::string& name);

// --- Text tests ---------------------------------------------------------------------------------

// The content words of a text: its words_of without stopwords.
std::set<std::string> content_words(const std::string& text);
// The lowercase words of a text, name_key-normalised (case, hyphens, look-alike letters).
std::vector<std::string> words_of(const std::string& text);
// True when the prompt contains the answer, or any of `aliases`, as a run of whole words.
bool gives_away(const std::string& prompt, const std::string& answer,
                const std::set<std::string>& aliases = {});
bool is_stopword(const std::string& lowercase_word);
// gives_away with the prompt's words_of computed once, for checking many names against one text.
bool contains_words(const std::vector<std::string>& prompt_words, const std::string& text);

// --- Several sources, one quote or fact ---------------------------------------------------------

struct QuoteRef {
  int article = 0;
  const Quote* quote = nullptr;
};

// The same quote as one or more sources word it, all attributed to one speaker.
struct QuoteGroup {
  std::string speaker;      // display form
  std::string speaker_key;  // display key
  EntityKind kind = EntityKind::person;
  std::vector<QuoteRef> members;  // the primary (the fullest wording) first
};

std::vector<QuoteGroup> group_quotes(const Corpus& corpus);

// Who a learner of the event should know by their words. The story's principals are the people
// named in a headline, or mentioned at least three times and at least a quarter as often as its
// most-mentioned person (someone named once or twice is passing through the story); the
// commentators are people whose role is to comment on events — analysts, scholars, journalists
// (role kinds expert and journalist), holders of a former office, and pairs of co-authors. A
// who-said card is made for principals and for everyone who is not a commentator (leaders,
// officials, soldiers, witnesses): "which analyst said this" is trivia, what a leader or an
// official said is the story.
bool is_principal(const Corpus& corpus, const std::string& display_key);
// The story's most-mentioned names (people, places, organisations), by display key: a blank they
// fill asks nothing every learner of the deck does not know.
std::set<std::string> protagonists(const Corpus& corpus);
bool is_commentator(const Corpus& corpus, const QuoteGroup& group);
inline constexpr int kPrincipalShareOfTopMentions = 4;  // mentions >= top / 4
inline constexpr int kMinPrincipalMentions = 3;

struct FactRef {
  int article = 0;
  const Fact* fact = nullptr;
  const AnswerSpan* answer = nullptr;
};

// One fact with one answer to hide, as every source that states it words it.
struct FactGroup {
  std::vector<FactRef> members;  // the primary first
};

// The answer span of a fact sentence worth hiding (numbers and dates before names), or nullptr
// when hiding any of them would leave the answer in sight or ask nothing worth knowing.
const AnswerSpan* best_answer(const Corpus& corpus, const Article& article, const Fact& fact);

std::vector<FactGroup> group_facts(const Corpus& corpus);

// What a fact cloze offers unasked: a number, a date at a day's or a month and year's
// granularity, a person named in full. best_answer prefers these; a fact with another answer
// (a place, an organisation, a year) is withheld for a curator.
bool studyable_answer(const AnswerSpan& span);

// How much a student of the event needs a fact: +2 for the lead paragraphs (+1 for the next
// ones), +1 for each other source that states its answer (up to 2), +1 for a number or date.
int fact_importance(const Corpus& corpus, const FactGroup& group);
inline constexpr int kMinFactImportance = 2;
// The groups worth a card, the most important first (ties keep article order).
void rank_by_importance(const Corpus& corpus, std::vector<FactGroup>& groups);

// --- Distractors --------------------------------------------------------------------------------

// Up to `count` other names of the same fine kind (countries for a country, analysts for an
// analyst), none an alias of the answer or of each other, none that `avoid_text` names in any form,
// none known only from captions and credits; in an order that depends only on `seed`. People whose
// role is unknown fill in for people unless `strict_kind`.
std::vector<std::string> name_distractors(const Corpus& corpus, EntityKind kind,
                                          const std::string& answer_key,
                                          const std::vector<std::string>& pool,
                                          const std::string& seed, std::size_t count,
                                          const std::string& avoid_text = {},
                                          bool strict_kind = false, int article = -1);
// Wrong numbers or dates written the way the answer is written: numbers near the true one,
// neighbouring days, months, weekdays or years.
// With `article` (an index into Corpus::articles), names that article mentions come first.
std::vector<std::string> nearby_values(const std::string& answer, std::size_t count);

// Whether a wrong number could stand in the blank of `sentence` (kBlank marks it): a share is
// at most 100 percent, an age at most 110 years, a part of "N of M" at most M, an ordinal ends as
// its number does ("21st", "22nd").
bool plausible_value(const std::string& sentence, const std::string& value);

// True when the text names a day of the week ("Wednesday", "on Monday").
bool names_a_weekday(const std::string& text);

// A deterministic shuffle (rebuilding gives the same order).
void stable_shuffle(std::vector<std::string>& items, const std::string& seed);

// --- Making cards -------------------------------------------------------------------------------

inline constexpr std::size_t kChoicesPerCard = 4;

// A who-said card (and its typed sibling) not made because the attribution is unsure; the
// overlay may still accept it by id.
struct HeldBack {
  std::vector<Card> cards;
  MadeNote note;
  HeldBackQuote info;
};

// A card the generator made but does not offer unasked: a fact cloze beyond an article's
// kMaxFactClozesPerArticle most important or whose answer is not studyable_answer, a quote cloze
// whose speaker is not sure. A curator accepts one by id in the overlay; a quote cloze also comes
// back when its quote's held-back who-said card is accepted (the curator vouched for the speaker it
// names).
struct Withheld {
  Card card;
  MadeNote note;
};

struct Generated {
  std::vector<MadeNote> notes;
  std::vector<Card> cards;
  std::vector<HeldBack> held_back;
  std::vector<Withheld> withheld;
  std::map<std::string, std::pair<std::string, std::string>> refused;  // Corpus::refused
  // Every candidate, scored: `cards` are those chosen from it, `withheld` the rest (an overlay
  // entry naming one makes it), `held_back` the unsure who-said ones.
  std::vector<Candidate> pool;
};

// A reader studies a handful of an article's facts, not every sentence with a number in it.
inline constexpr int kMaxFactClozesPerArticle = 3;
// A person the articles name fewer times than this is passing through the story: not asked.
inline constexpr int kNamedMoreThanInPassing = 2;

// The citations of a note citing each member's span, in member order.
std::vector<Citation> cite(const Corpus& corpus,
                           const std::vector<std::pair<int, ByteSpan>>& spans);
std::string generated_note_id(const Corpus& corpus, std::string_view kind, const Citation& first);
std::string generated_card_id(const Corpus& corpus, std::string_view type, const Citation& first,
                              std::string_view detail = {});

// --- Sentences ----------------------------------------------------------------------------------

// True when the '.', '?' or '!' at `at` ends a sentence. A period does not after a capitalised
// abbreviation of engine/lexicon (news style: "Sept. 5", "Gov. Oleg", "Sen. Warren", "No. 3")
// before a name or number, after a capital initial ("John F. Kennedy"), or before lower case.
bool ends_sentence_at(std::string_view text, std::size_t at);
// True when a sentence starts at `at`: after whitespace that follows a sentence's end (and its
// closing quotation marks), or at the start of the text.
bool sentence_starts_at(std::string_view text, std::size_t at);
// The whole sentence(s) around `span`, within `bounds` (its paragraph).
ByteSpan sentence_around(std::string_view text, ByteSpan span, ByteSpan bounds);

// The sentence that says who spoke a quote (the quote and its attribution, "“…,” Kim said."),
// when the extraction found the speaker's mention in the quote's paragraph.
std::optional<ByteSpan> attribution_sentence(const Article& article, const Quote& quote);
// When the attribution names the speaker only as "he", "they" or "the authors" (or the quote
// stands in a paragraph of its own), the nearest earlier sentence that names them, within the
// quote's paragraph and the two before it; nullopt when the attribution already names them.
// `people` holds, for the speaker and each co-speaker, the name_key of every form of their name.
std::optional<ByteSpan> naming_sentence(const Article& article, const Quote& quote,
                                        const std::vector<std::set<std::string>>& people);

// The note of a quote group, shared by its who-said and complete-the-quote cards.
MadeNote quote_note(const Corpus& corpus, const QuoteGroup& group);
// Adds a note once: several cards of one note add it each.
void add_note(Generated& out, MadeNote note);

// Multiple choice, and with `typed_too` a typed-answer sibling of every multiple-choice card; a
// quote with no fair wrong choices is asked typed only. Never for commentators (is_commentator).
void make_who_said(const Corpus& corpus, const std::vector<QuoteGroup>& groups, bool typed_too,
                   Generated& out);
void make_quote_cloze(const Corpus& corpus, const std::vector<QuoteGroup>& groups, Generated& out);
void make_fact_cloze(const Corpus& corpus, const std::vector<FactGroup>& groups, Generated& out);
// The fact cloze of a group's lead answer (the rules' own card for it).
Candidate fact_cloze_candidate(const Corpus& corpus, const FactGroup& group);
// A fact cloze for every answer span of every fact sentence that is reporting (not a caption or
// credit) and not already in `pool`, each with the rules that would not offer it.
void pool_fact_clozes(const Corpus& corpus, std::vector<Candidate>& pool);

// --- The pool -----------------------------------------------------------------------------------

// The features the keep model weighs (deck/rank/keep_model.hpp lists them), from the candidate and
// what the corpus knows of its article, sentence, answer and speaker.
// `passing_person`: the card asks about a person the sources name once (lint's passing-person).
void add_features(const Corpus& corpus, Candidate& candidate, bool passing_person);
// Every candidate's features, each person's mentions counted once.
void add_features(const Corpus& corpus, std::vector<Candidate>& pool);
void make_who_is(const Corpus& corpus, bool reverse_too, Generated& out);
// For decks with at least two stated outlets: a quote -> the outlet(s) that reported it.
void make_which_outlet(const Corpus& corpus, const std::vector<QuoteGroup>& quotes, Generated& out);

// Everything the deck's [generate] table asks for, in a stable order.
Result<Generated> generate_cards(const DeckSpec& deck);

}  // namespace citecard::deck::generate
