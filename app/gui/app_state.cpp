#include "app_state.hpp"

#include <algorithm>

#include "citecard/fsrs.hpp"
#include "citecard/revlog.hpp"

namespace citecard::gui {
namespace {

// Time away from the screen is not study time: answers are counted up to a minute, as Anki does.
constexpr std::chrono::milliseconds kLongestCountedAnswer{60'000};

}  // namespace

const char* to_string(View view) {
  switch (view) {
    case View::DeckList:
      return "decks";
    case View::Study:
      return "study";
    case View::Done:
      return "done";
    case View::Reader:
      return "reader";
    case View::Browse:
      return "browse";
    case View::Builder:
      return "builder";
    case View::Stats:
      return "stats";
    case View::Settings:
      return "settings";
  }
  return "unknown";
}

AppState::AppState(Collection collection, Clock clock)
    : collection_(std::move(collection)), clock_(std::move(clock)) {
  refresh_decks();
}

bool AppState::report(const Error& error) {
  error_ = error.message;
  return false;
}

void AppState::refresh_decks() {
  Result<std::vector<DeckSummary>> decks = collection_.decks(clock_());
  if (!decks) {
    report(decks.error());
    return;
  }
  decks_ = std::move(decks).value();
}

const DeckSummary* AppState::current_deck() const {
  auto found = std::find_if(decks_.begin(), decks_.end(),
                            [&](const DeckSummary& d) { return d.id == deck_id_; });
  return found == decks_.end() ? nullptr : &*found;
}

void AppState::open_deck(const std::string& deck_id) {
  deck_id_ = deck_id;
  clear_error();
  load_next_card();
}

void AppState::back_to_decks() {
  card_.reset();
  reader_.reset();
  citations_.clear();
  view_ = View::DeckList;
  refresh_decks();
}

void AppState::load_next_card() {
  refresh_decks();
  Result<std::optional<Card>> next = collection_.next_card(deck_id_, clock_());
  if (!next) {
    report(next.error());
    view_ = View::DeckList;
    return;
  }
  if (!next->has_value()) {
    card_.reset();
    citations_.clear();
    Result<CollectionStats> stats = collection_.stats(clock_());
    if (stats) {
      stats_ = *stats;
    } else {
      report(stats.error());
    }
    view_ = View::Done;
    return;
  }
  show_card(std::move(**next));
  view_ = View::Study;
}

void AppState::show_card(Card card) {
  citations_.clear();
  // A quote cited inside its attribution sentence is shown once, by the sentence.
  for (const Citation& citation : outermost_citations(card.citations)) {
    CitationDisplay display{citation, {}, {}};
    Result<Source> source = collection_.source(card.deck, citation.source);
    if (source) {
      display.author = source->author;
      display.context = citation_context(source->text, citation.start, citation.end);
    } else {
      // The citation's own text still shows, all of it highlighted.
      display.context = CitationContext{citation.text, 0, citation.text.size()};
    }
    citations_.push_back(std::move(display));
  }
  card_ = std::move(card);
  revealed_ = false;
  picked_choice_.reset();
  interval_labels_ = {};
  shown_at_ = std::chrono::steady_clock::now();
}

bool AppState::picked_right() const {
  return card_ && picked_choice_ &&
         card_->choices[static_cast<std::size_t>(*picked_choice_)] == card_->answer;
}

Rating AppState::suggested_rating() const {
  return picked_choice_ && !picked_right() ? Rating::Again : Rating::Good;
}

void AppState::reveal() {
  if (!card_ || revealed_) return;
  const Timestamp now = clock_();
  Result<std::array<CardMemory, 4>> preview = collection_.preview(card_->id, now);
  if (!preview) {
    report(preview.error());
    return;
  }
  for (std::size_t i = 0; i < 4; ++i) {
    interval_labels_[i] = format_interval(std::max<Timestamp>(0, (*preview)[i].due - now));
  }
  revealed_ = true;
}

void AppState::pick_choice(int index) {
  if (!card_ || revealed_ || index < 0 ||
      static_cast<std::size_t>(index) >= card_->choices.size()) {
    return;
  }
  picked_choice_ = index;
  reveal();
}

void AppState::rate(Rating rating) {
  if (!card_ || !revealed_) return;
  const auto looked = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - shown_at_);
  const auto counted = std::min(looked, kLongestCountedAnswer);
  Result<CardMemory> answered = collection_.answer(card_->id, rating, clock_(), counted.count());
  if (!answered) {
    report(answered.error());
    return;
  }
  ++session_.by_rating[static_cast<std::size_t>(rating) - 1];
  session_.answer_ms += counted.count();
  if (std::find(session_.cards.begin(), session_.cards.end(), card_->id) == session_.cards.end())
    session_.cards.push_back(card_->id);
  answered_.push_back(Answered{card_->id, rating, counted.count()});
  load_next_card();
}

void AppState::undo() {
  if (answered_.empty()) {
    error_ = "Nothing to take back: no card has been answered since the app started.";
    return;
  }
  Result<std::optional<ReviewRecord>> undone = collection_.undo_last_answer();
  if (!undone) {
    report(undone.error());
    return;
  }
  const Answered taken_back = answered_.back();
  answered_.pop_back();
  session_.answer_ms = std::max<std::int64_t>(0, session_.answer_ms - taken_back.ms);
  // The card stays counted as studied if another answer of this session is still its.
  const bool answered_before =
      std::any_of(answered_.begin(), answered_.end(),
                  [&](const Answered& a) { return a.card == taken_back.card; });
  if (!answered_before) std::erase(session_.cards, taken_back.card);
  if (!undone->has_value()) {
    error_ = "Nothing to take back: the collection has no answers.";
    return;
  }
  const ReviewRecord& record = **undone;
  int& tally = session_.by_rating[static_cast<std::size_t>(record.rating) - 1];
  if (tally > 0) --tally;
  show_card_by_id(record.card);
}

void AppState::suspend_card() {
  if (!card_) return;
  if (Result<void> done = collection_.suspend(card_->id); !done) {
    report(done.error());
    return;
  }
  ++session_.suspended;
  load_next_card();
}

void AppState::bury_card() {
  if (!card_) return;
  if (Result<void> done = collection_.bury(card_->id, clock_()); !done) {
    report(done.error());
    return;
  }
  ++session_.buried;
  load_next_card();
}

void AppState::show_card_by_id(const std::string& card_id) {
  Result<Card> card = collection_.card(card_id);
  if (!card) {
    report(card.error());
    return;
  }
  deck_id_ = card->deck;
  reader_.reset();
  refresh_decks();
  show_card(std::move(card).value());
  view_ = View::Study;
}

void AppState::open_reader(std::size_t citation_index) {
  if (!card_ || !revealed_ || citation_index >= card_->citations.size()) return;
  const Citation& citation = card_->citations[citation_index];
  Result<Source> source = collection_.source(card_->deck, citation.source);
  if (!source) {
    report(source.error());
    return;
  }
  ReaderContent content;
  content.card_id = card_->id;
  content.opening = ++reader_openings_;
  for (const Citation& c : card_->citations)
    if (c.source == citation.source) content.cited.push_back(ByteSpan{c.start, c.end});
  // The article's quotes come from the same extraction that made the cards.
  ExtractOptions options;
  options.want_facts = false;
  if (source->date.size() == 10) options.article_date = source->date;
  Result<Extraction> extraction = extract(source->text, options);
  if (extraction) {
    std::vector<SpeakerQuotes> by_speaker;
    SpeakerQuotes unattributed;
    for (Quote& q : extraction->quotes) {
      if (!q.speaker) {
        unattributed.quotes.push_back(std::move(q));
        continue;
      }
      auto it = std::find_if(by_speaker.begin(), by_speaker.end(),
                             [&](const SpeakerQuotes& s) { return s.speaker == *q.speaker; });
      if (it == by_speaker.end())
        it = by_speaker.insert(by_speaker.end(), SpeakerQuotes{*q.speaker, {}});
      it->quotes.push_back(std::move(q));
    }
    std::stable_sort(by_speaker.begin(), by_speaker.end(), [](const auto& a, const auto& b) {
      return a.quotes.size() > b.quotes.size();
    });
    if (!unattributed.quotes.empty()) by_speaker.push_back(std::move(unattributed));
    content.speakers = std::move(by_speaker);
  }
  content.source = std::move(source).value();
  reader_ = std::move(content);
  view_ = View::Reader;
}

void AppState::open_stats() {
  clear_error();
  Result<std::vector<Card>> cards = collection_.cards();
  if (!cards) {
    report(cards.error());
    return;
  }
  stats_log_.clear();
  stats_cards_.clear();
  for (const Card& card : *cards) {
    Result<CardMemory> memory = collection_.memory(card.id);
    Result<std::vector<ReviewRecord>> log = collection_.review_log(card.id);
    if (!memory || !log) {
      report(!memory ? memory.error() : log.error());
      return;
    }
    stats_cards_.push_back(*memory);
    for (const ReviewRecord& review : *log) {
      stats_log_.push_back(
          StatsReview{review.reviewed_at, review.rating, review.before.state, review.elapsed_days});
    }
  }
  view_ = View::Stats;
  set_stats_days(stats_days_);
}

void AppState::set_stats_days(int days) {
  stats_days_ = days;
  ReviewStatsOptions options;
  options.history_days = days;
  options.rollover_hour = collection_.options().rollover_hour;
  options.parameters = collection_.options().fsrs;
  review_stats_ = compute_review_stats(stats_log_, stats_cards_, clock_(), options);
}

void AppState::open_settings() {
  clear_error();
  settings_draft_ = collection_.options();
  learning_steps_draft_ = format_steps(settings_draft_.fsrs.learning_steps);
  relearning_steps_draft_ = format_steps(settings_draft_.fsrs.relearning_steps);
  settings_message_.clear();
  view_ = View::Settings;
  if (!workload_.busy()) start_workload();
}

bool AppState::save_settings() {
  StudyOptions options = collection_.options();
  options.fsrs.desired_retention = settings_draft_.fsrs.desired_retention;
  options.new_cards_per_day = settings_draft_.new_cards_per_day;
  options.reviews_per_day = settings_draft_.reviews_per_day;
  options.rollover_hour = settings_draft_.rollover_hour;
  options.leech_lapses = settings_draft_.leech_lapses;
  Result<std::vector<std::int64_t>> learning = parse_steps(learning_steps_draft_);
  if (!learning) return report(make_error("Learning steps: " + learning.error().message));
  Result<std::vector<std::int64_t>> relearning = parse_steps(relearning_steps_draft_);
  if (!relearning) return report(make_error("Relearning steps: " + relearning.error().message));
  options.fsrs.learning_steps = *learning;
  options.fsrs.relearning_steps = *relearning;
  if (Result<void> saved = collection_.save_options(options); !saved) return report(saved.error());
  settings_draft_ = collection_.options();
  learning_steps_draft_ = format_steps(settings_draft_.fsrs.learning_steps);
  relearning_steps_draft_ = format_steps(settings_draft_.fsrs.relearning_steps);
  settings_message_ = "Saved.";
  refresh_decks();
  return true;
}

void AppState::start_fit() {
  Result<std::vector<RevlogEntry>> log = export_revlog(collection_);
  if (!log) {
    report(log.error());
    return;
  }
  settings_message_.clear();
  fit_.start(std::move(log).value(), collection_.options().fsrs.w,
             collection_.options().rollover_hour);
}

void AppState::start_workload() {
  Result<std::vector<RevlogEntry>> log = export_revlog(collection_);
  if (!log) {
    report(log.error());
    return;
  }
  Result<std::vector<Card>> cards = collection_.cards();
  if (!cards) {
    report(cards.error());
    return;
  }
  workload_.start(std::move(log).value(), collection_.options(), static_cast<int>(cards->size()));
}

bool AppState::use_fitted_weights() {
  if (!fit_.result()) return report(make_error("no fitted parameters to use"));
  StudyOptions options = collection_.options();
  options.fsrs.w = fit_.result()->weights;
  if (Result<void> saved = collection_.save_options(options); !saved) return report(saved.error());
  settings_draft_.fsrs.w = options.fsrs.w;
  settings_message_ = "Fitted parameters saved: the scheduler uses them from the next answer.";
  fit_.clear();
  return true;
}

void AppState::open_builder() {
  clear_error();
  builder_saved_.clear();
  view_ = View::Builder;
}

bool AppState::save_builder() {
  BuilderDeck* deck = builder_.deck();
  if (deck == nullptr) return report(make_error("no deck is open in the Builder"));
  if (Result<void> saved = save_decisions(*deck); !saved) return report(saved.error());
  Result<BuildReport> built = collection_.build(deck->dir);
  if (!built) return report(built.error());
  builder_saved_ = "Saved deck.toml and built " + built->deck + ": " +
                   std::to_string(built->cards_total) + " cards";
  refresh_decks();
  return true;
}

void AppState::open_browse() {
  Result<std::vector<Card>> cards = collection_.cards();
  if (!cards) {
    report(cards.error());
    return;
  }
  std::vector<BrowseRow> rows;
  rows.reserve(cards->size());
  for (Card& card : *cards) {
    BrowseRow row;
    Result<CardMemory> memory = collection_.memory(card.id);
    Result<bool> suspended = collection_.is_suspended(card.id);
    if (!memory || !suspended) {
      report(!memory ? memory.error() : suspended.error());
      return;
    }
    row.state = memory->state;
    row.due = memory->due;
    row.suspended = *suspended;
    row.speaker = speaker_of(card);
    for (const Citation& c : card.citations) {
      if (row.sources.find(c.source) != std::string::npos) continue;
      if (!row.sources.empty()) row.sources += ", ";
      row.sources += c.source;
    }
    row.card = std::move(card);
    rows.push_back(std::move(row));
  }
  browse_rows_ = std::move(rows);
  browse_selection_.clear();
  card_.reset();
  reader_.reset();
  view_ = View::Browse;
}

std::vector<std::size_t> AppState::browse_matches() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < browse_rows_.size(); ++i)
    if (matches(browse_rows_[i], browse_filter_)) out.push_back(i);
  return out;
}

void AppState::set_selected_suspended(bool suspended) {
  for (BrowseRow& row : browse_rows_) {
    if (std::find(browse_selection_.begin(), browse_selection_.end(), row.card.id) ==
        browse_selection_.end())
      continue;
    Result<void> done =
        suspended ? collection_.suspend(row.card.id) : collection_.unsuspend(row.card.id);
    if (!done) {
      report(done.error());
      return;
    }
    row.suspended = suspended;
  }
}

void AppState::close_reader() {
  reader_.reset();
  view_ = card_ ? View::Study : View::DeckList;
}

std::optional<AnswerCheck> AppState::check_typed(const std::string& typed) {
  if (!card_) return std::nullopt;
  auto check = collection_.check_typed_answer(*card_, typed);
  if (!check) {
    report(check.error());
    return std::nullopt;
  }
  return *check;
}

}  // namespace citecard::gui
