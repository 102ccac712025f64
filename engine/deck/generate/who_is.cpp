// "Who is": a person -> their role and affiliation as the articles give it, and back.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "deck/generate/generate.hpp"
#include "deck/word_list.hpp"

namespace citecard::deck::generate {
namespace {

// The sentence of some article that gives the role and names the person, as a citation span.
std::optional<std::pair<int, ByteSpan>> find_description(const Corpus& corpus, const Name& name) {
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    const auto& article = corpus.articles[a];
    const std::string& text = article.source->text;
    for (std::size_t at = text.find(name.role); at != std::string::npos;
         at = text.find(name.role, at + 1)) {
      const auto role_start = static_cast<std::int64_t>(at);
      for (const auto& fact : article.found.facts) {
        if (fact.start > role_start || fact.end < role_start) continue;
        const std::string sentence = fact.text;
        if (!gives_away(sentence, name.display, name.alias_keys)) break;
        return std::pair{static_cast<int>(a), ByteSpan{fact.start, fact.end}};
      }
      for (const auto& q : article.found.quotes) {
        // A quote's attribution sentence is not a fact sentence; cite the paragraph around it.
        if (q.speaker_mention_span && q.speaker_mention_span->start <= role_start + 200 &&
            q.speaker_mention_span->start + 200 >= role_start) {
          for (const auto& p : article.found.paragraphs) {
            if (p.start > role_start || p.end < role_start || p.end - p.start > 600) continue;
            const std::string paragraph = text.substr(static_cast<std::size_t>(p.start),
                                                      static_cast<std::size_t>(p.end - p.start));
            if (gives_away(paragraph, name.display, name.alias_keys))
              return std::pair{static_cast<int>(a), p};
          }
        }
      }
    }
  }
  return std::nullopt;
}

// A person worth a who-is card: the articles state a role a learner can place and mention them
// more than in passing, and the role is an office that acts in the story — an official's or a
// soldier's. Heads of state and government are what every learner already knows ("U.S.
// President"); an analyst's or a former official's post is where a commentator works, not a fact
// of the event.
constexpr int kMinMentionsForWhoIs = 2;

bool worth_knowing(const Name& name) {
  return name.kind == EntityKind::person && !name.role.empty() && looks_like_a_name(name) &&
         name.mentions >= kMinMentionsForWhoIs && !name.former &&
         (name.role_kind == "official" || name.role_kind == "military");
}

// Wrong choices for "who is described as …": people of the same kind of role, and of the same
// country when the role names one ("Russian Defence Minister" rules out an American).
std::vector<std::string> same_kind_people(const Corpus& corpus, const Name& answer) {
  std::vector<std::string> pool;
  for (const auto& [key, name] : corpus.names)
    if (name.kind == EntityKind::person && name.role_kind == answer.role_kind &&
        name.country == answer.country)
      pool.push_back(name.display);
  return pool;
}

}  // namespace

void make_who_is(const Corpus& corpus, bool reverse_too, Generated& out) {
  for (const auto& [key, name] : corpus.names) {
    if (!worth_knowing(name)) continue;
    if (gives_away(name.role, name.display, name.alias_keys)) continue;
    const auto where = find_description(corpus, name);
    if (!where) continue;

    MadeNote note;
    note.kind = NoteKind::Fact;
    note.citations = cite(corpus, {*where});
    // "former U.S. President Donald Trump" is no president: keep what qualifies the role.
    const std::string role =
        note.citations.front().text.find("former " + name.role) != std::string::npos
            ? "former " + name.role
            : name.role;
    note.id = generated_note_id(corpus, "person:" + key, note.citations.front());
    nlohmann::ordered_json body;
    body["generated"] = "person";
    body["name"] = name.display;
    body["role"] = role;
    note.body_json = body.dump();

    Card card;
    card.type = card_type::kWhoIs;
    // One sentence may describe two people: the person is part of the card's identity.
    card.id = generated_card_id(corpus, card.type, note.citations.front(), key);
    card.prompt = fmt::format("How do the articles describe {}?", name.display);
    card.answer = role;
    card.note = note.id;
    card.citations = note.citations;
    if (!gives_away(card.prompt, card.answer)) out.cards.push_back(card);

    if (reverse_too) {
      Card back;
      back.type = card_type::kWhoIsReverse;
      back.id = generated_card_id(corpus, back.type, note.citations.front(), key);
      back.prompt =
          fmt::format("Which person in the articles is described as \u201C{}\u201D?", role);
      back.answer = name.display;
      back.note = note.id;
      back.citations = note.citations;
      auto others =
          name_distractors(corpus, EntityKind::person, key, same_kind_people(corpus, name), back.id,
                           kChoicesPerCard - 1, back.prompt, true);
      if (others.size() == kChoicesPerCard - 1) {
        others.push_back(back.answer);
        stable_shuffle(others, back.id + "/order");
        back.choices = std::move(others);
      }
      if (!gives_away(back.prompt, back.answer, name.alias_keys)) out.cards.push_back(back);
    }
    add_note(out, std::move(note));
  }
}

}  // namespace citecard::deck::generate
