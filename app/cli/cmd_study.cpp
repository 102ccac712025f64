// citecard study — a study session in the terminal. Works with a pipe on stdin, so sessions can
// be scripted: one line per answer, `q` to quit, end of input ends the session.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <map>
#include <optional>

#include "card_printer.hpp"
#include "citecard/answer_check.hpp"
#include "citecard/safe_text.hpp"
#include "commands.hpp"
#include "now_option.hpp"

namespace citecard::cli {
namespace {

using Clock = std::chrono::steady_clock;

// A session clock: starts at --now (or the real time) and advances with real time, so learning
// steps come due during a scripted session just as they would in a real one.
class SessionClock {
 public:
  explicit SessionClock(Timestamp start) : start_(start), began_(Clock::now()) {}
  Timestamp now() const {
    return start_ + std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - began_).count();
  }

 private:
  Timestamp start_;
  Clock::time_point began_;
};

std::optional<std::string> read_line(const char* prompt) {
  fmt::print("{}", prompt);
  std::fflush(stdout);
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  while (!line.empty() && line.front() == ' ') line.erase(line.begin());
  return line;
}

const char* rating_name(Rating rating) {
  switch (rating) {
    case Rating::Again:
      return "Again";
    case Rating::Hard:
      return "Hard";
    case Rating::Good:
      return "Good";
    case Rating::Easy:
      break;
  }
  return "Easy";
}

enum class Step { Next, Quit, Undo, Suspended };

// A typed answer to a free-recall card: the verdict, and the rating it suggests.
Rating report_typed_answer(const Collection& collection, const std::string& typed,
                           const Card& card) {
  const AnswerCheck check = value_or_fail(collection.check_typed_answer(card, typed));
  switch (check.verdict) {
    case Verdict::Correct:
      fmt::print("✓ Correct{}\n", check.detail.empty() ? "." : " — " + terminal_safe(check.detail));
      break;
    case Verdict::Close:
      fmt::print("≈ Close: {}\n", terminal_safe(check.detail));
      break;
    case Verdict::Wrong:
      fmt::print("✗ Wrong{}\n", check.detail.empty() ? "." : ": " + terminal_safe(check.detail));
      break;
  }
  return check.suggested;
}

// What is left today in the session's deck (or every deck), limits applied.
void print_remaining(const Collection& collection, const std::string& deck, Timestamp now) {
  int fresh = 0, learning = 0, review = 0;
  for (const auto& d : value_or_fail(collection.decks(now))) {
    if (!deck.empty() && d.id != deck) continue;
    fresh += d.new_available;
    learning += d.learning_due;
    review += d.review_due;
  }
  fmt::print("Left today: {} new · {} learning · {} review\n", fresh, learning, review);
}

Step study_one(Collection& collection, const Card& card, const SessionClock& clock, int number,
               const std::string& deck) {
  const auto shown_at = Clock::now();
  print_card_front(card, fmt::format("Card {}", number));
  print_remaining(collection, deck, clock.now());

  std::optional<Rating> suggested;
  const char* ask = card.choices.empty()
                        ? "Type your answer, or press Enter to show it (q quits): "
                        : "Pick a letter, or press Enter to show the answer (q quits): ";
  for (;;) {
    auto line = read_line(ask);
    if (!line || *line == "q") return Step::Quit;
    if (line->empty()) break;
    if (card.choices.empty()) {
      suggested = report_typed_answer(collection, *line, card);
      break;
    }
    if (!card.choices.empty() && line->size() == 1) {
      const std::size_t pick = static_cast<std::size_t>(std::tolower((*line)[0]) - 'a');
      if (pick < card.choices.size()) {
        const bool right = card.choices[pick] == card.answer;
        if (right)
          fmt::print("✓ Right.\n");
        else
          fmt::print("✗ Not quite: you picked {}.\n", terminal_safe(card.choices[pick]));
        suggested = right ? Rating::Good : Rating::Again;
        break;
      }
    }
    fmt::print("Please type one of the letters shown, or press Enter.\n");
  }
  print_card_back(card);

  const Timestamp now = clock.now();
  const auto next = value_or_fail(collection.preview(card.id, now));
  std::string buttons;
  for (int r = 1; r <= 4; ++r) {
    buttons +=
        fmt::format("{}{} {} ({})", r == 1 ? "" : " · ", r, rating_name(static_cast<Rating>(r)),
                    format_interval(next[static_cast<std::size_t>(r - 1)].due - now));
  }
  fmt::print("{}\n", buttons);
  const std::string ask_rating =
      suggested ? fmt::format(
                      "Rate 1–4, Enter for {} ({}) (u undoes the last answer, s suspends, "
                      "q quits): ",
                      static_cast<int>(*suggested), rating_name(*suggested))
                : std::string("Rate 1–4 (u undoes the last answer, s suspends, q quits): ");
  for (;;) {
    auto line = read_line(ask_rating.c_str());
    if (!line || *line == "q") return Step::Quit;
    if (*line == "u") return Step::Undo;
    if (*line == "s") {
      value_or_fail(collection.suspend(card.id));
      fmt::print("Suspended: this card will not come back until you unsuspend it.\n");
      return Step::Suspended;
    }
    std::optional<Rating> rating;
    if (line->empty() && suggested) rating = suggested;
    if (line->size() == 1 && (*line)[0] >= '1' && (*line)[0] <= '4')
      rating = static_cast<Rating>((*line)[0] - '0');
    if (!rating) {
      fmt::print("Please type 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).\n");
      continue;
    }
    const auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - shown_at).count();
    const CardMemory after = value_or_fail(collection.answer(card.id, *rating, clock.now(), took));
    fmt::print("Next in {}.\n", format_interval(after.due - clock.now()));
    return Step::Next;
  }
}

}  // namespace

void add_study_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string deck;
    std::string now;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "study", "Study due cards in the terminal: answer, see the citation, rate 1–4; q quits");
  command->add_option("--deck", options->deck, "Only this deck (by id); default: every deck");
  add_db_option(*command, options->db);
  add_now_option(*command, options->now);
  command->callback([options] {
    Collection collection = open_collection_or_fail(options->db, Access::Write);
    const SessionClock clock(now_or_fail(options->now));
    // A mistyped deck is named before anything is printed, not studied as "nothing due".
    if (!options->deck.empty()) value_or_fail(collection.next_card(options->deck, clock.now()));
    const auto start = value_or_fail(collection.stats(clock.now()));
    fmt::print("{} due today ({} new, {} learning, {} review).\n", start.due_today,
               start.new_available, start.learning, start.review);
    int studied = 0;
    for (;;) {
      const auto next = value_or_fail(collection.next_card(options->deck, clock.now()));
      if (!next) {
        fmt::print("\nNothing more is due today. You answered {} card{}.\n", studied,
                   studied == 1 ? "" : "s");
        return;
      }
      const Step step = study_one(collection, *next, clock, studied + 1, options->deck);
      if (step == Step::Quit) {
        fmt::print("\nSession ended. You answered {} card{}.\n", studied, studied == 1 ? "" : "s");
        return;
      }
      if (step == Step::Undo) {
        const auto undone = value_or_fail(collection.undo_last_answer());
        if (!undone) {
          fmt::print("There is no answer to take back.\n");
        } else {
          fmt::print("Took back '{}' on the previous card; it is {} again.\n",
                     to_string(undone->rating), to_string(undone->before.state));
          if (studied > 0) --studied;
        }
        continue;
      }
      if (step == Step::Next) ++studied;
    }
  });
}

}  // namespace citecard::cli
