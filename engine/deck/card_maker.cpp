#include "deck/card_maker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "deck/content_id.hpp"

namespace citecard::deck {
namespace {

constexpr std::size_t kChoicesPerCard = 4;

std::vector<Citation> full_citations(const DeckSpec& deck, const NoteSpec& note) {
  std::vector<Citation> out;
  for (const auto& c : note.citations) {
    const auto source = std::find_if(deck.sources.begin(), deck.sources.end(),
                                     [&](const Source& s) { return s.id == c.source; });
    out.push_back(
        Citation{c.source, source->title, source->outlet, source->date, c.start, c.end, c.text});
  }
  return out;
}

// The note's identity is what it cites: its kind and its first citation's span.
std::string note_id(const DeckSpec& deck, const NoteSpec& note) {
  const auto& c = note.citations.front();
  return content_id('n', {deck.id, note.kind == NoteKind::Quote ? "quote" : "fact", c.source,
                          std::to_string(c.start), std::to_string(c.end)});
}

std::string card_id(const DeckSpec& deck, const NoteSpec& note, std::string_view type) {
  const auto& c = note.citations.front();
  return content_id('c', {deck.id, type, c.source, std::to_string(c.start), std::to_string(c.end)});
}

// A stable shuffle: the order depends only on the card and the strings, so rebuilding gives the
// same choices in the same places, while the right answer is not always first.
void stable_shuffle(std::vector<std::string>& items, const std::string& seed) {
  std::sort(items.begin(), items.end(), [&](const std::string& a, const std::string& b) {
    return content_hash({seed, a}) < content_hash({seed, b});
  });
}

std::string body_json(const NoteSpec& note) {
  nlohmann::ordered_json body;
  if (note.kind == NoteKind::Quote) {
    body["quote"] = note.quote;
    body["speaker"] = note.speaker;
    body["speaker_kind"] = note.speaker_kind;
    if (!note.context.empty()) body["context"] = note.context;
  } else {
    body["question"] = note.question;
    body["answer"] = note.answer;
    if (!note.choices.empty()) body["choices"] = note.choices;
  }
  return body.dump();
}

Card who_said_card(const DeckSpec& deck, const NoteSpec& note,
                   const std::map<std::string, std::set<std::string>>& speakers_by_kind) {
  Card card;
  card.id = card_id(deck, note, card_type::kWhoSaid);
  card.type = card_type::kWhoSaid;
  card.prompt =
      note.context.empty() ? "Who said this?" : fmt::format("Who said this? ({})", note.context);
  card.prompt += fmt::format("\n\u201C{}\u201D", note.quote);
  card.answer = note.speaker;

  // Distractors are other speakers of the same kind (people for people); the deck must have
  // enough of them for a fair choice, otherwise the card is free recall.
  std::vector<std::string> others;
  for (const auto& s : speakers_by_kind.at(note.speaker_kind))
    if (s != note.speaker) others.push_back(s);
  if (others.size() + 1 >= kChoicesPerCard) {
    stable_shuffle(others, card.id);
    others.resize(kChoicesPerCard - 1);
    others.push_back(note.speaker);
    stable_shuffle(others, card.id);
    card.choices = std::move(others);
  }
  return card;
}

Card fact_card(const DeckSpec& deck, const NoteSpec& note) {
  Card card;
  card.id = card_id(deck, note, card_type::kFact);
  card.type = card_type::kFact;
  card.prompt = note.question;
  card.answer = note.answer;
  card.choices = note.choices;
  stable_shuffle(card.choices, card.id);
  return card;
}

}  // namespace

Result<MadeDeck> make_cards(const DeckSpec& deck) {
  std::map<std::string, std::set<std::string>> speakers_by_kind;
  for (const auto& note : deck.notes)
    if (note.kind == NoteKind::Quote) speakers_by_kind[note.speaker_kind].insert(note.speaker);

  MadeDeck made;
  for (const auto& note : deck.notes) {
    MadeNote made_note{note_id(deck, note), note.kind, body_json(note), full_citations(deck, note)};
    Card card = note.kind == NoteKind::Quote ? who_said_card(deck, note, speakers_by_kind)
                                             : fact_card(deck, note);
    card.deck = deck.id;
    card.note = made_note.id;
    card.citations = made_note.citations;
    made.cards.push_back(std::move(card));
    made.notes.push_back(std::move(made_note));
  }
  return made;
}

}  // namespace citecard::deck
