// citecard — the extraction engine: news text -> attributed quotes, entities and checkable facts.
//
// The deck builder feeds it articles nobody has annotated, so everything here is general news
// English: quote marks are paired with apostrophes told apart, speakers are found through the
// attribution patterns reporters use ("…," she said; X told reporters: "…"; according to X),
// pronouns and short names are resolved to the most complete name the article gives, and
// sentences stating who/what/when/where/how many become fact candidates with their answer spans.
//
// Every span is a byte range [start, end) of the UTF-8 text that was passed in, so a card can
// cite it verbatim.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citecard/result.hpp"

namespace citecard {

struct ByteSpan {
  std::int64_t start = 0;  // inclusive
  std::int64_t end = 0;    // exclusive
};

enum class EntityKind { person, organisation, place, group, unknown };
const char* to_string(EntityKind kind);

// Someone (or something) the article names, with every mention clustered into one entity:
// "Kim Jong Un", "Kim Jong-un", "Kim" and "the North Korean leader" are one person.
struct Entity {
  int id = 0;
  EntityKind kind = EntityKind::unknown;
  std::string name;                  // the most complete form the article gives
  std::vector<std::string> aliases;  // other forms, in order of first use
  std::string role;                  // "a professor of international affairs", "Russian President"
  std::string affiliation;           // "The New School", "CSIS"
  std::string gender;                // "female", "male" or "" when the text does not tell
  std::vector<ByteSpan> mentions;
};

// How a quote's speaker was found, for a curator deciding whether to trust it and for the
// confidence model (engine/extract/confidence.cpp) that turns it into a probability.
struct AttributionEvidence {
  // The rule that named the speaker:
  //   "said_after"      "…," said X  /  "…," according to X
  //   "subject_after"   "…," X said
  //   "said_before"     X said (that) … "…"  /  X told reporters: "…" (same sentence)
  //   "colon_before"    X delivered a message: "…"  /  X: "…" (the subject, or the name alone,
  //                     before a colon that opens the quote)
  //   "same_paragraph"  an earlier quote of the same paragraph had a speaker
  //   "open_quote"      a quote left open at the end of the previous paragraph continues
  //   "colon_intro"     the previous paragraph ends "X described the night:"
  //   "recent_speaker"  the last person reported speaking in the two paragraphs before
  //   "speaker_model"   the rules' answer was outweighed: someone else named around the quote is
  //                     more likely the speaker (speaker_model.hpp)
  //   "none"            no speaker (or a pronoun nobody in the text can be)
  std::string rule = "none";
  // The form of the mention the rule resolved: "full_name" (two words or more), "short_name",
  // "pronoun", "role" ("the senator" -> the person given that role), "group" ("the authors"),
  // "description" (no name: "U.S. officials", "a spokesman"), "none".
  std::string mention = "none";
  int cue_distance = 0;      // tokens between the quote's nearer mark and the speaker's mention
  int people_nearby = 0;     // distinct people named in this paragraph and the one before
  int speaker_mentions = 0;  // how often the article names the speaker (its salience)
  // For a pronoun ("…," she said): the share of the pronoun ranker's belief that went to the
  // chosen person (1 when nobody else it could be is named nearby); 1 for other mentions.
  double resolution_share = 1.0;
  // How many people in the document share the speaker's family name, the speaker included ("Bill
  // Clinton" and "Hillary Clinton": 2), so how ambiguous "Clinton said" was; 0 when the speaker is
  // not a named person.
  int namesakes = 0;
  // The speaker model's belief in its choice: the softmax share of the chosen candidate among
  // everyone the article offers for the quote (speaker_model.hpp).
  double speaker_share = 1.0;
};

struct Quote {
  std::string text;  // exactly the characters between the quotation marks
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::optional<std::string> speaker;    // most complete name; nullopt when no reader could tell
  std::vector<std::string> co_speakers;  // "Victor Cha and Ellen Kim noted" -> {"Ellen Kim"}
  int speaker_entity = -1;               // Entity::id, or -1
  std::string speaker_role;
  std::string speaker_affiliation;
  std::string speaker_mention;  // the form used at the attribution ("she", "Pardo")
  std::optional<ByteSpan> speaker_mention_span;
  std::string cue;       // the attribution cue ("said", "according to", "continues")
  bool partial = false;  // a fragment inside the writer's own sentence
  int paragraph = 0;     // 0-based paragraph index
  // Probability that `speaker` is right, from a model fitted on a hand-annotated news corpus
  // (docs/attribution.md); 0 when there is no speaker.
  double confidence = 0;
  AttributionEvidence evidence;
};

// A candidate answer inside a fact sentence: the raw material of cloze and question cards.
struct AnswerSpan {
  std::string kind;  // "date", "number", "person", "organisation", "place"
  std::string text;
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::string value;  // normalised: ISO date ("2023-09-13"), entity name, number with unit
};

struct Fact {
  std::string text;  // the sentence, verbatim
  std::int64_t start = 0;
  std::int64_t end = 0;
  int paragraph = 0;
  std::vector<AnswerSpan> answers;
};

struct ExtractOptions {
  // The article's publication date (YYYY-MM-DD) when known, e.g. from a deck manifest. Relative
  // dates ("Wednesday", "last year") are resolved against it; without it they stay unresolved.
  std::string article_date;
  bool want_facts = true;
};

struct Extraction {
  std::vector<Quote> quotes;
  std::vector<Fact> facts;
  std::vector<Entity> entities;
  std::vector<ByteSpan> paragraphs;
};

// Extracts quotes, entities and facts. Fails only on input that is not UTF-8 (the error names the
// byte offset) or larger than 4 GiB.
Result<Extraction> extract(std::string_view text, const ExtractOptions& options = {});

// The inputs of the attribution confidence model for one quote, as (feature, value) pairs built
// from its evidence; Quote::confidence is a logistic function of them. Exposed so that the model
// can be refitted (tests/extract/polnear/train_confidence.py) and a curator can see why a quote
// scored as it did.
std::vector<std::pair<std::string, double>> attribution_features(const Quote& quote);
// Quote::confidence, computed from attribution_features (0 when the quote has no speaker).
double attribution_confidence(const Quote& quote);
// The confidence a who-said card needs: chosen on the development corpus so that cards at or above
// it name the right speaker at least 98 % of the time (docs/attribution.md).
double who_said_threshold();
// The review level below it: quotes at or above it name the right speaker at least 90 % of the
// time on the development corpus; a deck builder offers them to a reader to confirm with one key.
double who_said_review_threshold();

// --- Reading articles -------------------------------------------------------------------------

struct ArticleText {
  std::string text;        // what offsets and citations refer to
  bool from_html = false;  // true when `text` was derived from an HTML page
  std::string title;       // <title> of an HTML page, if any
};

// Checks that `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
// The error says at which byte offset the first bad sequence starts.
Result<void> validate_utf8(std::string_view bytes);

// The readable article body of an HTML page, as plain text: scripts, styles, navigation, asides,
// headers, footers and forms dropped; each paragraph, heading and list item on its own paragraph
// separated by a blank line. Parsed with gumbo, an HTML5-conformant parser.
Result<ArticleText> article_from_html(std::string_view html);

// Reads a news article from disk: a `.html`/`.htm` file goes through article_from_html, any other
// file is UTF-8 plain text kept byte for byte.
Result<ArticleText> read_article(const std::filesystem::path& path);

// --- Names ------------------------------------------------------------------------------------

// A key under which two spellings of one name compare equal: NFKC, case-folded, Cyrillic/Greek
// look-alikes of Latin letters mapped to Latin, hyphens and runs of spaces collapsed to one space,
// a trailing possessive dropped. "Kim Jong-un" and "Kim Jong Un" share a key.
std::string name_key(std::string_view name);

}  // namespace citecard
