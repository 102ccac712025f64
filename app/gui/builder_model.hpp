// citecard-gui — the Builder's model (no ImGui, tested alone): a deck folder's candidate cards as
// the generator makes them, the curator's decision on each, and those decisions written as the
// deck's overlay (deck.toml [[card]] entries), the same file `citecard build` reads.
//
// The Builder owns the overlay's block of deck.toml (citecard/overlay.hpp, which writes and reads
// it); cards already curated outside the block are shown as such and left alone.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/overlay.hpp"
#include "citecard/result.hpp"

namespace citecard::gui {

enum class Decision { Undecided, Accept, Reject, Edit };

struct Candidate {
  Card card;                         // for a held-back quote: id, type, answer (the speaker)
  std::string source_title;          // the article it cites
  std::optional<double> confidence;  // who-said cards: the attribution's confidence
  bool held_back = false;            // a quote too unsure for a card unless accepted
  std::string held_back_reason;
  // Held back, but at or above the review level (who_said_review_threshold): the speaker is
  // likely right, so the Builder lists it first in its article for a one-key accept.
  bool to_review = false;
  // Predicted chance a careful reader keeps the card, and the features that weigh most
  // (citecard/candidates.hpp); `in_deck` when the generator offers it unasked, otherwise it is
  // made only if accepted.
  double keep = 0;
  std::vector<std::string> why;
  bool in_deck = true;
  bool curated_by_hand = false;  // decided in deck.toml outside the Builder's block
  Decision decision = Decision::Undecided;
  // Edits; empty fields keep the generated value.
  std::string prompt;
  std::string answer;  // for who-said cards, the speaker
};

// A card's article and its candidates, the most likely kept first.
struct ArticleCandidates {
  std::string source_id;
  std::string title;
  std::vector<std::size_t> candidates;  // indices into BuilderDeck::candidates
};

struct BuilderDeck {
  std::filesystem::path dir;
  std::string deck_id;
  std::vector<Candidate> candidates;
  std::vector<ArticleCandidates> articles;
};

// How far a background job has come, written by the job and read by the UI each frame.
struct JobProgress {
  std::atomic<int> done{0};
  std::atomic<int> total{1};
  std::mutex mutex;
  std::string stage;  // guarded by mutex
  void set(const std::string& text, int now, int of);
  std::string stage_text();
};

// Makes the deck's candidate cards: the generator's cards alone (a build into a scratch
// collection, the learner's own is not touched), every other candidate it could make, the quotes
// it held back, each with its predicted keep and why, the attribution confidence of every who-said
// card, and the decisions already in deck.toml.
Result<BuilderDeck> load_candidates(const std::filesystem::path& deck_dir, JobProgress& progress);

// The decided candidates as the overlay's decisions (citecard/overlay.hpp): undecided cards and
// cards curated by hand have none, an edit that changes nothing is an accept, and an edited
// answer takes the generated answer's place among the choices.
std::vector<OverlayDecision> overlay_decisions(const BuilderDeck& deck);

// The Builder's [[card]] entries for the decided candidates (TOML, with the markers).
std::string overlay_block(const BuilderDeck& deck);

// Writes the decisions into the Builder's block of the deck's deck.toml, atomically.
Result<void> save_decisions(const BuilderDeck& deck);

}  // namespace citecard::gui
