// The speaker model on small invented examples: each family of cues it weighs is present where a
// reader would see it (and absent where not), and on the cases the reporter's cue alone gets wrong
// the model's choice is the one a reader makes.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "citecard/extract.hpp"
#include "extract/attribution.hpp"
#include "extraction_helpers.hpp"

using namespace citecard;
using namespace citecard::test;
using citecard::extract_detail::SpeakerTrace;

namespace {

// The choice traced for the quote that opens with `prefix`.
const SpeakerTrace& choice_for(const std::vector<SpeakerTrace>& traces, const std::string& text,
                               const std::string& prefix) {
  const std::size_t at = text.find(prefix);
  REQUIRE(at != std::string::npos);
  for (const SpeakerTrace& t : traces)
    if (static_cast<std::size_t>(t.quote_start) == at) return t;
  FAIL("no speaker choice traced for " << prefix);
  return traces.front();
}

// The cues of the candidate standing for `name` ("" for nobody).
std::vector<std::string> cues_of(const SpeakerTrace& t, const std::string& name) {
  for (const auto& [who, cues] : t.candidates)
    if (who == name) return cues;
  FAIL("no candidate " << name);
  return {};
}

bool has(const std::vector<std::string>& cues, const std::string& cue) {
  return std::find(cues.begin(), cues.end(), cue) != cues.end();
}

}  // namespace

TEST_CASE("speaker model: the rules' answer is a candidate with the rule and mention as cues") {
  const std::string text =
      "\"We will rebuild the pier by spring,\" said Marta Olsen, the harbour master.\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "We will rebuild");
  const auto cues = cues_of(t, "Marta Olsen");
  CHECK(has(cues, "rules_pick"));
  CHECK(has(cues, "rules_pick&rule=said_after"));
  CHECK(has(cues, "rules_pick&mention=full_name"));
  CHECK(t.chosen == 0);
}

TEST_CASE(
    "speaker model: \"nobody\" is always the last candidate, with the rule it stands against") {
  const std::string text = "The council called the plan \"a bridge too far for this town\".\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  REQUIRE_FALSE(traces.empty());
  const SpeakerTrace& t = traces.front();
  REQUIRE_FALSE(t.candidates.empty());
  CHECK(t.candidates.back().first.empty());
  CHECK(has(t.candidates.back().second, "nobody"));
}

TEST_CASE("speaker model: where a candidate is named relative to the quote is a cue") {
  const std::string text =
      "Pavel Dunn runs the ferry. Marta Olsen runs the harbour.\n\n"
      "Olsen told reporters on Monday: \"The boats are all safe now and the pier will hold.\"\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "The boats");
  CHECK(has(cues_of(t, "Marta Olsen"), "named_before_in_sentence"));
  CHECK(has(cues_of(t, "Pavel Dunn"), "paragraphs_back=1"));
  CHECK_FALSE(has(cues_of(t, "Pavel Dunn"), "named_before_in_sentence"));
}

TEST_CASE("speaker model: the subject of a speech verb in the quote's sentence is a cue") {
  const std::string text =
      "Pavel Dunn sat beside her as Marta Olsen said the harbour would open, \"come what may "
      "with the weather this week\".\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "come what may");
  CHECK(has(cues_of(t, "Marta Olsen"), "speaks_in_sentence"));
  CHECK_FALSE(has(cues_of(t, "Pavel Dunn"), "speaks_in_sentence"));
}

TEST_CASE("speaker model: who was last reported speaking is a cue, latest first") {
  const std::string text =
      "Pavel Dunn said the ferry would run. Marta Olsen said the harbour would open.\n\n"
      "\"Nobody should sail before the storm has passed over the islands.\"\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "Nobody should");
  CHECK(has(cues_of(t, "Marta Olsen"), "recent_speaker=0"));
  CHECK(has(cues_of(t, "Pavel Dunn"), "recent_speaker=1"));
}

TEST_CASE("speaker model: a person the sentence speaks about is marked as such, and not chosen") {
  const std::string text =
      "Robin Marsh has run the campaign since May.\n\n"
      "In a memo on Alan Pike, \"a careless thing to have done in public,\" Marsh wrote.\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "a careless thing");
  CHECK(has(cues_of(t, "Alan Pike"), "object_of_preposition"));
  CHECK_FALSE(has(cues_of(t, "Robin Marsh"), "object_of_preposition"));
  const auto x = extracted(text);
  CHECK(quote_starting(x, "a careless thing").speaker == "Robin Marsh");
}

TEST_CASE("speaker model: an organisation is a relay when a person speaks in the sentence") {
  const std::string text =
      "The Harbour Authority reported that Marta Olsen said: \"The pier will stay closed until "
      "the divers have checked it.\"\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "The pier will");
  CHECK(has(cues_of(t, "Harbour Authority"), "organisation&person_speaks"));
  CHECK_FALSE(has(cues_of(t, "Marta Olsen"), "organisation&person_speaks"));
  CHECK(quote_starting(extracted(text), "The pier will").speaker == "Marta Olsen");
}

TEST_CASE("speaker model: a reporter's \"she\" agrees with a woman and not with a man") {
  const std::string text =
      "Mrs. Marta Olsen met Mr. Pavel Dunn at the quay.\n\n"
      "\"We will need a bigger pier before the summer comes,\" she said.\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "We will need");
  CHECK(has(cues_of(t, "Marta Olsen"), "pronoun&gender_agrees"));
  CHECK(has(cues_of(t, "Pavel Dunn"), "pronoun&gender_differs"));
  CHECK(quote_starting(extracted(text), "We will need").speaker == "Marta Olsen");
}

TEST_CASE("speaker model: its share of belief is the quote's evidence and feeds the confidence") {
  const auto x =
      extracted("\"We will rebuild the pier by spring,\" said Marta Olsen, the harbour master.\n");
  const Quote& q = quote_starting(x, "We will rebuild");
  CHECK(q.evidence.speaker_share > 0.5);
  CHECK(q.evidence.speaker_share <= 1.0);
  bool share_cue = false;
  for (const auto& [name, value] : attribution_features(q))
    share_cue |= name.rfind("speaker_share=", 0) == 0 && value == 1.0;
  CHECK(share_cue);
}

TEST_CASE("speaker model: a group the reporter names as speaking is kept over a name before it") {
  const std::string text =
      "Robin Marsh explains what the council wants and why some analysts say the plan is \"a "
      "bridge too far for a town this size.\"\n";
  const auto traces = extract_detail::trace_speaker_choices(text);
  const SpeakerTrace& t = choice_for(traces, text, "a bridge too far");
  REQUIRE_FALSE(t.candidates.empty());
  CHECK(has(t.candidates.front().second, "rules_pick&group_noun&rule=said_before"));
  CHECK(has(cues_of(t, "Robin Marsh"), "named_before_in_sentence&against_rule=said_before"));
  CHECK(quote_starting(extracted(text), "a bridge too far").speaker == "some analysts");
}
