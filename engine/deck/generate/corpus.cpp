// Reading the deck's sources through the extraction engine, and one name registry for the deck:
// the articles spell one person several ways ("Kim Jong Un", "Kim Jong-un", "Kim"), and a card
// must neither offer the same man twice nor hide a name the prompt still shows.
#include <fmt/format.h>

#include <algorithm>

#include "deck/content_id.hpp"
#include "deck/generate/generate.hpp"
#include "deck/lint/rules.hpp"
#include "deck/lint/unseen_rules.hpp"
#include "deck/place_names.hpp"
#include "deck/word_list.hpp"

namespace citecard::deck::generate {
namespace {

bool is_iso_date(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  return true;
}

// The curator's spelling of a speaker wins over the articles' spellings.
std::map<std::string, std::string> hand_spellings(const DeckSpec& deck) {
  std::map<std::string, std::string> by_key;
  for (const auto& note : deck.notes)
    if (note.kind == NoteKind::Quote) by_key.emplace(name_key(note.speaker), note.speaker);
  return by_key;
}

// A description worth a card: "a scholar at …", "U.S. Vice President", "director of …" — not a
// bare "leader" or a verb the extraction caught with it ("met Russian leader").
bool good_role(const std::string& role) {
  const auto words = words_of(role);
  if (words.size() < 2) return false;
  const unsigned char first = static_cast<unsigned char>(role[0]);
  if (first >= 'A' && first <= 'Z') return true;
  static const std::set<std::string> openers = {"a",      "an",     "the",   "director",
                                                "former", "head",   "chair", "professor",
                                                "chief",  "senior", "deputy"};
  return openers.count(words.front()) > 0;
}

// The country a role names by any of its forms ("Russian", "U.S.", "South Korean"), or "".
std::string role_country(const std::string& role) {
  std::vector<std::string> words;
  std::string word;
  for (char c : role + " ") {
    if (c == ' ' || c == ',') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  for (std::size_t n : {2, 1})
    for (std::size_t i = 0; i + n <= words.size(); ++i) {
      std::string phrase = words[i];
      if (n == 2) phrase += " " + words[i + 1];
      if (const auto place = place_name(phrase)) return place_forms(place->place).front();
    }
  return {};
}

constexpr std::size_t kProseWords = 12;
constexpr std::size_t kHeadlineBytes =
    300;  // a first line longer than this is no headline  // shorter paragraphs are headlines,
          // datelines, captions

// The paragraphs of an article that are captions, credits, bylines or page prompts, and where its
// paragraphs of reporting start.
void read_paragraphs(Article& article) {
  for (const auto& p : article.found.paragraphs) {
    const std::string text = article.source->text.substr(static_cast<std::size_t>(p.start),
                                                         static_cast<std::size_t>(p.end - p.start));
    if (!lint::furniture_findings(text).empty())
      article.furniture.push_back(p);
    else if (static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1 >= kProseWords)
      article.prose_starts.push_back(p.start);
  }
  article.words = words_of(article.source->text);
  const Source& s = *article.source;
  if (!s.title.empty() && s.title != "not stated")
    article.headline_words = content_words(s.title);
  else
    article.headline_words =
        content_words(s.text.substr(0, std::min(s.text.find('\n'), kHeadlineBytes)));
  if (!article.prose_starts.empty()) {
    const auto start = static_cast<std::size_t>(article.prose_starts.front());
    const auto end = s.text.find('\n', start);
    article.lede_words = content_words(
        s.text.substr(start, end == std::string::npos ? std::string::npos : end - start));
  }
}

}  // namespace

Result<Corpus> read_corpus(const DeckSpec& deck) {
  Corpus corpus;
  corpus.deck = &deck;
  const auto preferred = hand_spellings(deck);
  for (const auto& source : deck.sources) {
    ExtractOptions options;
    if (is_iso_date(source.date)) options.article_date = source.date;
    auto found = extract(source.text, options);
    if (!found) return make_error(fmt::format("source {}: {}", source.id, found.error().message));
    corpus.articles.push_back(Article{&source, std::move(*found), {}, {}, {}, {}, {}, {}, {}});
    read_paragraphs(corpus.articles.back());
    corpus.articles.back().story_subjects = lint::story_subjects(corpus.articles.back().found);
  }
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    const auto& words = corpus.articles[a].words;
    for (const auto& w : std::set<std::string>(words.begin(), words.end()))
      corpus.articles_using[w].push_back(static_cast<int>(a));
  }
  for (std::size_t a = 0; a < corpus.articles.size(); ++a) {
    const Article& article = corpus.articles[a];
    const auto& furniture = article.furniture;
    auto in_furniture = [&](const ByteSpan& mention) {
      return std::any_of(furniture.begin(), furniture.end(), [&](const ByteSpan& p) {
        return p.start <= mention.start && mention.end <= p.end;
      });
    };
    for (const auto& entity : article.found.entities) {
      const std::string key = name_key(entity.name);
      if (key.empty()) continue;
      auto [it, fresh] = corpus.names.try_emplace(key);
      Name& name = it->second;
      if (fresh) {
        const auto hand = preferred.find(key);
        name.display = hand != preferred.end() ? hand->second : entity.name;
        name.kind = entity.kind;
      }
      if (name.kind == EntityKind::unknown) name.kind = entity.kind;
      if (name.role.empty() && good_role(entity.role)) {
        name.role = entity.role;
        name.affiliation = entity.affiliation;
      }
      if (name.role_kind.empty() && !role_kind(entity.role).empty()) {
        name.role_kind = role_kind(entity.role);
        const auto role_words = words_of(entity.role);
        name.former = std::find(role_words.begin(), role_words.end(), "former") != role_words.end();
        name.country = role_country(entity.role);
      }
      // A name seen only in photo credits and captions ("Sputnik/Mikhail Metzel/Kremlin") is not
      // one the reporting makes a learner know: such mentions do not count.
      name.mentions +=
          static_cast<int>(std::count_if(entity.mentions.begin(), entity.mentions.end(),
                                         [&](const ByteSpan& m) { return !in_furniture(m); }));
      name.alias_keys.insert(key);
      name.articles.insert(static_cast<int>(a));
      for (const auto& alias : entity.aliases) name.alias_keys.insert(name_key(alias));
    }
  }
  // Full names first, so a short alias ("Kim") never takes over a full name's key.
  for (const auto& [key, name] : corpus.names) corpus.key_of_alias.emplace(key, key);
  for (const auto& [key, name] : corpus.names)
    for (const auto& alias : name.alias_keys) corpus.key_of_alias.emplace(alias, key);
  corpus.protagonist_keys = protagonists(corpus);
  for (Article& article : corpus.articles)
    for (const auto& entity : article.found.entities) {
      int& count = article.mentions_by_key[display_key(corpus, entity.name)];
      count = std::max(count, static_cast<int>(entity.mentions.size()));
    }
  return corpus;
}

bool looks_like_a_name(const Name& name) {
  const std::string& d = name.display;
  // "FARGO", "INDIANAPOLIS", "TAPPER": a dateline's place or a transcript's speaker label set in
  // capitals is page layout; places and people are written in mixed case (acronyms are short:
  // "US", "UAE").
  const bool capitals =
      std::none_of(d.begin(), d.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (capitals && d.size() >= 4 && name.kind != EntityKind::organisation) return false;
  if (name.kind != EntityKind::person) return true;
  // "Director", "Senior Fellow": a title the extraction took for a name.
  if (d.find(' ') == std::string::npos && !role_kind(d).empty()) return false;
  // "Ana R": a family name cut to its initial is an extraction slip, not a name to offer.
  if (const auto space = d.rfind(' '); space != std::string::npos && space + 2 == d.size())
    return false;
  for (std::size_t i = 0; i < d.size(); ++i)
    if ((i == 0 || d[i - 1] == ' ') && d[i] >= 'a' && d[i] <= 'z') return false;
  return true;
}

std::string display_key(const Corpus& corpus, const std::string& name) {
  const std::string key = name_key(name);
  const auto it = corpus.key_of_alias.find(key);
  return it == corpus.key_of_alias.end() ? key : it->second;
}

std::vector<Citation> cite(const Corpus& corpus,
                           const std::vector<std::pair<int, ByteSpan>>& spans) {
  std::vector<Citation> out;
  for (const auto& [article, span] : spans) {
    const Source& s = *corpus.articles[static_cast<std::size_t>(article)].source;
    out.push_back(Citation{s.id, s.title, s.outlet, s.date, span.start, span.end,
                           s.text.substr(static_cast<std::size_t>(span.start),
                                         static_cast<std::size_t>(span.end - span.start))});
  }
  return out;
}

// Generated notes are named apart from hand-written ones: a hand note citing the same span keeps
// its own note (and its cards their history).
std::string generated_note_id(const Corpus& corpus, std::string_view kind, const Citation& first) {
  return content_id('n', {corpus.deck->id, "generated", kind, first.source,
                          std::to_string(first.start), std::to_string(first.end)});
}

// Same scheme as hand-written cards, so a hand card and a generated card of one type on one span
// share an id: the hand card wins and the generated one is dropped.
std::string generated_card_id(const Corpus& corpus, std::string_view type, const Citation& first,
                              std::string_view detail) {
  if (detail.empty())
    return content_id('c', {corpus.deck->id, type, first.source, std::to_string(first.start),
                            std::to_string(first.end)});
  return content_id('c', {corpus.deck->id, type, first.source, std::to_string(first.start),
                          std::to_string(first.end), detail});
}

namespace {

// FNV-1a alone orders similar strings alike under different seeds (its last bytes dominate);
// a final avalanche step (splitmix64's) makes each card's order independent of the others'.
std::uint64_t shuffle_key(const std::string& seed, const std::string& item) {
  std::uint64_t x = content_hash({seed, item});
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

}  // namespace

void stable_shuffle(std::vector<std::string>& items, const std::string& seed) {
  std::sort(items.begin(), items.end(), [&](const std::string& a, const std::string& b) {
    return shuffle_key(seed, a) < shuffle_key(seed, b);
  });
}

}  // namespace citecard::deck::generate
