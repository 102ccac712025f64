// An article's headline, byline and dateline from its first lines. Only the top of the text is
// read — the lines before the first body paragraph — because that is where articles state them;
// a date in the body is usually the event's, not the publication's.
#include "deck/new_deck/metadata_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <vector>

#include "word_lists.hpp"

namespace citecard::deck {
namespace {

// A line longer than this is a body paragraph or a photo caption, not a headline or byline.
constexpr std::size_t kMaxHeadlineBytes = 200;
// A byline or dateline is a short line of its own.
constexpr std::size_t kMaxShortLineBytes = 80;
// How many lines at the top may hold the headline, byline and dateline.
constexpr int kTopLines = 12;

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // A no-break space (U+00A0) pads many saved pages' lines.
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  return s;
}

int word_count(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

struct TopLine {
  std::string_view text;
  bool blank_after = false;  // an empty line (or the end of the text) follows
  std::string_view next;     // the next non-empty line, trimmed
};

// The lines before the first body paragraph, trimmed, empty ones left out.
std::vector<TopLine> top_lines(std::string_view text) {
  std::vector<TopLine> lines;
  std::size_t pos = 0;
  bool previous_blank = true;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) {
      if (!lines.empty() && !previous_blank) lines.back().blank_after = true;
      previous_blank = true;
      continue;
    }
    if (!lines.empty() && lines.back().next.empty()) lines.back().next = line;
    previous_blank = false;
    if (line.size() > kMaxHeadlineBytes || static_cast<int>(lines.size()) >= kTopLines) break;
    lines.push_back({line, false, {}});
  }
  return lines;
}

// A line of the body: longer than a headline's first line and ending like a sentence.
bool is_paragraph(std::string_view line, std::string_view headline) {
  if (line.size() <= headline.size()) return false;
  const char last = line.back();
  return last == '.' || last == '?' || last == '!' || last == '"' || last == ')' ||
         (line.size() >= 3 && line.substr(line.size() - 3) == "\u201D");
}

// "Talks stall over river dam." -> "Talks stall over river dam"; an abbreviation keeps its
// period ("Talks resume in the U.S.").
std::string_view drop_full_stop(std::string_view line) {
  if (line.size() < 2 || line.back() != '.' || line[line.size() - 2] == '.') return line;
  const std::size_t word_start =
      line.find_last_of(' ') == std::string_view::npos ? 0 : line.find_last_of(' ') + 1;
  const std::string_view last_word = line.substr(word_start, line.size() - 1 - word_start);
  if (last_word.find('.') != std::string_view::npos || last_word.size() <= 1) return line;
  return line.substr(0, line.size() - 1);
}

// A month name or abbreviation by its first three letters (lexicon/months.txt and
// month_abbreviations.txt): "Sept." and "September" are 9, "May" is a name of its own; 0 for none.
int month_number(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view prefix = std::string_view(name).substr(0, 3);
  const lexicon::Entry* month = lexicon::find(lexicon::month_abbreviations(), prefix);
  if (!month) month = lexicon::find(lexicon::months(), prefix);
  return month ? std::atoi(std::string(month->value).c_str()) : 0;
}

std::optional<std::string> ymd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 2999)
    return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

bool is_dateline(std::string_view line) {
  return line.size() <= kMaxShortLineBytes && find_date(line).has_value();
}

// A headline is words: a line of symbols and numbers ("+ ↺ − 16 px", a page's text-size
// buttons) is site furniture, however many "words" its spaces make.
bool reads_as_words(std::string_view line) {
  std::size_t letters = 0;
  std::size_t visible = 0;
  int long_words = 0;
  int run = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    const unsigned char c = i < line.size() ? static_cast<unsigned char>(line[i]) : ' ';
    if (c == ' ') {
      if (run >= 3) ++long_words;
      run = 0;
      continue;
    }
    ++visible;
    // A letter outside ASCII counts by its lead byte (its continuation bytes are not counted).
    if (std::isalpha(c) || c >= 0xC3) {
      ++letters;
      ++run;
    } else if (c >= 0x80 && c < 0xC0) {
      --visible;
    }
  }
  return long_words >= 2 && letters * 10 >= visible * 7;
}

constexpr std::size_t kMaxDatelineBytes = 100;  // "WASHINGTON, Sept. 13, 2023 (Reuters) —"
constexpr int kMaxCreditWords = 4;              // "Agence France-Presse", "The Associated Press"

// The dashes that end a dateline: hyphen, en dash, em dash.
std::size_t dateline_dash(std::string_view line) {
  std::size_t best = std::string_view::npos;
  for (std::string_view dash : {"-", "\u2013", "\u2014"}) {
    const auto at = line.find(dash);
    if (at != std::string_view::npos && at < best) best = at;
  }
  return best;
}

// A news agency's or outlet's name as a credit gives it: one to four words, each opening with a
// capital letter, no digits.
bool is_credit_name(std::string_view name) {
  const int words = word_count(name);
  if (name.empty() || words < 1 || words > kMaxCreditWords) return false;
  if (!std::isupper(static_cast<unsigned char>(name.front()))) return false;
  return std::none_of(name.begin(), name.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The dateline that opens the first paragraph of a wire story, "PLACE (Credit) — ..." or
// "PLACE, Sept. 13, 2023 (Credit) - ...", or stands on a line of its own, "PLACE- Credit": the
// credit names the outlet; a full date in it is the story's.
void read_dateline(std::string_view line, ArticleMetadata& metadata) {
  const std::size_t dash = dateline_dash(line);
  if (dash == std::string_view::npos || dash == 0 || dash > kMaxDatelineBytes) return;
  const std::string_view head = trim(line.substr(0, dash));
  const unsigned char first = static_cast<unsigned char>(head.empty() ? ' ' : head.front());
  if (!std::isupper(first)) return;
  std::string_view credit;
  if (head.back() == ')') {
    const auto open = head.rfind('(');
    if (open == std::string_view::npos || open == 0) return;
    credit = trim(head.substr(open + 1, head.size() - open - 2));
  } else {
    // "VLADIVOSTOK- Agence France-Presse": an upper-case place, a dash, and the credit alone.
    const bool upper_place = std::none_of(head.begin(), head.end(), [](char c) {
      return std::islower(static_cast<unsigned char>(c));
    });
    auto rest = line.substr(dash);
    while (!rest.empty() &&
           (rest.front() == '-' || static_cast<unsigned char>(rest.front()) >= 0x80))
      rest.remove_prefix(1);
    rest = trim(rest);
    if (!upper_place || rest.size() > kMaxShortLineBytes || rest.empty() || rest.back() == '.')
      return;
    credit = rest;
  }
  if (metadata.outlet == kNotStated && is_credit_name(credit))
    metadata.outlet = std::string(credit);
  if (metadata.date == kNotStated)
    if (auto date = find_date(head)) metadata.date = *date;
}

}  // namespace

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::optional<std::string> find_date(std::string_view text) {
  static const std::string kMonth =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
      "Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  static const std::regex kIso(R"((\d{4})-(\d{2})-(\d{2}))");
  static const std::regex kMonthDayYear(
      "\\b" + kMonth + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)", std::regex::icase);
  static const std::regex kDayMonthYear(
      R"(\b(\d{1,2})(?:st|nd|rd|th)?\s+)" + kMonth + R"(,?\s+(\d{4})\b)", std::regex::icase);
  const std::string s(text);
  std::smatch m;
  std::optional<std::string> best;
  std::ptrdiff_t best_at = -1;
  // The earliest date in the text wins, whichever way it is written.
  const auto consider = [&](std::ptrdiff_t at, std::optional<std::string> date) {
    if (date && (best_at < 0 || at < best_at)) {
      best = std::move(date);
      best_at = at;
    }
  };
  if (std::regex_search(s, m, kIso))
    consider(m.position(0), ymd(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])));
  if (std::regex_search(s, m, kMonthDayYear))
    consider(m.position(0), ymd(std::stoi(m[3]), month_number(m[1]), std::stoi(m[2])));
  if (std::regex_search(s, m, kDayMonthYear))
    consider(m.position(0), ymd(std::stoi(m[3]), month_number(m[2]), std::stoi(m[1])));
  return best;
}

std::optional<std::string> normalise_date(std::string_view value) {
  const std::string v = collapse_spaces(value);
  if (v.empty()) return std::nullopt;
  if (auto date = find_date(v)) return date;
  if (v.size() > 40) return std::nullopt;
  return v;
}

std::optional<std::string> byline_names(std::string_view line, bool require_by) {
  std::string s = collapse_spaces(line);
  const bool has_by =
      s.size() > 3 && (s.rfind("By ", 0) == 0 || s.rfind("BY ", 0) == 0 || s.rfind("by ", 0) == 0);
  if (has_by)
    s.erase(0, 3);
  else if (require_by)
    return std::nullopt;
  // "Jane Doe, Reuters" / "Jane Doe | Outlet" / "Jane Doe - Staff writer": the names come first.
  for (const char* stop : {",", " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " for "}) {
    if (auto at = s.find(stop); at != std::string::npos) s.erase(at);
  }
  while (!s.empty() && (s.back() == '/' || s.back() == '.' || s.back() == ' ')) s.pop_back();
  if (s.empty() || word_count(s) > 8) return std::nullopt;
  // Every word of a name starts with a capital letter, save joining words ("and", "de", "van").
  bool in_word = false;
  std::size_t word_start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool space = i == s.size() || s[i] == ' ';
    if (!space && !in_word) word_start = i;
    if (space && in_word) {
      const std::string word = s.substr(word_start, i - word_start);
      const bool joiner = word == "and" || word == "&" || word == "de" || word == "van" ||
                          word == "von" || word == "der" || word == "da" || word == "al" ||
                          word == "bin" || word == "del" || word == "la" || word == "le";
      const unsigned char first = static_cast<unsigned char>(word[0]);
      // Letters outside ASCII (accented capitals) are accepted as they are.
      if (!joiner && first < 0x80 && !std::isupper(first)) return std::nullopt;
    }
    in_word = !space;
  }
  return s;
}

std::pair<std::string, std::string> split_title_suffix(std::string_view title) {
  const std::string t = collapse_spaces(title);
  const auto at = t.rfind(" | ");
  if (at == std::string::npos) return {t, ""};
  std::string head = t.substr(0, at);
  std::string tail = t.substr(at + 3);
  if (head.empty() || tail.empty() || word_count(tail) > 5) return {t, ""};
  return {head, tail};
}

void fill_from_text(std::string_view text, ArticleMetadata& metadata) {
  const std::vector<TopLine> lines = top_lines(text);
  // The first paragraph of the body (the first line past the headline and byline lines) may open
  // with the dateline.
  if (!lines.empty() && !lines.back().next.empty()) read_dateline(lines.back().next, metadata);
  bool first_phrase = true;
  for (const TopLine& top : lines) {
    const std::string_view line = top.text;
    read_dateline(line, metadata);
    if (metadata.author == kNotStated) {
      if (auto names = byline_names(line, /*require_by=*/true)) {
        metadata.author = *names;
        continue;
      }
    }
    if (is_dateline(line)) {
      if (metadata.date == kNotStated) metadata.date = *find_date(line);
      continue;
    }
    // A headline is a phrase of several words, not a section label ("International") and not a
    // sentence of the body (which ends with a full stop) ...
    const bool phrase = word_count(line) >= 3 && line.back() != ':' && !byline_names(line, true) &&
                        reads_as_words(line);
    if (metadata.title == kNotStated && phrase) {
      std::string_view headline_line = line;
      bool headline = line.back() != '.';
      // ... unless it is the first phrase of the text standing on its own line: many saved
      // articles end their headline with a full stop, and a headline is set off by a blank line
      // or followed directly by the first, longer paragraph.
      if (!headline && first_phrase && (top.blank_after || is_paragraph(top.next, line))) {
        headline = true;
        headline_line = drop_full_stop(line);
      }
      if (headline) {
        auto [title, outlet] = split_title_suffix(headline_line);
        metadata.title = title;
        if (!outlet.empty() && metadata.outlet == kNotStated) metadata.outlet = outlet;
      }
    }
    if (phrase) first_phrase = false;
  }
}

}  // namespace citecard::deck
