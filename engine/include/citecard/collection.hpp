// citecard — a learner's collection: decks, cards and their review history in one SQLite file.
//
// This is the engine's main entry point for apps. A Collection is opened from a path (created and
// migrated as needed), decks are built into it from deck directories, and study happens through
// next_card / preview / answer. Every answer appends to the review log, which is the truth: a
// card's scheduling state is always equal to a replay of its log.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citecard/answer_check.hpp"
#include "citecard/card.hpp"
#include "citecard/fsrs.hpp"
#include "citecard/lint.hpp"
#include "citecard/result.hpp"
#include "citecard/time.hpp"

namespace citecard {

struct StudyOptions {
  int new_cards_per_day = 20;  // per deck, unless the deck sets its own
  int reviews_per_day = 200;   // per deck, unless the deck sets its own
  int rollover_hour = 4;       // local time at which a new study day starts
  int leech_lapses = 8;  // a card lapsing this often is tagged "leech" and suspended; 0: never
  // Review intervals up to 90 days go to the least busy day of their fuzz range (as in Anki).
  bool load_balance = true;
  FsrsParameters fsrs;  // fsrs.desired_retention is the default for every deck
};

// What one deck sets for itself; unset fields follow the collection's StudyOptions.
struct DeckOptions {
  std::optional<int> new_per_day;
  std::optional<int> reviews_per_day;
  std::optional<double> desired_retention;
};

// What `check` found wrong; empty when the collection is consistent.
struct CheckReport {
  int cards_checked = 0;
  int answers_checked = 0;
  int citations_checked = 0;
  std::vector<std::string> problems;  // one sentence each, naming the card / note / citation
};

struct DeckSummary {
  std::string id;
  std::string title;
  int total_cards = 0;
  int new_available = 0;  // new cards that may still be introduced today (daily limit applied)
  int learning_due = 0;   // learning / relearning cards due now
  int review_due = 0;     // review cards due before the end of today
};

struct CollectionStats {
  int due_today = 0;  // learning due now + reviews due today + new available today
  int new_available = 0;
  int learning = 0;  // cards in learning or relearning, due or not
  int review = 0;    // cards in review, due or not
  int reviews_today = 0;
};

struct BuildReport {
  std::string deck;
  int sources = 0;
  int notes = 0;
  int cards_total = 0;
  int cards_added = 0;
  int cards_updated = 0;
  int cards_archived = 0;  // cards whose note disappeared: kept with their history, not studied
  std::vector<HeldBackQuote> held_back;  // quotes too unsure to ask who said them
};

struct ReviewRecord {
  std::int64_t id = 0;
  std::string card;
  Timestamp reviewed_at = 0;
  Rating rating = Rating::Good;
  int elapsed_days = 0;
  std::int64_t duration_ms = 0;
  CardMemory before;
  CardMemory after;
};

// A note from another flashcard app, as the card it becomes (card_type::kImported, no citations).
struct ImportedNote {
  std::string prompt;
  std::string answer;
  std::vector<std::string> choices;  // empty for free recall; otherwise includes `answer`
};

struct ImportedNotesReport {
  std::vector<std::string> card_ids;  // one per note, in order: added or already present
  int added = 0;
  int present = 0;
};

// What merging another copy of the collection brought in (Collection::merge, docs/merge.md).
struct MergeReport {
  std::string other_id;   // the merged file's collection id
  int answers_added = 0;  // answers given on the other copy that this one lacked
  int undos_added = 0;
  int changes_added = 0;  // suspend, unsuspend, bury, settings and deck options changes
  int decks_added = 0;
  int notes_added = 0;
  int cards_added = 0;
  int cards_replayed = 0;             // cards whose state was recomputed from their merged log
  std::vector<std::string> warnings;  // e.g. a copy whose clock runs more than a day ahead
};

// What merging a sync folder did (Collection::merge_folder).
struct FolderMergeReport {
  std::vector<std::pair<std::filesystem::path, MergeReport>> merged;
  std::vector<std::string> skipped;  // "FILE: why", for files in the folder not merged
  std::filesystem::path written;     // this collection's own copy in the folder
};

// Whether opening may create a collection. Everything but building a deck should require one:
// a typo in a path must not silently give an empty collection.
enum class OpenMode {
  CreateIfMissing,  // a missing collection (and its folder) is created
  MustExist,        // a missing path, or a file citecard never wrote, is an error naming it
  ReadOnly,         // as MustExist, and nothing is ever written to the file
};

class Collection {
 public:
  // Opens the collection at `path`, upgrading an older schema (after copying the file to
  // <path>.schema-<old version>.backup). A collection from a newer citecard is refused and
  // left untouched, and so is another application's SQLite file (ErrorCode::Foreign). An empty,
  // ":memory:" or over-long path is refused (ErrorCode::Invalid) before anything is created.
  static Result<Collection> open(const std::filesystem::path& path, StudyOptions options = {},
                                 OpenMode mode = OpenMode::CreateIfMissing);

  Collection(Collection&&) noexcept;
  Collection& operator=(Collection&&) noexcept;
  ~Collection();

  const StudyOptions& options() const;

  // How long a write waits for another connection's transaction before failing as busy (10 s
  // unless set). 0 fails at once.
  void set_busy_timeout(int milliseconds);

  // True when the file could only be opened for reading: reading works, saving fails.
  bool read_only() const;

  // Durable: every commit is flushed to disk (synchronous=FULL), so an answer survives a power
  // loss, at the cost of a disk flush per answer. Otherwise (the default) an answer survives the
  // app or the process crashing, and a power loss may take back the last answers, never
  // corrupting the collection. Saved in the collection.
  bool durable() const;
  Result<void> set_durable(bool durable);

  // Builds or updates the deck in `deck_dir` (manifest.toml, deck.toml, sources/). All or nothing:
  // on any error the collection is left as it was.
  // With options.curated false, the generator's cards alone (see DeckBuildOptions).
  Result<BuildReport> build(const std::filesystem::path& deck_dir, DeckBuildOptions options = {});

  // Adds notes from another app as imported cards of `deck` (created with `title` when missing).
  // A card's id derives from its prompt, answer and choices, so a note already imported is not
  // added again. A deck built from a deck folder is refused: its rebuild would archive them. All
  // or nothing.
  Result<ImportedNotesReport> add_imported_notes(const std::string& deck, const std::string& title,
                                                 const std::vector<ImportedNote>& notes);

  Result<std::vector<Card>> cards() const;  // active cards, by deck, in deck-file order
  Result<Card> card(const std::string& card_id) const;
  Result<Source> source(const std::string& deck, const std::string& source_id) const;
  Result<std::vector<DeckSummary>> decks(Timestamp now) const;
  Result<CollectionStats> stats(Timestamp now) const;

  // The card to study next in `deck` (all decks when empty), or nullopt when nothing is due:
  // learning cards due now, then reviews due today, then new cards within the daily limit.
  Result<std::optional<Card>> next_card(const std::string& deck, Timestamp now) const;

  Result<CardMemory> memory(const std::string& card_id) const;
  Result<std::array<CardMemory, 4>> preview(const std::string& card_id, Timestamp now) const;

  // Records an answer: appends to the review log and updates the card's state in one transaction.
  Result<CardMemory> answer(const std::string& card_id, Rating rating, Timestamp now,
                            std::int64_t duration_ms);

  // Records several answers, in order, as one transaction: all of them or, on the first that
  // fails, none (importing a review log). Returns how many were recorded; on an error,
  // `failed_at` (when given) receives the index of the answer that failed.
  struct PlannedAnswer {
    std::string card;
    Rating rating = Rating::Good;
    Timestamp at = 0;
    std::int64_t duration_ms = 0;
  };
  Result<int> answer_all(const std::vector<PlannedAnswer>& answers,
                         std::size_t* failed_at = nullptr);

  // Runs `steps` as one transaction: every change they make through this collection (cards added,
  // answers recorded) is kept only when they return success; on an error, or an exception, none
  // is (importing a package: its notes and their answers).
  Result<void> all_or_nothing(const std::function<Result<void>()>& steps);

  // The card's answers that count, oldest first (answers taken back by undo are left out).
  Result<std::vector<ReviewRecord>> review_log(const std::string& card_id) const;

  // Checks an answer typed for `card`. Where the card answers with a person, that person's family
  // name alone is accepted when no other person in the deck shares it (see speaker_aliases).
  Result<AnswerCheck> check_typed_answer(const Card& card, std::string_view typed) const;

  // Takes back the most recent answer given in this copy of the collection (one merged in from
  // another device is that device's to take back): the card is replayed without it, so it
  // returns to its state before (new again if it was new), and a leech suspension that answer
  // caused is lifted.
  // The log only grows: the answer stays in it, marked undone, and no longer counts (not in
  // review_log(), the day's counts, the replay or an export). Calling again takes back the
  // answer before it. Returns the answer taken back, or nullopt when there is none.
  Result<std::optional<ReviewRecord>> undo_last_answer();

  // A suspended card is never shown until unsuspended; its history and state are kept.
  Result<void> suspend(const std::string& card_id);
  Result<void> unsuspend(const std::string& card_id);
  Result<bool> is_suspended(const std::string& card_id) const;
  // A buried card is put aside for the rest of the study day: it is not shown again until the
  // next day starts (at the rollover hour after `now`); its state and history are unchanged.
  Result<void> bury(const std::string& card_id, Timestamp now);
  Result<bool> is_buried(const std::string& card_id, Timestamp now) const;
  Result<std::vector<std::string>> tags(const std::string& card_id) const;  // e.g. "leech"

  // Saves the collection-wide settings (limits, rollover hour, leech threshold, default retention)
  // into the collection; later opens use them in place of the StudyOptions they are given.
  Result<void> save_options(const StudyOptions& options);
  Result<DeckOptions> deck_options(const std::string& deck) const;
  Result<void> set_deck_options(const std::string& deck, const DeckOptions& options);

  // The collection's random id, given when it was created (or upgraded to schema 5). Copies of
  // one file share it; their answers still never share an id (docs/merge.md).
  const std::string& id() const;

  // Adds what the collection file at `other` holds and this one lacks: answers, undos, changes
  // of suspension, burial, settings and deck options, and the decks, notes and cards they need.
  // The cards that changed are replayed in time order with the parameters recorded on each
  // answer. One transaction: all of it or nothing. The result does not depend on the order in
  // which copies are merged, and merging the same file again adds nothing. `now` is this
  // device's clock, against which the other's is checked (a warning beyond a day ahead).
  // `other` is only read.
  Result<MergeReport> merge(const std::filesystem::path& other, Timestamp now = now_utc());

  // A sync folder that a file-sync tool keeps on every device: merges every collection file in
  // `folder` (*.db) into this one, then writes this collection's own copy there as <id>.db,
  // through a temporary file renamed into place. No other device's file is written.
  Result<FolderMergeReport> merge_folder(const std::filesystem::path& folder,
                                         Timestamp now = now_utc());

  // Recomputes every card from its review log with the parameters recorded with each answer and
  // compares with the stored state; checks every citation is verbatim at its offsets in its
  // source and every multiple-choice card offers distinct choices including its answer.
  Result<CheckReport> check() const;

 private:
  struct Impl;
  explicit Collection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The collection path used when none is given:
// ${XDG_DATA_HOME:-~/.local/share}/citecard/collection.db
std::filesystem::path default_collection_path();

}  // namespace citecard
