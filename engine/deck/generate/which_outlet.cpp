// "Which outlet reported it": for journalists, a quote or claim -> the publication(s) that carried
// it. Only outlets a source states count ("not stated" is no outlet), and a deck with fewer than
// two stated outlets gets no such cards: a question with one possible answer teaches nothing.
#include <fmt/format.h>

#include "deck/generate/generate.hpp"

namespace citecard::deck::generate {
namespace {

constexpr const char* kNotStated = "not stated";

std::vector<std::string> stated_outlets(const Corpus& corpus) {
  std::set<std::string> outlets;
  for (const auto& a : corpus.articles)
    if (a.source->outlet != kNotStated) outlets.insert(a.source->outlet);
  return {outlets.begin(), outlets.end()};
}

std::string joined(const std::set<std::string>& outlets) {
  std::string out;
  std::size_t i = 0;
  for (const auto& o : outlets) {
    if (i > 0) out += i + 1 == outlets.size() ? " and " : ", ";
    out += o;
    ++i;
  }
  return out;
}

void add_card(const Corpus& corpus, const MadeNote& note, const std::string& prompt,
              const std::vector<std::string>& all_outlets, Generated& out) {
  std::set<std::string> carried;
  for (const auto& c : note.citations)
    if (c.outlet != kNotStated) carried.insert(c.outlet);
  if (carried.empty()) return;
  Card card;
  card.type = card_type::kWhichOutlet;
  card.id = generated_card_id(corpus, card.type, note.citations.front());
  card.prompt = prompt;
  card.answer = joined(carried);
  if (gives_away(card.prompt, card.answer)) return;
  for (const auto& o : carried)
    if (gives_away(card.prompt, o)) return;
  // One outlet among four: multiple choice; several outlets are recalled, not picked.
  if (carried.size() == 1 && all_outlets.size() >= kChoicesPerCard) {
    std::vector<std::string> others;
    for (const auto& o : all_outlets)
      if (!carried.count(o)) others.push_back(o);
    stable_shuffle(others, card.id);
    others.resize(kChoicesPerCard - 1);
    others.push_back(card.answer);
    stable_shuffle(others, card.id + "/order");
    card.choices = std::move(others);
  }
  card.note = note.id;
  card.citations = note.citations;
  add_note(out, note);
  out.cards.push_back(std::move(card));
}

}  // namespace

void make_which_outlet(const Corpus& corpus, const std::vector<QuoteGroup>& quotes,
                       Generated& out) {
  const auto outlets = stated_outlets(corpus);
  if (outlets.size() < 2) return;
  for (const auto& group : quotes) {
    const Quote& quote = *group.members.front().quote;
    if (words_of(quote.text).size() < 4) continue;
    std::string text = quote.text;
    while (!text.empty() && (text.back() == ',' || text.back() == ' ')) text.pop_back();
    add_card(corpus, quote_note(corpus, group),
             fmt::format("Which outlet(s) reported {} saying this?\n\u201C{}\u201D", group.speaker,
                         text),
             outlets, out);
  }
}

}  // namespace citecard::deck::generate
