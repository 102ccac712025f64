#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "citecard/extract.hpp"
#include "citecard/input_file.hpp"
#include "deck/deck_spec.hpp"
#include "deck/quote_marks.hpp"

namespace citecard::deck {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kSpeakerKinds = {"person", "organisation", "publication"};
const std::set<std::string> kGeneratedTypes = {"who_said",    "who_said_typed", "quote_cloze",
                                               "fact_cloze",  "who_is",         "who_is_reverse",
                                               "which_outlet"};

// A news article is rarely over 100 KB; a source this large is almost surely the wrong file, and
// making cards from it would take minutes and gigabytes.
constexpr std::uintmax_t kMaxSourceBytes = 10u << 20;
// manifest.toml and deck.toml: a deck of thousands of curated cards is a few MB.
constexpr std::uintmax_t kMaxDeckFileBytes = 32u << 20;

Result<std::string> read_file(const fs::path& path, std::uintmax_t max_bytes = kMaxDeckFileBytes) {
  return read_input_file(path, max_bytes);
}

bool is_html(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

// A source's text: present, not empty, within kMaxSourceBytes and UTF-8, since every citation
// and card quotes it.
Result<std::string> read_source(const fs::path& path, const std::string& file) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return make_error(fmt::format("cannot read {}: {}", file, ec.message()));
  if (size > kMaxSourceBytes)
    return make_error(fmt::format("{} is {:.1f} MB; a source may be at most {} MB of text", file,
                                  static_cast<double>(size) / (1 << 20), kMaxSourceBytes >> 20));
  auto text = read_file(path, kMaxSourceBytes);
  if (!text) return text.error();
  if (text->empty()) return make_error(fmt::format("{} is empty", file));
  if (auto utf8 = validate_utf8(*text); !utf8)
    return make_error(fmt::format("{} is not UTF-8 text: {}", file, utf8.error().message));
  if (!is_html(path)) return text;
  // A page saved from a browser is kept as saved; its cards cite the article's text, which
  // reading the page gives the same way every time.
  auto article = article_from_html(*text);
  if (!article) return make_error(fmt::format("{}: {}", file, article.error().message));
  if (article->text.empty()) return make_error(fmt::format("{} has no article text", file));
  return std::move(article->text);
}

// A deck is a folder that can be shared: a source outside it ("../../.ssh/id_rsa", "/etc/passwd",
// or a link out of the folder) would copy another file of the user's into the collection and into
// anything exported from it.
Result<void> inside_deck(const fs::path& deck_dir, const std::string& file) {
  const fs::path relative(file);
  bool climbs = false;
  for (const auto& part : relative) climbs = climbs || part == "..";
  if (file.empty() || relative.is_absolute() || relative.has_root_name() || climbs)
    return make_error(fmt::format(
        "source file \"{}\" is not inside the deck folder; give a path within it, such as "
        "sources/article.txt",
        file));
  std::error_code ec;
  const fs::path root = fs::canonical(deck_dir, ec);
  if (ec) return {};
  const fs::path target = fs::weakly_canonical(deck_dir / relative, ec);
  if (ec) return {};
  const auto [end, _] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  if (end != root.end())
    return make_error(fmt::format(
        "source file \"{}\" links outside the deck folder (to {}); copy the article into it", file,
        target.string()));
  return {};
}

// Where a TOML node was written, as "deck.toml:12" (the file name as the curator knows it).
std::string where(const std::string& file, const toml::node& node) {
  return fmt::format("{}:{}", file, node.source().begin.line);
}

Result<toml::table> parse_toml(const fs::path& path, const std::string& label) {
  auto text = read_file(path);
  if (!text) return text.error();
  // Debian's toml++ is built with exceptions; keep them inside this function.
  try {
    return toml::parse(*text, path.string());
  } catch (const toml::parse_error& err) {
    return make_error(fmt::format("{}:{}: {}", label, err.source().begin.line, err.description()));
  }
}

// Reads a required string field; `what` names the table for the message.
Result<std::string> required_string(const toml::table& table, const std::string& key,
                                    const std::string& location, const std::string& what) {
  const toml::node* node = table.get(key);
  if (!node) return make_error(fmt::format("{}: {} has no `{}`", location, what, key));
  auto value = node->value<std::string>();
  if (!value || value->empty())
    return make_error(
        fmt::format("{}: `{}` of {} must be a non-empty string", location, key, what));
  return *value;
}

std::string optional_string(const toml::table& table, const std::string& key) {
  return table[key].value_or(std::string());
}

Result<void> read_manifest(const fs::path& deck_dir, DeckSpec& deck) {
  const std::string label = (deck_dir / "manifest.toml").string();
  auto manifest = parse_toml(label, label);
  if (!manifest) return manifest.error();

  const toml::table* meta = (*manifest)["deck"].as_table();
  if (!meta) return make_error(fmt::format("{}:1: no [deck] table", label));
  const std::string meta_at = where(label, *meta);
  auto id = required_string(*meta, "id", meta_at, "[deck]");
  if (!id) return id.error();
  auto title = required_string(*meta, "title", meta_at, "[deck]");
  if (!title) return title.error();
  deck.id = *id;
  deck.title = *title;
  deck.description = optional_string(*meta, "description");

  if (const toml::node* generate = manifest->get("generate")) {
    const toml::table* table = generate->as_table();
    const std::string at = where(label, *generate);
    if (!table) return make_error(fmt::format("{}: [generate] must be a table", at));
    deck.generate.enabled = (*table)["enabled"].value_or(true);
    if (const toml::node* types = table->get("types")) {
      const toml::array* list = types->as_array();
      if (!list) return make_error(fmt::format("{}: `types` must be a list of card types", at));
      for (const toml::node& type : *list) {
        auto name = type.value<std::string>();
        if (!name || !kGeneratedTypes.count(*name))
          return make_error(
              fmt::format("{}: unknown card type in `types` (expected who_said, who_said_typed, "
                          "quote_cloze, fact_cloze, who_is, who_is_reverse, which_outlet)",
                          at));
        deck.generate.types.push_back(*name);
      }
    } else {
      deck.generate.types.assign(kGeneratedTypes.begin(), kGeneratedTypes.end());
    }
  }

  const toml::array* sources = (*manifest)["source"].as_array();
  if (!sources || sources->empty())
    return make_error(fmt::format("{}:1: no [[source]] entries", label));
  std::set<std::string> ids;
  for (const toml::node& node : *sources) {
    const toml::table* table = node.as_table();
    const std::string at = where(label, node);
    if (!table) return make_error(fmt::format("{}: [[source]] must be a table", at));
    Source source;
    source.deck = deck.id;
    for (auto [key, field] :
         {std::pair{"id", &source.id}, std::pair{"file", &source.file},
          std::pair{"outlet", &source.outlet}, std::pair{"title", &source.title},
          std::pair{"author", &source.author}, std::pair{"date", &source.date}}) {
      auto value = required_string(*table, key, at, "[[source]]");
      if (!value) return value.error();
      *field = *value;
    }
    if (!ids.insert(source.id).second)
      return make_error(fmt::format("{}: source id `{}` is used twice", at, source.id));
    if (auto inside = inside_deck(deck_dir, source.file); !inside)
      return make_error(fmt::format("{}: {}", at, inside.error().message));
    auto text = read_source(deck_dir / source.file, source.file);
    if (!text) return make_error(fmt::format("{}: {}", at, text.error().message));
    source.text = std::move(*text);
    deck.sources.push_back(std::move(source));
  }
  return {};
}

const Source* find_source(const DeckSpec& deck, const std::string& id) {
  for (const auto& s : deck.sources)
    if (s.id == id) return &s;
  return nullptr;
}

// Finds `text` in the source. A quote prefers an occurrence that sits between quotation marks,
// so the citation points at the quotation itself rather than an echo of it elsewhere.
Result<CitationSpec> locate(const DeckSpec& deck, const std::string& source_id,
                            const std::string& text, bool quoted, const std::string& at) {
  const Source* source = find_source(deck, source_id);
  if (!source)
    return make_error(fmt::format("{}: unknown source `{}` (not in manifest.toml)", at, source_id));
  std::size_t found = std::string::npos;
  for (std::size_t pos = source->text.find(text); pos != std::string::npos;
       pos = source->text.find(text, pos + 1)) {
    if (found == std::string::npos) found = pos;
    if (!quoted || is_enclosed_in_quotation_marks(source->text, pos, pos + text.size())) {
      found = pos;
      break;
    }
  }
  if (found == std::string::npos)
    return make_error(fmt::format("{}: cited text not found in {}", at, source_id));
  return CitationSpec{source_id, static_cast<std::int64_t>(found),
                      static_cast<std::int64_t>(found + text.size()), text};
}

Result<NoteSpec> read_quote(const DeckSpec& deck, const toml::table& table, const std::string& at) {
  NoteSpec note;
  note.kind = NoteKind::Quote;
  note.location = at;
  auto source = required_string(table, "source", at, "[[quote]]");
  if (!source) return source.error();
  auto text = required_string(table, "text", at, "[[quote]]");
  if (!text) return text.error();
  auto speaker = required_string(table, "speaker", at, "[[quote]]");
  if (!speaker) return speaker.error();
  note.quote = *text;
  note.speaker = *speaker;
  note.speaker_kind = table["speaker_kind"].value_or(std::string("person"));
  if (!kSpeakerKinds.count(note.speaker_kind))
    return make_error(
        fmt::format("{}: speaker_kind must be person, organisation or publication", at));
  note.context = optional_string(table, "context");
  auto citation = locate(deck, *source, *text, /*quoted=*/true, at);
  if (!citation) return citation.error();
  note.citations.push_back(std::move(*citation));
  return note;
}

Result<NoteSpec> read_fact(const DeckSpec& deck, const toml::table& table, const std::string& at) {
  NoteSpec note;
  note.kind = NoteKind::Fact;
  note.location = at;
  auto source = required_string(table, "source", at, "[[fact]]");
  if (!source) return source.error();
  auto cite = required_string(table, "cite", at, "[[fact]]");
  if (!cite) return cite.error();
  auto question = required_string(table, "question", at, "[[fact]]");
  if (!question) return question.error();
  auto answer = required_string(table, "answer", at, "[[fact]]");
  if (!answer) return answer.error();
  note.question = *question;
  note.answer = *answer;

  if (const toml::node* choices = table.get("choices")) {
    const toml::array* list = choices->as_array();
    if (!list) return make_error(fmt::format("{}: `choices` must be a list of strings", at));
    std::set<std::string> seen;
    for (const toml::node& choice : *list) {
      auto value = choice.value<std::string>();
      if (!value || value->empty())
        return make_error(fmt::format("{}: `choices` must be a list of strings", at));
      if (!seen.insert(*value).second)
        return make_error(fmt::format("{}: choice \"{}\" is listed twice", at, *value));
      note.choices.push_back(*value);
    }
    if (note.choices.size() < 2)
      return make_error(fmt::format("{}: a multiple-choice fact needs at least 2 choices", at));
    if (!seen.count(note.answer))
      return make_error(
          fmt::format("{}: the answer \"{}\" is not among the choices", at, note.answer));
  }

  auto citation = locate(deck, *source, *cite, /*quoted=*/false, at);
  if (!citation) return citation.error();
  note.citations.push_back(std::move(*citation));

  if (const toml::node* also = table.get("also")) {
    const toml::array* list = also->as_array();
    if (!list) return make_error(fmt::format("{}: `also` must be a list of {{source, cite}}", at));
    for (const toml::node& item : *list) {
      const toml::table* extra = item.as_table();
      if (!extra)
        return make_error(fmt::format("{}: `also` must be a list of {{source, cite}}", at));
      auto extra_source = required_string(*extra, "source", at, "an `also` entry");
      if (!extra_source) return extra_source.error();
      auto extra_cite = required_string(*extra, "cite", at, "an `also` entry");
      if (!extra_cite) return extra_cite.error();
      auto located = locate(deck, *extra_source, *extra_cite, /*quoted=*/false, at);
      if (!located) return located.error();
      note.citations.push_back(std::move(*located));
    }
  }
  return note;
}

Result<OverlayEntry> read_overlay_entry(const toml::table& table, const std::string& at) {
  OverlayEntry entry;
  entry.location = at;
  auto id = required_string(table, "id", at, "[[card]]");
  if (!id) return id.error();
  entry.card_id = *id;
  const std::string action = table["action"].value_or(std::string("accept"));
  if (action == "accept") {
    entry.action = OverlayAction::Accept;
  } else if (action == "reject") {
    entry.action = OverlayAction::Reject;
  } else if (action == "edit") {
    entry.action = OverlayAction::Edit;
  } else {
    return make_error(fmt::format("{}: `action` must be accept, reject or edit", at));
  }
  for (const auto& [key, _] : table) {
    const std::string k(key.str());
    if (k != "id" && k != "action" && k != "prompt" && k != "answer" && k != "choices" &&
        k != "why")
      return make_error(fmt::format("{}: unknown field `{}` in [[card]]", at, k));
  }
  if (entry.action != OverlayAction::Edit &&
      (table.contains("prompt") || table.contains("answer") || table.contains("choices")))
    return make_error(fmt::format("{}: only action = \"edit\" may change a card's text", at));
  if (table.contains("prompt")) {
    auto value = required_string(table, "prompt", at, "[[card]]");
    if (!value) return value.error();
    entry.prompt = *value;
  }
  if (table.contains("answer")) {
    auto value = required_string(table, "answer", at, "[[card]]");
    if (!value) return value.error();
    entry.answer = *value;
  }
  if (const toml::node* choices = table.get("choices")) {
    const toml::array* list = choices->as_array();
    if (!list) return make_error(fmt::format("{}: `choices` must be a list of strings", at));
    std::vector<std::string> values;
    for (const toml::node& choice : *list) {
      auto value = choice.value<std::string>();
      if (!value || value->empty())
        return make_error(fmt::format("{}: `choices` must be a list of strings", at));
      values.push_back(*value);
    }
    entry.choices = std::move(values);
  }
  if (entry.action == OverlayAction::Edit && !entry.prompt && !entry.answer && !entry.choices)
    return make_error(fmt::format("{}: an edit must give a new prompt, answer or choices", at));
  return entry;
}

Result<void> read_notes(const fs::path& deck_dir, DeckSpec& deck) {
  const std::string label = (deck_dir / "deck.toml").string();
  auto notes = parse_toml(label, label);
  if (!notes) return notes.error();
  for (auto&& [key, value] : *notes) {
    const std::string k(key.str());
    // [[card]] curates generated cards: without [generate] in the manifest there are none.
    if (k != "quote" && k != "fact" && (k != "card" || !deck.generate.enabled))
      return make_error(fmt::format("{}: unknown section `{}` (expected [[quote]] or [[fact]])",
                                    where(label, value), k));
  }
  if (const toml::node* section = notes->get("card")) {
    const toml::array* list = section->as_array();
    if (!list)
      return make_error(fmt::format("{}: `card` must be [[card]] tables", where(label, *section)));
    std::map<std::string, std::string> curated_at;
    for (const toml::node& node : *list) {
      const toml::table* table = node.as_table();
      if (!table)
        return make_error(fmt::format("{}: [[card]] must be a table", where(label, node)));
      auto entry = read_overlay_entry(*table, where(label, node));
      if (!entry) return entry.error();
      auto [it, fresh] = curated_at.emplace(entry->card_id, entry->location);
      if (!fresh)
        return make_error(fmt::format("{}: card {} is already curated at {}", entry->location,
                                      entry->card_id, it->second));
      deck.overlay.push_back(std::move(*entry));
    }
  }
  // Notes are kept in the order written, which is the order new cards are introduced.
  std::vector<std::pair<const toml::table*, NoteKind>> ordered;
  for (auto [name, kind] :
       {std::pair{"quote", NoteKind::Quote}, std::pair{"fact", NoteKind::Fact}}) {
    const toml::node* section = notes->get(name);
    if (!section) continue;
    const toml::array* list = section->as_array();
    if (!list)
      return make_error(
          fmt::format("{}: `{}` must be [[{}]] tables", where(label, *section), name, name));
    for (const toml::node& node : *list) {
      const toml::table* table = node.as_table();
      if (!table)
        return make_error(fmt::format("{}: [[{}]] must be a table", where(label, node), name));
      ordered.emplace_back(table, kind);
    }
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin.line < b.first->source().begin.line;
  });
  // A card's id comes from its note's kind and cited span, so two notes of one kind may not
  // cite the same span: they would share one history.
  std::map<std::tuple<NoteKind, std::string, std::int64_t, std::int64_t>, std::string> cited_at;
  for (auto [table, kind] : ordered) {
    const std::string at = where(label, *table);
    auto note =
        kind == NoteKind::Quote ? read_quote(deck, *table, at) : read_fact(deck, *table, at);
    if (!note) return note.error();
    const auto& first = note->citations.front();
    auto [it, fresh] = cited_at.emplace(std::tuple{kind, first.source, first.start, first.end}, at);
    if (!fresh) {
      return make_error(fmt::format(
          "{}: cites the same text as the note at {}; cite a different span so each card keeps "
          "its own history",
          at, it->second));
    }
    deck.notes.push_back(std::move(*note));
  }
  if (deck.notes.empty() && !deck.generate.enabled)
    return make_error(fmt::format("{}:1: the deck has no notes", label));
  return {};
}

}  // namespace

Result<DeckSpec> load_deck(const fs::path& deck_dir) {
  if (!fs::is_directory(deck_dir))
    return make_error(
        fmt::format("{} is not a deck folder (expected manifest.toml, deck.toml "
                    "and sources/)",
                    deck_dir.string()));
  DeckSpec deck;
  if (auto r = read_manifest(deck_dir, deck); !r) return r.error();
  if (auto r = read_notes(deck_dir, deck); !r) return r.error();
  return deck;
}

}  // namespace citecard::deck
