// What the keep model weighs of a candidate: what a reader of news weighs when deciding whether a
// card is worth remembering (where its sentence stands in the article, whether the headline and
// the lede are about it, whether other articles report it, what kind of answer it hides) and what
// the generator's own rules say of it (each rule that would refuse it is a feature, not a verdict).
// Names are stable: keep_weights.inc and the fitting data refer to them.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>

#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"
#include "deck/lint/unseen_rules.hpp"

namespace citecard::deck::generate {
namespace {

const Article& article_of(const Corpus& corpus, const Candidate& c) {
  return corpus.articles[static_cast<std::size_t>(c.article)];
}

// The index of the paragraph of reporting a byte offset falls in (-1 before the first).
int prose_paragraph(const Article& article, std::int64_t at) {
  const auto& starts = article.prose_starts;
  return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
}

double share_in(const std::set<std::string>& words, const std::set<std::string>& in) {
  if (words.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& w : words) shared += in.count(w);
  return static_cast<double>(shared) / static_cast<double>(words.size());
}

const char* paragraph_bucket(int paragraph) {
  if (paragraph <= 0) return "para:lede";
  if (paragraph <= 2) return "para:1-2";
  if (paragraph <= 5) return "para:3-5";
  if (paragraph <= 9) return "para:6-9";
  return "para:10+";
}

int top_mentions(const Article& article) {
  int top = 0;
  for (const auto& [key, mentions] : article.mentions_by_key) top = std::max(top, mentions);
  return top;
}

int mentions_in(const Article& article, const std::string& display_key) {
  const auto it = article.mentions_by_key.find(display_key);
  return it == article.mentions_by_key.end() ? 0 : it->second;
}

std::string words_bucket(std::size_t words, const char* stem) {
  const char* band = words < 8 ? "<8" : words < 16 ? "8-15" : words < 30 ? "16-29" : "30+";
  return fmt::format("{}:{}", stem, band);
}

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Words that point outside the sentence: a card showing them leaves the reader asking "who?".
bool is_pointing_word(const std::string& w) {
  static const std::set<std::string> words = {"he",   "she",  "they",  "it",    "him",
                                              "her",  "them", "his",   "their", "its",
                                              "this", "that", "these", "those"};
  return words.count(w) > 0;
}

double capped(std::size_t n, std::size_t cap) {
  return static_cast<double>(std::min(n, cap)) / static_cast<double>(cap);
}

bool all_upper(const std::string& text) {
  bool letters = false;
  for (const char c : text) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    letters |= std::isupper(static_cast<unsigned char>(c)) != 0;
  }
  return letters;
}

// Features of the words a card shows (a cloze's sentence, a quote): words pointing outside it,
// other figures a reader could work the answer out from, and page markup (handles, links).
void add_shown_text_features(const std::string& shown, const std::string& answer,
                             std::vector<Feature>& f) {
  const auto words = words_of(shown);
  std::size_t pointing = 0;
  std::size_t numbers = 0;
  for (const auto& w : words) {
    pointing += is_pointing_word(w) ? 1 : 0;
    numbers += has_digit(w) ? 1 : 0;
  }
  if (pointing > 0) f.push_back({"shown-pointing-words", capped(pointing, 3)});
  if (numbers > 0) f.push_back({"shown-numbers", capped(numbers, 3)});
  if (!words.empty() && is_pointing_word(words.front())) f.push_back({"shown-opens-pointing", 1});
  if (shown.find('@') != std::string::npos || shown.find("http") != std::string::npos ||
      shown.find(".com") != std::string::npos)
    f.push_back({"shown-markup", 1});
  if (!answer.empty()) {
    // A word of the answer (a surname, "Korea" of "North Korea") still in sight.
    const auto shown_words = std::set<std::string>(words.begin(), words.end());
    for (const auto& w : content_words(answer))
      if (w.size() > 2 && shown_words.count(w)) {
        f.push_back({"answer-word-shown", 1});
        break;
      }
    if (shown.rfind(lint::kBlank, 0) == 0) f.push_back({"blank-opens", 1});
  }
}

// The extracted quote a quote card cites first, if any.
const Quote* cited_quote(const Article& article, const Card& card) {
  if (card.citations.empty()) return nullptr;
  const Citation& c = card.citations.front();
  for (const Quote& q : article.found.quotes)
    if (q.start == c.start && q.end == c.end) return &q;
  return nullptr;
}

// How many other articles of the deck use every content word of the answer: the fact is reported
// by several.
int other_articles_with(const Corpus& corpus, int article, const std::string& answer) {
  const auto words = content_words(answer);
  if (words.empty()) return 0;
  std::vector<int> common;
  bool first = true;
  for (const auto& w : words) {
    const auto it = corpus.articles_using.find(w);
    if (it == corpus.articles_using.end()) return 0;
    if (first) {
      common = it->second;
      first = false;
      continue;
    }
    std::vector<int> both;
    std::set_intersection(common.begin(), common.end(), it->second.begin(), it->second.end(),
                          std::back_inserter(both));
    common = std::move(both);
  }
  return static_cast<int>(common.size()) -
         (std::binary_search(common.begin(), common.end(), article) ? 1 : 0);
}

void add_answer_features(const Corpus& corpus, Candidate& c, std::vector<Feature>& f) {
  const std::string& answer = c.card.answer;
  const auto answer_words = words_of(answer);
  f.push_back({answer_words.size() <= 1   ? "answer-words:1"
               : answer_words.size() <= 3 ? "answer-words:2-3"
                                          : "answer-words:4+",
               1});
  if (!c.answer_kind.empty()) f.push_back({"kind:" + c.answer_kind, 1});
  if (c.answer_kind == "number") {
    // "40 percent", "$3 million", "12 missiles": a figure with what it counts.
    const bool unit = answer_words.size() > 1 || answer.find('%') != std::string::npos ||
                      answer.find('$') != std::string::npos;
    f.push_back({unit ? "number:with-unit" : "number:bare", 1});
  }
  if (c.answer_kind == "date") {
    const bool digits_only_year =
        answer_words.size() == 1 && answer.size() == 4 && has_digit(answer);
    f.push_back({digits_only_year ? "date:year" : "date:day-or-month", 1});
  }
  const auto name = corpus.names.find(display_key(corpus, answer));
  if (name != corpus.names.end() && c.answer_kind != "number" && c.answer_kind != "date") {
    f.push_back({"answer-mentions", std::min(1.0, std::log1p(name->second.mentions) / 3.0)});
    if (corpus.protagonist_keys.count(name->first)) f.push_back({"answer-protagonist", 1});
  }
  if (all_upper(answer)) f.push_back({"answer-all-caps", 1});
  if (c.answer_kind == "number") {
    // "1,000", "2 million", "50 percent": a round figure is remembered; "1,076" is a detail.
    std::string digits;
    for (const char ch : answer)
      if (ch >= '0' && ch <= '9') digits += ch;
    const bool round = !digits.empty() && (digits.size() == 1 || digits.back() == '0');
    f.push_back({round ? "number:round" : "number:exact", 1});
  }
  if (name != corpus.names.end() && c.answer_kind != "number" && c.answer_kind != "date") {
    // How central the answer is to its article: the story's subject is known without reading it.
    const Article& article = article_of(corpus, c);
    f.push_back({"answer-share-of-top-mentions",
                 std::min(1.0, static_cast<double>(mentions_in(article, name->first)) /
                                   std::max(1, top_mentions(article)))});
    if (name->second.kind != EntityKind::unknown &&
        to_string(name->second.kind) != std::string(c.answer_kind) && c.answer_kind != "number" &&
        c.answer_kind != "date")
      f.push_back({"answer-kind-disagrees", 1});
  }
  const auto in_title = share_in(content_words(answer), article_of(corpus, c).headline_words);
  if (in_title > 0) f.push_back({"answer-in-headline", in_title});
  const int others = other_articles_with(corpus, c.article, answer);
  if (others > 0) f.push_back({"answer-in-other-articles", std::min(others, 2) / 2.0});
}

void add_quote_features(const Corpus& corpus, const Candidate& c, std::vector<Feature>& f) {
  const Article& article = article_of(corpus, c);
  const Quote* quote = cited_quote(article, c.card);
  if (quote == nullptr) return;
  f.push_back({"speaker-confidence", quote->confidence});
  f.push_back({words_bucket(words_of(quote->text).size(), "quote-words"), 1});
  if (quote->partial) f.push_back({"quote-partial", 1});
  const std::string key = quote->speaker ? display_key(corpus, *quote->speaker) : std::string();
  if (const auto it = corpus.names.find(key); it != corpus.names.end()) {
    f.push_back({"speaker-mentions", std::min(1.0, std::log1p(it->second.mentions) / 3.0)});
    if (!it->second.role.empty()) f.push_back({"speaker-has-role", 1});
    if (!it->second.role_kind.empty()) f.push_back({"speaker-role:" + it->second.role_kind, 1});
    if (it->second.kind != EntityKind::person) f.push_back({"speaker-not-person", 1});
  }
  if (!key.empty() && is_principal(corpus, key)) f.push_back({"speaker-principal", 1});
  const auto words = words_of(quote->text);
  const bool first_person = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "i" || w == "we" || w == "our" || w == "my" || w == "us";
  });
  if (first_person) f.push_back({"quote-first-person", 1});
  if (has_digit(quote->text)) f.push_back({"quote-has-number", 1});
  std::size_t content = 0;
  for (const auto& w : words) content += is_stopword(w) ? 0 : 1;
  f.push_back({"quote-content-words", capped(content, 15)});
  if (!words.empty() && is_pointing_word(words.front())) f.push_back({"quote-opens-pointing", 1});
  const std::string& speaker =
      c.card.type == card_type::kQuoteCloze ? std::string() : c.card.answer;
  if (!speaker.empty()) {
    if (words_of(speaker).size() == 1) f.push_back({"speaker-one-word", 1});
    if (all_upper(speaker)) f.push_back({"speaker-all-caps", 1});
  }
}

}  // namespace

void add_features(const Corpus& corpus, std::vector<Candidate>& pool) {
  // How often the sources name each person asked about, counted once per person: the count scans
  // every source's text, and a large deck asks the same few people thousands of times.
  std::map<std::string, bool> passing;
  for (Candidate& c : pool) {
    const std::string person = lint::asked_person(c.card, {});
    bool passing_person = false;
    if (!person.empty()) {
      auto [it, fresh] = passing.try_emplace(person, false);
      if (fresh) it->second = !lint::passing_person_findings(person, corpus.deck->sources).empty();
      passing_person = it->second;
    }
    add_features(corpus, c, passing_person);
  }
}

void add_features(const Corpus& corpus, Candidate& c, bool passing_person) {
  std::vector<Feature> f;
  f.push_back({"type:" + c.card.type, 1});
  if (c.offered) f.push_back({"offered", 1});
  if (c.held_back) f.push_back({"held-back", 1});
  f.push_back({c.card.choices.empty() ? "choices:none" : "choices:four", 1});
  std::set<std::string> rules(c.findings.begin(), c.findings.end());
  for (const auto& finding : lint::card_findings(c.card)) rules.insert(finding.rule);
  if (passing_person) rules.insert("passing-person");
  for (const auto& rule : rules) f.push_back({"finding:" + rule, 1});
  if (!rules.empty()) f.push_back({"findings", std::min<double>(rules.size(), 3) / 3.0});

  const Article& article = article_of(corpus, c);
  if (!c.card.citations.empty()) {
    const Citation& cited = c.card.citations.front();
    const int paragraph = prose_paragraph(article, cited.start);
    f.push_back({paragraph_bucket(paragraph), 1});
    const auto size = static_cast<double>(std::max<std::size_t>(1, article.source->text.size()));
    f.push_back({"position", static_cast<double>(cited.start) / size});
    const auto words = content_words(cited.text);
    f.push_back({"headline-overlap", share_in(words, article.headline_words)});
    f.push_back({"lede-overlap", share_in(words, article.lede_words)});
    f.push_back({words_bucket(words_of(cited.text).size(), "cited-words"), 1});
    if (c.card.citations.size() > 1) {
      std::set<std::string> sources;
      for (const auto& other : c.card.citations) sources.insert(other.source);
      if (sources.size() > 1) f.push_back({"several-articles", 1});
    }
    const bool quoted =
        cited.text.find("\u201C") != std::string::npos || cited.text.find('"') != std::string::npos;
    if (quoted && c.card.type == card_type::kFactCloze) f.push_back({"sentence-quotes", 1});
  }
  if (c.card.type == card_type::kFactCloze || c.card.type == card_type::kQuoteCloze)
    add_shown_text_features(lint::cloze_sentence(c.card), c.card.answer, f);
  if (c.card.type == card_type::kFactCloze || c.card.type == card_type::kWhoIsReverse ||
      c.card.type == card_type::kWhoIs)
    add_answer_features(corpus, c, f);
  if (c.card.type == card_type::kWhoSaid || c.card.type == card_type::kWhoSaidTyped ||
      c.card.type == card_type::kQuoteCloze || c.card.type == card_type::kWhichOutlet)
    add_quote_features(corpus, c, f);
  c.features = std::move(f);
}

}  // namespace citecard::deck::generate
