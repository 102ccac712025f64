#include "deck/study_order.hpp"

#include <deque>
#include <map>
#include <string>

namespace citecard::deck {
namespace {

// Round-robin over groups (in order of first appearance), each group keeping its order.
template <class Key>
std::vector<Card> round_robin(std::vector<Card> cards, Key key) {
  std::vector<std::string> order;
  std::map<std::string, std::deque<Card>> groups;
  for (auto& card : cards) {
    const std::string k = key(card);
    if (!groups.count(k)) order.push_back(k);
    groups[k].push_back(std::move(card));
  }
  std::vector<Card> out;
  while (out.size() < cards.size()) {
    for (const auto& k : order) {
      auto& group = groups[k];
      if (group.empty()) continue;
      out.push_back(std::move(group.front()));
      group.pop_front();
    }
  }
  return out;
}

std::string first_source(const Card& card) {
  return card.citations.empty() ? std::string() : card.citations.front().source;
}

}  // namespace

void interleave_for_study(std::vector<Card>& cards) {
  std::map<std::string, std::vector<Card>> by_type;
  std::vector<std::string> types;
  for (auto& card : cards) {
    if (!by_type.count(card.type)) types.push_back(card.type);
    by_type[card.type].push_back(std::move(card));
  }
  std::vector<Card> spread;
  for (const auto& type : types)
    for (auto& card : round_robin(std::move(by_type[type]), first_source))
      spread.push_back(std::move(card));
  spread = round_robin(std::move(spread), [](const Card& c) { return c.type; });

  // Siblings apart: take the first waiting card whose note is not among the last few placed.
  std::deque<Card> waiting(std::make_move_iterator(spread.begin()),
                           std::make_move_iterator(spread.end()));
  cards.clear();
  while (!waiting.empty()) {
    auto pick = waiting.begin();
    for (auto it = waiting.begin(); it != waiting.end(); ++it) {
      bool near = false;
      for (std::size_t back = 1; back <= kSiblingGap && back <= cards.size(); ++back)
        near |= cards[cards.size() - back].note == it->note;
      if (!near) {
        pick = it;
        break;
      }
    }
    cards.push_back(std::move(*pick));
    waiting.erase(pick);
  }
}

}  // namespace citecard::deck
