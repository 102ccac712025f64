// Fact sentences: sentences of the writer's own (not quotations, not headings or captions'
// fragments) that state something checkable — a date, a number with its unit, or who did what
// where — each with the spans a question card can ask for.
#include "extract/facts.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "extract/lexicon.hpp"
#include "extract/utf8.hpp"
#include "word_lists.hpp"

namespace citecard::extract_detail {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's algorithms).
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + static_cast<int>(era * 400);
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
}

std::string iso(int y, unsigned m, unsigned d) {
  char buf[32];  // room for any int and unsigned, so no value can truncate it
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

struct ArticleDate {
  bool known = false;
  int year = 0;
  unsigned month = 0, day = 0;
  long days = 0;
};

ArticleDate parse_date(const std::string& s) {
  ArticleDate a;
  if (s.size() < 10) return a;
  a.year = std::atoi(s.substr(0, 4).c_str());
  a.month = static_cast<unsigned>(std::atoi(s.substr(5, 2).c_str()));
  a.day = static_cast<unsigned>(std::atoi(s.substr(8, 2).c_str()));
  a.known = a.year > 0 && a.month >= 1 && a.month <= 12 && a.day >= 1 && a.day <= 31;
  if (a.known) a.days = days_from_civil(a.year, a.month, a.day);
  return a;
}

// The number lexicon/months.txt or month_abbreviations.txt gives the first three letters of a
// lower-case word ("sept", "september" -> 9; "may" is a name of its own), 0 for none.
unsigned month_number(std::string_view w) {
  const std::string_view prefix = w.substr(0, 3);
  const lexicon::Entry* month = lexicon::find(lexicon::month_abbreviations(), prefix);
  if (!month) month = lexicon::find(lexicon::months(), prefix);
  const int number = month ? std::atoi(std::string(month->value).c_str()) : 0;
  return number >= 1 && number <= 12 ? static_cast<unsigned>(number) : 0;
}

// Monday = 0 by the first three letters of a lower-case word (lexicon/weekday_abbreviations.txt
// counts Monday as 1), -1 for none.
int weekday_number(std::string_view w) {
  const lexicon::Entry* day = lexicon::find(lexicon::weekday_abbreviations(), w.substr(0, 3));
  return day ? std::atoi(std::string(day->value).c_str()) - 1 : -1;
}

class FactFinder {
 public:
  FactFinder(const Document& doc, const Names& names, const std::string& date)
      : doc_(doc), names_(names), date_(parse_date(date)) {}

  std::vector<Fact> run() {
    std::vector<Fact> facts;
    for (const Sentence& s : doc_.sentences) {
      if (doc_.paragraphs[s.paragraph].heading) continue;
      const std::uint32_t n = s.last_token - s.first_token;
      if (n < 6 || n > 80) continue;
      std::uint32_t quoted = 0, words = 0;
      for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
        quoted += doc_.tokens[t].quote >= 0;
        words += doc_.tokens[t].kind == TokenKind::word;
      }
      if (quoted * 3 > n || words < 5) continue;
      const Token& last = doc_.tokens[s.last_token - 1];
      const char end = doc_.text[last.end - 1];
      if (end == '?' || !(end == '.' || end == '!' || last.kind == TokenKind::mark || end == ')')) {
        continue;
      }
      Fact f;
      f.start = doc_.tokens[s.first_token].begin;
      f.end = last.end;
      f.text = std::string(doc_.text.substr(f.start, f.end - f.start));
      f.paragraph = s.paragraph;
      std::vector<bool> used(n, false);
      find_dates(s, f, used);
      find_numbers(s, f, used);
      int checkable = static_cast<int>(f.answers.size());
      int named = 0;
      for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
        const int m = names_.mention_at_token[t];
        if (m < 0 || names_.mentions[m].first_token != t) continue;
        const NameMention& mention = names_.mentions[m];
        const Entity& e = names_.entities[mention.entity].entity;
        if (e.kind == EntityKind::unknown || e.kind == EntityKind::group) continue;
        AnswerSpan a;
        a.kind = to_string(e.kind);
        a.start = doc_.tokens[mention.first_token].begin;
        a.end = doc_.tokens[mention.last_token - 1].end;
        a.text = mention.text;
        a.end = a.start + static_cast<std::int64_t>(a.text.size());
        a.value = e.name;
        f.answers.push_back(std::move(a));
        ++named;
      }
      if (checkable == 0 && named < 2) continue;
      std::sort(f.answers.begin(), f.answers.end(),
                [](const AnswerSpan& a, const AnswerSpan& b) { return a.start < b.start; });
      facts.push_back(std::move(f));
    }
    return facts;
  }

 private:
  int integer(std::uint32_t t) const {
    const std::string_view w = doc_.token_text(t);
    int v = 0;
    for (char c : w) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
      if (v > 100000) return -1;
    }
    return w.empty() ? -1 : v;
  }
  std::uint32_t skip_punct(std::uint32_t t, std::uint32_t end, char c) const {
    while (t < end && doc_.tokens[t].kind == TokenKind::punct &&
           doc_.text[doc_.tokens[t].begin] == c)
      ++t;
    return t;
  }

  void add(Fact& f, std::vector<bool>& used, const Sentence& s, std::uint32_t a, std::uint32_t b,
           const char* kind, std::string value) {
    AnswerSpan span;
    span.kind = kind;
    span.start = doc_.tokens[a].begin;
    span.end = doc_.tokens[b - 1].end;
    span.text = std::string(doc_.text.substr(span.start, span.end - span.start));
    span.value = value.empty() ? span.text : std::move(value);
    for (std::uint32_t t = a; t < b; ++t) used[t - s.first_token] = true;
    f.answers.push_back(std::move(span));
  }

  void find_dates(const Sentence& s, Fact& f, std::vector<bool>& used) {
    const std::uint32_t end = s.last_token;
    for (std::uint32_t t = s.first_token; t < end; ++t) {
      if (used[t - s.first_token] || doc_.tokens[t].quote >= 0) continue;
      const std::uint64_t fl = doc_.tokens[t].flags;
      if (doc_.is_word(t) && (fl & word::kMonth) && doc_.tokens[t].upper) {
        const unsigned month = month_number(doc_.folded_word(t));
        std::uint32_t k = skip_punct(t + 1, end, '.');
        int day = -1, year = -1;
        if (k < end && doc_.is_number(k)) {
          const int v = integer(k);
          if (v >= 1 && v <= 31) {
            day = v;
            ++k;
            const std::uint32_t c = skip_punct(k, end, ',');
            if (c < end && doc_.is_number(c) && integer(c) >= 1000) {
              year = integer(c);
              k = c + 1;
            }
          } else if (v >= 1000) {
            year = v;
            ++k;
          }
        }
        if (day < 0 && year < 0 && doc_.token_is(t, "may")) continue;  // the verb
        if (year < 0 && date_.known && day > 0) year = date_.year;
        std::string value;
        if (year > 0 && day > 0)
          value = iso(year, month, static_cast<unsigned>(day));
        else if (year > 0)
          value = iso(year, month, 1).substr(0, 7);
        add(f, used, s, t, k, "date", value);
        t = k - 1;
        continue;
      }
      if (doc_.is_number(t) && t + 1 < end && doc_.is_word(t + 1) &&
          (doc_.tokens[t + 1].flags & word::kMonth) && doc_.tokens[t + 1].upper) {
        const int day = integer(t);
        if (day >= 1 && day <= 31) {
          std::uint32_t k = t + 2;
          int year = date_.known ? date_.year : -1;
          if (k < end && doc_.is_number(k) && integer(k) >= 1000) year = integer(k++);
          add(f, used, s, t, k, "date",
              year > 0
                  ? iso(year, month_number(doc_.folded_word(t + 1)), static_cast<unsigned>(day))
                  : "");
          t = k - 1;
          continue;
        }
      }
      if (doc_.is_word(t) && (fl & word::kWeekday) && doc_.tokens[t].upper) {
        std::string value;
        if (date_.known) {
          // News speaks of the week it was written in: the latest such day on or before.
          const long monday_based = ((date_.days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
          const int target = weekday_number(doc_.folded_word(t));
          const long back = (monday_based - target + 7) % 7;
          int y;
          unsigned m, d;
          civil_from_days(date_.days - back, y, m, d);
          value = iso(y, m, d);
        }
        add(f, used, s, t, t + 1, "date", value);
        continue;
      }
      if (doc_.is_word(t) && (doc_.token_is(t, "yesterday") || doc_.token_is(t, "today") ||
                              doc_.token_is(t, "tomorrow"))) {
        if (!date_.known) continue;
        const long shift = doc_.token_is(t, "yesterday") ? -1 : doc_.token_is(t, "today") ? 0 : 1;
        int y;
        unsigned m, d;
        civil_from_days(date_.days + shift, y, m, d);
        add(f, used, s, t, t + 1, "date", iso(y, m, d));
        continue;
      }
      if (doc_.is_word(t) && doc_.token_is(t, "last") && t + 1 < end &&
          doc_.token_is(t + 1, "year") && date_.known) {
        add(f, used, s, t, t + 2, "date", std::to_string(date_.year - 1));
        ++t;
        continue;
      }
      if (doc_.is_number(t)) {
        const std::string_view w = doc_.token_text(t);
        const int v = integer(t);
        const bool decade = w.size() == 5 && w[4] == 's' && w[3] == '0';
        if ((v >= 1900 && v <= 2100) || decade) {
          // A bare year, unless it measures something ("2,000 troops" has a comma; "1990 votes").
          const bool unit_after =
              t + 1 < end && doc_.is_word(t + 1) && (doc_.tokens[t + 1].flags & word::kUnit);
          if (!unit_after || decade) add(f, used, s, t, t + 1, "date", std::string(w));
        }
      }
    }
  }

  void find_numbers(const Sentence& s, Fact& f, std::vector<bool>& used) {
    const std::uint32_t end = s.last_token;
    for (std::uint32_t t = s.first_token; t < end; ++t) {
      if (used[t - s.first_token] || doc_.tokens[t].quote >= 0) continue;
      const bool digits = doc_.is_number(t);
      const bool number_word =
          doc_.is_word(t) && (doc_.tokens[t].flags & word::kNumberWord) && !doc_.tokens[t].upper;
      const bool dozen = doc_.is_word(t) && doc_.token_is(t, "a") && t + 1 < end &&
                         (doc_.token_is(t + 1, "dozen") || doc_.token_is(t + 1, "hundred") ||
                          doc_.token_is(t + 1, "thousand") || doc_.token_is(t + 1, "million") ||
                          doc_.token_is(t + 1, "couple"));
      if (!digits && !number_word && !dozen) continue;
      if (number_word &&
          (doc_.token_is(t, "first") || doc_.token_is(t, "second") || doc_.token_is(t, "half")))
        continue;
      std::uint32_t b = t;
      // Approximations belong to the number: "about a dozen", "more than three hours".
      if (b > s.first_token && doc_.is_word(b - 1)) {
        const std::string p = doc_.folded_word(b - 1);
        if (p == "about" || p == "nearly" || p == "almost" || p == "roughly" || p == "around" ||
            p == "some" || p == "over" || p == "approximately") {
          --b;
        } else if ((p == "than" || p == "least" || p == "to") && b - 1 > s.first_token) {
          const std::string pp = doc_.folded_word(b - 2);
          if (pp == "more" || pp == "fewer" || pp == "less" || pp == "at" || pp == "up") b -= 2;
        }
      }
      std::uint32_t k = t + (dozen ? 2 : 1);
      // Scale words and the thing counted: "$4.2 million", "60 hours", "200 kilometers".
      while (k < end && doc_.is_word(k) && (doc_.tokens[k].flags & word::kNumberWord) &&
             !doc_.tokens[k].upper)
        ++k;
      if (k < end && doc_.is_word(k) && doc_.token_is(k, "of") && k + 1 < end &&
          doc_.is_word(k + 1) && (doc_.tokens[k - 1].flags & word::kNumberWord)) {
        ++k;  // "hundreds of thousands of"
        while (k < end && doc_.is_word(k) && (doc_.tokens[k].flags & word::kNumberWord)) ++k;
        if (k < end && doc_.token_is(k, "of")) ++k;
      }
      std::uint32_t unit_end = k;
      for (std::uint32_t u = k; u < end && u < k + 3; ++u) {
        if (!doc_.is_word(u) || doc_.tokens[u].upper || doc_.tokens[u].quote >= 0) break;
        const std::uint64_t fl = doc_.tokens[u].flags;
        if (fl & (word::kBoundary | word::kSpeech)) break;
        const std::string w = doc_.folded_word(u);
        if ((fl & word::kUnit) || (w.size() > 3 && w.back() == 's')) {
          unit_end = u + 1;
          break;
        }
      }
      if (unit_end == k && number_word) continue;  // "one of", "two leaders" without a unit stays
      add(f, used, s, b, unit_end, "number", "");
      t = unit_end - 1;
    }
  }

  const Document& doc_;
  const Names& names_;
  ArticleDate date_;
};

}  // namespace

std::vector<Fact> find_facts(const Document& doc, const Names& names,
                             const std::string& article_date) {
  return FactFinder(doc, names, article_date).run();
}

}  // namespace citecard::extract_detail
