// "Who said it": a quote -> its speaker, with other speakers of the deck as wrong choices.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "deck/generate/generate.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "word_lists.hpp"

namespace citecard::deck::generate {
namespace {

constexpr std::size_t kMinQuoteWords = 4;  // "American cities" could be anyone's
constexpr std::size_t kMaxQuoteWords = 70;

std::set<std::string> speaker_aliases(const Corpus& corpus, const QuoteGroup& group) {
  std::set<std::string> aliases;
  if (const auto it = corpus.names.find(group.speaker_key); it != corpus.names.end())
    aliases = it->second.alias_keys;
  for (const auto& m : group.members) {
    if (m.quote->speaker) aliases.insert(name_key(*m.quote->speaker));
    for (const auto& other : m.quote->co_speakers) aliases.insert(name_key(other));
    if (!m.quote->speaker_mention.empty() && words_of(m.quote->speaker_mention).size() <= 4)
      aliases.insert(name_key(m.quote->speaker_mention));
  }
  // Pronouns are no giveaway: "he" in a quote does not name anyone.
  for (const auto& pronoun : lexicon::pronouns()) aliases.erase(std::string(pronoun.word));
  return aliases;
}

// The speakers a learner could mistake this one for: every speaker of the same kind in the deck,
// and for a person every other person whose role the articles give (a leader's wrong choices are
// other leaders the story names, whether or not they are quoted).
std::vector<std::string> speaker_pool(const Corpus& corpus, const std::vector<QuoteGroup>& groups,
                                      EntityKind kind) {
  std::vector<std::string> pool;
  for (const auto& g : groups)
    if (g.kind == kind) pool.push_back(g.speaker);
  if (kind == EntityKind::person)
    for (const auto& [key, name] : corpus.names)
      if (name.kind == EntityKind::person && !name.role_kind.empty()) pool.push_back(name.display);
  for (const auto& note : corpus.deck->notes) {
    if (note.kind != NoteKind::Quote) continue;
    const bool person = note.speaker_kind == "person";
    if (person == (kind == EntityKind::person)) pool.push_back(note.speaker);
  }
  return pool;
}

}  // namespace

namespace {

// For each person the quote is attributed to, every form of their name the deck knows.
std::vector<std::set<std::string>> speaker_name_keys(const Corpus& corpus, const Quote& quote) {
  std::vector<std::set<std::string>> people;
  std::vector<std::string> names;
  if (quote.speaker) names.push_back(*quote.speaker);
  names.insert(names.end(), quote.co_speakers.begin(), quote.co_speakers.end());
  for (const auto& name : names) {
    std::set<std::string> keys = {name_key(name)};
    if (const auto it = corpus.names.find(display_key(corpus, name)); it != corpus.names.end())
      keys.insert(it->second.alias_keys.begin(), it->second.alias_keys.end());
    std::erase_if(keys, [](const std::string& key) { return key.empty() || is_stopword(key); });
    people.push_back(std::move(keys));
  }
  return people;
}

std::string quote_note_body(const Corpus& corpus, const QuoteGroup& group) {
  nlohmann::ordered_json body;
  body["generated"] = "quote";
  body["quote"] = group.members.front().quote->text;
  body["speaker"] = group.speaker;
  body["speaker_kind"] = group.kind == EntityKind::person ? "person" : "organisation";
  std::set<std::string> wordings;
  for (const auto& m : group.members) wordings.insert(m.quote->text);
  if (wordings.size() > 1) {
    // Sources word the quote differently: the note records each wording with its source.
    for (const auto& m : group.members) {
      const Source& s = *corpus.articles[static_cast<std::size_t>(m.article)].source;
      body["variants"].push_back({{"source", s.id}, {"outlet", s.outlet}, {"text", m.quote->text}});
    }
  }
  return body.dump();
}

}  // namespace

MadeNote quote_note(const Corpus& corpus, const QuoteGroup& group) {
  std::vector<std::pair<int, ByteSpan>> spans;
  std::set<std::pair<int, std::string>> cited;  // an article repeating a wording is cited once
  for (const auto& m : group.members)
    if (cited.insert({m.article, m.quote->text}).second)
      spans.push_back({m.article, {m.quote->start, m.quote->end}});
  // Then the sentences that say who spoke, so the back shows the attribution, not only the words:
  // the one that names the speaker first when the attribution itself says only "they noted".
  for (const auto& m : group.members) {
    const Article& article = corpus.articles[static_cast<std::size_t>(m.article)];
    const auto named = naming_sentence(article, *m.quote, speaker_name_keys(corpus, *m.quote));
    const auto said = attribution_sentence(article, *m.quote);
    for (const auto& span : {named, said})
      if (span && cited.insert({m.article, std::to_string(span->start)}).second)
        spans.push_back({m.article, *span});
  }
  MadeNote note;
  note.kind = NoteKind::Quote;
  note.citations = cite(corpus, spans);
  note.id = generated_note_id(corpus, "quote", note.citations.front());
  note.body_json = quote_note_body(corpus, group);
  return note;
}

void add_note(Generated& out, MadeNote note) {
  for (const auto& n : out.notes)
    if (n.id == note.id) return;
  out.notes.push_back(std::move(note));
}

void make_who_said(const Corpus& corpus, const std::vector<QuoteGroup>& groups, bool typed_too,
                   Generated& out) {
  for (const auto& group : groups) {
    if (is_commentator(corpus, group)) continue;
    const Quote& quote = *group.members.front().quote;
    const auto words = words_of(quote.text);
    std::size_t content = 0;
    for (const auto& w : words) content += is_stopword(w) ? 0 : 1;
    if (content < 2 || words.size() < kMinQuoteWords || words.size() > kMaxQuoteWords) continue;

    MadeNote note = quote_note(corpus, group);
    Card card;
    card.type = "who_said";
    card.id = generated_card_id(corpus, card.type, note.citations.front());
    card.prompt = fmt::format("Who said this?\n\u201C{}\u201D", lint::displayed_quote(quote.text));
    card.answer = group.speaker;
    if (gives_away(card.prompt, card.answer, speaker_aliases(corpus, group))) continue;

    // Wrong choices of the speaker's own kind (leaders for a leader, officials for an official),
    // then people whose role the articles do not give; never one of another known kind: an
    // analyst offered beside a head of state rules themself out.
    auto others = name_distractors(
        corpus, group.kind, group.speaker_key, speaker_pool(corpus, groups, group.kind), card.id,
        kChoicesPerCard - 1, card.prompt, /*strict_kind=*/false, group.members.front().article);
    if (others.size() == kChoicesPerCard - 1) {
      others.push_back(card.answer);
      stable_shuffle(others, card.id + "/order");
      card.choices = std::move(others);
    }
    card.note = note.id;
    card.citations = note.citations;
    // A student would learn a wrong speaker as fact: cards only from attributions the confidence
    // model is sure of; the rest are reported with their evidence for a curator to accept.
    const QuoteRef* surest = &group.members.front();
    for (const auto& m : group.members)
      if (m.quote->confidence > surest->quote->confidence) surest = &m;
    const double confidence = surest->quote->confidence;
    // Without fair choices the quote is asked typed only: a multiple-choice card with no choices
    // is no multiple choice.
    std::vector<Card> made;
    if (typed_too) {
      Card typed = card;
      typed.type = card_type::kWhoSaidTyped;
      typed.id = generated_card_id(corpus, typed.type, note.citations.front());
      typed.prompt = fmt::format("Who said this? Type the name.\n\u201C{}\u201D",
                                 lint::displayed_quote(quote.text));
      typed.choices.clear();
      made.push_back(std::move(typed));
    }
    if (!card.choices.empty()) made.insert(made.begin(), std::move(card));
    if (made.empty()) continue;
    if (confidence < who_said_threshold()) {
      HeldBack held;
      held.info.card_id = made.front().id;
      held.info.source = corpus.articles[static_cast<std::size_t>(surest->article)].source->id;
      held.info.quote = quote.text;
      held.info.speaker = group.speaker;
      held.info.confidence = confidence;
      const AttributionEvidence& ev = surest->quote->evidence;
      held.info.reason = fmt::format(
          "speaker confidence {:.3f} is below {:.3f} (rule {}, {} mention \"{}\")", confidence,
          who_said_threshold(), ev.rule, ev.mention, surest->quote->speaker_mention);
      for (auto& c : made) held.cards.push_back(std::move(c));
      held.note = std::move(note);
      out.held_back.push_back(std::move(held));
      continue;
    }
    for (auto& c : made) out.cards.push_back(std::move(c));
    add_note(out, std::move(note));
  }
}

}  // namespace citecard::deck::generate
