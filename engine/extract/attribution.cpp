// Attribution, in the order a reader applies it:
//   1. right after the quote: "…," said X / "…," X said / "…," according to X;
//   2. earlier in the same sentence: X said (that) … "…" / X told reporters: "…" / "…," she
//      said, "…" (the second half of an interrupted quote);
//   3. not a quote at all when introduced as a name: so-called, dubbed, known as, titled …;
//   4. otherwise the speaker carries on: the previous quote of the paragraph, the quote left
//      open at the end of the previous paragraph, a colon introduction, or the last person
//      reported as speaking in the two paragraphs before.
// Pronouns go to the person names.cpp resolved them to; "they" and "the authors" to people named
// together; "the professor" to the person the article gives that role.
#include "extract/attribution.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "extract/lexicon.hpp"
#include "extract/pronoun_ranker.hpp"
#include "extract/speaker_model.hpp"
#include "extract/utf8.hpp"

namespace citecard::extract_detail {
namespace {

struct Speaker {
  int entity = -1;
  std::vector<int> co_entities;
  std::string text;                   // when no entity: "U.S. officials", "some analysts"
  std::uint32_t first = 0, last = 0;  // the mention's tokens
  bool generic = false;     // a bare plural ("critics", "conservatives"): cannot own a naming verb
  bool unresolved = false;  // "he said" with nobody for "he" to be: a quote, speaker unknown
  bool weak = false;        // a bare definite description ("the town"): speaks only for its cue
  bool group_noun = false;  // a description headed by a group noun ("some analysts", "officials")
  const char* rule = "none";              // AttributionEvidence::rule
  const char* mention = "none";           // AttributionEvidence::mention
  double share = 1.0;                     // AttributionEvidence::resolution_share
  std::vector<PronounCandidate> ranking;  // kept only when tracing
  bool valid() const { return entity >= 0 || !text.empty(); }
};

struct Event {
  std::uint32_t token;
  int paragraph;
  Speaker speaker;
};

class Attributor {
 public:
  Attributor(const Document& doc, const Names& names, std::vector<PronounTrace>* trace,
             std::vector<SpeakerTrace>* speaker_trace)
      : doc_(doc), names_(names), trace_(trace), speaker_trace_(speaker_trace) {}

  std::vector<Quote> run();

 private:
  std::uint64_t flags(std::uint32_t t) const { return doc_.tokens[t].flags; }

  bool speech_verb(std::uint32_t t, std::uint32_t end) const {
    const Token& tok = doc_.tokens[t];
    if (tok.kind != TokenKind::word || tok.quote >= 0 || !(tok.flags & word::kSpeech)) return false;
    if (tok.upper && !(t > 0 && doc_.sentence_of_token[t - 1] != doc_.sentence_of_token[t])) {
      return false;  // "Washington Post": part of a name
    }
    if (doc_.token_is(t, "according")) return t + 1 < end && doc_.token_is(t + 1, "to");
    return true;
  }
  bool according(std::uint32_t t) const { return doc_.token_is(t, "according"); }

  // May this token be part of a speaker's noun phrase?
  bool np_word(std::uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (tok.quote >= 0) return false;
    if (tok.kind == TokenKind::number) return true;  // "the 6th U.S. Circuit"
    if (tok.kind == TokenKind::punct) {
      // The period of "Sen." glued to its abbreviation.
      // The period of "Sen." or of an initial ("Michael C. Cernech") glued to its word.
      if (doc_.text[tok.begin] != '.' || t == 0 || doc_.tokens[t - 1].end != tok.begin)
        return false;
      const Token& before = doc_.tokens[t - 1];
      return (before.flags & word::kAbbrev) ||
             (before.kind == TokenKind::word && before.upper && before.end - before.begin == 1);
    }
    if (tok.kind != TokenKind::word) return false;
    if (tok.upper || tok.acronym) return !(tok.flags & word::kSpeech) || tok.upper;
    const std::string w = doc_.folded_word(t);
    if (w == "and") return true;
    if (tok.flags & (word::kRole | word::kGroupNoun | word::kDeterminer)) return true;
    if (tok.flags & (word::kBoundary | word::kSpeech | word::kSkip)) return false;
    return true;  // adjectives and nouns: "bakery owner", "political analyst"
  }

  std::optional<std::pair<std::uint32_t, std::uint32_t>> np_before(std::uint32_t verb,
                                                                   std::uint32_t sb) const;
  std::optional<std::pair<std::uint32_t, std::uint32_t>> np_after(std::uint32_t verb,
                                                                  std::uint32_t se) const;
  Speaker interpret(std::uint32_t b, std::uint32_t e) const;
  Speaker resolve_role(std::string_view noun, std::uint32_t at) const;
  Speaker last_group_before(std::uint32_t at) const;
  int last_speaker_before(std::uint32_t at, std::string_view gender) const;
  SpeechHistory history_before(std::uint32_t at, std::string_view gender) const;
  Speaker speaker_of_verb(std::uint32_t verb, std::uint32_t sb, std::uint32_t se,
                          bool& generic_naming) const;
  Speaker after_quote(const QuoteSpan& q, std::uint32_t se) const;
  Speaker before_quote(const QuoteSpan& q, std::uint32_t sb, bool& dubbed) const;
  Speaker colon_before(const QuoteSpan& q, std::uint32_t sb) const;
  bool introduced_as_name(const QuoteSpan& q) const;
  bool title_phrase(const QuoteSpan& q) const;
  bool media_noun_before(const QuoteSpan& q) const;
  Speaker continuing(const QuoteSpan& q, const std::vector<Quote>& out,
                     const std::vector<Speaker>& speakers, bool partial) const;
  void collect_events();
  SpeakerEvidence evidence_for(const QuoteSpan& q, const Speaker& sp, bool partial,
                               std::size_t words) const;
  Speaker weigh_speakers(const QuoteSpan& q, const Speaker& rules, bool partial, std::size_t words,
                         double& share);
  void fill_evidence(const QuoteSpan& q, const Speaker& sp, AttributionEvidence& ev);
  std::vector<std::vector<int>> people_by_paragraph_;  // distinct person entities named there

  const Document& doc_;
  const Names& names_;
  std::vector<Event> events_;        // reported speech outside quotes, in text order
  std::vector<Event> quote_events_;  // attributed quotes, in text order
  std::vector<PronounTrace>* trace_;
  std::vector<SpeakerTrace>* speaker_trace_;
};

std::optional<std::pair<std::uint32_t, std::uint32_t>> Attributor::np_before(
    std::uint32_t verb, std::uint32_t sb) const {
  std::uint32_t end = verb;
  while (end > sb && doc_.is_word(end - 1) && !doc_.tokens[end - 1].upper &&
         (flags(end - 1) & word::kSkip) && !(flags(end - 1) & word::kPronoun)) {
    --end;
  }
  if (end == sb) return std::nullopt;
  if (doc_.punct_is(end - 1, ',')) {
    // Skip an appositive or relative clause back to the subject before it; an appositive that
    // is itself a bare name is the subject ("the group's attorney, Melissa Stewart, said").
    std::uint32_t c = end - 1;
    std::uint32_t open = c;
    while (open > sb && open + 40 > c) {
      --open;
      const Token& tok = doc_.tokens[open];
      if (tok.kind == TokenKind::mark || tok.quote >= 0) return std::nullopt;
      if (tok.kind == TokenKind::punct && doc_.text[tok.begin] == ',') break;
    }
    if (open == c || !doc_.punct_is(open, ',')) return std::nullopt;
    const int m = names_.mention_at_token[open + 1];
    if (m >= 0 && names_.mentions[m].last_token == c && names_.mentions[m].np_first == open + 1) {
      return std::make_pair(open + 1, c);
    }
    end = open;
  }
  std::uint32_t b = end;
  while (b > sb && b + 12 > end && np_word(b - 1)) {
    --b;
    if (doc_.is_word(b) && !doc_.tokens[b].upper && (flags(b) & word::kDeterminer) &&
        !doc_.token_is(b, "two"))
      break;
  }
  // "and" may only join names or nouns, never open the phrase.
  while (b < end && doc_.is_word(b) && doc_.token_is(b, "and")) ++b;
  if (b == end) return std::nullopt;
  return std::make_pair(b, end);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> Attributor::np_after(
    std::uint32_t verb, std::uint32_t se) const {
  std::uint32_t b = verb + 1;
  if (according(verb)) ++b;
  std::uint32_t e = b;
  while (e < se && e < b + 12 && np_word(e)) ++e;
  if (e == b) return std::nullopt;
  // "said the group's attorney, Melissa Stewart."
  if (e + 1 < se && doc_.punct_is(e, ',')) {
    const int m = names_.mention_at_token[e + 1];
    if (m >= 0 && names_.mentions[m].np_first == e + 1) {
      const std::uint32_t me = names_.mentions[m].last_token;
      bool head_is_name = false;
      for (std::uint32_t t = b; t < e; ++t) head_is_name |= names_.mention_at_token[t] >= 0;
      const bool closes = me >= se || doc_.punct_is(me, ',') || doc_.punct_is(me, '.');
      if (!head_is_name && closes) return std::make_pair(e + 1, me);
    }
  }
  return std::make_pair(b, e);
}

Speaker Attributor::last_group_before(std::uint32_t at) const {
  Speaker s;
  auto it =
      std::lower_bound(names_.groups.begin(), names_.groups.end(), at,
                       [](const NameGroup& g, std::uint32_t tok) { return g.first_token < tok; });
  if (it == names_.groups.begin()) return s;
  const NameGroup& group = *(it - 1);
  if (at - group.first_token > 600) return s;
  s.entity = names_.mentions[group.mentions.front()].entity;
  for (std::size_t k = 1; k < group.mentions.size(); ++k) {
    s.co_entities.push_back(names_.mentions[group.mentions[k]].entity);
  }
  return s;
}

int Attributor::last_speaker_before(std::uint32_t at, std::string_view gender) const {
  const int para = doc_.sentences[doc_.sentence_of_token[at]].paragraph;
  const Event* best = nullptr;
  for (const std::vector<Event>* list : {&events_, &quote_events_}) {
    auto it = std::lower_bound(list->begin(), list->end(), at,
                               [](const Event& e, std::uint32_t tok) { return e.token < tok; });
    while (it != list->begin()) {
      --it;
      if (para - it->paragraph > 1) break;
      const int e = it->speaker.entity;
      if (e < 0 || !it->speaker.co_entities.empty()) continue;
      const Entity& entity = names_.entities[e].entity;
      if (entity.kind != EntityKind::person || entity.gender != gender) continue;
      if (!best || it->token > best->token) best = &*it;
      break;
    }
  }
  return best ? best->speaker.entity : -1;
}

SpeechHistory Attributor::history_before(std::uint32_t at, std::string_view gender) const {
  SpeechHistory h;
  h.last_speaker = last_speaker_before(at, gender);
  h.times_reported.assign(names_.entities.size(), 0);
  const int para = doc_.sentences[doc_.sentence_of_token[at]].paragraph;
  for (const std::vector<Event>* list : {&events_, &quote_events_}) {
    auto it = std::lower_bound(list->begin(), list->end(), at,
                               [](const Event& e, std::uint32_t tok) { return e.token < tok; });
    while (it != list->begin()) {
      --it;
      if (para - it->paragraph > 4) break;
      if (it->speaker.entity >= 0) ++h.times_reported[static_cast<std::size_t>(it->speaker.entity)];
    }
  }
  return h;
}

Speaker Attributor::resolve_role(std::string_view noun, std::uint32_t at) const {
  // A heading speaks of the section under it, so look ahead first there; elsewhere the
  // description refers back to the most recent person given that role.
  Speaker s;
  const int para = doc_.sentences[doc_.sentence_of_token[at]].paragraph;
  const bool heading = doc_.paragraphs[para].heading;
  int before = -1;
  int after = -1;
  auto matches = [&](const NameMention& m) {
    const Entity& e = names_.entities[m.entity].entity;
    return e.kind == EntityKind::person && role_matches(e.role, noun);
  };
  const auto& ms = names_.mentions;
  const auto pos = std::lower_bound(ms.begin(), ms.end(), at,
                                    [](const NameMention& m, std::uint32_t tok) {
                                      return m.first_token < tok;
                                    }) -
                   ms.begin();
  for (std::ptrdiff_t k = pos - 1; k >= 0 && pos - k < 3000; --k) {
    if (para - doc_.sentences[ms[k].sentence].paragraph > 4) break;
    if (matches(ms[k])) {
      before = ms[k].entity;
      break;
    }
  }
  for (std::ptrdiff_t k = pos; k < static_cast<std::ptrdiff_t>(ms.size()) && k - pos < 3000; ++k) {
    if (matches(ms[k])) {
      after = ms[k].entity;
      break;
    }
  }
  s.entity = heading ? (after >= 0 ? after : before) : (before >= 0 ? before : after);
  return s;
}

Speaker Attributor::interpret(std::uint32_t b, std::uint32_t e) const {
  Speaker s;
  s.first = b;
  s.last = e;
  if (e - b == 1 && doc_.is_word(b) && (flags(b) & word::kPronoun)) {
    const std::string w = doc_.folded_word(b);
    s.mention = "pronoun";
    if (w == "he" || w == "she") {
      // "…," she said: a reporter's pronoun speaker is most often the person last reported
      // speaking, not merely the last one named ("X told the paper she would rather vote for
      // Clinton. '…,' she said").
      const std::string_view gender = w == "he" ? "male" : "female";
      std::vector<PronounCandidate> ranked =
          rank_pronoun_candidates(doc_, names_, b, gender, history_before(b, gender));
      s.entity = ranked.empty() ? -1 : ranked.front().entity;
      s.share = top_candidate_share(ranked);
      s.unresolved = s.entity < 0;
      if (trace_) s.ranking = std::move(ranked);
    } else if (w == "they") {
      Speaker g = last_group_before(b);
      if (names_.group_of_pronoun(b) >= 0) {
        const NameGroup& group = names_.groups[names_.group_of_pronoun(b)];
        g = Speaker{};
        g.entity = names_.mentions[group.mentions.front()].entity;
        for (std::size_t k = 1; k < group.mentions.size(); ++k) {
          g.co_entities.push_back(names_.mentions[group.mentions[k]].entity);
        }
      }
      g.first = b;
      g.last = e;
      g.mention = "pronoun";
      return g;
    }
    return s;
  }
  // A person's name before "of" or "at" heads the phrase; what follows says where they work
  // ("Ross Eisenbrey of the Economic Policy Institute", "Peter T. King of New York").
  for (std::uint32_t t = b + 1; t + 1 < e; ++t) {
    if (!doc_.token_is(t, "of") && !doc_.token_is(t, "at")) continue;
    const int m = names_.mention_at_token[t - 1];
    if (m >= 0 && names_.mentions[m].last_token == t && names_.mentions[m].entity >= 0 &&
        names_.mentions[m].kind != EntityKind::organisation &&
        names_.mentions[m].kind != EntityKind::place) {
      e = t;
    }
    break;
  }
  // The head of the phrase: the last name in it, unless a common noun follows that name
  // ("U.S. officials", "Al Jazeera reporter").
  int head = -1;
  for (std::uint32_t t = b; t < e; ++t) {
    const int m = names_.mention_at_token[t];
    if (m >= 0 && (head < 0 || names_.mentions[m].kind != EntityKind::place ||
                   names_.mentions[head].kind == EntityKind::place)) {
      head = m;
    }
  }
  std::uint32_t last_word = e - 1;
  while (last_word > b && !doc_.is_word(last_word)) --last_word;
  const bool noun_after_head =
      head >= 0 && names_.mentions[head].last_token <= last_word && !doc_.tokens[last_word].upper;
  if (head >= 0 && !noun_after_head) {
    const NameMention& m = names_.mentions[head];
    if (m.group >= 0) {
      const NameGroup& g = names_.groups[m.group];
      const NameMention& first = names_.mentions[g.mentions.front()];
      if (first.first_token >= b) {
        s.mention = "group";
        s.entity = first.entity;
        for (std::size_t k = 1; k < g.mentions.size(); ++k) {
          s.co_entities.push_back(names_.mentions[g.mentions[k]].entity);
        }
        return s;
      }
    }
    s.entity = m.entity;
    s.mention = m.last_token - m.first_token >= 2 ? "full_name" : "short_name";
    return s;
  }
  // A description. Plural references to people named together first.
  const std::string head_word = doc_.folded_word(last_word);
  const bool plural_ref = head_word == "authors" || head_word == "pair" || head_word == "duo" ||
                          head_word == "both" || head_word == "two" || head_word == "researchers" ||
                          head_word == "scholars" || head_word == "analysts";
  const bool definite = doc_.token_is(b, "the") || doc_.token_is(b, "both");
  if (plural_ref && definite) {
    Speaker g = last_group_before(b);
    g.mention = "group";
    if (g.valid()) return g;
  }
  s.mention = "description";
  if (flags(last_word) & word::kGroupNoun) {
    std::uint32_t from = b;
    if (doc_.token_is(from, "the") && from + 1 <= last_word) ++from;
    s.text = std::string(doc_.text.substr(doc_.tokens[from].begin,
                                          doc_.tokens[last_word].end - doc_.tokens[from].begin));
    bool has_modifier = false;
    for (std::uint32_t t = b; t < last_word; ++t)
      has_modifier |= doc_.is_word(t) || doc_.tokens[t].kind == TokenKind::number;
    s.generic = !has_modifier;
    s.group_noun = true;
    return s;
  }
  const std::string opener = doc_.folded_word(b);
  const bool indefinite = opener == "a" || opener == "an" || opener == "one" || opener == "another";
  if ((flags(last_word) & word::kRole) && indefinite) {
    s.text = std::string(
        doc_.text.substr(doc_.tokens[b].begin, doc_.tokens[last_word].end - doc_.tokens[b].begin));
    return s;
  }
  if (flags(last_word) & word::kRole) {
    Speaker r = resolve_role(head_word, b);
    if (r.valid()) {
      r.first = b;
      r.last = e;
      r.mention = "role";
      return r;
    }
    std::uint32_t from = b;
    if (doc_.token_is(from, "the")) ++from;
    if (from <= last_word) {
      s.text = std::string(doc_.text.substr(doc_.tokens[from].begin,
                                            doc_.tokens[last_word].end - doc_.tokens[from].begin));
    }
    return s;
  }
  // Any other short definite description: "the moderator", "the report", "the campaign". The
  // speaker is the description as written; it names nobody, so no who-said card asks it.
  if (doc_.token_is(b, "the") && last_word > b && last_word - b <= 4 && doc_.is_word(last_word) &&
      !doc_.tokens[last_word].upper && !(flags(last_word) & (word::kPronoun | word::kBoundary))) {
    s.text = std::string(doc_.text.substr(doc_.tokens[b + 1].begin,
                                          doc_.tokens[last_word].end - doc_.tokens[b + 1].begin));
    s.weak = true;
  }
  return s;
}

Speaker Attributor::speaker_of_verb(std::uint32_t verb, std::uint32_t sb, std::uint32_t se,
                                    bool& generic_naming) const {
  generic_naming = false;
  if (according(verb)) {
    auto np = np_after(verb, se);
    return np ? interpret(np->first, np->second) : Speaker{};
  }
  const bool naming = (flags(verb) & word::kNaming) != 0;
  auto np = np_before(verb, sb);
  if (np) {
    Speaker s = interpret(np->first, np->second);
    if (naming && s.valid() && s.generic) {
      generic_naming = true;
      return {};
    }
    if (s.valid() || s.unresolved) return s;
  }
  // "…," said X: the subject follows the verb when a quote or nothing precedes it.
  std::uint32_t before = verb;
  while (before > sb && doc_.tokens[before - 1].kind == TokenKind::punct &&
         doc_.text[doc_.tokens[before - 1].begin] == ',') {
    --before;
  }
  const bool after_quote = before > sb && doc_.tokens[before - 1].kind == TokenKind::mark;
  if ((after_quote || before == sb) && (flags(verb) & word::kInvertible) &&
      !(flags(verb) & word::kParticiple)) {
    auto after = np_after(verb, se);
    if (after) return interpret(after->first, after->second);
  }
  return {};
}

Speaker Attributor::after_quote(const QuoteSpan& q, std::uint32_t se) const {
  if (!q.closed) return {};
  std::uint32_t a = q.close_token + 1;
  // The second mark of a closing '' (two apostrophes standing for a double mark).
  while (a < se && doc_.tokens[a].kind == TokenKind::mark && !doc_.tokens[a].space_before) ++a;
  while (
      a < se && doc_.tokens[a].kind == TokenKind::punct &&
      (doc_.punct_is(a, ',') || doc_.token_text(a) == "\u2014" || doc_.token_text(a) == "\u2013")) {
    ++a;
  }
  while (a < se && doc_.tokens[a].kind == TokenKind::number && !doc_.tokens[a].space_before) ++a;
  if (a >= se) return {};
  if (speech_verb(a, se)) {
    if (according(a) || ((flags(a) & word::kInvertible) && !(flags(a) & word::kParticiple))) {
      auto np = np_after(a, se);
      if (np) {
        Speaker s = interpret(np->first, np->second);
        s.rule = "said_after";
        return s;
      }
    }
    return {};
  }
  // "…," Robbie Gramer and Amy Mackinnon wrote — a subject, then its verb.
  std::uint32_t k = a;
  std::uint32_t np_end = 0;
  while (k < se && k < a + 16) {
    if (speech_verb(k, se) && !(flags(k) & word::kParticiple) && !according(k)) break;
    if (doc_.punct_is(k, ',') && np_end == 0) {
      np_end = k;  // the appositive after the subject: skip it up to the next comma
      ++k;
      while (k < se && k < a + 40 && !doc_.punct_is(k, ',') &&
             doc_.tokens[k].kind != TokenKind::mark)
        ++k;
      if (k < se && doc_.punct_is(k, ',')) {
        ++k;
        continue;
      }
      return {};
    }
    if (!np_word(k) && !(doc_.is_word(k) && (flags(k) & word::kSkip))) return {};
    ++k;
  }
  if (k >= se || k == a || !speech_verb(k, se)) return {};
  std::uint32_t e = np_end ? np_end : k;
  while (e > a && doc_.is_word(e - 1) && (flags(e - 1) & word::kSkip) && !doc_.tokens[e - 1].upper)
    --e;
  if (e == a) return {};
  Speaker s = interpret(a, e);
  if ((flags(k) & word::kNaming) && s.generic) return {};
  s.rule = "subject_after";
  return s;
}

Speaker Attributor::before_quote(const QuoteSpan& q, std::uint32_t sb, bool& dubbed) const {
  const std::uint32_t se = doc_.sentences[doc_.sentence_of_token[q.open_token]].last_token;
  std::uint32_t t = q.open_token;
  int seen = 0;
  while (t > sb && seen < 60) {
    --t;
    if (doc_.tokens[t].quote >= 0) continue;
    ++seen;
    if (!speech_verb(t, se)) continue;
    if (flags(t) & word::kParticiple && !according(t)) continue;  // "adding": the main verb decides
    bool generic_naming = false;
    Speaker s = speaker_of_verb(t, sb, se, generic_naming);
    if (generic_naming) {
      dubbed = true;
      return {};
    }
    s.rule = "said_before";
    if (s.valid() || s.unresolved) return s;
  }
  return colon_before(q, sb);
}

Speaker Attributor::colon_before(const QuoteSpan& q, std::uint32_t sb) const {
  // "McConnell delivered a blunt message to Trump: "…"" / "Donald Trump: "…"": a colon just
  // before the quote introduces it, and the one introducing is the name before the colon or
  // else the subject of the sentence.
  const Paragraph& para = doc_.paragraphs[q.paragraph];
  if (q.open_token <= para.first_token || !doc_.punct_is(q.open_token - 1, ':')) return {};
  // The quote may open a sentence of its own after the colon: the introduction is the one before.
  sb = doc_.sentences[doc_.sentence_of_token[q.open_token - 1]].first_token;
  auto as_speaker = [&](int m) {
    Speaker sp;
    const NameMention& mention = names_.mentions[m];
    if (mention.entity < 0) return sp;
    const EntityKind kind = names_.entities[mention.entity].entity.kind;
    if (kind != EntityKind::person && kind != EntityKind::organisation) return sp;
    sp.entity = mention.entity;
    sp.first = mention.np_first;
    sp.last = mention.last_token;
    sp.rule = "colon_before";
    sp.mention = mention.last_token - mention.first_token >= 2 ? "full_name" : "short_name";
    return sp;
  };
  const std::uint32_t colon = q.open_token - 1;
  if (colon > sb) {
    const int m = names_.mention_at_token[colon - 1];
    if (m >= 0 && names_.mentions[m].last_token == colon && names_.mentions[m].np_first == sb) {
      return as_speaker(m);  // the name alone before the colon: a transcript or a post
    }
  }
  for (std::uint32_t t = sb; t < colon; ++t) {
    const int m = names_.mention_at_token[t];
    if (m < 0) continue;
    const NameMention& mention = names_.mentions[m];
    if (mention.entity < 0 ||
        (names_.entities[mention.entity].entity.kind != EntityKind::person &&
         names_.entities[mention.entity].entity.kind != EntityKind::organisation)) {
      t = mention.last_token - 1;  // a capitalised opener ("Harbour master …"), not a name
      continue;
    }
    // The subject opens the sentence (a few words of title before it: "Harbour master"), or
    // follows an opening phrase ("Speaking in Oslo, …").
    bool words_only = mention.np_first <= sb + 3;
    for (std::uint32_t k = sb; k < mention.np_first && words_only; ++k)
      words_only = doc_.is_word(k);
    const bool subject =
        words_only || (mention.np_first > sb + 1 && doc_.punct_is(mention.np_first - 1, ','));
    if (!subject) return {};
    // The subject must be followed by its verb, not by more of a list or a clause.
    const std::uint32_t after = mention.last_token;
    if (after >= colon || !doc_.is_word(after) || doc_.tokens[after].upper) return {};
    return as_speaker(m);
  }
  return {};
}

bool Attributor::introduced_as_name(const QuoteSpan& q) const {
  const Paragraph& para = doc_.paragraphs[q.paragraph];
  std::uint32_t t = q.open_token;
  for (int skipped = 0; t > para.first_token && skipped < 4;) {
    --t;
    if (!doc_.is_word(t)) return false;
    const std::string w = doc_.folded_word(t);
    if (flags(t) & word::kDubCue) return !doc_.tokens[t].upper || w == "so-called";
    if (w == "the" || w == "a" || w == "an" || w == "as" || w == "it" || w == "him" || w == "her" ||
        w == "them" || w == "this" || w == "its" || w == "their" || w == "his" || w == "itself") {
      ++skipped;
      continue;
    }
    return false;
  }
  return false;
}

Speaker Attributor::continuing(const QuoteSpan& q, const std::vector<Quote>& out,
                               const std::vector<Speaker>& speakers, bool partial) const {
  // The previous quote of the same paragraph.
  for (std::size_t k = out.size(); k-- > 0;) {
    if (out[k].paragraph != q.paragraph) break;
    if (speakers[k].valid()) {
      Speaker sp = speakers[k];
      sp.rule = "same_paragraph";
      return sp;
    }
  }
  const Paragraph& para = doc_.paragraphs[q.paragraph];
  const std::size_t index = static_cast<std::size_t>(&q - doc_.quotes.data());
  if (index > 0 && q.open_token == para.first_token && !out.empty() && speakers.back().valid()) {
    // A quote left open at the end of the previous paragraph continues here.
    const QuoteSpan& prev = doc_.quotes[index - 1];
    if (prev.paragraph == q.paragraph - 1 && !prev.closed &&
        out.back().paragraph == prev.paragraph) {
      Speaker sp = speakers.back();
      sp.rule = "open_quote";
      return sp;
    }
  }
  // "Dr. Helen Cho described the night:" — a colon introducing the quoted paragraph.
  if (q.paragraph > 0 && q.open_token == para.first_token) {
    const Paragraph& prev = doc_.paragraphs[q.paragraph - 1];
    if (prev.last_token > prev.first_token && doc_.punct_is(prev.last_token - 1, ':') &&
        prev.last_sentence > prev.first_sentence) {
      const Sentence& intro = doc_.sentences[prev.last_sentence - 1];
      for (std::uint32_t t = intro.first_token; t < intro.last_token; ++t) {
        if (!speech_verb(t, intro.last_token) || (flags(t) & word::kParticiple)) continue;
        bool generic = false;
        Speaker sp = speaker_of_verb(t, intro.first_token, intro.last_token, generic);
        sp.rule = "colon_intro";
        if (sp.valid()) return sp;
      }
      for (std::uint32_t t = intro.first_token; t < intro.last_token; ++t) {
        const int m = names_.mention_at_token[t];
        if (m >= 0 && names_.mentions[m].kind == EntityKind::person) {
          Speaker sp;
          sp.entity = names_.mentions[m].entity;
          sp.first = names_.mentions[m].first_token;
          sp.last = names_.mentions[m].last_token;
          sp.rule = "colon_intro";
          sp.mention = sp.last - sp.first >= 2 ? "full_name" : "short_name";
          return sp;
        }
      }
    }
  }
  // A paragraph that is a quote, or a whole quote without its own attribution: the last person
  // reported as speaking just before. A fragment inside the writer's sentence is not carried over.
  if (partial) return {};
  const std::uint32_t limit = q.open_token;
  const Event* best = nullptr;
  for (const std::vector<Event>* list : {&events_, &quote_events_}) {
    auto it = std::lower_bound(list->begin(), list->end(), limit,
                               [](const Event& e, std::uint32_t tok) { return e.token < tok; });
    while (it != list->begin()) {
      --it;
      if (q.paragraph - it->paragraph > 2) break;
      if (doc_.paragraphs[it->paragraph].heading && it->paragraph != q.paragraph) continue;
      if (!best || it->token > best->token) best = &*it;
      break;
    }
  }
  if (best) {
    Speaker sp = best->speaker;
    sp.rule = "recent_speaker";
    return sp;
  }
  return {};
}

void Attributor::fill_evidence(const QuoteSpan& q, const Speaker& sp, AttributionEvidence& ev) {
  if (people_by_paragraph_.empty()) {
    people_by_paragraph_.resize(doc_.paragraphs.size());
    for (const NameMention& m : names_.mentions) {
      if (m.entity < 0 || names_.entities[m.entity].entity.kind != EntityKind::person) continue;
      auto& list = people_by_paragraph_[doc_.sentences[m.sentence].paragraph];
      if (std::find(list.begin(), list.end(), m.entity) == list.end()) list.push_back(m.entity);
    }
  }
  ev.rule = sp.valid() || sp.unresolved ? sp.rule : "none";
  ev.mention = sp.valid() ? sp.mention : "none";
  ev.resolution_share = sp.share;
  if (sp.last > sp.first) {
    if (sp.first >= q.close_token) {
      ev.cue_distance = static_cast<int>(sp.first - q.close_token);
    } else if (sp.last <= q.open_token) {
      ev.cue_distance = static_cast<int>(q.open_token - sp.last);
    }
  }
  std::vector<int> people = people_by_paragraph_[q.paragraph];
  if (q.paragraph > 0) {
    for (int e : people_by_paragraph_[q.paragraph - 1]) {
      if (std::find(people.begin(), people.end(), e) == people.end()) people.push_back(e);
    }
  }
  ev.people_nearby = static_cast<int>(people.size());
  if (sp.entity >= 0) {
    ev.speaker_mentions = static_cast<int>(names_.entities[sp.entity].entity.mentions.size());
    ev.namesakes = names_.entities[sp.entity].namesakes;
  }
}

void Attributor::collect_events() {
  for (const Sentence& s : doc_.sentences) {
    for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
      if (!speech_verb(t, s.last_token) || (flags(t) & word::kNaming)) continue;
      if ((flags(t) & word::kParticiple) && !according(t)) continue;
      bool generic = false;
      Speaker sp = speaker_of_verb(t, s.first_token, s.last_token, generic);
      if (sp.valid() && !sp.weak) events_.push_back({t, s.paragraph, sp});
    }
  }
}

bool title_case(std::string_view text) {
  // Every word of three letters or more capitalised: a title, slogan or name, not speech.
  bool any = false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i])) &&
           static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
    }
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    std::size_t letters = 0;
    for (std::size_t k = b; k < i; ++k)
      letters += std::isalpha(static_cast<unsigned char>(text[k])) != 0;
    if (letters >= 3) {
      any = true;
      int n = 1;
      if (!is_upper(decode_at(text, b, n))) return false;
    }
  }
  return any;
}

// The quote stands right after a noun of works ("book", "film"), a comma or colon between them.
bool Attributor::media_noun_before(const QuoteSpan& q) const {
  std::uint32_t t = q.open_token;
  if (t == 0) return false;
  --t;
  const Token& prev = doc_.tokens[t];
  if (prev.kind == TokenKind::punct &&
      (doc_.text[prev.begin] == ',' || doc_.text[prev.begin] == ':')) {
    if (t == 0) return false;
    --t;
  }
  return doc_.tokens[t].kind == TokenKind::word && (flags(t) & word::kMediaNoun) &&
         !doc_.tokens[t].upper;
}

// A quoted span written as a title: two words or more, every content word capitalised (function
// words may stay lower case: "The Art of the Deal"), no sentence punctuation inside.
bool Attributor::title_phrase(const QuoteSpan& q) const {
  std::size_t words = 0;
  for (std::uint32_t t = q.first_token; t < q.last_token && t < q.close_token; ++t) {
    const Token& tok = doc_.tokens[t];
    if (tok.kind == TokenKind::punct) {
      const char c = doc_.text[tok.begin];
      const bool abbreviation_dot = c == '.' && t > q.first_token &&
                                    doc_.tokens[t - 1].end == tok.begin &&
                                    (doc_.tokens[t - 1].flags & word::kAbbrev);
      if ((c == '.' && !abbreviation_dot) || c == '!' || c == '?' || c == ';') return false;
      continue;
    }
    if (tok.kind != TokenKind::word) continue;
    ++words;
    if (!tok.upper && !tok.acronym && !(tok.flags & word::kFunction)) return false;
  }
  return words >= 2;
}

// The rules that tie a quote to a speaker by a speech verb or colon in the quote's own sentence.
bool in_sentence_rule(const char* rule) {
  const std::string_view r(rule);
  return r == "said_after" || r == "subject_after" || r == "said_before" || r == "colon_before";
}

SpeakerEvidence Attributor::evidence_for(const QuoteSpan& q, const Speaker& sp, bool partial,
                                         std::size_t words) const {
  SpeakerEvidence ev;
  if (sp.valid()) {
    ev.rule_entity = sp.entity;
    ev.rule_text = sp.entity < 0;
  }
  ev.rule = sp.valid() || sp.unresolved ? sp.rule : "none";
  ev.mention = sp.mention;
  ev.group_noun = sp.valid() && sp.group_noun;
  if (std::string_view(sp.mention) == "pronoun" && sp.last == sp.first + 1) {
    const std::string w = doc_.folded_word(sp.first);
    if (w == "he") ev.pronoun_gender = "male";
    if (w == "she") ev.pronoun_gender = "female";
    ev.pronoun_share = sp.share;
  }
  ev.partial = partial;
  ev.words = words;
  // Every scan is bounded by events, not only by paragraphs: one paragraph may hold a whole
  // document, and each quote must cost the same however long the text before it.
  constexpr int kEventsBack = 48;
  const Sentence& sentence = doc_.sentences[doc_.sentence_of_token[q.open_token]];
  // A sentence's speech near the quote: a reporter's sentence is short, but nothing stops a text
  // from being one sentence.
  constexpr std::uint32_t kSentenceReach = 80;
  const std::uint32_t lo = std::max(
      sentence.first_token, q.open_token > kSentenceReach ? q.open_token - kSentenceReach : 0u);
  const std::uint32_t hi = std::min(sentence.last_token, q.close_token + kSentenceReach);
  auto from = std::lower_bound(events_.begin(), events_.end(), lo,
                               [](const Event& e, std::uint32_t tok) { return e.token < tok; });
  for (; from != events_.end() && from->token < hi; ++from) {
    const int who = from->speaker.entity;
    if (who >= 0 && std::find(ev.sentence_speakers.begin(), ev.sentence_speakers.end(), who) ==
                        ev.sentence_speakers.end())
      ev.sentence_speakers.push_back(who);
  }
  // The people last reported speaking, latest first, from both lists merged by position.
  std::vector<const Event*> before;
  for (const std::vector<Event>* list : {&events_, &quote_events_}) {
    auto it = std::lower_bound(list->begin(), list->end(), q.open_token,
                               [](const Event& e, std::uint32_t tok) { return e.token < tok; });
    for (int seen = 0; it != list->begin() && seen < kEventsBack; ++seen) {
      --it;
      if (q.paragraph - it->paragraph > 2) break;
      before.push_back(&*it);
    }
  }
  std::sort(before.begin(), before.end(),
            [](const Event* a, const Event* b) { return a->token > b->token; });
  for (const Event* e : before) {
    const int who = e->speaker.entity;
    if (who < 0) continue;
    auto count = std::find_if(ev.times_reported.begin(), ev.times_reported.end(),
                              [who](const auto& p) { return p.first == who; });
    if (count == ev.times_reported.end()) {
      ev.times_reported.emplace_back(who, 1);
    } else {
      ++count->second;
    }
    if (std::find(ev.recent_speakers.begin(), ev.recent_speakers.end(), who) ==
        ev.recent_speakers.end())
      ev.recent_speakers.push_back(who);
  }
  return ev;
}

Speaker Attributor::weigh_speakers(const QuoteSpan& q, const Speaker& rules, bool partial,
                                   std::size_t words, double& share) {
  const SpeakerEvidence ev = evidence_for(q, rules, partial, words);
  const std::vector<SpeakerCandidate> candidates = speaker_candidates(doc_, names_, q, ev);
  const auto [best, best_share] = best_speaker(candidates);
  share = best_share;
  if (speaker_trace_) {
    SpeakerTrace t;
    t.quote_start = q.text_begin;
    t.chosen = best;
    for (const SpeakerCandidate& c : candidates) {
      std::string name;
      if (c.entity >= 0) {
        name = names_.entities[c.entity].entity.name;
      } else if (c.kind == SpeakerCandidate::Kind::rules_answer) {
        name = rules.text;
      }
      t.candidates.emplace_back(std::move(name), c.features.list());
    }
    speaker_trace_->push_back(std::move(t));
  }
  const SpeakerCandidate& pick = candidates[best];
  if (pick.kind == SpeakerCandidate::Kind::rules_answer) {
    // The rules' "he said" answer rests on the pronoun ranker's resolution: the two decisions
    // chain, so the belief in the speaker is the product of the two beliefs.
    if (!ev.pronoun_gender.empty()) share *= rules.share;
    return rules;
  }
  if (pick.kind == SpeakerCandidate::Kind::nobody) {
    Speaker none;
    none.unresolved = rules.unresolved || rules.valid();
    none.rule = rules.rule;
    return none;
  }
  Speaker s;
  s.entity = pick.entity;
  s.rule = "speaker_model";
  if (pick.mention >= 0) {
    const NameMention& m = names_.mentions[pick.mention];
    s.first = m.np_first;
    s.last = m.last_token;
    s.mention = m.last_token - m.first_token >= 2 ? "full_name" : "short_name";
  }
  return s;
}

std::vector<Quote> Attributor::run() {
  collect_events();
  std::vector<Quote> out;
  std::vector<Speaker> speakers;
  for (const QuoteSpan& q : doc_.quotes) {
    const int si = doc_.sentence_of_token[q.open_token];
    const Sentence& s = doc_.sentences[si];
    const std::string_view text = doc_.text.substr(q.text_begin, q.text_end - q.text_begin);
    if (word_count(text) == 0) continue;

    std::string cue;
    const bool title = title_case(text);
    if (title && word_count(text) <= 5 && q.closed && q.close_token + 1 < doc_.tokens.size() &&
        (flags(q.close_token + 1) & word::kMediaNoun) && !doc_.tokens[q.close_token + 1].upper) {
      continue;  // the name of a show, a book, an app, a slogan on buttons
    }
    if (title && word_count(text) <= 8 && media_noun_before(q))
      continue;  // "her 2011 book, 'Keep Every Branch Open'": the title the noun introduces
    Speaker sp = after_quote(q, s.last_token);
    bool dubbed = false;
    if (!sp.valid() && !sp.unresolved && introduced_as_name(q)) continue;
    if (!sp.valid() && !sp.unresolved) sp = before_quote(q, s.first_token, dubbed);
    if (dubbed) continue;
    const bool attributed_to_nobody_known = !sp.valid() && sp.unresolved;
    // A fragment: the quote continues the writer's sentence, or starts in lower case.
    int n = 1;
    const char32_t first = decode_at(text, 0, n);
    const bool after_word = q.open_token > s.first_token &&
                            doc_.tokens[q.open_token - 1].kind != TokenKind::punct &&
                            doc_.tokens[q.open_token - 1].kind != TokenKind::mark;
    const bool partial = after_word || (is_letter(first) && !is_upper(first));
    if (!sp.valid() && !attributed_to_nobody_known) {
      sp = continuing(q, out, speakers, partial);
      cue = "continues";
    }
    const std::size_t words = word_count(text);
    if (!sp.valid() && !attributed_to_nobody_known && (words <= 4 || title))
      continue;  // scare quote
    // A title ("The Art of the Deal") that no speech verb of its sentence gives a speaker is a
    // book's, a film's or a slogan's name, not words anyone said here.
    if (title_phrase(q) && !(sp.valid() && in_sentence_rule(sp.rule))) continue;
    double share = 1.0;
    sp = weigh_speakers(q, sp, partial, words, share);

    Quote quote;
    quote.text = std::string(text);
    quote.start = q.text_begin;
    quote.end = q.text_end;
    quote.paragraph = q.paragraph;
    quote.partial = partial;
    if (sp.valid()) {
      if (sp.entity >= 0) {
        const Entity& e = names_.entities[sp.entity].entity;
        quote.speaker = e.name;
        quote.speaker_entity = e.id;
        quote.speaker_role = e.role;
        quote.speaker_affiliation = e.affiliation;
        for (int co : sp.co_entities) quote.co_speakers.push_back(names_.entities[co].entity.name);
      } else {
        quote.speaker = sp.text;
      }
      if (sp.last > sp.first) {
        const std::uint32_t b = doc_.tokens[sp.first].begin;
        const std::uint32_t e = doc_.tokens[sp.last - 1].end;
        quote.speaker_mention = std::string(doc_.text.substr(b, e - b));
        quote.speaker_mention_span = ByteSpan{b, e};
      }
      quote.cue = cue.empty() ? "said" : cue;
    }
    fill_evidence(q, sp, quote.evidence);
    quote.evidence.speaker_share = share;
    if (trace_ && !sp.ranking.empty()) {
      PronounTrace t;
      t.quote_start = quote.start;
      for (const PronounCandidate& c : sp.ranking)
        t.candidates.emplace_back(names_.entities[c.entity].entity.name, c.features);
      trace_->push_back(std::move(t));
    }
    out.push_back(std::move(quote));
    speakers.push_back(sp);
    if (sp.valid() && !sp.weak && cue.empty()) {
      // A quote's speaker is also the last person reported as speaking.
      quote_events_.push_back(Event{q.close_token, q.paragraph, sp});
    }
  }
  return out;
}

}  // namespace

std::vector<Quote> attribute_quotes(const Document& doc, const Names& names,
                                    std::vector<PronounTrace>* trace,
                                    std::vector<SpeakerTrace>* speaker_trace) {
  return Attributor(doc, names, trace, speaker_trace).run();
}

std::vector<SpeakerTrace> trace_speaker_choices(std::string_view text) {
  const Document doc = read_document(text);
  const Names names = find_names(doc);
  std::vector<SpeakerTrace> trace;
  attribute_quotes(doc, names, nullptr, &trace);
  return trace;
}

std::vector<PronounTrace> trace_pronoun_attributions(std::string_view text) {
  const Document doc = read_document(text);
  const Names names = find_names(doc);
  std::vector<PronounTrace> trace;
  attribute_quotes(doc, names, &trace);
  return trace;
}

}  // namespace citecard::extract_detail
