// With --settings, prints the collection's study options instead.
// Prints a collection's whole review log through the engine, one line per answer
// ("CARD RATING DURATION_MS"), then "reviews: N", then "suspended: N" and the suspended cards'
// ids, then "buried: N" and the ids of cards buried now. Tests compare it before and after running
// the app, to see exactly what the app wrote.
#include <cstdio>
#include <string>

#include "citecard/collection.hpp"

int main(int argc, char** argv) {
  const bool settings = argc == 3 && std::string(argv[1]) == "--settings";
  if (argc != 2 && !settings) {
    std::fprintf(stderr, "usage: citecard_review_log_dump [--settings] COLLECTION.db\n");
    return 2;
  }
  auto collection = citecard::Collection::open(argv[argc - 1]);
  if (!collection) {
    std::fprintf(stderr, "%s\n", collection.error().message.c_str());
    return 1;
  }
  if (settings) {
    // The study options the collection keeps, as the app saves them.
    const citecard::StudyOptions& options = collection->options();
    std::printf("learning_steps: %s\n",
                citecard::format_steps(options.fsrs.learning_steps).c_str());
    std::printf("relearning_steps: %s\n",
                citecard::format_steps(options.fsrs.relearning_steps).c_str());
    std::printf("rollover_hour: %d\n", options.rollover_hour);
    return 0;
  }
  auto cards = collection->cards();
  if (!cards) {
    std::fprintf(stderr, "%s\n", cards.error().message.c_str());
    return 1;
  }
  int reviews = 0;
  for (const citecard::Card& card : *cards) {
    auto log = collection->review_log(card.id);
    if (!log) {
      std::fprintf(stderr, "%s\n", log.error().message.c_str());
      return 1;
    }
    for (const citecard::ReviewRecord& record : *log) {
      std::printf("%s %s %lld\n", record.card.c_str(), citecard::to_string(record.rating),
                  static_cast<long long>(record.duration_ms));
      ++reviews;
    }
  }
  std::printf("reviews: %d\n", reviews);
  std::string suspended;
  int suspended_count = 0;
  for (const citecard::Card& card : *cards) {
    auto is = collection->is_suspended(card.id);
    if (!is) {
      std::fprintf(stderr, "%s\n", is.error().message.c_str());
      return 1;
    }
    if (*is) {
      suspended += " " + card.id;
      ++suspended_count;
    }
  }
  std::printf("suspended: %d%s\n", suspended_count, suspended.c_str());
  std::string buried;
  int buried_count = 0;
  const citecard::Timestamp now = citecard::now_utc();
  for (const citecard::Card& card : *cards) {
    auto is = collection->is_buried(card.id, now);
    if (!is) {
      std::fprintf(stderr, "%s\n", is.error().message.c_str());
      return 1;
    }
    if (*is) {
      buried += " " + card.id;
      ++buried_count;
    }
  }
  std::printf("buried: %d%s\n", buried_count, buried.c_str());
  return 0;
}
