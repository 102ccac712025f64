// A deck directory as read from disk: manifest.toml (deck and source metadata), deck.toml (the
// notes) and sources/ (the articles). Loading it locates every citation in its source; a deck
// whose citations are not verbatim never gets past load_deck.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/result.hpp"

namespace citecard::deck {

struct CitationSpec {
  std::string source;  // Source::id
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::string text;
};

enum class NoteKind { Quote, Fact };

struct NoteSpec {
  NoteKind kind = NoteKind::Fact;
  std::string location;                 // "deck.toml:12", for messages
  std::vector<CitationSpec> citations;  // the first is the note's own; `also` follow

  // Quote notes
  std::string quote;  // exactly the characters between the quotation marks
  std::string speaker;
  std::string speaker_kind;  // person | organisation | publication
  std::string context;

  // Fact notes
  std::string question;
  std::string answer;
  std::vector<std::string> choices;
};

// manifest.toml's [generate] table: which card types the generator makes from the sources.
// A deck without it is made of its hand-written notes only.
struct GenerateSpec {
  bool enabled = false;
  std::vector<std::string> types;  // card_type names; all generated types when the table omits it
};

enum class OverlayAction { Accept, Reject, Edit };

// deck.toml's [[card]] entries: a curator's decision about one generated card, by its id.
struct OverlayEntry {
  std::string location;  // "deck.toml:12"
  std::string card_id;
  OverlayAction action = OverlayAction::Accept;
  std::optional<std::string> prompt;  // edits: fields left out keep the generated value
  std::optional<std::string> answer;
  std::optional<std::vector<std::string>> choices;
};

struct DeckSpec {
  std::string id;
  std::string title;
  std::string description;
  std::vector<Source> sources;
  std::vector<NoteSpec> notes;  // hand-written notes
  GenerateSpec generate;
  std::vector<OverlayEntry> overlay;
};

// Reads and checks a deck directory. Errors name the file and line: "deck.toml:12: cited text not
// found in a3".
Result<DeckSpec> load_deck(const std::filesystem::path& deck_dir);

}  // namespace citecard::deck
