#include "deck/lint/unseen_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "deck/generate/generate.hpp"
#include "deck/lint/text.hpp"
#include "deck/number_words.hpp"
#include "deck/word_list.hpp"
#include "extract/lexicon.hpp"

namespace citecard::deck::lint {
namespace {

using generate::words_of;

bool is_digits(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_alpha_word(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool in_list(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// English third-person personal pronouns and demonstratives (a closed class of any English
// grammar): a card that opens with one points at something it does not show.
bool is_referring_word(const std::string& lower) {
  // "it" and "that" are left out: "It appears that ...", "That is why ..." open as often with
  // nothing to refer to as with something.
  static const std::vector<std::string> words = {"he",    "her",  "him",   "his",  "its",  "she",
                                                 "their", "them", "these", "they", "this", "those"};
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// "This is", "These were": a demonstrative standing alone, its noun in a sentence the card does
// not show ("This bridge ..." names its noun). Auxiliary and linking verbs: a closed class.
bool stands_alone(const std::string& next_lower) {
  static const std::vector<std::string> verbs = {
      "",      "are",   "can",  "could",  "had",   "has", "have", "is",   "may",  "means",
      "meant", "might", "must", "should", "shows", "was", "were", "will", "would"};
  return std::find(verbs.begin(), verbs.end(), next_lower) != verbs.end();
}

bool is_demonstrative(const std::string& lower) {
  return lower == "this" || lower == "these" || lower == "those";
}

// The text opens with a word referring outside it: a personal pronoun, or a demonstrative
// standing alone.
std::string opening_reference(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\n') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      // "And he ...", "But this is ...": a coordinating conjunction (a closed class) first.
      if (words.size() == 1) {
        std::string lower;
        for (char ch : words[0])
          lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == "and" || lower == "but" || lower == "or" || lower == "so" || lower == "yet")
          words.clear();
      }
      if (words.size() == 2) break;
    } else {
      word += c;
    }
  }
  if (words.empty()) return {};
  // "This's", "They're", "She’ll": the contraction is the verb; the word is what stands before it.
  const std::size_t apostrophe = std::min(words[0].find('\''), words[0].find("\u2019"));
  const bool contracted = apostrophe != std::string::npos && apostrophe > 0;
  std::string first;
  for (char c : contracted ? words[0].substr(0, apostrophe) : words[0])
    if (std::isalpha(static_cast<unsigned char>(c)))
      first += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!is_referring_word(first)) return {};
  if (!is_demonstrative(first) || contracted) return words[0];
  std::string next;
  if (words.size() > 1)
    for (char c : words[1])
      if (std::isalpha(static_cast<unsigned char>(c)))
        next += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool punctuated =
      !words[0].empty() && !std::isalpha(static_cast<unsigned char>(words[0].back()));
  return punctuated || stands_alone(next) ? words[0] : std::string();
}

// A word's stem by the common English inflections and derivations (plural, past, participle,
// agent, nationality): "sanctioned" and "sanctions" -> "sanction", "Chinese" -> "chin".
std::string stem(std::string w) {
  static const char* const suffixes[] = {"ations", "ation", "ings", "ing", "ians", "ian", "ese",
                                         "ers",    "ied",   "ies",  "ed",  "er",   "es",  "s"};
  for (const char* suffix : suffixes) {
    const std::string s(suffix);
    if (w.size() > s.size() + 3 && w.compare(w.size() - s.size(), s.size(), s) == 0) {
      w.erase(w.size() - s.size());
      if (s == "ied" || s == "ies") w += 'y';
      break;
    }
  }
  return w;
}

constexpr std::size_t kMinStem = 4;

// One word in two forms: equal stems, or the shorter stem (kMinStem letters at least) starting
// the other ("Korea" / "Koreans").
bool same_stem(const std::string& a, const std::string& b) {
  if (a == b) return false;
  const std::string sa = stem(a);
  const std::string sb = stem(b);
  if (sa == sb) return true;
  const std::string& shorter = sa.size() <= sb.size() ? sa : sb;
  const std::string& longer = sa.size() <= sb.size() ? sb : sa;
  return shorter.size() >= kMinStem && longer.compare(0, shorter.size(), shorter) == 0 &&
         longer.size() - shorter.size() <= 3;
}

// The values of the numbers in a text, however written ("four", "4", "twenty-one").
std::vector<std::string> number_values(const std::string& text) {
  std::vector<std::string> out;
  for (auto& w : number_words_to_digits(words_of(text)))
    if (is_digits(w)) out.push_back(std::move(w));
  return out;
}

bool is_number_word(const std::string& lower) {
  return is_digits(lower) ||
         (extract_detail::word_flags(lower) & extract_detail::word::kNumberWord) != 0 ||
         !number_values(lower).empty();
}

// The raw words of a text split at spaces, punctuation at their ends kept.
std::vector<std::string> raw_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\n') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

std::string trim_punct(const std::string& w) {
  std::size_t b = 0;
  std::size_t e = w.size();
  while (b < e && !std::isalnum(static_cast<unsigned char>(w[b]))) ++b;
  while (e > b && !std::isalnum(static_cast<unsigned char>(w[e - 1]))) --e;
  return w.substr(b, e - b);
}

// A phone number: seven digits or more in groups joined by dashes, dots, spaces or brackets.
bool is_phone_number(const std::string& answer) {
  std::size_t digits = 0;
  for (char c : answer) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != '-' && c != '.' && c != ' ' && c != '(' && c != ')' && c != '+')
      return false;
  }
  return digits >= 7 && answer.find_first_of("-. ") != std::string::npos;
}

void stem_shown(const std::vector<std::string>& sentence, const std::string& answer,
                std::vector<Finding>& out) {
  for (const auto& a : words_of(answer)) {
    if (!is_alpha_word(a) || a.size() < kMinStem || generate::is_stopword(a)) continue;
    for (const auto& s : sentence) {
      if (!is_alpha_word(s) || !same_stem(a, s)) continue;
      out.push_back({"stem-shown", fmt::format("the sentence shows {} of the answer {} as {}",
                                               shown(a), shown(answer), shown(s))});
      return;
    }
  }
}

void number_shown(const std::vector<std::string>& sentence, const std::string& answer,
                  std::vector<Finding>& out) {
  const auto values = number_values(answer);
  if (values.empty()) return;
  const auto in_sentence = number_words_to_digits(sentence);
  for (const auto& v : values) {
    if (std::find(in_sentence.begin(), in_sentence.end(), v) == in_sentence.end()) continue;
    out.push_back(
        {"number-shown",
         fmt::format("the sentence shows the number {} of {} in another form", v, shown(answer))});
    return;
  }
}

void range_half(const std::string& before, const std::string& after, const std::string& answer,
                std::vector<Finding>& out) {
  if (number_values(answer).empty()) return;
  const auto b = raw_words(before);
  const auto a = raw_words(after);
  const auto joins = [](const std::string& w) {
    return w == "to" || w == "and" || w == "-" || w == "\u2013" || w == "\u2014" || w == "or";
  };
  bool half = false;
  // "3 to _____", "3-_____", "3–_____"
  if (b.size() >= 2 && joins(lower_ascii(b.back())) &&
      is_number_word(lower_ascii(trim_punct(b[b.size() - 2]))))
    half = true;
  if (!before.empty() && (before.ends_with("-") || before.ends_with("\u2013")) && !b.empty() &&
      has_digit(b.back()))
    half = true;
  // "_____ to 5", "between _____ and 5", "_____-5"
  if (a.size() >= 2 && joins(lower_ascii(a.front())) &&
      is_number_word(lower_ascii(trim_punct(a[1]))) && lower_ascii(a.front()) != "and")
    half = true;
  if (a.size() >= 2 && lower_ascii(a.front()) == "and" && !b.empty() &&
      lower_ascii(b.back()) == "between" && is_number_word(lower_ascii(trim_punct(a[1]))))
    half = true;
  if ((after.starts_with("-") || after.starts_with("\u2013")) && after.size() > 1 &&
      std::isdigit(static_cast<unsigned char>(after[after.starts_with("-") ? 1 : 3])))
    half = true;
  if (half)
    out.push_back({"range-half", fmt::format("{} is one end of a range the sentence shows the "
                                             "other end of",
                                             shown(answer))});
}

constexpr int kMaxCountedList = 12;

void count_shown(const std::string& after, const std::string& answer, std::vector<Finding>& out) {
  const auto values = number_values(answer);
  if (values.size() != 1 || values.front().size() > 2) return;
  const int n = std::stoi(values.front());
  if (n < 2 || n > kMaxCountedList) return;
  // The list the count introduces: after a colon, a dash or a bracket, up to the sentence's end.
  std::size_t from = std::string::npos;
  for (const char* mark : {":", " \u2014", " \u2013", " - ", " (", ", including "}) {
    const auto at = after.find(mark);
    if (at != std::string::npos && at < from) from = at + std::string(mark).size();
  }
  if (from == std::string::npos) return;
  std::string list = after.substr(from);
  for (const char* end : {")", ".", " \u2014", " \u2013", ";"}) {
    const auto at = list.find(end);
    if (at != std::string::npos) list = list.substr(0, at);
  }
  int items = 0;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::size_t and_at = list.find(" and ", start);
    std::size_t cut = std::min(comma, and_at);
    const std::string item = list.substr(start, cut == std::string::npos ? cut : cut - start);
    if (!words_of(item).empty() && !(words_of(item).size() == 1 && words_of(item)[0] == "and"))
      ++items;
    if (cut == std::string::npos) break;
    start = cut + (cut == comma ? 1 : 5);
  }
  if (items == n)
    out.push_back({"count-shown",
                   fmt::format("the sentence lists the {} items {} counts", items, shown(answer))});
}

void blank_cut(const std::string& before, const std::string& after, const std::string& answer,
               std::vector<Finding>& out) {
  const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto separator = [](char c) { return c == ',' || c == '.'; };
  bool cut = (!before.empty() && (word_char(before.back()) || before.back() == '-')) ||
             (!after.empty() && (word_char(after.front()) || after.front() == '-'));
  // "_____,237", "1,_____": the blank takes part of a number.
  cut = cut || (after.size() >= 2 && separator(after[0]) && digit(after[1])) ||
        (before.size() >= 2 && separator(before.back()) && digit(before[before.size() - 2]));
  // "_____.S.", "U._____": the blank takes a letter of an abbreviation written with full stops.
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  cut = cut || (after.size() >= 2 && after[0] == '.' && letter(after[1])) ||
        (before.size() >= 2 && before.back() == '.' && letter(before[before.size() - 2]));
  // A name cut in two: a capitalised answer right after a capitalised word that is no title.
  if (!cut && !answer.empty() && std::isupper(static_cast<unsigned char>(answer.front())) &&
      !has_digit(answer) && before.ends_with(" ")) {
    const auto b = raw_words(before);
    if (b.size() >= 2 && std::isupper(static_cast<unsigned char>(b.back().front())) &&
        trim_punct(b.back()) == b.back()) {
      const std::string lower = lower_ascii(b.back());
      using namespace extract_detail::word;
      const auto flags = extract_detail::word_flags(lower);
      const bool title = (flags & (kRole | kHonorific | kFunction | kDeterminer)) != 0;
      const std::string prev = b[b.size() - 2];
      const bool sentence_start = prev.ends_with(".") || prev.ends_with(":");
      const bool month_or_day =
          generate::names_a_weekday(b.back()) || !number_values(b.back()).empty();
      if (!title && !sentence_start && !month_or_day && !generate::is_stopword(lower)) cut = true;
    }
  }
  if (cut)
    out.push_back({"blank-cut", fmt::format("the blank {} cuts a word, compound or name in two",
                                            shown(answer))});
}

void minor_number(const std::string& after, const std::string& answer, std::vector<Finding>& out) {
  if (is_phone_number(answer)) {
    out.push_back({"minor-number", fmt::format("{} is a phone number", shown(answer))});
    return;
  }
  if (number_values(answer).empty()) return;
  // The unit is the answer's last word, or the word after the blank.
  auto words = words_of(answer);
  std::string unit = words.empty() ? "" : words.back();
  if (is_number_word(unit)) {
    const auto next = words_of(after);
    unit = next.empty() ? "" : next.front();
  }
  if (unit.empty() || !in_list(minor_units(), unit)) return;
  out.push_back({"minor-number", fmt::format("{} counts {}: a detail, not a fact of the story",
                                             shown(answer), shown(unit))});
}

void label_number(const std::string& before, const std::string& answer, std::vector<Finding>& out) {
  if (number_values(answer).empty() && !has_digit(answer)) return;
  const auto b = raw_words(before);
  if (b.empty()) return;
  const std::string last = lower_ascii(b.back());
  if (last == "#" || in_list(number_labels(), trim_punct(last)))
    out.push_back({"label-number", fmt::format("{} labels the {} it follows, not an amount",
                                               shown(answer), shown(b.back()))});
}

bool is_quote_card(const Card& card) {
  return card.type == card_type::kWhoSaid || card.type == card_type::kWhoSaidTyped ||
         card.type == card_type::kQuoteCloze;
}

// The quote a quote card shows: between the prompt's last pair of curly quotation marks.
std::string quote_of(const Card& card) {
  const std::string close = "\u201D";
  const std::string open = "\u201C";
  const auto end = card.prompt.rfind(close);
  if (end == std::string::npos) return {};
  const auto begin = card.prompt.rfind(open, end);
  if (begin == std::string::npos) return {};
  return card.prompt.substr(begin + open.size(), end - begin - open.size());
}

}  // namespace

std::vector<Finding> target_findings(const std::string& sentence, const std::string& answer) {
  std::vector<Finding> out;
  const auto at = sentence.find(kBlank);
  const std::string before = at == std::string::npos ? sentence : sentence.substr(0, at);
  const std::string after =
      at == std::string::npos ? "" : sentence.substr(at + std::string(kBlank).size());
  const auto words = words_of(sentence);
  stem_shown(words, answer, out);
  number_shown(words, answer, out);
  range_half(before, after, answer, out);
  count_shown(after, answer, out);
  if (at != std::string::npos) blank_cut(before, after, answer, out);
  minor_number(after, answer, out);
  label_number(before, answer, out);
  return out;
}

std::string displayed_quote(std::string quote) {
  for (;;) {
    while (!quote.empty() && (quote.back() == ',' || quote.back() == ';' || quote.back() == ':' ||
                              quote.back() == ' ' || quote.back() == '-'))
      quote.pop_back();
    if (quote.ends_with("\u2014") || quote.ends_with("\u2013")) {
      quote.erase(quote.size() - 3);
      continue;
    }
    return quote;
  }
}

std::vector<Finding> quote_findings(const std::string& quote) {
  std::vector<Finding> out;
  if (const auto word = opening_reference(quote); !word.empty())
    out.push_back(
        {"quote-unresolved",
         fmt::format("the quote opens with {}, whose referent it does not show", shown(word))});
  if (displayed_quote(quote) != quote)
    out.push_back({"quote-trailing-punctuation",
                   "the quote ends in the punctuation where its attribution cut it"});
  return out;
}

std::vector<Finding> sentence_findings(const std::string& sentence) {
  const auto word = opening_reference(sentence);
  if (word.empty()) return {};
  return {{"sentence-unresolved",
           fmt::format("the sentence opens with {}, whose referent is in a sentence the card does "
                       "not show",
                       shown(word))}};
}

std::vector<Finding> person_answer_findings(const std::string& answer) {
  if (words_of(answer).size() != 1) return {};
  return {{"bare-name", fmt::format("{} is one word of a name: a surname to guess, not a person "
                                    "to know",
                                    shown(answer))}};
}

std::vector<Finding> titled_person_findings(const std::string& sentence) {
  const auto at = sentence.find(kBlank);
  if (at == std::string::npos) return {};
  const auto before = raw_words(sentence.substr(0, at));
  if (before.empty() || !sentence.substr(0, at).ends_with(" ")) return {};
  const std::string word = trim_punct(before.back());
  using namespace extract_detail::word;
  if (word.empty() || !(extract_detail::word_flags(lower_ascii(word)) & (kRole | kHonorific)))
    return {};
  return {{"titled-person",
           fmt::format("the sentence gives the person's title {} before the blank: a learner "
                       "fills it from the title, which who-is cards ask",
                       shown(word))}};
}

std::vector<Entity> story_subjects(const Extraction& extraction) {
  std::size_t top = kMinSubjectMentions;
  for (const auto& e : extraction.entities)
    if (e.kind == EntityKind::person) top = std::max(top, e.mentions.size());
  std::vector<Entity> out;
  for (const auto& e : extraction.entities)
    if (e.kind == EntityKind::person && e.mentions.size() == top) out.push_back(e);
  return out;
}

namespace {

// "Donald J. Trump" and "Donald Trump": the same first and last word.
bool same_person_name(const std::string& a, const std::string& b) {
  const std::string ka = name_key(a);
  const std::string kb = name_key(b);
  if (ka == kb) return true;
  const auto wa = raw_words(ka);
  const auto wb = raw_words(kb);
  return wa.size() >= 2 && wb.size() >= 2 && wa.front() == wb.front() && wa.back() == wb.back();
}

}  // namespace

std::vector<Finding> story_subject_findings(const std::string& person,
                                            const std::vector<Entity>& subjects) {
  if (person.empty()) return {};
  for (const auto& subject : subjects) {
    bool same = same_person_name(person, subject.name);
    for (const auto& alias : subject.aliases)
      same = same || (raw_words(alias).size() >= 2 && same_person_name(person, alias));
    if (!same) continue;
    return {{"story-subject",
             fmt::format("{} is the person the article mentions most: its subject, whom any "
                         "reader of the headline knows",
                         shown(person))}};
  }
  return {};
}

int mentions_in_sources(const std::vector<Source>& sources, const std::string& name) {
  const auto words = raw_words(name);
  if (words.empty()) return 0;
  const std::string last = trim_punct(words.back());
  if (last.empty()) return 0;
  int count = 0;
  const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (const auto& source : sources) {
    const auto& text = source.text;
    for (auto at = text.find(last); at != std::string::npos; at = text.find(last, at + 1)) {
      const auto end = at + last.size();
      if ((at == 0 || !word_char(text[at - 1])) && (end == text.size() || !word_char(text[end])))
        ++count;
    }
  }
  return count;
}

std::vector<Finding> unseen_card_findings(const Card& card) {
  std::vector<Finding> out;
  if (is_quote_card(card)) out = quote_findings(quote_of(card));
  // A who-said prompt's context line ("Who said this? (On the arms deal, before the summit)")
  // tells the learner what the quote's "this" or "he" refers to.
  const auto first_line = card.prompt.substr(0, card.prompt.find('\n'));
  if (card.type != card_type::kQuoteCloze && first_line.find(" (") != std::string::npos)
    std::erase_if(out, [](const Finding& f) { return f.rule == "quote-unresolved"; });
  if (card.type == card_type::kQuoteCloze && card.prompt.find(" said:\n") == std::string::npos)
    out.push_back({"quote-no-speaker",
                   "the quote's speaker is not attributed surely enough to name, and a quote "
                   "with no speaker is no fact of the story"});
  if (card.type == card_type::kFactCloze) {
    for (auto& f : sentence_findings(cloze_sentence(card))) out.push_back(std::move(f));
    if (card.prompt.rfind("Fill in the blank with a person", 0) == 0) {
      for (auto& f : person_answer_findings(card.answer)) out.push_back(std::move(f));
      for (auto& f : titled_person_findings(cloze_sentence(card))) out.push_back(std::move(f));
    }
  }
  return out;
}

std::string asked_person(const Card& card, const std::string& subject) {
  const bool person_cloze = card.type == card_type::kFactCloze &&
                            card.prompt.rfind("Fill in the blank with a person", 0) == 0;
  if (person_cloze || card.type == card_type::kWhoIsReverse) return card.answer;
  if (card.type == card_type::kWhoIs) return subject;
  return {};
}

std::vector<Finding> passing_person_findings(const std::string& person,
                                             const std::vector<Source>& sources) {
  if (person.empty() || sources.empty()) return {};
  const int mentions = mentions_in_sources(sources, person);
  if (mentions > kPassingMentions) return {};
  return {{"passing-person", fmt::format("the sources name {} {} time(s): someone passing through "
                                         "the story",
                                         shown(person), mentions)}};
}

}  // namespace citecard::deck::lint
