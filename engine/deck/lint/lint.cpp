#include "deck/lint/lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "citecard/extract.hpp"
#include "deck/card_maker.hpp"
#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "deck/one_fact.hpp"

namespace citecard::deck::lint {
namespace {

bool overlaps(const Citation& a, const Citation& b) {
  return a.source == b.source && a.start < b.end && b.start < a.end;
}

// A card's own sentence is its first citation: later ones are other sources' wordings and the
// sentences that attribute a quote, which two quotes of one speech may share.
bool share_a_sentence(const Card& a, const Card& b) {
  return !a.citations.empty() && !b.citations.empty() &&
         overlaps(a.citations.front(), b.citations.front());
}

// Two fill-in-the-blank sentences stating one fact in other words ("In July, Shoigu visited North
// Korea" and "Shoigu previously visited North Korea in July"): same answer, shared content words.
constexpr std::size_t kSharedWordsOfOneFact = 3;

// What the across-card rules compare, computed once per card: every pair is compared.
struct Seen {
  std::vector<std::string> answer_words;
  std::set<std::string> content_words;  // of a fill-in-the-blank sentence, the answer left out
};

Seen seen_of(const Card& card) {
  Seen s;
  s.answer_words = generate::words_of(card.answer);
  if (card.type != card_type::kFactCloze) return s;
  const std::set<std::string> hidden(s.answer_words.begin(), s.answer_words.end());
  for (auto& w : generate::words_of(cloze_sentence(card)))
    if (!generate::is_stopword(w) && !hidden.count(w)) s.content_words.insert(std::move(w));
  return s;
}

bool contains_run(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  return !needle.empty() && needle.size() <= hay.size() &&
         std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

bool same_answer(const Seen& a, const Seen& b) {
  return contains_run(a.answer_words, b.answer_words) ||
         contains_run(b.answer_words, a.answer_words);
}

bool same_fact_elsewhere(const Card& a, const Seen& sa, const Card& b, const Seen& sb) {
  if (a.type != card_type::kFactCloze || b.type != card_type::kFactCloze) return false;
  std::size_t shared = 0;
  for (const auto& w : sb.content_words) shared += sa.content_words.count(w);
  return shared >= kSharedWordsOfOneFact;
}

// The person a who-is card is about: the reverse card's answer, the forward card's prompt subject.
std::string person_of(const Card& card) {
  if (card.type == card_type::kWhoIsReverse) return card.answer;
  const std::string lead = "describe ";
  const auto at = card.prompt.find(lead);
  const auto end = card.prompt.rfind('?');
  if (at == std::string::npos || end == std::string::npos || end < at) return {};
  return card.prompt.substr(at + lead.size(), end - at - lead.size());
}

LintFinding finding(const Card& card, Finding f) {
  return LintFinding{card.id,     card.type,  std::move(f.rule), std::move(f.reason),
                     card.prompt, card.answer};
}

}  // namespace

std::vector<LintFinding> lint_cards(const std::vector<Card>& cards,
                                    const std::vector<Source>& sources) {
  std::vector<LintFinding> out;
  // Each cited article's subject, extracted once.
  std::map<std::string, std::vector<Entity>> subjects;
  const auto story_subjects_findings_for = [&](const std::string& source_id,
                                               const std::string& person) {
    auto it = subjects.find(source_id);
    if (it == subjects.end()) {
      std::vector<Entity> found;
      for (const auto& source : sources) {
        if (source.id != source_id) continue;
        if (auto x = extract(source.text)) found = story_subjects(*x);
      }
      it = subjects.emplace(source_id, std::move(found)).first;
    }
    return story_subject_findings(person, it->second);
  };
  std::map<std::string, int> cloze_answers;  // name_key -> fill-in-the-blank cards it answers
  std::vector<Seen> seen;
  for (const auto& card : cards) seen.push_back(seen_of(card));
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const Card& card = cards[i];
    for (auto& f : card_findings(card)) out.push_back(finding(card, std::move(f)));
    for (auto& f : passing_person_findings(asked_person(card, person_of(card)), sources))
      out.push_back(finding(card, std::move(f)));
    if (card.type == card_type::kFactCloze &&
        card.prompt.rfind("Fill in the blank with a person", 0) == 0) {
      for (const auto& c : card.citations) {
        auto found = story_subjects_findings_for(c.source, card.answer);
        if (found.empty()) continue;
        out.push_back(finding(card, std::move(found.front())));
        break;
      }
    }

    for (std::size_t j = 0; j < i; ++j) {
      const Card& earlier = cards[j];
      if (earlier.note == card.note || !same_answer(seen[j], seen[i]) ||
          !(share_a_sentence(earlier, card) ||
            same_fact_elsewhere(earlier, seen[j], card, seen[i])))
        continue;
      out.push_back(finding(
          card, {"asked-twice", fmt::format("card {} ({}) already asks \u201C{}\u201D from this "
                                            "sentence or one stating the same fact",
                                            earlier.id, earlier.type, earlier.answer)}));
      break;
    }

    if (card.type == card_type::kFactCloze &&
        ++cloze_answers[name_key(card.answer)] > kMaxCardsPerAnswer)
      out.push_back(
          finding(card, {"answer-repeated",
                         fmt::format("\u201C{}\u201D already answers {} fill-in-the-blank cards",
                                     card.answer, kMaxCardsPerAnswer)}));

    if (card.type == card_type::kWhoIs || card.type == card_type::kWhoIsReverse) {
      const auto words = generate::words_of(person_of(card));
      for (const auto& source : sources) {
        if (words.empty() || !generate::gives_away(source.title, words.back())) continue;
        out.push_back(finding(
            card, {"who-is-subject",
                   fmt::format("the headline \u201C{}\u201D is about {}: every learner of the deck "
                               "knows who they are",
                               source.title, person_of(card))}));
        break;
      }
    }
  }
  return out;
}

std::vector<LintFinding> one_fact_findings(const std::vector<Card>& cards) {
  std::vector<LintFinding> out;
  for (auto& [i, why] : repeated_facts(cards))
    out.push_back(finding(
        cards[i], {"one-fact", fmt::format("{}: a learner would meet one fact twice", why)}));
  return out;
}

}  // namespace citecard::deck::lint

namespace citecard {

Result<LintReport> lint_deck(const std::filesystem::path& deck_dir, DeckBuildOptions options) {
  auto spec = deck::load_deck(deck_dir);
  if (!spec) return spec.error();
  auto made = deck::make_cards(*spec, options);
  if (!made) return made.error();
  LintReport report;
  report.deck = spec->id;
  report.cards = static_cast<int>(made->cards.size());
  report.findings = deck::lint::lint_cards(made->cards, spec->sources);
  for (auto& f : deck::lint::one_fact_findings(made->cards))
    report.findings.push_back(std::move(f));
  return report;
}

}  // namespace citecard
