#include "deck/card_maker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "deck/card_rules.hpp"
#include "deck/content_id.hpp"
#include "deck/generate/generate.hpp"
#include "deck/lint/lint.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "deck/one_fact.hpp"
#include "deck/overlay.hpp"
#include "deck/study_order.hpp"

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
using generate::stable_shuffle;

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
  card.prompt += fmt::format("\n\u201C{}\u201D", lint::displayed_quote(note.quote));
  card.answer = note.speaker;

  // Distractors are other speakers of the same kind (people for people); the deck must have
  // enough of them for a fair choice, otherwise the card is free recall.
  // Two people quoted together ("Victor Cha and Ellen Kim") are offered only beside pairs: a pair
  // among single names, or a single name among pairs, stands out.
  const auto is_pair = [](const std::string& name) {
    const auto words = generate::words_of(name);
    return std::find(words.begin(), words.end(), "and") != words.end();
  };
  std::vector<std::string> others;
  for (const auto& s : speakers_by_kind.at(note.speaker_kind))
    if (s != note.speaker && is_pair(s) == is_pair(note.speaker)) others.push_back(s);
  if (others.size() + 1 >= kChoicesPerCard) {
    stable_shuffle(others, card.id);
    others.resize(kChoicesPerCard - 1);
    others.push_back(note.speaker);
    // Ordered under a seed of its own: the wrong choices were picked as the smallest hashes under
    // card.id, so ordering with that seed again would put the answer last nearly every time.
    stable_shuffle(others, card.id + "/order");
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

bool overlaps(const Citation& a, const CitationSpec& b) {
  return a.source == b.source && a.start < b.end && b.start < a.end;
}

// A generated quote note that covers a hand-written quote: the hand note takes its citations from
// the other sources (the same quote as they word it), and the generated "who said" card, which
// would ask the hand card's question again, is dropped.
std::set<std::string> merge_into_hand_notes(std::vector<NoteSpec>& hand,
                                            const generate::Generated& generated,
                                            std::map<std::size_t, std::string>& generated_note_of) {
  std::set<std::string> covered;
  // Withheld and held-back quotes count too: a hand-written note is the curator's word on them.
  std::vector<const MadeNote*> quote_notes;
  std::set<std::string> seen;
  const auto add = [&](const MadeNote& note) {
    if (seen.insert(note.id).second) quote_notes.push_back(&note);
  };
  for (const auto& made : generated.notes) add(made);
  for (const auto& withheld : generated.withheld) add(withheld.note);
  for (const auto& held : generated.held_back) add(held.note);
  for (const MadeNote* made_ptr : quote_notes) {
    const MadeNote& made = *made_ptr;
    if (made.kind != NoteKind::Quote) continue;
    for (std::size_t h = 0; h < hand.size(); ++h) {
      auto& note = hand[h];
      if (note.kind != NoteKind::Quote) continue;
      const bool same =
          std::any_of(made.citations.begin(), made.citations.end(),
                      [&](const Citation& c) { return overlaps(c, note.citations.front()); });
      if (!same) continue;
      covered.insert(made.id);
      generated_note_of.emplace(h, made.id);
      for (const auto& c : made.citations) {
        // A sentence around a cited quote is its attribution sentence: new, not the same span.
        const bool known =
            std::any_of(note.citations.begin(), note.citations.end(), [&](const CitationSpec& own) {
              const bool around = c.source == own.source && c.start <= own.start &&
                                  own.end <= c.end && c.end - c.start > own.end - own.start;
              return (overlaps(c, own) && !around) ||
                     (own.source == c.source && own.text == c.text);
            });
        if (!known) note.citations.push_back(CitationSpec{c.source, c.start, c.end, c.text});
      }
      break;
    }
  }
  return covered;
}

// A hand-written quote's wrong choices come from the generator's card for the same quote when it
// has one: those are speakers of the answer's kind (leaders for a leader, analysts for an analyst)
// that the quote does not name, where the hand notes alone know no roles.
void take_generated_choices(const generate::Generated& generated, const std::string& note_id,
                            Card& card) {
  // Withheld and held-back quotes too: the hand-written note is the curator's word on the speaker,
  // and the generator's wrong choices for that speaker are as good.
  std::vector<const Card*> candidates;
  for (const auto& made : generated.cards) candidates.push_back(&made);
  for (const auto& made : generated.withheld) candidates.push_back(&made.card);
  for (const auto& held : generated.held_back)
    for (const auto& made : held.cards) candidates.push_back(&made);
  for (const Card* made_ptr : candidates) {
    const Card& made = *made_ptr;
    if (made.note != note_id || made.type != card_type::kWhoSaid ||
        made.choices.size() != kChoicesPerCard || name_key(made.answer) != name_key(card.answer))
      continue;
    std::vector<std::string> choices;
    for (const auto& c : made.choices)
      if (name_key(c) != name_key(card.answer)) choices.push_back(c);
    choices.push_back(card.answer);
    stable_shuffle(choices, card.id + "/order");
    card.choices = std::move(choices);
    return;
  }
}

// A fact cloze whose sentence a hand-written question already cites, for the same answer ("30
// years", "Between four and five hours"), would ask the learner the same thing twice.
bool asked_by_hand(const std::vector<NoteSpec>& hand, const Card& card) {
  if (card.type != card_type::kFactCloze) return false;
  std::set<std::string> hidden;
  for (auto& w : generate::words_of(card.answer))
    if (!generate::is_stopword(w)) hidden.insert(w);
  for (const auto& note : hand) {
    if (note.kind != NoteKind::Fact) continue;
    const bool same_sentence =
        std::any_of(card.citations.begin(), card.citations.end(), [&](const Citation& c) {
          return std::any_of(note.citations.begin(), note.citations.end(),
                             [&](const CitationSpec& own) { return overlaps(c, own); });
        });
    if (!same_sentence) continue;
    for (const auto& w : generate::words_of(note.answer))
      if (hidden.count(w)) return true;
  }
  return false;
}

// What `citecard check` verifies on a built collection, verified before anything is written: a
// deck whose cards would fail it is refused.
Result<void> check_cards(const DeckSpec& deck, const std::vector<Card>& cards) {
  std::set<std::string> ids;
  for (const auto& card : cards) {
    if (!ids.insert(card.id).second)
      return make_error(fmt::format("two cards share the id {} ({})", card.id, card.type));
    if (card.citations.empty())
      return make_error(fmt::format("card {} ({}) cites nothing", card.id, card.type));
    for (const auto& c : card.citations) {
      const auto source = std::find_if(deck.sources.begin(), deck.sources.end(),
                                       [&](const Source& s) { return s.id == c.source; });
      if (source == deck.sources.end() || !is_verbatim(source->text, c.start, c.end, c.text))
        return make_error(fmt::format("card {} ({}): its citation in {} at {}-{} is not verbatim",
                                      card.id, card.type, c.source, c.start, c.end));
    }
    if (auto problems = choices_problems(card.choices, card.answer); !problems.empty())
      return make_error(fmt::format("card {} ({}): {}", card.id, card.type, problems.front()));
  }
  return {};
}

// The generator does not make what lint flags: a generated card that breaks a rule, alone or
// beside the cards before it (hand-written ones first), is left out.
// Returns the dropped cards' findings by card id, so an overlay entry naming one can be answered
// with the rule that dropped it rather than with "no such card".
std::map<std::string, LintFinding> drop_flagged(const DeckSpec& deck,
                                                const std::vector<Card>& hand_cards,
                                                std::vector<Card>& generated) {
  std::vector<Card> all = hand_cards;
  all.insert(all.end(), generated.begin(), generated.end());
  std::map<std::string, LintFinding> flagged;
  for (auto& f : lint::lint_cards(all, deck.sources)) flagged.emplace(f.card_id, std::move(f));
  std::erase_if(generated, [&](const Card& c) { return flagged.count(c.id) > 0; });
  return flagged;
}

// A curator's entry for a card the rules dropped: a rejection already holds; an acceptance or an
// edit cannot, and the error says which rule dropped the card.
Result<void> check_overlay_against_dropped(const std::vector<OverlayEntry>& overlay,
                                           const std::map<std::string, LintFinding>& dropped,
                                           std::vector<OverlayEntry>& still_to_apply) {
  for (const auto& entry : overlay) {
    const auto it = dropped.find(entry.card_id);
    if (it == dropped.end()) {
      still_to_apply.push_back(entry);
      continue;
    }
    if (entry.action == OverlayAction::Reject) continue;
    return make_error(fmt::format(
        "{}: card {} is no longer made: lint rule {} drops it ({}); delete this [[card]] entry",
        entry.location, entry.card_id, it->second.rule, it->second.reason));
  }
  return {};
}

// The curator's cards: one per hand-written note, each with its typed sibling when the deck makes
// typed who-said cards. Typed siblings of hand-written quotes come after every other card: the
// order in which new cards are introduced stays the hand-written one, then the generated ones.
struct HandCards {
  std::set<std::string> ids;
  std::vector<Card> typed;
};

HandCards make_hand_cards(const DeckSpec& deck, const std::vector<NoteSpec>& hand,
                          const generate::Generated& generated,
                          const std::map<std::size_t, std::string>& generated_note_of,
                          MadeDeck& made) {
  std::map<std::string, std::set<std::string>> speakers_by_kind;
  for (const auto& note : hand)
    if (note.kind == NoteKind::Quote) speakers_by_kind[note.speaker_kind].insert(note.speaker);
  const bool typed_who_said =
      deck.generate.enabled && std::find(deck.generate.types.begin(), deck.generate.types.end(),
                                         "who_said_typed") != deck.generate.types.end();
  HandCards out;
  for (const auto& note : hand) {
    MadeNote made_note{note_id(deck, note), note.kind, body_json(note), full_citations(deck, note)};
    Card card = note.kind == NoteKind::Quote ? who_said_card(deck, note, speakers_by_kind)
                                             : fact_card(deck, note);
    if (const auto g = generated_note_of.find(static_cast<std::size_t>(&note - hand.data()));
        g != generated_note_of.end())
      take_generated_choices(generated, g->second, card);
    card.deck = deck.id;
    card.note = made_note.id;
    card.citations = made_note.citations;
    out.ids.insert(card.id);
    if (typed_who_said && note.kind == NoteKind::Quote && !card.choices.empty()) {
      // The typed sibling of a hand-written quote: the same card, the name to recall.
      Card typed = card;
      typed.type = card_type::kWhoSaidTyped;
      typed.id = card_id(deck, note, typed.type);
      typed.prompt =
          (note.context.empty() ? std::string("Who said this? Type the name.")
                                : fmt::format("Who said this? Type the name. ({})", note.context)) +
          fmt::format("\n\u201C{}\u201D", lint::displayed_quote(note.quote));
      typed.choices.clear();
      out.ids.insert(typed.id);
      out.typed.push_back(std::move(typed));
    }
    made.cards.push_back(std::move(card));
    made.notes.push_back(std::move(made_note));
  }
  return out;
}

// The generator's cards the deck offers before the rules and the overlay judge them: its cards
// (a hand card's id or quote wins), the held-back quotes a curator checked, and the withheld cards
// a curator named or whose quote's speaker a curator vouched for. The held-back quotes nobody
// checked go to `made.held_back`.
std::vector<Card> offered_generated_cards(const DeckSpec& deck, generate::Generated& generated,
                                          const std::vector<OverlayEntry>& overlay,
                                          const std::set<std::string>& hand_ids,
                                          const std::set<std::string>& covered, MadeDeck& made) {
  // A generated card with a hand card's id (same type, same span) gives way to the hand card.
  std::vector<Card> cards;
  for (auto& card : generated.cards) {
    if (hand_ids.count(card.id)) continue;
    if ((card.type == card_type::kWhoSaid || card.type == "who_said_typed") &&
        covered.count(card.note))
      continue;
    card.deck = deck.id;
    cards.push_back(std::move(card));
  }
  // Held-back quotes the curator has checked (an overlay entry naming the card) become cards.
  std::set<std::string> named_by_overlay;
  for (const auto& entry : overlay) named_by_overlay.insert(entry.card_id);
  std::set<std::string> vouched_notes;
  for (auto& held : generated.held_back) {
    const bool asked_by_hand = covered.count(held.note.id) ||
                               std::any_of(held.cards.begin(), held.cards.end(),
                                           [&](const Card& c) { return hand_ids.count(c.id) > 0; });
    // Accepting the quote's who-said card keeps its typed sibling too: one decision per quote.
    const bool kept = !asked_by_hand && named_by_overlay.count(held.info.card_id) > 0;
    // The curator vouched for the speaker: the quote's withheld cloze, which names them, is made.
    if (asked_by_hand || kept) vouched_notes.insert(held.note.id);
    // A quote a hand-written note already asks is neither a card nor held back.
    if (asked_by_hand) continue;
    if (kept) {
      for (auto& card : held.cards) {
        card.deck = deck.id;
        cards.push_back(card);
      }
    }
    if (kept) {
      generate::add_note(generated, std::move(held.note));
    } else {
      made.held_back.push_back(held.info);
    }
  }
  // Withheld cards (an article's less important fact clozes, clozes of unsure quotes) are made
  // when the curator names one or vouched for its quote's speaker.
  for (auto& w : generated.withheld) {
    if (!named_by_overlay.count(w.card.id) && !vouched_notes.count(w.note.id)) continue;
    w.card.deck = deck.id;
    cards.push_back(std::move(w.card));
    generate::add_note(generated, std::move(w.note));
  }
  return cards;
}

// What the overlay and the rules leave of the offered cards.
struct Curated {
  std::vector<OverlayEntry> remaining;  // the overlay's entries for cards still made
  std::vector<Card> rejected;           // the cards the curator rejected, as they were
  std::set<std::string> rejected_ids;
};

// Applies the overlay to the offered cards and drops what the rules refuse. The rules judge a card
// as the curator edited it: an edit may be what mends it.
Result<Curated> curate(const DeckSpec& deck, const std::vector<OverlayEntry>& overlay,
                       const generate::Generated& generated, const HandCards& hand_cards,
                       const std::vector<Card>& hand_made, std::vector<Card>& cards) {
  std::vector<OverlayEntry> edits;
  for (const auto& entry : overlay)
    if (entry.action == OverlayAction::Edit &&
        std::any_of(cards.begin(), cards.end(),
                    [&](const Card& c) { return c.id == entry.card_id; }))
      edits.push_back(entry);
  if (auto r = apply_overlay(edits, cards, hand_cards.ids); !r) return r.error();
  auto dropped = drop_flagged(deck, hand_made, cards);
  for (const auto& refused : generated.refused) {
    const std::string& id = refused.first;  // a lambda cannot capture a binding in clang 14
    const auto& why = refused.second;
    if (std::none_of(cards.begin(), cards.end(), [&](const Card& c) { return c.id == id; }))
      dropped.emplace(id, LintFinding{id, card_type::kFactCloze, why.first, why.second, "", ""});
  }
  Curated out;
  if (auto r = check_overlay_against_dropped(overlay, dropped, out.remaining); !r) return r.error();
  // A rejection stands for the fact the card asked: its other forms (a typed twin, a cloze of the
  // same quote) are not offered in its place, since a curator rejects a who-said card as often
  // for its speaker as for its choices. A form the curator accepts by id is chosen and stays.
  for (const auto& entry : out.remaining)
    if (entry.action == OverlayAction::Reject) out.rejected_ids.insert(entry.card_id);
  for (const auto& card : cards)
    if (out.rejected_ids.count(card.id)) out.rejected.push_back(card);
  if (auto r = apply_overlay(out.remaining, cards, hand_cards.ids); !r) return r.error();
  return out;
}

// One fact asked once across card types. The curator's own cards stay: the hand-written ones and
// those accepted or edited by id. A hand-written quote's typed twin is a second form of its card,
// not the curator's, and gives way like a generated one.
void keep_one_form_per_fact(std::vector<Card> cards, HandCards& hand_cards, Curated& curated,
                            MadeDeck& made) {
  std::set<std::string> chosen;
  for (const auto& card : made.cards) chosen.insert(card.id);
  for (const auto& entry : curated.remaining)
    if (entry.action != OverlayAction::Reject) chosen.insert(entry.card_id);
  std::vector<Card> all = std::move(made.cards);
  for (auto& card : cards) all.push_back(std::move(card));
  for (auto& card : hand_cards.typed) all.push_back(std::move(card));
  for (auto& card : curated.rejected) all.push_back(std::move(card));
  keep_one_card_per_fact(all, chosen);
  std::erase_if(all, [&](const Card& c) { return curated.rejected_ids.count(c.id) > 0; });
  made.cards = std::move(all);
}

// The notes of the cards made, the curator's first, then the generator's.
void keep_used_notes(generate::Generated& generated, MadeDeck& made) {
  std::set<std::string> used_notes;
  for (const auto& card : made.cards) used_notes.insert(card.note);
  std::erase_if(made.notes, [&](const MadeNote& n) { return !used_notes.count(n.id); });
  for (auto& note : generated.notes)
    if (used_notes.count(note.id)) made.notes.push_back(std::move(note));
}

}  // namespace

Result<MadeDeck> make_cards(const DeckSpec& deck, DeckBuildOptions options) {
  auto generated = generate::generate_cards(deck);
  if (!generated) return generated.error();
  std::vector<NoteSpec> hand = options.curated ? deck.notes : std::vector<NoteSpec>{};
  const std::vector<OverlayEntry> no_overlay;
  const auto& overlay = options.curated ? deck.overlay : no_overlay;
  std::map<std::size_t, std::string> generated_note_of;
  const std::set<std::string> covered = merge_into_hand_notes(hand, *generated, generated_note_of);

  MadeDeck made;
  HandCards hand_cards = make_hand_cards(deck, hand, *generated, generated_note_of, made);
  std::vector<Card> cards =
      offered_generated_cards(deck, *generated, overlay, hand_cards.ids, covered, made);
  auto curated = curate(deck, overlay, *generated, hand_cards, made.cards, cards);
  if (!curated) return curated.error();
  std::erase_if(cards, [&](const Card& c) { return asked_by_hand(hand, c); });
  keep_one_form_per_fact(std::move(cards), hand_cards, *curated, made);
  keep_used_notes(*generated, made);
  // A deck of hand-written notes alone keeps its curator's order; one the generator fills mixes
  // kinds and sources from the first day.
  if (deck.generate.enabled) interleave_for_study(made.cards);

  made.pool = std::move(generated->pool);
  if (auto r = check_cards(deck, made.cards); !r)
    return make_error(fmt::format("{}: the deck fails its checks: {}", deck.id, r.error().message));
  return made;
}

}  // namespace citecard::deck
