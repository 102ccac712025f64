// "Complete the quote": the speaker and the quote with its key words hidden -> those words. The
// hidden words are the quote's most telling ones that appear nowhere else in what the card shows.
// The speaker is named only when the attribution is as sure as a who-said card needs: a prompt
// saying "X said" teaches who said it as surely as a who-said card does.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"

namespace citecard::deck::generate {
namespace {

constexpr std::size_t kMinQuoteWords = 6;
constexpr std::size_t kMaxQuoteWords = 60;
// One word (a hyphenated compound counts as one): two-word runs cut across phrases far more often
// than they hide one ("harbour will", "reopen very") when the words are not told apart by kind.
constexpr std::size_t kMaxHiddenWords = 1;
constexpr std::size_t kMinHiddenLetters = 6;

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
    while (i < text.size() && (is_word_byte(text, i) || (text[i] == '-' && i + 1 < text.size() &&
                                                         is_word_byte(text, i + 1))))
      ++i;
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

// Content words (runs of up to kMaxHiddenWords), the best first: long, rare in the quote, not a
// name the prompt shows. The caller takes the first that no lint rule suspects.
std::vector<Blank> candidate_blanks(const std::string& quote, const std::string& shown) {
  const auto tokens = tokens_of(quote);
  if (tokens.size() < kMinQuoteWords || tokens.size() > kMaxQuoteWords) return {};
  std::map<std::string, int> count;
  for (const auto& t : tokens) ++count[t.lower];
  const auto shown_words = words_of(shown);
  const std::set<std::string> shown_set(shown_words.begin(), shown_words.end());
  // Capitalised words are names, and half a name ("North _____") is no question.
  auto usable = [&](const Token& t) {
    return !std::isupper(static_cast<unsigned char>(quote[t.begin])) && !is_stopword(t.lower) &&
           count[t.lower] == 1 && !shown_set.count(t.lower) && letters(t.lower) >= 3;
  };
  std::vector<std::pair<std::size_t, Blank>> scored;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t score = 0;
    for (std::size_t n = 0; n < kMaxHiddenWords && i + n < tokens.size(); ++n) {
      const Token& t = tokens[i + n];
      if (!usable(t)) break;
      // Only words joined by a space or a hyphen form one blank.
      if (n > 0) {
        const std::string gap =
            quote.substr(tokens[i + n - 1].end, t.begin - tokens[i + n - 1].end);
        if (gap != " ") break;
      }
      score += letters(t.lower) + (n > 0 ? 3 : 0);
      if (letters(quote.substr(tokens[i].begin, t.end - tokens[i].begin)) >= kMinHiddenLetters)
        scored.push_back({score, Blank{tokens[i].begin, t.end}});
    }
  }
  // Highest score first; among equals the earlier blank, as before.
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Blank> out;
  for (const auto& [score, blank] : scored) out.push_back(blank);
  return out;
}

std::string trimmed_for_display(std::string text) {
  while (!text.empty() && (text.back() == ',' || text.back() == ' ')) text.pop_back();
  return text;
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
  for (const auto& group : groups) {
    const Quote& quote = *group.members.front().quote;
    const std::string speaker = speaker_line(corpus, group);
    double surest = 0;
    for (const auto& member : group.members) surest = std::max(surest, member.quote->confidence);
    const bool speaker_sure = surest >= who_said_threshold();
    const std::string text = trimmed_for_display(quote.text);
    std::optional<Blank> blank;
    for (const Blank& b : candidate_blanks(text, speaker)) {
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
    const std::string naming =
        fmt::format("Complete the quote. {} said:\n\u201C{}_____{}\u201D", speaker, before, after);
    card.prompt = speaker_sure
                      ? naming
                      : fmt::format("Complete the quote:\n\u201C{}_____{}\u201D", before, after);
    if (gives_away(naming, card.answer)) continue;
    if (!speaker_sure) out.prompts_naming_speaker[card.id] = naming;
    card.note = note.id;
    card.citations = note.citations;
    add_note(out, std::move(note));
    out.cards.push_back(std::move(card));
  }
}

}  // namespace citecard::deck::generate
