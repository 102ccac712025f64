// The pronoun ranker: candidates, their cues, and a linear score (see pronoun_ranker.hpp).
#include "extract/pronoun_ranker.hpp"

#include <algorithm>
#include <cmath>

namespace citecard::extract_detail {
namespace {

struct Weight {
  std::string_view feature;
  double weight;
};

constexpr Weight kWeights[] = {
#include "extract/pronoun_weights.inc"
};

double weight_of(std::string_view feature) {
  for (const Weight& w : kWeights)
    if (w.feature == feature) return w.weight;
  return 0.0;
}

const char* bucket3(int value) {
  return value <= 0 ? "0" : value == 1 ? "1" : value == 2 ? "2" : "3+";
}

// What the window before the pronoun shows of one person.
struct Seen {
  int entity = -1;
  const NameMention* last = nullptr;  // the latest mention before the pronoun
  int mentions_in_window = 0;
  bool ever_subject = false;
};

bool opens_sentence(const Document& doc, const NameMention& m) {
  return m.np_first == doc.sentences[m.sentence].first_token;
}

// "Speaking in Beijing, the spokesman Lu Kang repeated …": the subject after an opening phrase.
bool after_opening_phrase(const Document& doc, const NameMention& m) {
  const Sentence& s = doc.sentences[m.sentence];
  if (m.np_first <= s.first_token + 1 || !doc.punct_is(m.np_first - 1, ',')) return false;
  for (std::uint32_t t = s.first_token; t + 1 < m.np_first; ++t)
    if (doc.punct_is(t, ',')) return false;
  return true;
}

}  // namespace

std::vector<PronounCandidate> rank_pronoun_candidates(const Document& doc, const Names& names,
                                                      std::uint32_t pronoun,
                                                      std::string_view gender,
                                                      const SpeechHistory& history) {
  const int sentence = doc.sentence_of_token[pronoun];
  const int paragraph = doc.sentences[sentence].paragraph;
  const auto& ms = names.mentions;
  const auto pos = std::lower_bound(ms.begin(), ms.end(), pronoun,
                                    [](const NameMention& m, std::uint32_t tok) {
                                      return m.first_token < tok;
                                    }) -
                   ms.begin();
  std::vector<Seen> seen;  // most recent first
  for (std::ptrdiff_t k = pos - 1; k >= 0 && pos - k <= 80; --k) {
    const NameMention& m = ms[k];
    if (paragraph - doc.sentences[m.sentence].paragraph > 4) break;
    if (m.entity < 0) continue;
    const Entity& e = names.entities[m.entity].entity;
    if (e.kind != EntityKind::person || (!e.gender.empty() && e.gender != gender)) continue;
    auto it =
        std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.entity == m.entity; });
    if (it == seen.end()) {
      seen.push_back({m.entity, &m, 0, false});
      it = seen.end() - 1;
    }
    ++it->mentions_in_window;
    it->ever_subject |= opens_sentence(doc, m) || after_opening_phrase(doc, m);
  }
  const bool pronoun_opens = doc.sentences[sentence].first_token == pronoun;
  const int names_pick = names.entity_of_pronoun(pronoun);
  std::vector<PronounCandidate> out;
  for (std::size_t rank = 0; rank < seen.size() && rank < 8; ++rank) {
    const Seen& s = seen[rank];
    const NameMention& m = *s.last;
    PronounCandidate c;
    c.entity = s.entity;
    auto& f = c.features;
    const int sentences_back = sentence - m.sentence;
    const int paragraphs_back = paragraph - doc.sentences[m.sentence].paragraph;
    f.push_back(std::string("rank=") + bucket3(static_cast<int>(rank)));
    f.push_back(std::string("sentences_back=") + bucket3(sentences_back));
    f.push_back(std::string("paragraphs_back=") + bucket3(paragraphs_back));
    const bool subject = opens_sentence(doc, m);
    if (subject) f.push_back("subject");
    if (after_opening_phrase(doc, m)) f.push_back("subject_after_opening_phrase");
    if (s.ever_subject) f.push_back("subject_in_window");
    if (subject && sentences_back == 1) f.push_back("subject&previous_sentence");
    if (pronoun_opens && subject) f.push_back("pronoun_opens&subject");
    if (doc.tokens[m.first_token].quote >= 0) f.push_back("inside_quote");
    if (m.last_token > 0 && doc.tokens[m.last_token - 1].possessive) f.push_back("possessive");
    if (names.entities[s.entity].entity.gender.empty()) f.push_back("gender_unknown");
    if (s.entity == names_pick) f.push_back("nearest_subject_pick");
    if (s.entity == history.last_speaker) {
      f.push_back("last_speaker");
      f.push_back(std::string("last_speaker&rank=") + bucket3(static_cast<int>(rank)));
    }
    const int reported = static_cast<std::size_t>(s.entity) < history.times_reported.size()
                             ? history.times_reported[s.entity]
                             : 0;
    f.push_back(std::string("reported=") + bucket3(reported));
    const std::size_t mentions = names.entities[s.entity].entity.mentions.size();
    f.push_back(std::string("mentions=") + (mentions <= 1 ? "1" : mentions <= 3 ? "2-3" : "4+"));
    f.push_back(std::string("window_mentions=") + bucket3(s.mentions_in_window));
    for (const std::string& name : f) c.score += weight_of(name);
    out.push_back(std::move(c));
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const PronounCandidate& a, const PronounCandidate& b) { return a.score > b.score; });
  return out;
}

double top_candidate_share(const std::vector<PronounCandidate>& ranked) {
  if (ranked.empty()) return 0.0;
  double total = 0;
  for (const PronounCandidate& c : ranked) total += std::exp(c.score - ranked.front().score);
  return 1.0 / total;
}

}  // namespace citecard::extract_detail
