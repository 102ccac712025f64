// citecard-gui — what the app is doing: which view is shown, the card being studied, and how
// long the learner has looked at it. Views read this and call its actions; they never talk to
// the collection themselves, so mouse, keys and the --script option all take the same paths.
#pragma once

#include <array>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "browse_rows.hpp"
#include "builder_session.hpp"
#include "citecard/card.hpp"
#include "citecard/collection.hpp"
#include "citecard/extract.hpp"
#include "citecard/review_stats.hpp"
#include "fit_job.hpp"
#include "workload_job.hpp"

namespace citecard::gui {

enum class View { DeckList, Study, Done, Reader, Browse, Builder, Stats, Settings };
// "decks", "study", "done", "reader", "browse", "builder", "stats", "settings"
const char* to_string(View view);

// A card's citation with its source's paragraph, ready to show.
struct CitationDisplay {
  Citation citation;
  std::string author;
  CitationContext context;  // paragraph empty when the source could not be read
};

// One speaker's quotes in an article, for the reader.
struct SpeakerQuotes {
  std::string speaker;  // "" for quotes no reader could attribute
  std::vector<Quote> quotes;
};

// The article behind a card's citation, as the reader shows it.
struct ReaderContent {
  Source source;                        // metadata and the whole text
  std::vector<ByteSpan> cited;          // the card's citations in this source
  std::vector<SpeakerQuotes> speakers;  // by speaker, most quoted first; unattributed last
  std::string card_id;                  // the card it was opened from
  int opening = 0;                      // counts openings, so each one starts at the cited span
};

// What this session did, for the done screen: answers by rating (index = rating - 1), the
// distinct cards answered, time spent answering (each answer counted up to a minute), and the
// cards put aside.
struct SessionTally {
  std::array<int, 4> by_rating{};
  std::vector<std::string> cards;  // distinct, in the order first answered
  std::int64_t answer_ms = 0;
  int suspended = 0;
  int buried = 0;
  int total() const { return by_rating[0] + by_rating[1] + by_rating[2] + by_rating[3]; }
};

// How the app looks; applied live by the frame loop and remembered between runs (app_config).
struct Appearance {
  bool dark = false;
  float font_size = 19.0f;  // body text in pixels at content scale 1; other fonts follow it
  static constexpr float kSmallestFont = 14.0f;
  static constexpr float kLargestFont = 28.0f;
  bool operator==(const Appearance&) const = default;
};

class AppState {
 public:
  using Clock = std::function<Timestamp()>;

  // `clock` gives "now" for scheduling; tests and screenshots may pin it.
  AppState(Collection collection, Clock clock);

  View view() const { return view_; }
  const std::string& error() const { return error_; }
  void clear_error() { error_.clear(); }

  // Deck list.
  const std::vector<DeckSummary>& decks() const { return decks_; }
  void refresh_decks();
  void open_deck(const std::string& deck_id);
  void back_to_decks();

  // Study.
  const DeckSummary* current_deck() const;
  const Card* card() const { return card_ ? &*card_ : nullptr; }
  const std::vector<CitationDisplay>& citations() const { return citations_; }
  bool revealed() const { return revealed_; }
  std::optional<int> picked_choice() const { return picked_choice_; }
  bool picked_right() const;
  // Good, or Again after a wrong choice: the rating Space gives. The learner may pick another.
  Rating suggested_rating() const;
  // Next interval per rating ("1m", "3d"), for the answer buttons; set when the answer shows.
  const std::array<std::string, 4>& interval_labels() const { return interval_labels_; }

  void reveal();
  void pick_choice(int index);  // picking a choice also shows the answer
  // Checks what the learner typed for the card on screen, as the command line does (a person's
  // unshared family name is accepted); nullopt, with the error shown, if the collection failed.
  std::optional<AnswerCheck> check_typed(const std::string& typed);
  void rate(Rating rating);

  // Takes back the last answer given in this session (Ctrl+Z / U): the engine restores the card's
  // exact state before it and removes its review, and the card shows again, question side up.
  bool can_undo() const { return !answered_.empty(); }
  void undo();

  // Puts the card on screen aside: suspended until unsuspended in Browse, or buried until the
  // next study day starts; the next card shows.
  void suspend_card();
  void bury_card();
  // Shows one card by id, question side up, whatever the queue says (Browse's "study this",
  // and scripts reaching a card of each type).
  void show_card_by_id(const std::string& card_id);

  // The reader: the whole article behind the card's `citation_index`th citation, its cited
  // span highlighted, its quotes by speaker. Opened from the answer side; closing it returns to
  // the card as it was.
  void open_reader(std::size_t citation_index = 0);
  void close_reader();
  const ReaderContent* reader() const { return reader_ ? &*reader_ : nullptr; }

  // Browse: every card of the collection, filtered; the selection is a set of card ids.
  void open_browse();
  void close_browse() { back_to_decks(); }
  const std::vector<BrowseRow>& browse_rows() const { return browse_rows_; }
  BrowseFilter& browse_filter() { return browse_filter_; }
  std::vector<std::size_t> browse_matches() const;  // indices into browse_rows(), deck order
  std::vector<std::string>& browse_selection() { return browse_selection_; }
  const std::vector<std::string>& browse_selection() const { return browse_selection_; }
  // Suspends (or brings back) every selected card, and shows the change in the rows.
  void set_selected_suspended(bool suspended);
  Timestamp now() const { return clock_(); }

  // Stats: the collection's answers and cards in numbers, over the last `days` days.
  void open_stats();
  int stats_days() const { return stats_days_; }
  void set_stats_days(int days);
  const ReviewStats& review_stats() const { return review_stats_; }

  // Settings: the collection's study options, edited as a draft and saved together.
  void open_settings();
  StudyOptions& settings_draft() { return settings_draft_; }
  // Learning and relearning steps as the learner types them ("1m,10m"), parsed on save.
  std::string& learning_steps_draft() { return learning_steps_draft_; }
  std::string& relearning_steps_draft() { return relearning_steps_draft_; }
  const StudyOptions& settings_saved() const { return collection_.options(); }
  bool save_settings();
  // "Fit my parameters": the optimizer on the collection's own log, off the UI thread; on
  // confirm, the fitted weights are saved and the scheduler uses them from the next answer.
  void start_fit();
  FitJob& fit() { return fit_; }
  bool use_fitted_weights();
  // "Workload by desired retention": the simulator on the learner's habits and saved settings,
  // off the UI thread; opening Settings starts it.
  void start_workload();
  WorkloadJob& workload() { return workload_; }
  const std::string& settings_message() const { return settings_message_; }

  // Builder: make or grow a deck from article files, curate its candidate cards, save the
  // decisions to deck.toml and build the deck into this collection.
  void open_builder();
  BuilderSession& builder() { return builder_; }
  // Writes the decisions as the deck's overlay, then builds the deck so it can be studied.
  bool save_builder();
  const std::string& builder_saved() const { return builder_saved_; }

  // Look: theme and font size, changed in Settings and applied between frames by main.cpp.
  const Appearance& appearance() const { return appearance_; }
  void set_appearance(const Appearance& appearance) { appearance_ = appearance; }

  // The F1 overlay listing the keys of the view under it.
  bool help_open() const { return help_open_; }
  void set_help_open(bool open) { help_open_ = open; }

  // Stats: each chart can be saved as a PNG; the frame loop reads the pixels after drawing.
  // The request names the charts' screen rectangles; `exported` says where they went.
  struct ChartExport {
    std::string name;  // file stem: "answers-per-day"
    ImVec2 min, max;   // in framebuffer pixels, top-left origin
  };
  void request_chart_export() { export_requested_ = true; }
  bool chart_export_requested() const { return export_requested_; }
  std::vector<ChartExport>& chart_rects() { return chart_rects_; }
  void finish_chart_export(std::string message) {
    export_requested_ = false;
    export_message_ = std::move(message);
  }
  const std::string& export_message() const { return export_message_; }
  std::filesystem::path export_dir() const { return export_dir_; }
  void set_export_dir(std::filesystem::path dir) { export_dir_ = std::move(dir); }

  // After the deck's cards are done.
  const SessionTally& session() const { return session_; }
  const CollectionStats& stats() const { return stats_; }

 private:
  void load_next_card();
  void show_card(Card card);
  bool report(const Error& error);

  Collection collection_;
  Clock clock_;
  View view_ = View::DeckList;
  std::string error_;
  std::vector<DeckSummary> decks_;
  std::string deck_id_;

  std::optional<Card> card_;
  std::vector<CitationDisplay> citations_;
  bool revealed_ = false;
  std::optional<int> picked_choice_;
  std::array<std::string, 4> interval_labels_;
  std::chrono::steady_clock::time_point shown_at_;

  SessionTally session_;
  struct Answered {
    std::string card;
    Rating rating;
    std::int64_t ms;
  };
  std::vector<Answered> answered_;  // this session's answers, oldest first
  Appearance appearance_;
  bool help_open_ = false;
  bool export_requested_ = false;
  std::vector<ChartExport> chart_rects_;
  std::string export_message_;
  std::filesystem::path export_dir_;
  std::optional<ReaderContent> reader_;
  int reader_openings_ = 0;
  std::vector<BrowseRow> browse_rows_;
  BrowseFilter browse_filter_;
  std::vector<std::string> browse_selection_;
  CollectionStats stats_;
  BuilderSession builder_;
  FitJob fit_;
  WorkloadJob workload_;
  StudyOptions settings_draft_;
  std::string settings_message_;
  std::string learning_steps_draft_;
  std::string relearning_steps_draft_;
  int stats_days_ = 30;
  ReviewStats review_stats_;
  std::vector<StatsReview> stats_log_;
  std::vector<CardMemory> stats_cards_;
  std::string builder_saved_;
};

}  // namespace citecard::gui
