#include "deck/lint/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "deck/generate/generate.hpp"
#include "deck/lint/text.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "deck/number_words.hpp"
#include "deck/place_names.hpp"
#include "deck/word_list.hpp"

namespace citecard::deck::lint {
namespace {

using generate::gives_away;
using generate::words_of;

bool is_cloze(const Card& card) {
  return card.type == card_type::kFactCloze || card.type == card_type::kQuoteCloze;
}

bool ends_with_words(const std::vector<std::string>& words, const std::vector<std::string>& tail) {
  return !tail.empty() && tail.size() <= words.size() &&
         std::equal(tail.rbegin(), tail.rend(), words.rbegin());
}

bool is_vague(const std::string& phrase) {
  const auto& vague = vague_words();
  return std::find(vague.begin(), vague.end(), phrase) != vague.end();
}

// "worrisome part", "main priority", "vice versa": the phrase, or its head noun, says nothing.
bool is_filler(const std::string& answer) {
  const auto words = words_of(answer);
  if (words.empty()) return true;
  std::string joined;
  for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
  if (is_vague(joined) || is_vague(words.back())) return true;
  return std::all_of(words.begin(), words.end(),
                     [](const std::string& w) { return generate::is_stopword(w) || is_vague(w); });
}

// `phrase` in `lower` (both ASCII lower case) as whole words. Plain ASCII search: furniture is
// checked on every paragraph of every article, and Unicode folding there costs more than the rest
// of the build.
bool has_phrase(const std::string& lower, const std::string& phrase) {
  const auto is_word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const bool plain =
      std::all_of(phrase.begin(), phrase.end(), [&](char c) { return is_word(c) || c == ' '; });
  for (std::size_t at = lower.find(phrase); at != std::string::npos;
       at = lower.find(phrase, at + 1)) {
    if (!plain) return true;
    const std::size_t end = at + phrase.size();
    if ((at == 0 || !is_word(lower[at - 1])) && (end == lower.size() || !is_word(lower[end])))
      return true;
  }
  return false;
}

// Each spoke-to cue's words, and whether it follows the blank ("_____ reported").
struct Cue {
  bool follows = false;
  std::vector<std::string> words;
};

const std::vector<Cue>& cues() {
  static const std::vector<Cue> list = [] {
    std::vector<Cue> out;
    const std::string blank_then = std::string(kBlank) + " ";
    for (const auto& cue : spoke_to_cues()) {
      const bool follows = cue.rfind(blank_then, 0) == 0;
      out.push_back({follows, words_of(follows ? cue.substr(blank_then.size()) : cue)});
    }
    return out;
  }();
  return list;
}

// The value of a number however written ("Thirty-five", "35"), or "" for text that is no number.
std::string number_value(const std::string& text) {
  const auto digits = number_words_to_digits(words_of(text));
  if (digits.size() != 1 || digits.front().empty()) return {};
  const auto& d = digits.front();
  return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }) ? d : "";
}

// A dateline opens a report with where and when it was filed, then a dash: "MOSCOW, Sept. 13
// (AP) — ...", "September 13, 2023 - ...". The blank is in it when it comes before the first dash
// that follows no more than kDatelineWords words (news style: AP, Reuters).
constexpr std::size_t kDatelineWords = 8;

bool in_dateline(const std::string& sentence) {
  const auto blank = sentence.find(kBlank);
  if (blank == std::string::npos) return false;
  std::size_t dash = std::string::npos;
  for (const char* mark : {" \u2014", " \u2013", " - ", "\u2014 "}) {
    const auto at = sentence.find(mark);
    if (at != std::string::npos && at < dash) dash = at;
  }
  return dash != std::string::npos && blank < dash &&
         words_of(sentence.substr(0, dash)).size() <= kDatelineWords;
}

// News style gives a person's age after their name between commas ("Ana Ruiz, 44, said"): a
// bare number blanked there is who the person is, not what happened.
bool is_age(const std::string& sentence, const std::string& answer) {
  if (answer.empty() || answer.size() > 3 ||
      !std::all_of(answer.begin(), answer.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  const auto at = sentence.find(std::string(", ") + kBlank + ",");
  if (at == std::string::npos || at == 0) return false;
  // The word before is the end of a name: capitalised.
  std::size_t word = at;
  while (word > 0 && sentence[word - 1] != ' ') --word;
  return std::isupper(static_cast<unsigned char>(sentence[word])) != 0;
}

}  // namespace

bool named_in(const std::string& text, const std::string& name) {
  const auto words = words_of(text);
  if (generate::contains_words(words, name)) return true;
  const auto place = place_name(name);
  if (!place) return false;
  const auto forms = place_forms(place->place);
  return std::any_of(forms.begin(), forms.end(), [&](const std::string& form) {
    return generate::contains_words(words, form);
  });
}

std::vector<Finding> blank_findings(const std::string& sentence, const std::string& answer) {
  std::vector<Finding> out;
  const auto sentence_words = words_of(sentence);
  if (generate::contains_words(sentence_words, answer))
    out.push_back({"answer-shown", fmt::format("the sentence still shows {}", shown(answer))});
  if (const auto place = place_name(answer)) {
    for (const auto& form : place_forms(place->place)) {
      if (name_key(form) == name_key(answer) || !generate::contains_words(sentence_words, form))
        continue;
      out.push_back(
          {"place-shown", fmt::format("the sentence names {} as {}", shown(answer), shown(form))});
      break;
    }
  }
  if (generate::names_a_weekday(answer) && !has_digit(answer))
    out.push_back({"weekday-blank",
                   fmt::format("{} is a weekday, not the point of the sentence", shown(answer))});
  if (const auto at = sentence.find(kBlank); at != std::string::npos) {
    const auto before = words_of(sentence.substr(0, at));
    const auto after = words_of(sentence.substr(at + std::string(kBlank).size()));
    for (const auto& cue : cues()) {
      const bool matched = cue.follows
                               ? !cue.words.empty() && cue.words.size() <= after.size() &&
                                     std::equal(cue.words.begin(), cue.words.end(), after.begin())
                               : ends_with_words(before, cue.words);
      if (!matched) continue;
      out.push_back(
          {"spoke-to-blank",
           fmt::format("{} is whom the source spoke to, not a fact of the story", shown(answer))});
      break;
    }
  }
  if (is_filler(answer))
    out.push_back({"filler-blank", fmt::format("{} is phrasing, not a claim", shown(answer))});
  if (is_age(sentence, answer))
    out.push_back({"age-blank", fmt::format("{} is a person's age set off after their name, not a "
                                            "fact of the story",
                                            shown(answer))});
  if (in_dateline(sentence))
    out.push_back({"dateline-blank", fmt::format("{} is in the dateline (where and when the report "
                                                 "was filed), not a fact of the story",
                                                 shown(answer))});
  for (auto& f : target_findings(sentence, answer)) out.push_back(std::move(f));
  return out;
}

std::vector<Finding> furniture_findings(const std::string& text) {
  const std::string lower = lower_ascii(text);
  for (const auto& phrase : site_furniture_phrases()) {
    if (has_phrase(lower, phrase))
      return {{"furniture", fmt::format("the cited text is a caption, credit or page prompt "
                                        "({}), not the article's reporting",
                                        shown(phrase))}};
  }
  if (!text.empty() && text.front() == '(')
    return {{"furniture", "the cited text is a parenthesised caption or credit"}};
  // "Sputnik/Mikhail Metzel/Kremlin", "Jenna Moon/": photo credits and bylines join names with
  // slashes, which reporting prose does not.
  for (std::size_t at = text.find('/'); at != std::string::npos; at = text.find('/', at + 1)) {
    const bool name_before = at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]));
    const bool name_after =
        at + 1 == text.size() || std::isupper(static_cast<unsigned char>(text[at + 1]));
    if (name_before && name_after)
      return {{"furniture",
               "the cited text carries a photo credit or byline (names joined by "
               "\u201C/\u201D)"}};
  }
  return {};
}

std::vector<Finding> choices_findings(const std::vector<std::string>& choices,
                                      const std::string& answer) {
  std::vector<Finding> out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    for (std::size_t j = i + 1; j < choices.size(); ++j) {
      const auto& a = choices[i];
      const auto& b = choices[j];
      const auto pa = place_name(a);
      const auto pb = place_name(b);
      const bool same_place = pa && pb && pa->place == pb->place;
      // "Five" is not part of "Thirty-five": numbers are the same only by value.
      const std::string na = number_value(a);
      const std::string nb = number_value(b);
      const bool contained =
          !na.empty() && !nb.empty() ? na == nb : gives_away(a, b) || gives_away(b, a);
      if (same_place || contained) {
        out.push_back(
            {"alias-choices", fmt::format("{} and {} name the same thing", shown(a), shown(b))});
        return out;
      }
    }
  }
  if (const auto kind = place_name(answer); kind && kind->form != PlaceForm::other) {
    for (const auto& choice : choices) {
      const auto other = place_name(choice);
      if (!other || other->form == kind->form || other->form == PlaceForm::other) continue;
      out.push_back({"mixed-choices", fmt::format("{} is {} among choices for {}", shown(choice),
                                                  to_string(other->form), to_string(kind->form))});
      break;
    }
  }
  return out;
}

std::string cloze_sentence(const Card& card) {
  const auto newline = card.prompt.find('\n');
  return newline == std::string::npos ? card.prompt : card.prompt.substr(newline + 1);
}

std::vector<Finding> card_findings(const Card& card) {
  std::vector<Finding> out;
  if (is_cloze(card)) {
    out = blank_findings(cloze_sentence(card), card.answer);
    if (card.type == card_type::kFactCloze && !card.citations.empty())
      for (auto& f : furniture_findings(card.citations.front().text)) out.push_back(std::move(f));
    for (const auto& choice : card.choices) {
      if (choice == card.answer || !named_in(cloze_sentence(card), choice)) continue;
      out.push_back({"choice-shown",
                     fmt::format("the sentence names the wrong choice {}: a learner rules it out "
                                 "unread",
                                 shown(choice))});
      break;
    }
  } else if (card.type == card_type::kWhoSaid || card.type == card_type::kWhoSaidTyped) {
    if (gives_away(card.prompt, card.answer))
      out.push_back({"answer-shown", fmt::format("the prompt names {}", shown(card.answer))});
  }
  for (auto& f : unseen_card_findings(card)) out.push_back(std::move(f));
  for (auto& f : choices_findings(card.choices, card.answer)) out.push_back(std::move(f));
  return out;
}

}  // namespace citecard::deck::lint
