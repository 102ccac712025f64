// citecard-gui — what the app is doing: which view is shown, the card being studied, and how
// long the learner has looked at it. Views read this and call its actions; they never talk to
// the collection themselves, so mouse, keys and the --script option all take the same paths.
#pragma once

#include <array>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "citecard/card.hpp"
#include "citecard/collection.hpp"

namespace citecard::gui {

enum class View { DeckList, Study, Done };
const char* to_string(View view);  // "decks", "study", "done"

// A card's citation with its source's paragraph, ready to show.
struct CitationDisplay {
  Citation citation;
  std::string author;
  CitationContext context;  // paragraph empty when the source could not be read
};

// Answers given since the app started, by rating (index = rating - 1).
struct SessionTally {
  std::array<int, 4> by_rating{};
  int total() const { return by_rating[0] + by_rating[1] + by_rating[2] + by_rating[3]; }
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
  CollectionStats stats_;
};

}  // namespace citecard::gui
