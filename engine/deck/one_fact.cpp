#include "deck/one_fact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"

namespace citecard::deck {
namespace {

bool asks_a_quote(const Card& card) {
  return card.type == card_type::kWhoSaid || card.type == card_type::kWhoSaidTyped ||
         card.type == card_type::kQuoteCloze;
}

bool asks_a_fact(const Card& card) {
  return card.type == card_type::kFact || card.type == card_type::kFactCloze;
}

bool overlaps(const Citation& a, const Citation& b) {
  return a.source == b.source && a.start < b.end && b.start < a.end;
}

// `outer` holds `inner` and more: a sentence around a quote, not the quote.
bool strictly_contains(const Citation& outer, const Citation& inner) {
  return outer.source == inner.source && outer.start <= inner.start && inner.end <= outer.end &&
         outer.end - outer.start > inner.end - inner.start;
}

// A quote card's first citation is its quote as one source words it (the rest are other
// sources' wordings, other quotes of the speaker and the sentences that name them).
// The speaker a quote card asks or names: a who-said card's answer, a quote cloze's "X (role)
// said:" line.
std::string speaker_of(const Card& card) {
  if (card.type != card_type::kQuoteCloze) return card.answer;
  const std::string lead = "Complete the quote. ";
  const auto said = card.prompt.find(" said:\n");
  if (card.prompt.rfind(lead, 0) != 0 || said == std::string::npos) return {};
  std::string speaker = card.prompt.substr(lead.size(), said - lead.size());
  if (const auto role = speaker.find(" ("); role != std::string::npos) speaker.resize(role);
  return speaker;
}

// Two quotes of one speaker at most kOnePointGap bytes apart in one source ("... we will win,"
// she said. "We have the votes.") make one point in two breaths: asked once.
bool one_point_of_one_speaker(const Card& a, const Card& b) {
  const Citation& x = a.citations.front();
  const Citation& y = b.citations.front();
  if (x.source != y.source) return false;
  const auto gap = x.start < y.start ? y.start - x.end : x.start - y.end;
  if (gap > kOnePointGap) return false;
  const std::string sa = speaker_of(a);
  return !sa.empty() && name_key(sa) == name_key(speaker_of(b));
}

bool cite_one_quote(const Card& a, const Card& b) {
  const Citation& x = a.citations.front();
  const Citation& y = b.citations.front();
  return overlaps(x, y) && !strictly_contains(x, y) && !strictly_contains(y, x);
}

// Two quotes of one speaker share the sentences that name them, not a fact: quote cards are
// compared by their quotes (cite_one_quote) only.
bool cite_overlapping_text(const Card& a, const Card& b) {
  if (asks_a_quote(a) && asks_a_quote(b)) return false;
  return std::any_of(a.citations.begin(), a.citations.end(), [&](const Citation& x) {
    return std::any_of(b.citations.begin(), b.citations.end(),
                       [&](const Citation& y) { return overlaps(x, y); });
  });
}

std::set<std::string> content_words(const std::string& text) {
  std::set<std::string> out;
  for (auto& w : generate::words_of(text))
    if (!generate::is_stopword(w)) out.insert(std::move(w));
  return out;
}

// What the pairwise tests read of a card, computed once: every pair of cards is compared.
struct Seen {
  std::set<std::string> answer;
  std::set<std::string> shown;  // content words the card shows, its answer's left out
  std::vector<std::string> prompt;
};

Seen seen_of(const Card& card) {
  Seen s;
  s.answer = content_words(card.answer);
  s.prompt = generate::words_of(card.prompt);
  // A cloze's instruction line ("Fill in the blank with a date:") is the same on every cloze.
  const bool cloze = card.type == card_type::kFactCloze || card.type == card_type::kQuoteCloze;
  s.shown = content_words(cloze ? lint::cloze_sentence(card) : card.prompt);
  // A hand-written question also shows, on its back, the sentence it cites.
  if (card.type == card_type::kFact && !card.citations.empty())
    for (auto& w : content_words(card.citations.front().text)) s.shown.insert(std::move(w));
  for (const auto& w : s.answer) s.shown.erase(w);
  return s;
}

// "September 13" and "13 September 2023" give one answer; "Seoul" and "Busan" do not, nor do
// "China" and "China and Russia will block them": the smaller answer's content words are all
// among the larger's and make at least half of them.
bool one_answer(const Seen& a, const Seen& b) {
  const auto& small = a.answer.size() <= b.answer.size() ? a.answer : b.answer;
  const auto& large = a.answer.size() <= b.answer.size() ? b.answer : a.answer;
  return !small.empty() && small.size() * 2 >= large.size() &&
         std::includes(large.begin(), large.end(), small.begin(), small.end());
}

// Each card shows the other's answer: a person and their role, a speaker and their words.
bool same_pair(const Card& a, const Seen& sa, const Card& b, const Seen& sb) {
  return generate::contains_words(sb.prompt, a.answer) &&
         generate::contains_words(sa.prompt, b.answer);
}

bool one_fact_in_other_words(const Card& a, const Seen& sa, const Card& b, const Seen& sb) {
  if (!asks_a_fact(a) || !asks_a_fact(b) || !one_answer(sa, sb)) return false;
  std::size_t shared = 0;
  for (const auto& w : sb.shown) shared += sa.shown.count(w);
  return shared >= kSharedWordsOfOneFact;
}

std::string same_fact(const Card& a, const Seen& sa, const Card& b, const Seen& sb) {
  if (a.citations.empty() || b.citations.empty()) return {};
  if (a.type == card_type::kWhichOutlet || b.type == card_type::kWhichOutlet) return {};
  if (asks_a_quote(a) && asks_a_quote(b)) {
    // A quote note may group several quotes of one speaker: its cards are compared by the quote
    // they ask (their first citations) and by what each shows of the other.
    if (cite_one_quote(a, b)) return "asks the same quote";
    if (one_point_of_one_speaker(a, b)) return "asks a quote its speaker says in the same breath";
    if (same_pair(a, sa, b, sb)) return "asks the same speaker and words from the other end";
    return {};
  }
  if (!a.note.empty() && a.note == b.note) return "is made from the same note";
  if (cite_overlapping_text(a, b)) {
    if (one_answer(sa, sb)) return "asks the same answer from the same sentence";
    if (same_pair(a, sa, b, sb)) return "asks the same pair from the other end";
  }
  if (one_fact_in_other_words(a, sa, b, sb))
    return "asks the same answer of a sentence stating one fact";
  return {};
}

// Words most cards show (the story's principals, its country) tell no two facts apart: like a
// search engine's inverse document frequency, a word shown by one card in kCommonShare or more
// (and by at least three) does not count as shared.
void discount_common_words(std::vector<Seen>& seen) {
  std::map<std::string, std::size_t> cards_showing;
  for (const auto& s : seen)
    for (const auto& w : s.shown) ++cards_showing[w];
  const std::size_t common = std::max<std::size_t>(3, seen.size() / kCommonShare);
  for (auto& s : seen)
    std::erase_if(s.shown, [&](const std::string& w) { return cards_showing[w] >= common; });
}

std::vector<Seen> seen_of_all(const std::vector<Card>& cards) {
  std::vector<Seen> seen;
  for (const auto& card : cards) seen.push_back(seen_of(card));
  discount_common_words(seen);
  return seen;
}

}  // namespace

std::string same_fact(const Card& a, const Card& b) {
  return same_fact(a, seen_of(a), b, seen_of(b));
}

int fact_form_rank(const Card& card, bool chosen) {
  if (chosen) return 0;
  if (card.type == card_type::kWhoSaid) return card.choices.empty() ? 2 : 1;
  if (card.type == card_type::kWhoSaidTyped) return 2;
  if (card.type == card_type::kQuoteCloze) return 4;
  if (card.type == card_type::kWhoIsReverse) return 5;
  return 3;
}

std::vector<DroppedRepeat> keep_one_card_per_fact(std::vector<Card>& cards,
                                                  const std::set<std::string>& chosen) {
  const std::size_t n = cards.size();
  const auto seen = seen_of_all(cards);
  // The most preferred form first (ties in deck order); a card is kept unless it repeats a kept
  // one. Comparing with kept cards only, never closing groups over chains, drops no card for a
  // fact it shares with nothing kept.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  const auto rank = [&](std::size_t i) {
    return fact_form_rank(cards[i], chosen.count(cards[i].id) > 0);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  std::vector<std::size_t> kept;
  std::vector<bool> keep(n, true);
  std::vector<DroppedRepeat> dropped;
  for (const std::size_t i : order) {
    if (!chosen.count(cards[i].id)) {
      for (const std::size_t k : kept) {
        auto why = same_fact(cards[k], seen[k], cards[i], seen[i]);
        if (why.empty()) continue;
        keep[i] = false;
        dropped.push_back({cards[i].id, cards[k].id, std::move(why)});
        break;
      }
    }
    if (keep[i]) kept.push_back(i);
  }
  std::vector<Card> out;
  for (std::size_t i = 0; i < n; ++i)
    if (keep[i]) out.push_back(std::move(cards[i]));
  cards = std::move(out);
  return dropped;
}

std::vector<std::pair<std::size_t, std::string>> repeated_facts(const std::vector<Card>& cards) {
  const auto seen = seen_of_all(cards);
  std::vector<std::pair<std::size_t, std::string>> out;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      auto why = same_fact(cards[j], seen[j], cards[i], seen[i]);
      if (why.empty()) continue;
      out.push_back({i, fmt::format("card {} ({}) {}", cards[j].id, cards[j].type, why)});
      break;
    }
  }
  return out;
}

}  // namespace citecard::deck
