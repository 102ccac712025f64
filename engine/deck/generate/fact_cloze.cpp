// "Fact cloze": a fact sentence with one answer hidden — a number, a date (a day, or a month and
// year) or a person named in full — and, where fair wrong answers exist, four choices of the
// answer's kind. A place or organisation the sentence names is most often given away by the rest
// of it or known to every reader of the story, and a year or a month alone is rarely its point.
// An article gives at most kMaxFactClozesPerArticle, its most important; the rest are withheld.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "word_lists.hpp"

namespace citecard::deck::generate {
namespace {

constexpr std::size_t kMinSentenceWords = 7;
constexpr std::size_t kMaxSentenceWords = 45;
constexpr int kKnownNameMentions = kNamedMoreThanInPassing;  // a name known beyond one mention

int priority(const std::string& kind) {
  if (kind == "number") return 0;
  if (kind == "date") return 1;
  if (kind == "organisation") return 2;
  if (kind == "place") return 3;
  if (kind == "person") return 4;
  return 9;
}

EntityKind entity_kind(const std::string& kind) {
  if (kind == "person") return EntityKind::person;
  if (kind == "organisation") return EntityKind::organisation;
  if (kind == "place") return EntityKind::place;
  return EntityKind::unknown;
}

const char* label(const std::string& kind) {
  if (kind == "number") return "a number";
  if (kind == "date") return "a date";
  if (kind == "place") return "a place";
  if (kind == "person") return "a person";
  return "an organisation";
}

// "two leaders", "one of the five countries": counting what the sentence already says is no fact.
bool worth_asking_number(const AnswerSpan& span) {
  const auto words = words_of(span.text);
  if (words.empty() || words.front() == "one" || words.front() == "two" || words.front() == "both")
    return false;
  return std::find(words.begin(), words.end(), "of") == words.end();
}

std::string blanked(const Fact& fact, const AnswerSpan& span) {
  const auto at = static_cast<std::size_t>(span.start - fact.start);
  const auto length = static_cast<std::size_t>(span.end - span.start);
  return fact.text.substr(0, at) + "_____" + fact.text.substr(at + length);
}

std::set<std::string> aliases_of(const Corpus& corpus, const AnswerSpan& span) {
  if (span.kind == "number" || span.kind == "date") return {};
  const auto it = corpus.names.find(display_key(corpus, span.value));
  return it == corpus.names.end() ? std::set<std::string>{name_key(span.value)}
                                  : it->second.alias_keys;
}

const Name* known_name(const Corpus& corpus, const AnswerSpan& span) {
  const auto it = corpus.names.find(display_key(corpus, span.value));
  if (it == corpus.names.end() || it->second.mentions < kKnownNameMentions ||
      it->second.kind != entity_kind(span.kind) || !looks_like_a_name(it->second))
    return nullptr;
  return &it->second;
}

// "A1: " and "Q2: " label the answers of a question-and-answer article, not its content.
std::string without_answer_label(const std::string& sentence) {
  if (sentence.size() > 4 && (sentence[0] == 'A' || sentence[0] == 'Q') &&
      std::isdigit(static_cast<unsigned char>(sentence[1])) && sentence[2] == ':' &&
      sentence[3] == ' ')
    return sentence.substr(4);
  return sentence;
}

// The English month names and their news-style abbreviations (lexicon/months.txt and
// month_abbreviations.txt: Jan., Feb., Aug., Sept., ...): a closed class.
bool is_month(const std::string& lower) {
  return lexicon::find(lexicon::months(), lower) != nullptr ||
         lexicon::find(lexicon::month_abbreviations(), lower) != nullptr;
}

// A date at a granularity worth asking: a day ("Sept. 13", "13 September 2023", "2023-09-13")
// or a month and year ("July 2023"); never a year, a month or a weekday alone.
bool is_day_or_month_year(const std::string& text) {
  bool month = false;
  bool day = false;
  bool year = false;
  for (const auto& w : words_of(text)) {
    if (is_month(w)) month = true;
    const bool digits =
        !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && w.size() <= 2) day = true;
    if (digits && w.size() == 4) year = true;
  }
  // Numeric dates: "2023-09-13", "9/13/2023".
  const auto separators =
      std::count_if(text.begin(), text.end(), [](char c) { return c == '-' || c == '/'; });
  if (separators == 2 && !month)
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  return month && (day || year);
}

// The card a refused span would have made, by the id make_fact_cloze gives it.
void refuse(const Corpus& corpus, const Article& article, const Fact& fact, const AnswerSpan& span,
            const lint::Finding& why) {
  const int index = static_cast<int>(&article - corpus.articles.data());
  const auto citations = cite(corpus, {{index, ByteSpan{fact.start, fact.end}}});
  if (citations.empty()) return;
  const std::string id = generated_card_id(corpus, card_type::kFactCloze, citations.front(),
                                           fmt::format("{}-{}", span.start, span.end));
  corpus.refused.emplace(id, std::make_pair(why.rule, why.reason));
}

}  // namespace

bool studyable_answer(const AnswerSpan& span) {
  if (span.kind == "number") return true;
  if (span.kind == "date") return is_day_or_month_year(span.text);
  return span.kind == "person" && lint::person_answer_findings(span.text).empty();
}

namespace {

// Asked for every name blank of every sentence: found once per kind.
const std::vector<std::string>& names_of_kind(const Corpus& corpus, EntityKind kind) {
  auto [it, fresh] = corpus.names_of_kind.try_emplace(kind);
  if (fresh)
    for (const auto& [key, name] : corpus.names)
      if (name.kind == kind && name.mentions >= kKnownNameMentions && looks_like_a_name(name))
        it->second.push_back(name.display);
  return it->second;
}

}  // namespace

// The story's protagonists (the most-mentioned names): every learner of the deck knows them, so
// a blank they fill asks nothing, and their capitals and leaders make ambiguous wrong choices.
std::set<std::string> protagonists(const Corpus& corpus) {
  constexpr std::size_t kProtagonists = 7;
  std::vector<std::pair<int, std::string>> by_mentions;
  for (const auto& [key, name] : corpus.names) by_mentions.push_back({-name.mentions, key});
  std::sort(by_mentions.begin(), by_mentions.end());
  std::set<std::string> out;
  for (std::size_t i = 0; i < by_mentions.size() && i < kProtagonists; ++i)
    out.insert(by_mentions[i].second);
  return out;
}

namespace {

// Why the sentence as a whole asks nothing: a caption or credit, too short or long to read as one
// fact, or opening on a word whose referent it does not show. Empty when it is fit to ask.
std::vector<lint::Finding> sentence_problems(const Article& article, const Fact& fact) {
  // A caption's sentence can look like reporting; its paragraph's credit line gives it away.
  for (const auto& p : article.furniture)
    if (p.start <= fact.start && fact.end <= p.end)
      return {{"furniture", "the sentence is in a caption, credit or byline paragraph"}};
  // Photo captions, credits and page prompts are not the article's statements.
  if (fact.text.find("Photo") != std::string::npos)
    return {{"furniture", "the sentence is a photo caption"}};
  if (auto findings = lint::furniture_findings(fact.text); !findings.empty()) return findings;
  const auto words = words_of(fact.text);
  if (words.size() < kMinSentenceWords) return {{"sentence-short", "too short to state a fact"}};
  if (words.size() > kMaxSentenceWords) return {{"sentence-long", "too long to read as one fact"}};
  // "He said ...", "This is ...": the card would show a sentence whose subject it does not.
  return lint::sentence_findings(fact.text);
}

std::vector<lint::Finding> span_problems(const Corpus& corpus, const Article& article,
                                         const Fact& fact, const AnswerSpan& span) {
  if (span.start < fact.start || span.end > fact.end || span.end <= span.start)
    return {{"outside", "the answer is not inside the sentence"}};
  std::vector<lint::Finding> out;
  if (!studyable_answer(span))
    out.push_back(
        {"unstudyable", fmt::format("{} rarely the point of its sentence", label(span.kind))});
  if (span.kind == "number" && !worth_asking_number(span))
    out.push_back({"count-said", "the number counts what the sentence already says"});
  const bool named = span.kind == "person" || span.kind == "organisation" || span.kind == "place";
  if (named && !known_name(corpus, span))
    out.push_back({"unknown-name", "the articles name it only in passing"});
  if (named && corpus.protagonist_keys.count(display_key(corpus, span.value)))
    out.push_back({"protagonist", "every reader of the story knows it"});
  // "_____ said" with a surname to recall is a guess at who the paragraph is about.
  if (span.kind == "person" && known_name(corpus, span) &&
      name_key(span.text) != name_key(known_name(corpus, span)->display))
    out.push_back({"partial-name", "the sentence names the person by part of their name"});
  if (priority(span.kind) > 4) out.push_back({"no-kind", "the answer is of no kind asked"});
  if (gives_away(blanked(fact, span), span.text, aliases_of(corpus, span)))
    out.push_back({"answer-given", "the sentence gives the answer in some form"});
  if (span.kind == "person") {
    // A person the sentence titles, or the article's subject: filled without the article.
    for (auto& f : lint::titled_person_findings(blanked(fact, span))) out.push_back(std::move(f));
    for (auto& f : lint::story_subject_findings(span.text, article.story_subjects))
      out.push_back(std::move(f));
  }
  for (auto& f : lint::blank_findings(blanked(fact, span), span.text)) out.push_back(std::move(f));
  return out;
}

// The rules' own refusals, by lint rule id, answered to a curator's overlay entry for the card.
bool is_lint_rule(const std::string& rule) {
  static const std::set<std::string> not_lint = {"outside",      "unstudyable", "count-said",
                                                 "unknown-name", "protagonist", "partial-name",
                                                 "no-kind",      "answer-given"};
  return not_lint.count(rule) == 0;
}

}  // namespace

const AnswerSpan* best_answer(const Corpus& corpus, const Article& article, const Fact& fact) {
  if (const auto findings = sentence_problems(article, fact); !findings.empty()) {
    if (findings.front().rule == "sentence-unresolved")
      for (const auto& a : fact.answers) refuse(corpus, article, fact, a, findings.front());
    return nullptr;
  }
  std::vector<const AnswerSpan*> spans;
  for (const auto& a : fact.answers) spans.push_back(&a);
  std::stable_sort(spans.begin(), spans.end(), [](const AnswerSpan* x, const AnswerSpan* y) {
    return priority(x->kind) < priority(y->kind);
  });
  // A studyable answer first; failing one, another kind, which is withheld for a curator.
  for (const bool strict : {true, false})
    for (const AnswerSpan* span : spans) {
      if (strict != studyable_answer(*span)) continue;
      auto findings = span_problems(corpus, article, fact, *span);
      std::erase_if(findings, [](const lint::Finding& f) { return f.rule == "unstudyable"; });
      if (!findings.empty()) {
        const auto lint_finding = std::find_if(findings.begin(), findings.end(),
                                               [](const auto& f) { return is_lint_rule(f.rule); });
        const bool only_lint = std::all_of(findings.begin(), findings.end(),
                                           [](const auto& f) { return is_lint_rule(f.rule); });
        if (only_lint && lint_finding != findings.end())
          refuse(corpus, article, fact, *span, *lint_finding);
        continue;
      }
      // The sentence's other answers are not asked: one blank per sentence.
      for (const auto& other : fact.answers)
        if (&other != span && other.start >= fact.start && other.end <= fact.end)
          refuse(corpus, article, fact, other,
                 {"one-blank", fmt::format("the sentence is asked with \u201C{}\u201D blanked; "
                                           "a sentence gives one blank",
                                           span->text)});
      return span;
    }
  return nullptr;
}

Candidate fact_cloze_candidate(const Corpus& corpus, const FactGroup& group) {
  const FactRef& lead = group.members.front();
  const AnswerSpan& span = *lead.answer;
  std::vector<std::pair<int, ByteSpan>> spans;
  for (const auto& m : group.members) spans.push_back({m.article, {m.fact->start, m.fact->end}});

  Candidate made;
  made.article = lead.article;
  made.answer_kind = span.kind;
  MadeNote& note = made.note;
  note.kind = NoteKind::Fact;
  note.citations = cite(corpus, spans);
  note.id = generated_note_id(corpus, "fact", note.citations.front());

  Card& card = made.card;
  card.type = card_type::kFactCloze;
  card.id = generated_card_id(corpus, card.type, note.citations.front(),
                              fmt::format("{}-{}", span.start, span.end));
  const std::string sentence = without_answer_label(blanked(*lead.fact, span));
  card.prompt = fmt::format("Fill in the blank with {}:\n{}", label(span.kind), sentence);
  card.answer = span.text;

  std::vector<std::string> others;
  if (span.kind == "number" || span.kind == "date") {
    // A wrong value the sentence itself states ("between four and five hours") is no choice.
    for (auto& value : nearby_values(span.text, kChoicesPerCard + 2))
      if (others.size() < kChoicesPerCard - 1 && !gives_away(sentence, value) &&
          plausible_value(sentence, value))
        others.push_back(std::move(value));
  } else if (const Name* name = known_name(corpus, span);
             name && name_key(span.text) == name_key(name->display)) {
    // Choices are written in full, so only an answer written in full gets them.
    card.answer = name->display;
    others = name_distractors(corpus, entity_kind(span.kind), display_key(corpus, span.value),
                              names_of_kind(corpus, entity_kind(span.kind)), card.id,
                              kChoicesPerCard - 1, sentence, /*strict_kind=*/true, lead.article);
  }
  if (others.size() == kChoicesPerCard - 1) {
    others.push_back(card.answer);
    stable_shuffle(others, card.id + "/order");
    card.choices = std::move(others);
  }

  nlohmann::ordered_json body;
  body["generated"] = "fact_cloze";
  body["sentence"] = lead.fact->text;
  body["hidden"] = span.text;
  body["kind"] = span.kind;
  body["value"] = span.value;
  note.body_json = body.dump();
  card.note = note.id;
  card.citations = note.citations;
  return made;
}

void make_fact_cloze(const Corpus& corpus, const std::vector<FactGroup>& groups, Generated& out) {
  std::map<int, int> made_of_article;  // groups come most important first
  for (const auto& group : groups) {
    Candidate made = fact_cloze_candidate(corpus, group);
    const FactRef& lead = group.members.front();
    if (!studyable_answer(*lead.answer) ||
        ++made_of_article[lead.article] > kMaxFactClozesPerArticle) {
      out.withheld.push_back({std::move(made.card), std::move(made.note)});
      continue;
    }
    add_note(out, std::move(made.note));
    out.cards.push_back(std::move(made.card));
  }
}

void pool_fact_clozes(const Corpus& corpus, std::vector<Candidate>& pool) {
  std::set<std::string> known;
  for (const auto& c : pool) known.insert(c.card.id);
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    const Article& article = corpus.articles[a];
    for (const Fact& fact : article.found.facts) {
      const auto sentence = sentence_problems(article, fact);
      // Captions and credits are no reporting, whatever a reader would think of the card.
      if (!sentence.empty() && sentence.front().rule == "furniture") continue;
      for (const AnswerSpan& span : fact.answers) {
        auto problems = span_problems(corpus, article, fact, span);
        if (!problems.empty() && problems.front().rule == "outside") continue;
        Candidate made =
            fact_cloze_candidate(corpus, FactGroup{{FactRef{static_cast<int>(a), &fact, &span}}});
        if (!known.insert(made.card.id).second) continue;
        for (const auto& f : sentence) made.findings.push_back(f.rule);
        for (const auto& f : problems) made.findings.push_back(f.rule);
        pool.push_back(std::move(made));
      }
    }
  }
}

}  // namespace citecard::deck::generate
