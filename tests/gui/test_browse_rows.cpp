// Browse's filter: which cards a search shows.
#include <doctest/doctest.h>

#include "browse_rows.hpp"

namespace citecard::gui {
namespace {

BrowseRow row(const std::string& type, const std::string& prompt, const std::string& answer,
              const std::string& source, const std::string& cited) {
  BrowseRow r;
  r.card.id = "c-" + prompt;
  r.card.type = type;
  r.card.prompt = prompt;
  r.card.answer = answer;
  r.card.citations.push_back(Citation{source, "", "", "", 0, 0, cited});
  r.speaker = speaker_of(r.card);
  return r;
}

// A filter on one field alone.
BrowseFilter by(std::string BrowseFilter::*field, const std::string& value) {
  BrowseFilter f;
  f.*field = value;
  return f;
}

const BrowseRow kWhoSaid = row(card_type::kWhoSaid, "Who said this?\n\"We will appeal,\"",
                               "Sam Ode", "news", "\"We will appeal,\" said Sam Ode");
const BrowseRow kFact = row(card_type::kFactCloze, "The council approved a ___ budget.",
                            "$2 million", "daily", "The council approved a $2 million budget.");

TEST_CASE("An empty filter shows every card") {
  CHECK(matches(kWhoSaid, {}));
  CHECK(matches(kFact, {}));
}

TEST_CASE("Text matches the prompt, answer or cited words, whatever the case") {
  CHECK(matches(kWhoSaid, by(&BrowseFilter::text, "APPEAL")));
  CHECK(matches(kFact, by(&BrowseFilter::text, "$2 mill")));
  CHECK(matches(kWhoSaid, by(&BrowseFilter::text, "said sam")));  // only in the citation
  CHECK_FALSE(matches(kFact, by(&BrowseFilter::text, "appeal")));
}

TEST_CASE("Speaker, source and type narrow the cards down") {
  CHECK(kWhoSaid.speaker == "Sam Ode");
  CHECK(kFact.speaker.empty());
  CHECK(matches(kWhoSaid, by(&BrowseFilter::speaker, "ode")));
  CHECK_FALSE(matches(kFact, by(&BrowseFilter::speaker, "ode")));
  CHECK(matches(kFact, by(&BrowseFilter::source, "daily")));
  CHECK_FALSE(matches(kWhoSaid, by(&BrowseFilter::source, "daily")));
  CHECK(matches(kFact, by(&BrowseFilter::type, card_type::kFactCloze)));
  CHECK_FALSE(matches(kWhoSaid, by(&BrowseFilter::type, card_type::kFactCloze)));
}

TEST_CASE("State matches the scheduling state, and suspended cards by themselves") {
  BrowseRow review = kFact;
  review.state = CardState::Review;
  CHECK(matches(review, by(&BrowseFilter::state, "review")));
  CHECK_FALSE(matches(review, by(&BrowseFilter::state, "new")));
  CHECK_FALSE(matches(review, by(&BrowseFilter::state, "suspended")));
  review.suspended = true;
  CHECK(matches(review, by(&BrowseFilter::state, "suspended")));
}

}  // namespace
}  // namespace citecard::gui
