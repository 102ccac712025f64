// Names: capitalised sequences outside quotations, read the way a news reader reads them. Titles
// and roles before a name are split off and kept as the person's role ("Russian President
// Vladimir Putin"), an appositive after it gives role and affiliation (", a professor of
// international affairs at The New School"), and later short forms ("Putin", "Kim") join the
// fullest form that contains them.
#include "extract/names.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "extract/lexicon.hpp"
#include "extract/utf8.hpp"

namespace citecard::extract_detail {
namespace {

// How many mentions back a sentence-initial pronoun may reach for the subject of a sentence.
constexpr double kSubjectBonus = 2.5;

bool is_word(const Token& t) {
  return t.kind == TokenKind::word;
}
bool is_punct(const Document& doc, std::uint32_t t, char c) {
  const Token& tok = doc.tokens[t];
  return tok.kind == TokenKind::punct && tok.end - tok.begin == 1 && doc.text[tok.begin] == c;
}
bool is_capital(const Token& t) {
  return is_word(t) && (t.upper || t.acronym);
}

std::string lower_ascii(std::string_view s) {
  std::string out;
  fold_word(s, out);
  return out;
}

bool equals_word(const Document& doc, std::uint32_t t, std::string_view w) {
  return doc.token_is(t, w);
}

// The text of tokens [a, b) with a possessive on the last one dropped.
std::string span_text(const Document& doc, std::uint32_t a, std::uint32_t b, bool drop_possessive) {
  if (a >= b) return {};
  std::uint32_t end = doc.tokens[b - 1].end;
  if (drop_possessive && doc.tokens[b - 1].possessive) {
    const std::string_view last = doc.token_text(b - 1);
    if (last.size() > 4 && last.substr(last.size() - 4) == "\u2019s")
      end -= 4;
    else if (last.size() > 2 && last.substr(last.size() - 2) == "'s")
      end -= 2;
  }
  return std::string(doc.text.substr(doc.tokens[a].begin, end - doc.tokens[a].begin));
}

bool sentence_initial(const Document& doc, const Sentence& s, std::uint32_t t) {
  if (t == s.first_token) return true;
  const Token& prev = doc.tokens[t - 1];
  if (prev.kind == TokenKind::mark) return true;
  return prev.kind == TokenKind::punct &&
         (doc.text[prev.begin] == ':' || doc.text[prev.begin] == '(');
}

bool can_start_name(const Document& doc, const Sentence& s, std::uint32_t t) {
  const Token& tok = doc.tokens[t];
  if (!is_capital(tok) || tok.quote >= 0) return false;
  if (tok.flags & (word::kPronoun | word::kMonth | word::kWeekday | word::kTimeWord)) {
    // "May", "March" as names are rarer than as months.
    return false;
  }
  if (tok.flags & word::kFunction) {
    if (sentence_initial(doc, s, t)) return false;
    // Mid-sentence "The New School": a capitalised function word opens a name only before another
    // capitalised word.
    return t + 1 < s.last_token && is_capital(doc.tokens[t + 1]) && doc.tokens[t + 1].quote < 0;
  }
  return true;
}

bool continues_name(const Document& doc, const Sentence& s, std::uint32_t t) {
  if (t >= s.last_token) return false;
  const Token& tok = doc.tokens[t];
  if (!is_capital(tok) || tok.quote >= 0 || !tok.space_before) return false;
  return !(tok.flags & (word::kPronoun | word::kWeekday)) &&
         !((tok.flags & word::kMonth) && t + 1 < s.last_token &&
           doc.tokens[t + 1].kind == TokenKind::number);
}

// How many capitalised tokens follow from t, and whether the run ends in an organisation word.
bool run_ends_in_org(const Document& doc, const Sentence& s, std::uint32_t t) {
  std::uint32_t e = t;
  while (e < s.last_token && continues_name(doc, s, e)) ++e;
  return e > t && (doc.tokens[e - 1].flags & word::kOrgHead);
}

EntityKind classify(const Document& doc, std::uint32_t a, std::uint32_t b, const std::string& key) {
  if (is_place_name(key)) return EntityKind::place;
  bool org = false;
  bool all_place = true;
  for (std::uint32_t t = a; t < b; ++t) {
    const Token& tok = doc.tokens[t];
    if (!is_word(tok)) continue;
    if (tok.flags & word::kOrgHead) org = true;
    if (!(tok.flags & (word::kPlace | word::kDemonym))) all_place = false;
  }
  const bool given_name_first = b - a >= 2 && b - a <= 3 &&
                                (doc.tokens[a].flags & word::kGivenName) &&
                                !(doc.tokens[b - 1].flags & word::kPlace);
  if (given_name_first) {
    bool connector = false;
    for (std::uint32_t t = a; t < b; ++t)
      connector |= (doc.tokens[t].flags & word::kConnector) != 0;
    if (!connector) return EntityKind::unknown;
  }
  if (b - a == 1 && doc.tokens[a].acronym && !doc.tokens[a].possessive &&
      !(doc.tokens[a].flags & word::kPlace)) {
    const std::string_view w = doc.token_text(a);
    if (w.find('.') == std::string_view::npos && w.size() >= 2) org = true;
  }
  if (org) return EntityKind::organisation;
  if (all_place) return EntityKind::place;
  return EntityKind::unknown;
}

bool all_demonyms(const Document& doc, std::uint32_t a, std::uint32_t b) {
  for (std::uint32_t t = a; t < b; ++t) {
    if (!(doc.tokens[t].flags & word::kDemonym) || (doc.tokens[t].flags & word::kPlace))
      return false;
  }
  return true;
}

std::string gender_of_words(const Document& doc, std::uint32_t a, std::uint32_t b) {
  for (std::uint32_t t = a; t < b; ++t) {
    const std::uint64_t f = doc.tokens[t].flags;
    if ((f & word::kFemale) && !(f & word::kMale)) return "female";
    if ((f & word::kMale) && !(f & word::kFemale)) return "male";
  }
  return {};
}

// Slavic family names agree with gender: -ova, -eva, -ina, -aya are women's forms.
std::string gender_of_surname(std::string_view key) {
  auto ends = [&](std::string_view suffix) {
    return key.size() > suffix.size() + 2 && key.substr(key.size() - suffix.size()) == suffix;
  };
  if (ends("ova") || ends("eva") || ends("skaya") || ends("kaya")) return "female";
  if (ends("ov") || ends("ev") || ends("sky") || ends("skiy")) return "male";
  return {};
}

// Nouns for people by what they do: commuter, farmer, resident, activist, historian.
bool agentive(std::string_view w) {
  for (std::string_view suffix : {"er", "or", "ist", "ian", "ant", "ent"}) {
    if (w.size() > suffix.size() + 3 && w.substr(w.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

// What the clustering knows of an entity when a short form ("Trump", "Mr. Clinton") must pick
// among the full forms sharing its word.
struct ShortNameCandidate {
  int standing = 1;  // 2: a person by evidence; 1: unknown; 0: a place, organisation or headline
  int full_mentions = 0;
  std::uint32_t last_seen = 0;  // one past the first token of its latest mention, 0 if none yet
  std::string gender;
};

// A full form a reader would not take for a person's name: a known place or organisation, or a
// headline's capitalised phrase ("Trump Stands Tall On Proposal", "Trump Tower" gets no evidence
// and stays 1, below the person).
int standing_of(const Document& doc, const NameMention& m) {
  if (m.person_evidence || m.kind == EntityKind::person) return 2;
  if (m.kind == EntityKind::place || m.kind == EntityKind::organisation) return 0;
  int words = 0;
  for (std::uint32_t t = m.first_token; t < m.last_token; ++t) {
    if (!is_word(doc.tokens[t])) continue;
    ++words;
    // A capitalised function word inside a name is a headline's title case.
    if ((doc.tokens[t].flags & word::kFunction) && !(doc.tokens[t].flags & word::kConnector))
      return 0;
  }
  return words >= 4 ? 0 : 1;
}

// The gender a short mention itself tells: "Mr." / "Mrs." / "Ms." before it, else the first
// he/she later in its sentence outside quotations ("Clinton said she would"). Not the name's own
// words: many family names are also given names ("Clinton", "Kelly").
std::string short_mention_gender(const Document& doc, const NameMention& m) {
  std::uint32_t k = m.np_first;
  if (k > 0 && is_punct(doc, k - 1, '.')) --k;
  const bool honorific =
      k > 0 && is_word(doc.tokens[k - 1]) && (doc.tokens[k - 1].flags & word::kHonorific);
  if (honorific) {
    const std::string g = gender_of_words(doc, k - 1, k);
    if (!g.empty()) return g;
  }
  const Sentence& s = doc.sentences[m.sentence];
  std::string buf;
  for (std::uint32_t t = m.last_token; t < s.last_token; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.quote >= 0 || !is_word(tok) || !(tok.flags & word::kPronoun)) continue;
    const std::string_view w = fold_word(doc.token_text(t), buf);
    if (w == "he" || w == "his") return "male";
    if (w == "she" || w == "her") return "female";
  }
  return {};
}

// A short form joins the full form a reader would pick: a person over a place or a headline
// phrase ("Trump" is Donald Trump, not Trump Tower); among people sharing the word, the one whose
// gender the mention states ("Mrs. Clinton"; "Clinton said he"); then the most used, then the
// nearest before. (Preferring the person the article introduced first cost speaker accuracy on
// the PolNeAR train split, so recency stays the last word.)
int short_name_choice(const Document& doc, const NameMention& m, const std::vector<int>& ids,
                      const std::vector<ShortNameCandidate>& candidates) {
  const std::string gender = short_mention_gender(doc, m);
  auto agrees = [&](int id) {
    const std::string& g = candidates[id].gender;
    return gender.empty() || g.empty() ? 1 : g == gender ? 2 : 0;
  };
  int best = -1;
  for (int id : ids) {
    if (best < 0) {
      best = id;
      continue;
    }
    const ShortNameCandidate& a = candidates[id];
    const ShortNameCandidate& b = candidates[best];
    if (a.standing != b.standing) {
      if (a.standing > b.standing) best = id;
      continue;
    }
    if (agrees(id) != agrees(best)) {
      if (agrees(id) > agrees(best)) best = id;
      continue;
    }
    if (a.full_mentions > b.full_mentions ||
        (a.full_mentions == b.full_mentions && a.last_seen > b.last_seen)) {
      best = id;
    }
  }
  return best;
}

}  // namespace

namespace {

// Whether `noun` occurs in `lowered` as a word of its own (or with a plural s).
bool contains_word(std::string_view lowered, std::string_view noun) {
  std::size_t pos = 0;
  while ((pos = lowered.find(noun, pos)) != std::string_view::npos) {
    const bool left = pos == 0 || !std::isalpha(static_cast<unsigned char>(lowered[pos - 1]));
    const std::size_t after = pos + noun.size();
    const bool right = after >= lowered.size() ||
                       !std::isalpha(static_cast<unsigned char>(lowered[after])) ||
                       lowered[after] == 's';
    if (left && right) return true;
    ++pos;
  }
  return false;
}

}  // namespace

bool role_matches(const std::string& role, std::string_view noun) {
  // Most people have no role, and "the senator" is looked for across thousands of mentions.
  if (role.empty()) return noun.empty();
  const std::string lowered = lower_ascii(role);
  // Titles are often abbreviated before names: "Gov. Tim Walsh" is "the governor".
  static const std::pair<const char*, const char*> kAbbreviated[] = {
      {"governor", "gov"},  {"senator", "sen"},    {"representative", "rep"}, {"general", "gen"},
      {"doctor", "dr"},     {"professor", "prof"}, {"lieutenant", "lt"},      {"colonel", "col"},
      {"captain", "capt"},  {"sergeant", "sgt"},   {"admiral", "adm"},        {"attorney", "atty"},
      {"detective", "det"}, {"inspector", "insp"}, {"superintendent", "supt"}};
  for (const auto& [full, abbreviation] : kAbbreviated) {
    if (noun == full && contains_word(lowered, abbreviation)) return true;
  }
  return contains_word(lowered, noun);
}

// "UN Zhang Jun", "United Nations Vassily Nebenzia", "North Koreas Kim" (a possessive that lost
// its apostrophe): the place or organisation written before a person's name is where the person
// belongs, not part of the name. Returns the first token of the person's name, or `a` when the
// run does not read so. The prefix must be a place, an acronym or an organisation (its last word
// an organisation head) and no given name ("Jordan", "Paris" open people's names); the rest must
// open with a given name, or be what a possessive names ("Koreas Kim").
std::uint32_t after_affiliation(const Document& doc, std::uint32_t a, std::uint32_t e) {
  const auto place_plural = [&](std::uint32_t k) {
    // "Koreas": a place word with an "s" where its possessive's apostrophe was.
    const std::string w = lower_ascii(doc.token_text(k));
    return w.size() > 3 && w.back() == 's' && doc.tokens[k].upper &&
           (word_flags(w.substr(0, w.size() - 1)) & word::kPlace) != 0;
  };
  // The longest such prefix: "United Nations" before "Vassily", not "United" before "Nations".
  for (std::uint32_t k = e - 1; k > a; --k) {
    // Capitalised words, none a given name; how the prefix ends says what it names.
    bool prefix = true;
    for (std::uint32_t p = a; p < k && prefix; ++p)
      prefix = is_capital(doc.tokens[p]) && !(doc.tokens[p].flags & word::kGivenName);
    const Token& last = doc.tokens[k - 1];
    const bool given = (doc.tokens[k].flags & word::kGivenName) != 0;
    // Several capitalised words before a given name name a body ("United Nations Vassily").
    const bool ends_as_affiliation = (last.flags & (word::kPlace | word::kOrgHead)) ||
                                     last.acronym || place_plural(k - 1) || (given && k - a >= 2);
    if (!prefix || !ends_as_affiliation) continue;
    const bool possessive = place_plural(k - 1);
    bool rest_is_name = true;
    for (std::uint32_t r = k; r < e; ++r)
      rest_is_name &= is_capital(doc.tokens[r]) &&
                      !(doc.tokens[r].flags & (word::kPlace | word::kOrgHead | word::kDemonym));
    if (rest_is_name && (given || possessive || e - k >= 2)) return k;
  }
  return a;
}

Names find_names(const Document& doc) {
  Names names;
  names.mention_at_token.assign(doc.tokens.size(), -1);

  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const std::size_t sentence_first_mention = names.mentions.size();
    for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
      if (!can_start_name(doc, s, t)) continue;
      std::uint32_t e = t + 1;
      if (!doc.tokens[t].possessive) {
        while (e < s.last_token) {
          const Token& last = doc.tokens[e - 1];
          if (last.possessive) break;
          // "Gen. Mark Milley", "St. John", "Donald J. Trump": an abbreviation's or a middle
          // initial's period inside the name.
          const bool initial = last.end - last.begin == 1 && last.upper;
          if (((last.flags & (word::kAbbrev | word::kHonorific)) || initial) &&
              is_punct(doc, e, '.') && e + 1 < s.last_token && doc.tokens[e].begin == last.end &&
              continues_name(doc, s, e + 1)) {
            e += 2;
            continue;
          }
          if (continues_name(doc, s, e)) {
            ++e;
            continue;
          }
          const Token& next = doc.tokens[e];
          if (is_word(next) && !next.upper && (next.flags & word::kConnector) && next.quote < 0 &&
              e + 1 < s.last_token) {
            const std::string w = lower_ascii(doc.token_text(e));
            std::uint32_t after = e + 1;
            if (w == "of" && equals_word(doc, after, "the") && after + 1 < s.last_token) ++after;
            if (!continues_name(doc, s, after)) break;
            bool join = false;
            if (w == "of" || w == "for" || w == "on") {
              join = (last.flags & (word::kOrgHead | word::kRole)) != 0;
              // "Attorney General of New York": a role of a place is a title, not a name; an
              // organisation of a place stays one ("Bank of England").
              if (w == "of" && !(last.flags & word::kOrgHead) &&
                  (doc.tokens[after].flags & word::kPlace)) {
                join = false;
              }
            } else if (w == "and" || w == "&") {
              join =
                  run_ends_in_org(doc, s, after) && !(doc.tokens[after].flags & word::kGivenName);
            } else if (doc.tokens[e].flags & word::kSurnameParticle) {
              join = true;
            }
            if (!join) break;
            e = after + 1;
            continue;
          }
          break;
        }
      }

      NameMention m;
      m.sentence = static_cast<int>(si);
      m.np_first = t;
      std::uint32_t name_first = t;
      // Split titles and roles off the front: "U.S. National Security Advisor Jake Sullivan".
      // "Lena Park", "Tom Hall": a given name before the organisation word makes it a surname.
      const bool ends_in_org = (doc.tokens[e - 1].flags & word::kOrgHead) &&
                               !(e - t >= 2 && (doc.tokens[e - 2].flags & word::kGivenName));
      if (!ends_in_org) {
        for (std::uint32_t r = e - 1; r-- > t;) {
          const Token& tok = doc.tokens[r];
          if (is_word(tok) && (tok.flags & (word::kRole | word::kHonorific)) &&
              !(tok.flags & word::kGivenName)) {
            name_first = r + 1;
            if (name_first < e && is_punct(doc, name_first, '.')) ++name_first;
            m.person_evidence = true;
            if (!(tok.flags & word::kHonorific) || (tok.flags & word::kRole)) {
              m.role = span_text(doc, t, r + 1, false);
            }
            break;
          }
        }
      }
      // "Commuter Dev Patel", "Farmer Joe Kim": a capitalised common noun opening the sentence
      // before a given name describes the person.
      if (name_first == t && e - t >= 3 && sentence_initial(doc, s, t) &&
          !(doc.tokens[t].flags &
            (word::kGivenName | word::kPlace | word::kDemonym | word::kOrgHead)) &&
          ((doc.tokens[t + 1].flags & word::kGivenName) || agentive(doc.token_text(t))) &&
          !doc.tokens[t].acronym) {
        name_first = t + 1;
        m.role = span_text(doc, t, t + 1, false);
        m.person_evidence = true;
      }
      if (name_first == t && e - t >= 2) {
        if (const std::uint32_t k = after_affiliation(doc, t, e); k > t) {
          m.affiliation = span_text(doc, t, k, true);
          name_first = k;
          m.person_evidence = true;
        }
      }
      if (name_first >= e) {
        t = e - 1;
        continue;
      }
      if (all_demonyms(doc, name_first, e)) {
        t = e - 1;
        continue;
      }
      // A name garbled by a wrong decoding ("FranÃ") is not a person a card may name, nor one to
      // resolve pronouns to: the extractor drops it so nothing downstream offers it.
      if (has_mojibake(span_text(doc, name_first, e, false))) {
        t = e - 1;
        continue;
      }
      m.first_token = name_first;
      m.last_token = e;
      m.text = span_text(doc, name_first, e, true);
      m.key = name_key(m.text);
      m.sentence_initial = sentence_initial(doc, s, t);
      m.kind = classify(doc, name_first, e, m.key);
      if (m.person_evidence && m.kind != EntityKind::organisation) m.kind = EntityKind::person;
      if (e - name_first >= 2 && (doc.tokens[name_first].flags & word::kGivenName) &&
          m.kind == EntityKind::unknown) {
        m.person_evidence = true;
      }
      m.gender = gender_of_words(doc, t, e);

      // A lower-case role right before: "Kremlin spokesperson Dmitry Peskov".
      if (name_first == t && t > s.first_token) {
        std::uint32_t r = t;
        while (r > s.first_token && r + 6 > t) {
          const Token& prev = doc.tokens[r - 1];
          if (!is_word(prev) || prev.quote >= 0 || prev.possessive) break;
          if (!prev.upper && (prev.flags & (word::kBoundary | word::kDeterminer)) &&
              !(prev.flags & word::kRole)) {
            break;
          }
          if (prev.flags & word::kPronoun) break;
          // Another name or a conjunction ends the role: "Putin and North Korean leader Kim".
          if (names.mention_at_token[r - 1] >= 0 || equals_word(doc, r - 1, "and") ||
              equals_word(doc, r - 1, "or")) {
            break;
          }
          --r;
        }
        bool has_role = false;
        for (std::uint32_t k = r; k < t; ++k) has_role |= (doc.tokens[k].flags & word::kRole) != 0;
        if (has_role && doc.tokens[t - 1].flags & word::kRole) {
          m.np_first = r;
          m.role = span_text(doc, r, t, false);
          m.gender = m.gender.empty() ? gender_of_words(doc, r, t) : m.gender;
          if (m.kind == EntityKind::unknown) m.kind = EntityKind::person;
          m.person_evidence = m.kind == EntityKind::person;
          // The capitalised words before the role are the employer: "Al Jazeera reporter".
          std::uint32_t a = r;
          while (a < t && is_capital(doc.tokens[a]) && !(doc.tokens[a].flags & word::kDemonym)) ++a;
          if (a > r) m.affiliation = span_text(doc, r, a, true);
        }
      }

      // An appositive after: ", a professor of international affairs at The New School".
      if (e + 1 < s.last_token && is_punct(doc, e, ',') && m.kind != EntityKind::place) {
        const Token& first = doc.tokens[e + 1];
        const bool who = equals_word(doc, e + 1, "who") || equals_word(doc, e + 1, "whose");
        const bool starts = is_word(first) && !first.upper &&
                            ((first.flags & (word::kDeterminer | word::kRole)) || who);
        if (who) {
          if (m.kind == EntityKind::unknown) m.kind = EntityKind::person;
          m.person_evidence = true;
        } else if (starts) {
          std::uint32_t a_end = e + 1;
          bool role_word = false;
          bool clean = true;  // an appositive is a noun phrase: no verb of saying, ends cleanly
          while (a_end < s.last_token && a_end < e + 30) {
            const Token& tok = doc.tokens[a_end];
            if (tok.kind == TokenKind::mark || tok.quote >= 0) {
              clean = false;
              break;
            }
            if (tok.kind == TokenKind::punct &&
                (doc.text[tok.begin] == ',' || doc.text[tok.begin] == '.' ||
                 doc.text[tok.begin] == ';')) {
              break;
            }
            if (is_word(tok) && !tok.upper && (tok.flags & word::kSpeech)) clean = false;
            if (is_word(tok) && !tok.upper && (tok.flags & word::kRole)) role_word = true;
            ++a_end;
          }
          if (role_word && clean && a_end > e + 1) {
            if (m.role.empty()) m.role = span_text(doc, e + 1, a_end, false);
            if (m.kind == EntityKind::unknown) m.kind = EntityKind::person;
            m.person_evidence = m.kind == EntityKind::person;
            if (m.gender.empty()) m.gender = gender_of_words(doc, e + 1, a_end);
            for (std::uint32_t k = e + 1; k + 1 < a_end; ++k) {
              if (equals_word(doc, k, "at") || equals_word(doc, k, "of") ||
                  equals_word(doc, k, "for") || equals_word(doc, k, "with")) {
                std::uint32_t c = k + 1;
                while (c < a_end && !is_capital(doc.tokens[c])) ++c;
                if (c < a_end && c <= k + 3) {
                  m.affiliation = span_text(doc, c, a_end, false);
                  break;
                }
              }
            }
          }
        }
      }

      const int index = static_cast<int>(names.mentions.size());
      for (std::uint32_t k = name_first; k < e; ++k) names.mention_at_token[k] = index;
      names.mentions.push_back(std::move(m));
      t = e - 1;
    }

    // People named together: "Victor Cha and Ellen Kim", "Robbie Gramer and Amy Mackinnon".
    for (std::size_t a = sentence_first_mention; a + 1 < names.mentions.size(); ++a) {
      NameMention& left = names.mentions[a];
      NameMention& right = names.mentions[a + 1];
      if (left.group >= 0) continue;
      const std::uint32_t between = left.last_token;
      if (right.np_first != between + 1 || !equals_word(doc, between, "and")) continue;
      const auto personish = [](const NameMention& m) {
        return m.kind == EntityKind::person || m.kind == EntityKind::unknown;
      };
      if (!personish(left) || !personish(right)) continue;
      NameGroup g;
      g.first_token = left.np_first;
      g.mentions = {static_cast<int>(a), static_cast<int>(a + 1)};
      const int gi = static_cast<int>(names.groups.size());
      left.group = right.group = gi;
      if (left.person_evidence || right.person_evidence) {
        left.kind = right.kind = EntityKind::person;
        left.person_evidence = right.person_evidence = true;
        if (left.role.empty()) left.role = right.role;
      }
      names.groups.push_back(std::move(g));
    }
  }

  // Whoever says something is a person unless known to be an organisation or place: "Moreau
  // said", "…, Nicola Fox, said", "said Stewart".
  for (NameMention& m : names.mentions) {
    if (m.kind != EntityKind::unknown) continue;
    std::uint32_t k = m.last_token;
    if (k < doc.tokens.size() && is_punct(doc, k, ',')) ++k;
    while (k < doc.tokens.size() && is_word(doc.tokens[k]) && !doc.tokens[k].upper &&
           (doc.tokens[k].flags & word::kSkip) && !(doc.tokens[k].flags & word::kSpeech)) {
      ++k;
    }
    const auto speaks = [&](std::uint32_t t, std::uint64_t need) {
      const Token& tok = doc.tokens[t];
      return is_word(tok) && !tok.upper && tok.quote < 0 && (tok.flags & need) &&
             !(tok.flags & (word::kNaming | word::kParticiple | word::kCognition));
    };
    const bool subject = k < doc.tokens.size() && speaks(k, word::kSpeech);
    const bool inverted = m.np_first > 0 && speaks(m.np_first - 1, word::kInvertible);
    if (subject || inverted) {
      m.kind = EntityKind::person;
      m.person_evidence = true;
    }
  }

  // --- Clustering -------------------------------------------------------------------------
  std::unordered_map<std::string, int> by_key;
  std::unordered_map<std::string, std::vector<int>> by_word;  // word key -> entities
  auto word_keys = [&](const NameMention& m) {
    std::vector<std::string> keys;
    for (std::uint32_t k = m.first_token; k < m.last_token; ++k) {
      if (!is_word(doc.tokens[k]) || (doc.tokens[k].flags & word::kConnector)) continue;
      keys.push_back(name_key(doc.token_text(k)));
    }
    return keys;
  };
  auto new_entity = [&](const NameMention& m) {
    EntityInfo info;
    info.entity.id = static_cast<int>(names.entities.size());
    info.entity.kind = m.kind;
    info.entity.name = m.text;
    names.entities.push_back(std::move(info));
    return names.entities.back().entity.id;
  };
  // Full forms first: several words, or a single word with evidence of what it is.
  for (std::size_t i = 0; i < names.mentions.size(); ++i) {
    NameMention& m = names.mentions[i];
    // Single words wait for the second pass: "Park" may be Lena Park before it is a park.
    const bool full = m.last_token - m.first_token >= 2;
    if (!full) continue;
    auto it = by_key.find(m.key);
    int id = it == by_key.end() ? -1 : it->second;
    if (id < 0) {
      id = new_entity(m);
      by_key.emplace(m.key, id);
      names.entities[id].keys.push_back(m.key);
      if (m.kind != EntityKind::place && m.kind != EntityKind::organisation) {
        const auto keys = word_keys(m);
        if (!keys.empty()) {
          by_word[keys.front()].push_back(id);
          if (keys.size() > 1) by_word[keys.back()].push_back(id);
        }
      }
    }
    m.entity = id;
    ++names.entities[id].full_mentions;
  }
  // Short forms join the full form containing them that a reader would pick (short_name_choice).
  std::vector<ShortNameCandidate> candidates(names.entities.size());
  for (const NameMention& m : names.mentions) {
    if (m.entity < 0) continue;
    ShortNameCandidate& c = candidates[m.entity];
    if (c.full_mentions == 0) c.standing = standing_of(doc, m);
    ++c.full_mentions;
    if (m.person_evidence) c.standing = 2;
    if (c.gender.empty()) c.gender = m.gender;
  }
  for (std::size_t i = 0; i < names.mentions.size(); ++i) {
    NameMention& m = names.mentions[i];
    if (m.entity >= 0) {
      candidates[m.entity].last_seen = m.first_token + 1;
      continue;
    }
    auto words = by_word.find(m.key);
    int best = -1;
    if (words != by_word.end()) {
      best = short_name_choice(doc, m, words->second, candidates);
    }
    if (best < 0) {
      auto it = by_key.find(m.key);
      if (it != by_key.end()) best = it->second;
    }
    if (best < 0) {
      best = new_entity(m);
      by_key.emplace(m.key, best);
      candidates.emplace_back();
    }
    m.entity = best;
    candidates[best].last_seen = m.first_token + 1;
  }

  // Entity attributes from all of its mentions.
  std::vector<bool> evidence(names.entities.size(), false);
  for (const NameMention& m : names.mentions) {
    EntityInfo& info = names.entities[m.entity];
    Entity& e = info.entity;
    e.mentions.push_back({doc.tokens[m.first_token].begin, doc.tokens[m.last_token - 1].end});
    const std::size_t words = m.last_token - m.first_token;
    std::size_t best_words = 0;
    {
      // Count words of the current name.
      std::size_t w = 1;
      for (char c : e.name) w += c == ' ';
      best_words = w;
    }
    if (words > best_words && m.kind != EntityKind::place) {
      if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end()) {
        e.aliases.push_back(e.name);
      }
      e.name = m.text;
    } else if (m.text != e.name &&
               std::find(e.aliases.begin(), e.aliases.end(), m.text) == e.aliases.end()) {
      e.aliases.push_back(m.text);
    }
    if (e.role.empty() && !m.role.empty()) e.role = m.role;
    if (e.affiliation.empty() && !m.affiliation.empty()) e.affiliation = m.affiliation;
    if (e.gender.empty() && !m.gender.empty()) e.gender = m.gender;
    if (m.person_evidence) evidence[m.entity] = true;
    if (m.kind == EntityKind::organisation) e.kind = EntityKind::organisation;
    if (m.kind == EntityKind::place && e.kind == EntityKind::unknown) e.kind = EntityKind::place;
  }
  for (auto& info : names.entities) {
    Entity& e = info.entity;
    if (evidence[e.id] && e.kind != EntityKind::organisation) e.kind = EntityKind::person;
    if (e.kind == EntityKind::person && e.gender.empty()) {
      // The first word of the fullest form is the given name for most names in the news.
      std::string buf;
      const std::string first = e.name.substr(0, e.name.find(' '));
      const std::uint64_t f = word_flags(first);
      if ((f & word::kGivenName) && (f & word::kFemale) && !(f & word::kMale))
        e.gender = "female";
      else if ((f & word::kGivenName) && (f & word::kMale) && !(f & word::kFemale))
        e.gender = "male";
      else
        e.gender = gender_of_surname(name_key(e.name.substr(e.name.rfind(' ') + 1)));
    }
  }
  for (NameMention& m : names.mentions) {
    if (names.entities[m.entity].entity.kind == EntityKind::person) m.kind = EntityKind::person;
  }
  // People sharing a family name ("Bill Clinton", "Hillary Clinton"): a short mention of one of
  // them is less certain, which the attribution evidence reports.
  std::unordered_map<std::string, int> family_count;
  auto family_key = [](const std::string& name) {
    return name_key(name.substr(name.rfind(' ') + 1));
  };
  for (const EntityInfo& info : names.entities) {
    if (info.entity.kind == EntityKind::person) ++family_count[family_key(info.entity.name)];
  }
  for (EntityInfo& info : names.entities) {
    if (info.entity.kind == EntityKind::person)
      info.namesakes = family_count[family_key(info.entity.name)];
  }

  // --- Pronouns ---------------------------------------------------------------------------
  // Forward through the text, each he/she goes to the most recent person it can refer to: a
  // known gender must agree, a person of unknown gender is a weaker candidate, and a mention
  // that opened its sentence (the subject) is slightly preferred.
  struct Trail {
    std::uint32_t token;
    int entity;
    int paragraph;
    bool subject;
  };
  std::vector<Trail> trail;
  std::size_t next_mention = 0;
  int last_group = -1;
  std::uint32_t last_group_token = 0;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
      while (next_mention < names.mentions.size() &&
             names.mentions[next_mention].first_token <= t) {
        const NameMention& m = names.mentions[next_mention];
        if (m.kind == EntityKind::person) {
          trail.push_back({m.first_token, m.entity, s.paragraph, m.np_first == s.first_token});
        }
        if (m.group >= 0 &&
            names.groups[m.group].mentions.front() == static_cast<int>(next_mention)) {
          last_group = m.group;
          last_group_token = m.first_token;
        }
        ++next_mention;
      }
      const Token& tok = doc.tokens[t];
      if (tok.quote >= 0 || !is_word(tok) || !(tok.flags & word::kPronoun)) continue;
      std::string buf;
      const std::string_view w = fold_word(doc.token_text(t), buf);
      std::string gender;
      if (w == "he" || w == "him" || w == "his" || w == "himself")
        gender = "male";
      else if (w == "she" || w == "her" || w == "hers" || w == "herself")
        gender = "female";
      else if (w == "they" || w == "them" || w == "their") {
        if (last_group >= 0 && t - last_group_token < 400) names.pronoun_group[t] = last_group;
        continue;
      } else {
        continue;
      }
      const bool pronoun_is_subject = t == s.first_token;
      const double subject_bonus = pronoun_is_subject ? kSubjectBonus : 0.6;
      double best_score = 1e9;
      int best = -1;
      int rank = 0;
      for (std::size_t k = trail.size(); k-- > 0 && rank < 40; ++rank) {
        const Trail& c = trail[k];
        if (s.paragraph - c.paragraph > 4) break;
        const std::string& g = names.entities[c.entity].entity.gender;
        if (!g.empty() && g != gender) continue;
        // A pronoun opening its sentence most often continues the subject of the sentences
        // before it, however many people those sentences name after their subject.
        double score = rank + (g.empty() ? 1.5 : 0.0) - (c.subject ? subject_bonus : 0.0);
        if (score < best_score) {
          best_score = score;
          best = c.entity;
        }
      }
      if (best >= 0) {
        names.pronoun_entity[t] = best;
        if (names.entities[best].entity.gender.empty()) names.entities[best].entity.gender = gender;
        trail.push_back({t, best, s.paragraph, t == s.first_token});
      }
    }
  }
  return names;
}

}  // namespace citecard::extract_detail
