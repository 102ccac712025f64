// The speaker model: candidates, their cues, a linear score (see speaker_model.hpp).
#include "extract/speaker_model.hpp"

#include "extract/lexicon.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace citecard::extract_detail {
namespace {

struct SpeakerWeight {
  std::string_view feature;
  double weight;
};

constexpr SpeakerWeight kSpeakerWeights[] = {
#include "extract/speaker_weights.inc"
};

double speaker_weight(std::string_view feature) {
  // Looked up for every cue of every candidate of every quote: a hash map built once.
  static const std::unordered_map<std::string_view, double> map = [] {
    std::unordered_map<std::string_view, double> m;
    for (const SpeakerWeight& w : kSpeakerWeights) m.emplace(w.feature, w.weight);
    return m;
  }();
  const auto it = map.find(feature);
  return it == map.end() ? 0.0 : it->second;
}

const char* count_bucket(int value) {
  return value <= 0 ? "0" : value == 1 ? "1" : value == 2 ? "2" : "3+";
}

const char* token_bucket(std::uint32_t distance) {
  return distance <= 3 ? "0-3" : distance <= 10 ? "4-10" : distance <= 30 ? "11-30" : "31+";
}

constexpr int kParagraphsBack = 2;
constexpr std::size_t kMaxEntities = 10;

// What the window around the quote shows of one entity.
struct Seen {
  int entity = -1;
  int nearest = -1;  // mention nearest the quote (tokens)
  std::uint32_t distance = ~0u;
  bool before_in_sentence = false;  // named in the quote's sentence before the quote
  bool after_in_sentence = false;   // named in the quote's sentence after the quote
  bool previous_sentence = false;
  bool next_sentence = false;
  int paragraphs_back = 99;  // of its latest mention before the quote
  int mentions_in_window = 0;
  bool subject = false;     // some mention in the window opens its sentence
  bool object_only = true;  // every mention in the quote's sentence follows a preposition
  bool in_quote_sentence = false;
  bool possessive = false;  // its nearest mention is "X's"
};

bool is_subject_mention(const Document& doc, const NameMention& m) {
  const Sentence& s = doc.sentences[m.sentence];
  if (m.np_first == s.first_token) return true;
  // "Speaking in Beijing, the spokesman Lu Kang said …": the subject after an opening phrase.
  if (m.np_first <= s.first_token + 1 || !doc.punct_is(m.np_first - 1, ',')) return false;
  for (std::uint32_t t = s.first_token; t + 1 < m.np_first; ++t)
    if (doc.punct_is(t, ',')) return false;
  return true;
}

// "a note on Davis", "asked about Clinton": the name is what the sentence speaks of.
bool after_preposition(const Document& doc, const NameMention& m) {
  std::uint32_t t = m.np_first;
  while (t > 0 && doc.is_word(t - 1) && (doc.tokens[t - 1].flags & word::kDeterminer)) --t;
  if (t == 0 || !doc.is_word(t - 1)) return false;
  const std::uint32_t f = doc.tokens[t - 1].flags;
  return (f & (word::kBoundary | word::kConnector)) && !(f & word::kSpeech);
}

bool listed(const std::vector<int>& list, int value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<Seen> entities_around(const Document& doc, const Names& names, const QuoteSpan& q) {
  const int open_sentence = doc.sentence_of_token[q.open_token];
  const std::uint32_t close =
      std::min<std::uint32_t>(q.close_token, static_cast<std::uint32_t>(doc.tokens.size()) - 1);
  const int close_sentence = doc.sentence_of_token[close];
  const auto& ms = names.mentions;
  const auto pos = std::lower_bound(ms.begin(), ms.end(), q.open_token,
                                    [](const NameMention& m, std::uint32_t tok) {
                                      return m.first_token < tok;
                                    }) -
                   ms.begin();
  std::vector<Seen> seen;
  auto see = [&](std::ptrdiff_t k) {
    const NameMention& m = ms[k];
    if (m.entity < 0) return;
    const EntityKind kind = names.entities[m.entity].entity.kind;
    if (kind != EntityKind::person && kind != EntityKind::organisation) return;
    auto it =
        std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.entity == m.entity; });
    if (it == seen.end()) {
      seen.push_back(Seen{});
      it = seen.end() - 1;
      it->entity = m.entity;
    }
    Seen& s = *it;
    ++s.mentions_in_window;
    const bool before = m.last_token <= q.open_token;
    const std::uint32_t distance =
        before ? q.open_token - m.last_token : m.first_token - std::min(m.first_token, close);
    if (distance < s.distance) {
      s.distance = distance;
      s.nearest = static_cast<int>(k);
      s.possessive = m.last_token > 0 && doc.tokens[m.last_token - 1].possessive;
    }
    const bool in_sentence = m.sentence >= open_sentence && m.sentence <= close_sentence;
    if (in_sentence) {
      s.in_quote_sentence = true;
      (before ? s.before_in_sentence : s.after_in_sentence) = true;
      if (!after_preposition(doc, m)) s.object_only = false;
    }
    if (m.sentence == open_sentence - 1) s.previous_sentence = true;
    if (m.sentence == close_sentence + 1) s.next_sentence = true;
    if (before) {
      s.paragraphs_back =
          std::min(s.paragraphs_back, q.paragraph - doc.sentences[m.sentence].paragraph);
    }
    s.subject |= is_subject_mention(doc, m);
  };
  for (std::ptrdiff_t k = pos - 1; k >= 0 && pos - k <= 120; --k) {
    if (q.paragraph - doc.sentences[ms[k].sentence].paragraph > kParagraphsBack) break;
    see(k);
  }
  for (std::ptrdiff_t k = pos; k < static_cast<std::ptrdiff_t>(ms.size()) && k - pos <= 40; ++k) {
    if (ms[k].sentence > close_sentence + 1 ||
        doc.sentences[ms[k].sentence].paragraph != doc.sentences[close_sentence].paragraph)
      break;
    if (ms[k].first_token < q.close_token && ms[k].first_token >= q.open_token) continue;
    see(k);
  }
  std::stable_sort(seen.begin(), seen.end(),
                   [](const Seen& a, const Seen& b) { return a.distance < b.distance; });
  if (seen.size() > kMaxEntities) seen.resize(kMaxEntities);
  return seen;
}

void entity_features(const Names& names, const Seen& s, const SpeakerEvidence& ev, std::size_t rank,
                     Cues& f) {
  const Entity& e = names.entities[s.entity].entity;
  const bool person = e.kind == EntityKind::person;
  f.push(person ? "person" : "organisation");
  f.push("rank=", count_bucket(static_cast<int>(rank)));
  f.push("distance=", token_bucket(s.distance));
  if (s.before_in_sentence) f.push("named_before_in_sentence");
  if (s.after_in_sentence) f.push("named_after_in_sentence");
  if (s.in_quote_sentence && s.object_only) f.push("object_of_preposition");
  if (s.previous_sentence) f.push("previous_sentence");
  if (s.next_sentence) f.push("next_sentence");
  if (!s.in_quote_sentence) {
    f.push("paragraphs_back=", (s.paragraphs_back > 2 ? "after" : count_bucket(s.paragraphs_back)));
  }
  if (s.subject) f.push("subject");
  if (s.possessive) f.push("possessive");
  f.push("window_mentions=", count_bucket(s.mentions_in_window));
  const std::size_t mentions = e.mentions.size();
  f.push("mentions=", (mentions <= 1 ? "1" : mentions <= 3 ? "2-3" : "4+"));
  if (listed(ev.sentence_speakers, s.entity)) f.push("speaks_in_sentence");
  const auto recent = std::find(ev.recent_speakers.begin(), ev.recent_speakers.end(), s.entity);
  if (recent != ev.recent_speakers.end()) {
    f.push("recent_speaker=", count_bucket(static_cast<int>(recent - ev.recent_speakers.begin())));
  }
  int reported = 0;
  for (const auto& [who, times] : ev.times_reported)
    if (who == s.entity) reported = times;
  f.push("reported=", count_bucket(reported));
  // A relay: an organisation while a person speaks in the sentence ("Putin said, the Kremlin
  // reported"), or an agency the quote's person is reported through.
  if (!person) {
    bool person_speaks = false;
    for (int other : ev.sentence_speakers)
      person_speaks |= other != s.entity && names.entities[other].entity.kind == EntityKind::person;
    if (person_speaks) f.push("organisation&person_speaks");
  }
  if (!ev.pronoun_gender.empty()) {
    const char* agreement = !person                         ? "pronoun&organisation"
                            : e.gender.empty()              ? "pronoun&gender_unknown"
                            : e.gender == ev.pronoun_gender ? "pronoun&gender_agrees"
                                                            : "pronoun&gender_differs";
    f.push(agreement);
  }
}

void rule_features(const SpeakerEvidence& ev, Cues& f) {
  f.push("rules_pick");
  f.push("rules_pick&rule=", ev.rule);
  f.push("rules_pick&mention=", ev.mention);
  f.push("rules_pick&rule=", ev.rule, "&mention=", ev.mention);
  if (!ev.pronoun_gender.empty()) {
    // "he said" after two men: the pronoun ranker's doubt is the rules' doubt.
    const double share = ev.pronoun_share;
    f.push("rules_pick&pronoun_share=", (share < 0.5    ? "<0.5"
                                         : share < 0.8  ? "0.5-0.8"
                                         : share < 0.95 ? "0.8-0.95"
                                                        : ">=0.95"));
  }
}

// "Tom Lee and Carlos Mendes walked …": named together with the rules' answer, so as likely
// the one a following "he" means.
bool grouped_with(const Names& names, const Seen& s, int other) {
  if (other < 0 || s.nearest < 0) return false;
  const int g = names.mentions[s.nearest].group;
  if (g < 0) return false;
  for (int m : names.groups[g].mentions)
    if (names.mentions[m].entity == other) return true;
  return false;
}

}  // namespace

std::vector<SpeakerCandidate> speaker_candidates(const Document& doc, const Names& names,
                                                 const QuoteSpan& quote,
                                                 const SpeakerEvidence& ev) {
  std::vector<SpeakerCandidate> out;
  const std::vector<Seen> seen = entities_around(doc, names, quote);
  if (ev.rule_entity >= 0 || ev.rule_text) {
    SpeakerCandidate c;
    c.kind = SpeakerCandidate::Kind::rules_answer;
    c.entity = ev.rule_entity;
    rule_features(ev, c.features);
    if (ev.rule_entity < 0) c.features.push("rules_pick&no_entity");
    if (ev.group_noun) c.features.push("rules_pick&group_noun&rule=", ev.rule);
    for (std::size_t rank = 0; rank < seen.size(); ++rank) {
      if (seen[rank].entity != ev.rule_entity) continue;
      c.mention = seen[rank].nearest;
      entity_features(names, seen[rank], ev, rank, c.features);
    }
    if (ev.rule_entity >= 0 && c.mention < 0) c.features.push("rules_pick&outside_window");
    out.push_back(std::move(c));
  }
  for (std::size_t rank = 0; rank < seen.size(); ++rank) {
    if (seen[rank].entity == ev.rule_entity) continue;
    SpeakerCandidate c;
    c.entity = seen[rank].entity;
    c.mention = seen[rank].nearest;
    entity_features(names, seen[rank], ev, rank, c.features);
    if (grouped_with(names, seen[rank], ev.rule_entity)) {
      c.features.push("named_with_rules_pick");
      if (!ev.pronoun_gender.empty()) c.features.push("named_with_rules_pick&pronoun");
    }
    if (ev.rule_entity >= 0 || ev.rule_text) {
      c.features.push("against_rule=", ev.rule);
      // A name earlier in the sentence whose speech verb the rules gave to someone else.
      if (seen[rank].before_in_sentence)
        c.features.push("named_before_in_sentence&against_rule=", ev.rule);
    } else {
      c.features.push("rules_found_nobody");
    }
    out.push_back(std::move(c));
  }
  SpeakerCandidate nobody;
  nobody.kind = SpeakerCandidate::Kind::nobody;
  nobody.features.push("nobody");
  nobody.features.push("nobody&rule=", ev.rule);
  if (ev.partial) nobody.features.push("nobody&partial");
  nobody.features.push("nobody&words=", (ev.words <= 4 ? "1-4" : ev.words <= 12 ? "5-12" : "13+"));
  out.push_back(std::move(nobody));
  for (SpeakerCandidate& c : out) {
    c.score = 0;
    c.features.for_each([&c](std::string_view cue) { c.score += speaker_weight(cue); });
  }
  return out;
}

std::pair<std::size_t, double> best_speaker(const std::vector<SpeakerCandidate>& candidates) {
  std::size_t best = 0;
  for (std::size_t k = 1; k < candidates.size(); ++k)
    if (candidates[k].score > candidates[best].score) best = k;
  double total = 0;
  for (const SpeakerCandidate& c : candidates) total += std::exp(c.score - candidates[best].score);
  return {best, 1.0 / total};
}

}  // namespace citecard::extract_detail
