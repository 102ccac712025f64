// (Re)learning steps and their text form.
#include <doctest/doctest.h>

#include "citecard/fsrs.hpp"

using namespace citecard;

namespace {
const Timestamp kNow = *parse_iso8601("2024-03-01T12:00:00Z");
constexpr Timestamp kMinute = 60;
}  // namespace

TEST_CASE("parse_steps reads s, m, h and d units into seconds") {
  CHECK(*parse_steps("1m,10m") == std::vector<std::int64_t>{60, 600});
  CHECK(*parse_steps("30s, 1h ,1d") == std::vector<std::int64_t>{30, 3600, 86400});
  CHECK(parse_steps("")->empty());
  CHECK(parse_steps("none")->empty());
}

TEST_CASE("parse_steps rejects steps without a unit, fractions and empty items") {
  CHECK_FALSE(parse_steps("10").ok());
  CHECK_FALSE(parse_steps("1.5m").ok());
  CHECK_FALSE(parse_steps("1m,,10m").ok());
  CHECK_FALSE(parse_steps("-1m").ok());
  CHECK(parse_steps("5x").error().message.find("5x") != std::string::npos);
}

TEST_CASE("with a single learning step Hard waits 1.5 times it and Good graduates") {
  FsrsParameters parameters;
  parameters.learning_steps = {5 * kMinute};
  const Scheduler scheduler(parameters);
  const auto next = scheduler.preview(new_card_memory(kNow), kNow);
  CHECK(next[1].due == kNow + 8 * kMinute);  // 7.5 minutes, rounded up
  CHECK(next[1].state == CardState::Learning);
  CHECK(next[2].state == CardState::Review);
  CHECK(next[2].scheduled_days >= 1);
}

TEST_CASE("a learning step of a day or more moves the card to review but keeps the step") {
  FsrsParameters parameters;
  parameters.learning_steps = {kMinute, 10 * kMinute, kSecondsPerDay};
  const Scheduler scheduler(parameters);
  auto card = scheduler.next(new_card_memory(kNow), kNow, Rating::Good);
  card = scheduler.next(card, card.due, Rating::Good);
  CHECK(card.state == CardState::Review);
  CHECK(card.learning_steps == 2);
  CHECK(card.scheduled_days == 1);
  CHECK(card.due == kNow + 10 * kMinute + kSecondsPerDay);
}

TEST_CASE("without relearning steps a lapse goes straight back to review") {
  FsrsParameters parameters;
  parameters.relearning_steps = {};
  const Scheduler scheduler(parameters);
  auto card = scheduler.next(new_card_memory(kNow), kNow, Rating::Easy);
  card = scheduler.next(card, card.due, Rating::Again);
  CHECK(card.state == CardState::Review);
  CHECK(card.lapses == 1);
  CHECK(card.scheduled_days >= 1);
}

TEST_CASE("relearning Good advances through the relearning steps, then graduates") {
  FsrsParameters parameters;
  parameters.relearning_steps = {10 * kMinute, 60 * kMinute};
  const Scheduler scheduler(parameters);
  auto card = scheduler.next(new_card_memory(kNow), kNow, Rating::Easy);
  card = scheduler.next(card, card.due, Rating::Again);
  CHECK(card.state == CardState::Relearning);
  const Timestamp lapse_time = card.due - 10 * kMinute;
  card = scheduler.next(card, card.due, Rating::Good);
  CHECK(card.state == CardState::Relearning);
  CHECK(card.learning_steps == 1);
  CHECK(card.due == lapse_time + 10 * kMinute + 60 * kMinute);
  card = scheduler.next(card, card.due, Rating::Hard);  // Hard: mean of the first two, 35m
  CHECK(card.learning_steps == 1);
  CHECK(card.due == lapse_time + 70 * kMinute + 35 * kMinute);
  card = scheduler.next(card, card.due, Rating::Good);
  CHECK(card.state == CardState::Review);
}

TEST_CASE("sub-minute steps are kept to the second") {
  FsrsParameters parameters;
  parameters.learning_steps = {30, 90};
  const Scheduler scheduler(parameters);
  const auto next = scheduler.preview(new_card_memory(kNow), kNow);
  CHECK(next[0].due == kNow + 30);
  CHECK(next[1].due == kNow + 60);
  CHECK(next[2].due == kNow + 90);
}
