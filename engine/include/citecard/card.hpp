// citecard — what a learner studies: cards made from cited notes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace citecard {

// A source article as stored in the collection. `text` is the exact bytes of the file in the
// deck's sources/ directory; every citation's offsets index into it.
struct Source {
  std::string id;  // unique within its deck, e.g. "cbc"
  std::string deck;
  std::string file;  // path relative to the deck directory
  std::string outlet;
  std::string title;
  std::string author;
  std::string date;  // as the article gives it, ISO 8601 where known, or "not stated"
  std::string text;
};

// A verbatim span of a source: text == source.text.substr(start, end - start).
struct Citation {
  std::string source;  // Source::id
  std::string title;
  std::string outlet;
  std::string date;
  std::int64_t start = 0;  // byte offset, inclusive
  std::int64_t end = 0;    // byte offset, exclusive
  std::string text;
};

namespace card_type {
inline constexpr const char* kWhoSaid = "who_said";  // a quote -> its speaker (multiple choice)
inline constexpr const char* kWhoSaidTyped = "who_said_typed";  // the same, the name typed
inline constexpr const char* kFact = "fact";                 // a hand-written question about a fact
inline constexpr const char* kQuoteCloze = "quote_cloze";    // speaker, context -> missing words
inline constexpr const char* kFactCloze = "fact_cloze";      // a fact sentence with a span hidden
inline constexpr const char* kWhichOutlet = "which_outlet";  // a quote -> the outlet(s)
inline constexpr const char* kWhoIs = "who_is";              // a person -> role and affiliation
inline constexpr const char* kWhoIsReverse = "who_is_reverse";  // role and affiliation -> person
// A note imported from another flashcard app (Anki): it cites nothing, and no built deck makes one.
inline constexpr const char* kImported = "imported";
}  // namespace card_type

struct Card {
  std::string id;  // derived from content: rebuilding a deck keeps it
  std::string deck;
  std::string note;  // the note it was made from
  std::string type;  // card_type::*
  std::string prompt;
  std::string answer;
  std::vector<std::string> choices;  // empty for free recall; otherwise includes `answer`
  std::vector<Citation> citations;   // at least one, except for imported cards (none)
};

// Whether the card is one a deck was built with, citing its sources. An imported card is not, and
// must never be shown as if it were.
inline bool is_cited(const Card& card) {
  return card.type != card_type::kImported;
}

// The paragraph around a citation, for showing the cited sentence highlighted in its context.
struct CitationContext {
  std::string paragraph;
  std::size_t highlight_begin = 0;  // byte offsets of the cited text within `paragraph`
  std::size_t highlight_end = 0;
};

// The paragraph (text between blank-line or newline breaks) containing source.text[start,end).
CitationContext citation_context(const std::string& source_text, std::int64_t start,
                                 std::int64_t end);

// The citations a reader needs to see: a citation lying inside another of the same source (a
// quote inside its attribution sentence, the quote with its comma) is shown by the larger one.
// Order is kept; of two equal spans the first stays.
std::vector<Citation> outermost_citations(const std::vector<Citation>& citations);

// How a citation's source is named to a reader: its outlet and title as the article states them
// ("Reuters — “Kim meets Putin”, 2023-09-13"), its title alone when it states no outlet, and its
// source id when it states neither. The date is left out when not stated.
std::string source_label(const Citation& citation);

// A quote the generator did not make a who-said card of, because its speaker is not sure enough
// (docs/attribution.md). A curator who checks it can keep it through the deck's overlay:
// [[card]] id = CARD_ID, action = "accept" (or "edit" with answer = "the right speaker").
struct HeldBackQuote {
  std::string card_id;  // the who-said card it would have been
  std::string source;   // source id
  std::string quote;
  std::string speaker;  // the extracted speaker
  double confidence = 0;
  std::string reason;
};

}  // namespace citecard
