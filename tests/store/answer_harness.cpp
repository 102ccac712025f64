// Answers cards through the engine as fast as it can, for the crash and concurrency tests.
// Each answer is announced on stdout before it is given ("try CARD TIME") and acknowledged only
// after its transaction has committed ("ack CARD TIME"), so a test that kills this process knows
// which answers the engine promised to keep. Lines go straight to the file descriptor: nothing
// the kernel has been given is lost when the process is killed.
//
//   answer_harness DB START SEED                    study: next_card, answer, forever
//   answer_harness DB START SEED --cards K/N --seconds S
//                         answer every Nth card (from the Kth) round-robin for S seconds
//
// START is the first answer's time (Unix seconds); each answer is one second after the previous,
// so (card, time) names an answer uniquely. A collection setting --durable on is honoured.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "citecard/collection.hpp"

namespace {

void say(const std::string& line) {
  const std::string out = line + "\n";
  std::size_t written = 0;
  while (written < out.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, out.data() + written, out.size() - written);
    if (n <= 0) std::exit(3);
    written += static_cast<std::size_t>(n);
  }
}

[[noreturn]] void die(const std::string& message) {
  say("error " + message);
  std::exit(2);
}

// Mostly Good, as a learner's ratings are; Again only in study mode, where a suspended leech is
// simply not offered again.
citecard::Rating pick(std::mt19937_64& rng, bool allow_again) {
  const int roll = static_cast<int>(rng() % 10);
  if (allow_again && roll == 0) return citecard::Rating::Again;
  if (roll == 1) return citecard::Rating::Hard;
  if (roll == 2) return citecard::Rating::Easy;
  return citecard::Rating::Good;
}

void answer(citecard::Collection& collection, const std::string& card, citecard::Rating rating,
            citecard::Timestamp now) {
  const std::string what = card + " " + std::to_string(now);
  say("try " + what);
  if (auto r = collection.answer(card, rating, now, 1000); !r) die(r.error().message);
  say("ack " + what);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 8) {
    std::fprintf(stderr, "usage: %s DB START SEED [--cards K/N --seconds S]\n", argv[0]);
    return 64;
  }
  auto opened = citecard::Collection::open(argv[1], {}, citecard::OpenMode::MustExist);
  if (!opened) die(opened.error().message);
  citecard::Collection& collection = *opened;
  citecard::Timestamp now = std::atoll(argv[2]);
  std::mt19937_64 rng(std::strtoull(argv[3], nullptr, 10));
  say("ready");

  if (argc == 4) {
    for (;;) {
      auto next = collection.next_card("", now);
      if (!next) die(next.error().message);
      if (!*next) {
        now += 3600;  // nothing due: an hour later, learning steps and new days come round
        continue;
      }
      answer(collection, (*next)->id, pick(rng, true), now++);
    }
  }

  int share = 0, shares = 1;
  if (std::sscanf(argv[5], "%d/%d", &share, &shares) != 2 || shares < 1) die("bad --cards");
  auto cards = collection.cards();
  if (!cards) die(cards.error().message);
  std::vector<std::string> mine;
  for (std::size_t i = 0; i < cards->size(); ++i)
    if (static_cast<int>(i % static_cast<std::size_t>(shares)) == share)
      mine.push_back((*cards)[i].id);
  if (mine.empty()) die("no cards in this share");
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[7]));
  for (std::size_t i = 0; std::chrono::steady_clock::now() < until; ++i)
    answer(collection, mine[i % mine.size()], pick(rng, false), now++);
  say("done");
  return 0;
}
