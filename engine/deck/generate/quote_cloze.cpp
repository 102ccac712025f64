// "Complete the quote": the speaker and the quote with its claim hidden -> the claim: a number
// with its unit, a name, or a word the story reports on beyond the quote, never the speaker's
// phrasing (candidate_blanks). A quote with no such span makes no cloze.
// The speaker is always named, so a cloze is offered only when the attribution is as sure as a
// who-said card needs (a prompt saying "X said" teaches who said it as surely as a who-said card
// does); the others are withheld for a curator. A quote that opens with "he" or "this" (its
// referent outside it) is dropped by lint (quote-unresolved) unless a curator's edit mends it.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <tuple>

#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "extract/lexicon.hpp"

namespace citecard::deck::generate {
namespace {

constexpr std::size_t kMinQuoteWords = 6;
constexpr std::size_t kMaxQuoteWords = 60;
constexpr std::size_t kMinHiddenLetters = 4;
// A word the articles use at least twice beyond the quote is one the story reports on; once may
// be chance ("moment", "number").
constexpr int kMinUsesOutside = 2;

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string lower;
};

bool is_word_byte(const std::string& text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (std::isalnum(c)) return true;
  if (c < 0x80) return false;
  // Punctuation from the General Punctuation block (dashes, curly quotes, ellipsis) ends a word.
  std::size_t lead = i;
  while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  return !(static_cast<unsigned char>(text[lead]) == 0xE2 && lead + 1 < text.size() &&
           static_cast<unsigned char>(text[lead + 1]) == 0x80);
}

std::vector<Token> tokens_of(const std::string& text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(text, i)) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    std::size_t segment = i;  // where the part after the token's last full stop begins
    const auto abbreviation_stop = [&](std::size_t at) {
      // "U.S.", "a.m.": single letters joined by full stops are one word, stops included.
      return text[at] == '.' && at - segment == 1 &&
             std::isalpha(static_cast<unsigned char>(text[segment])) &&
             ((at + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[at + 1]))) ||
              segment > begin);
    };
    while (i < text.size() &&
           (is_word_byte(text, i) ||
            (text[i] == '-' && i + 1 < text.size() && is_word_byte(text, i + 1)) ||
            abbreviation_stop(i))) {
      if (text[i] == '.') segment = i + 1;
      ++i;
    }
    std::string lower;
    for (std::size_t k = begin; k < i; ++k)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
    tokens.push_back(Token{begin, i, lower});
  }
  return tokens;
}

std::size_t letters(const std::string& word) {
  return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  }));
}

struct Blank {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// What a blank hides, in the order a cloze prefers it: the claim of a quote is its number, the
// names it cites, or a content word the article reports on beyond this quote.
enum class SpanKind { number, name, topic };

std::uint64_t flags_of(const std::string& lower) {
  return extract_detail::word_flags(lower);
}

bool is_number_token(const Token& t) {
  return std::any_of(t.lower.begin(), t.lower.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
         (flags_of(t.lower) & extract_detail::word::kNumberWord) != 0;
}

// Words that carry no claim however rare they are (engine/lexicon): function words, pronouns,
// determiners, words between a subject and its verb, phrase boundaries, verbs of saying and
// thinking (the quote's frame, not its content), time words ("today", "week").
bool is_frame_word(const std::string& lower) {
  using namespace extract_detail::word;
  constexpr std::uint64_t frame = kFunction | kPronoun | kDeterminer | kSkip | kBoundary | kSpeech |
                                  kParticiple | kCognition | kTimeWord;
  return (flags_of(lower) & frame) != 0 || is_stopword(lower);
}

// Starts a sentence inside the quote: its capital says nothing about being a name.
bool starts_sentence(const std::string& quote, const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0) return true;
  for (std::size_t k = tokens[i - 1].end; k < tokens[i].begin; ++k)
    if (quote[k] == '.' || quote[k] == '?' || quote[k] == '!' || quote[k] == ':') return true;
  return false;
}

bool capitalised(const std::string& quote, const Token& t) {
  return std::isupper(static_cast<unsigned char>(quote[t.begin])) != 0;
}

// Candidate blanks, the best first: a number with its unit ("40 percent", "three years"); a whole
// name ("Harbour Board", never half of one); then one content word (a hyphenated compound counts
// as one) that the deck's articles use outside this quote, so it is what the story is about
// rather than the speaker's phrasing ("silver spoon", "turn the narrative around" are the
// speaker's own and a synonym fills them). Words of the prompt, frame words and vague words are
// never blanked; a quote with none of these makes no cloze.
// The words a story is about are used at least a quarter as often as its most-used content word
// (as its principals are named: kPrincipalShareOfTopMentions): a learner fills them from the
// topic alone.
struct Usage {
  std::map<std::string, int> outside;  // uses in the deck's articles outside this quote
  int story_word_uses = 0;             // from this many uses on, a word is the story's subject
};

// Whether tokens a and b of the quote are separated by exactly one space.
bool joined_by_space(const std::string& quote, const std::vector<Token>& tokens, std::size_t a,
                     std::size_t b) {
  return quote.substr(tokens[a].end, tokens[b].begin - tokens[a].end) == " ";
}

// The last token of the number starting at token i and of the unit or noun it counts: "14 piers",
// "three years", "40 percent". None for a number word with nothing counted ("one thing", "two
// things"): that is phrasing.
std::optional<std::size_t> number_span_end(const std::string& quote,
                                           const std::vector<Token>& tokens, std::size_t i) {
  const Token& t = tokens[i];
  std::size_t last = i;
  while (last + 1 < tokens.size() && joined_by_space(quote, tokens, last, last + 1) &&
         is_number_token(tokens[last + 1]))
    ++last;
  const bool has_digit = std::any_of(t.lower.begin(), t.lower.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  if (last + 1 < tokens.size() && joined_by_space(quote, tokens, last, last + 1) &&
      (flags_of(tokens[last + 1].lower) & extract_detail::word::kUnit))
    return last + 1;
  if (!has_digit) return std::nullopt;
  return last;
}

// The last token of the name starting at token i: the whole name, "of" and "de" inside it
// included ("Bank of Portville").
std::size_t name_span_end(const std::string& quote, const std::vector<Token>& tokens,
                          std::size_t i) {
  std::size_t last = i;
  while (last + 2 < tokens.size() && joined_by_space(quote, tokens, last, last + 1)) {
    const Token& next = tokens[last + 1];
    if (capitalised(quote, next)) {
      ++last;
    } else if ((flags_of(next.lower) & extract_detail::word::kConnector) &&
               joined_by_space(quote, tokens, last + 1, last + 2) &&
               capitalised(quote, tokens[last + 2])) {
      last += 2;
    } else {
      break;
    }
  }
  return last;
}

std::vector<Blank> candidate_blanks(const std::string& quote, const std::string& shown,
                                    const Usage& usage,
                                    const std::function<bool(const std::string&)>& story_name) {
  const auto& deck_counts = usage.outside;
  const auto tokens = tokens_of(quote);
  if (tokens.size() < kMinQuoteWords || tokens.size() > kMaxQuoteWords) return {};
  std::map<std::string, int> count;
  for (const auto& t : tokens) ++count[t.lower];
  const auto shown_words = words_of(shown);
  const std::set<std::string> shown_set(shown_words.begin(), shown_words.end());
  // Used outside this quote: `deck_counts` leaves the quote's own words out.
  const auto topical = [&](const Token& t) {
    for (const auto& part : words_of(t.lower)) {
      const auto it = deck_counts.find(part);
      if (it == deck_counts.end() || it->second < kMinUsesOutside) return false;
    }
    return true;
  };

  // "didn’t", "He's": a word joined to an apostrophe is part of a contraction or a possessive.
  const auto by_apostrophe = [&](const Token& t) {
    const auto apostrophe_at = [&](std::size_t at) {
      return quote.compare(at, 1, "'") == 0 || quote.compare(at, 3, "\u2019") == 0;
    };
    return apostrophe_at(t.end) || (t.begin >= 1 && apostrophe_at(t.begin - 1)) ||
           (t.begin >= 3 && apostrophe_at(t.begin - 3));
  };
  std::vector<std::tuple<SpanKind, std::size_t, std::size_t, Blank>> scored;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (by_apostrophe(t) && !capitalised(quote, t)) continue;
    if (is_number_token(t) && !is_frame_word(t.lower)) {
      const auto last = number_span_end(quote, tokens, i);
      if (!last) continue;
      scored.push_back({SpanKind::number, 0, i, Blank{t.begin, tokens[*last].end}});
      i = *last;
      continue;
    }
    if (capitalised(quote, t) && !starts_sentence(quote, tokens, i) && !is_frame_word(t.lower)) {
      const std::size_t last = name_span_end(quote, tokens, i);
      const std::string name = quote.substr(t.begin, tokens[last].end - t.begin);
      // "President Obama": the person behind a title is the name the story knows.
      std::size_t first = i;
      while (first < last &&
             (flags_of(tokens[first].lower) &
              (extract_detail::word::kRole | extract_detail::word::kHonorific)) != 0)
        ++first;
      const std::string person =
          quote.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
      // A nationality alone ("the American people") qualifies a noun; it is not the claim.
      const bool demonym_only =
          last == i && (flags_of(t.lower) & extract_detail::word::kDemonym) != 0;
      if (!demonym_only && !story_name(name) && !story_name(person) && !gives_away(shown, name))
        scored.push_back({SpanKind::name, 0, i, Blank{t.begin, tokens[last].end}});
      i = last;
      continue;
    }
    if (capitalised(quote, t) || is_frame_word(t.lower) || count[t.lower] > 1 ||
        shown_set.count(t.lower) || letters(t.lower) < kMinHiddenLetters || !topical(t))
      continue;
    const int uses = deck_counts.count(t.lower) ? deck_counts.at(t.lower) : 0;
    if (uses < kMinUsesOutside || uses >= usage.story_word_uses) continue;
    // A word before another content word modifies it ("political discourse", "a silver spoon",
    // "a much harder climb"): the head of the phrase carries the claim, not its modifier.
    if (i + 1 < tokens.size() && joined_by_space(quote, tokens, i, i + 1) &&
        !capitalised(quote, tokens[i + 1]) && !is_frame_word(tokens[i + 1].lower) &&
        !is_number_token(tokens[i + 1]))
      continue;
    // The fewer uses, the more particular to this claim (and the less guessable from the topic).
    scored.push_back({SpanKind::topic, static_cast<std::size_t>(uses), i, Blank{t.begin, t.end}});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::vector<Blank> out;
  for (const auto& entry : scored) out.push_back(std::get<3>(entry));
  return out;
}

// Context for the learner: who is speaking, with the article's description when it has a good one.
std::string speaker_line(const Corpus& corpus, const QuoteGroup& group) {
  const auto it = corpus.names.find(group.speaker_key);
  if (it != corpus.names.end() && !it->second.role.empty())
    return fmt::format("{} ({})", group.speaker, it->second.role);
  return group.speaker;
}

}  // namespace

void make_quote_cloze(const Corpus& corpus, const std::vector<QuoteGroup>& groups, Generated& out) {
  std::map<std::string, int> deck_counts;  // how often the deck's articles use each word
  for (const auto& article : corpus.articles)
    for (const auto& w : article.words) ++deck_counts[w];
  int top_uses = 0;
  for (const auto& [word, uses] : deck_counts)
    if (!is_frame_word(word) && word.size() > 1) top_uses = std::max(top_uses, uses);
  const int story_word_uses = std::max(2, top_uses / kPrincipalShareOfTopMentions);
  // The people the story is about, in any form of their name, are no claim to recall.
  const auto& known_to_all = corpus.protagonist_keys;
  const auto story_name = [&](const std::string& name) {
    const std::string key = display_key(corpus, name);
    return is_principal(corpus, key) || known_to_all.count(key) > 0;
  };
  for (const auto& group : groups) {
    const Quote& quote = *group.members.front().quote;
    const std::string speaker = speaker_line(corpus, group);
    double surest = 0;
    for (const auto& member : group.members) surest = std::max(surest, member.quote->confidence);
    const bool speaker_sure = surest >= who_said_threshold();
    const std::string text = lint::displayed_quote(quote.text);
    std::optional<Blank> blank;
    // The quote's own words, once per article that prints them, are not uses outside it.
    Usage usage{deck_counts, story_word_uses};
    for (const auto& member : group.members)
      for (const auto& w : words_of(member.quote->text)) --usage.outside[w];
    for (const Blank& b : candidate_blanks(text, speaker, usage, story_name)) {
      const std::string sentence = text.substr(0, b.begin) + lint::kBlank + text.substr(b.end);
      if (!lint::blank_findings(sentence, text.substr(b.begin, b.end - b.begin)).empty()) continue;
      blank = b;
      break;
    }
    if (!blank) continue;

    MadeNote note = quote_note(corpus, group);
    Card card;
    card.type = card_type::kQuoteCloze;
    card.id = generated_card_id(corpus, card.type, note.citations.front());
    card.answer = text.substr(blank->begin, blank->end - blank->begin);
    const std::string before = text.substr(0, blank->begin);
    const std::string after = text.substr(blank->end);
    card.prompt =
        fmt::format("Complete the quote. {} said:\n\u201C{}_____{}\u201D", speaker, before, after);
    if (gives_away(card.prompt, card.answer)) continue;
    card.note = note.id;
    card.citations = note.citations;
    // A quote with no sure speaker is no fact of the story (lint: quote-no-speaker); it waits
    // for a curator to vouch for the speaker.
    if (!speaker_sure) {
      out.withheld.push_back({std::move(card), std::move(note)});
      continue;
    }
    add_note(out, std::move(note));
    out.cards.push_back(std::move(card));
  }
}

}  // namespace citecard::deck::generate
