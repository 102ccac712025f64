// citecard — a deck's overlay as a curator's tool writes it: deck.toml's [[card]] entries that
// accept, reject or edit a generated card by its id, the same entries `citecard build` reads.
//
// A tool owns one block at the end of deck.toml, between two marker comments, and rewrites only
// that block; everything else (hand-written notes, entries a curator typed) stays byte for byte.
// An entry outside the block was curated by hand: a tool shows it as such and leaves it alone,
// since the overlay refuses two entries for one card.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "citecard/result.hpp"

namespace citecard {

struct OverlayDecision {
  enum class Action { Accept, Reject, Edit };
  std::string card_id;
  Action action = Action::Accept;
  // Edits: a field left empty keeps the generated value.
  std::optional<std::string> prompt;
  std::optional<std::string> answer;
  std::optional<std::vector<std::string>> choices;
  // Read back from deck.toml: whether the entry is inside the tool's block.
  bool in_block = true;
};

// The decisions as [[card]] entries between the block's markers (TOML text).
std::string overlay_block(const std::vector<OverlayDecision>& decisions);

// deck.toml's text with the block replaced by `block`, or `block` appended when there is none.
std::string replace_overlay_block(const std::string& deck_toml, const std::string& block);

// Every [[card]] entry of a deck.toml (none when the file does not exist), each marked with
// whether it is inside the block. A file TOML cannot parse is an error naming it.
Result<std::vector<OverlayDecision>> read_overlay_decisions(const std::filesystem::path& deck_toml);

// Writes the decisions into the block of DECK_DIR/deck.toml (created if missing), atomically: a
// failure leaves the file as it was.
Result<void> write_overlay_decisions(const std::filesystem::path& deck_dir,
                                     const std::vector<OverlayDecision>& decisions);

}  // namespace citecard
