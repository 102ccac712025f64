// Each attribution rule on a small invented example: the speaker it finds, the rule and the form
// of the mention it reports as evidence, and how the confidence ranks them.
#include <doctest/doctest.h>

#include <string>

#include "citecard/extract.hpp"
#include "extraction_helpers.hpp"

using namespace citecard;

using namespace citecard::test;

TEST_CASE("evidence: \"…,\" said X names the speaker after the quote (said_after, full name)") {
  const auto x =
      extracted("\"We will rebuild the pier by spring,\" said Marta Olsen, the harbour master.\n");
  const Quote& q = quote_starting(x, "We will rebuild");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "said_after");
  CHECK(q.evidence.mention == "full_name");
}

TEST_CASE("evidence: \"…,\" X said with a family name resolves to the full name (subject_after)") {
  const auto x = extracted(
      "Marta Olsen runs the harbour at Kelby.\n\n"
      "\"The tide was higher than anyone here expected,\" Olsen said.\n");
  const Quote& q = quote_starting(x, "The tide");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "subject_after");
  CHECK(q.evidence.mention == "short_name");
}

TEST_CASE("evidence: X told reporters: \"…\" names the speaker before the quote (said_before)") {
  const auto x =
      extracted("Harbour master Marta Olsen told reporters: \"The boats are all safe now.\"\n");
  const Quote& q = quote_starting(x, "The boats");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "said_before");
}

TEST_CASE(
    "evidence: a second quote of the paragraph keeps the first one's speaker "
    "(same_paragraph)") {
  const auto x = extracted(
      "\"We lost two boats,\" said Marta Olsen. \"The rest rode out the storm at anchor.\"\n");
  const Quote& q = quote_starting(x, "The rest");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "same_paragraph");
}

TEST_CASE("evidence: a quote left open at a paragraph's end continues in the next (open_quote)") {
  const auto x = extracted(
      "\"We lost two boats and a shed,\" said Marta Olsen. \"The rest rode out the storm.\n\n"
      "\"By morning the wind had dropped and we could count the damage.\"\n");
  const Quote& q = quote_starting(x, "By morning");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "open_quote");
}

TEST_CASE("evidence: a paragraph ending in a colon introduces the quoted paragraph (colon_intro)") {
  const auto x = extracted(
      "The storm reached Kelby after dark. Marta Olsen described the night:\n\n"
      "\"We heard the wind long before we saw the water come over the wall.\"\n");
  const Quote& q = quote_starting(x, "We heard");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "colon_intro");
}

TEST_CASE("evidence: a whole quote with no cue goes to the speaker just before (recent_speaker)") {
  const auto x = extracted(
      "Marta Olsen said the town would ask the county for help with the repairs.\n\n"
      "\"We cannot pay for a new sea wall on our own, not after this winter.\"\n");
  const Quote& q = quote_starting(x, "We cannot");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "recent_speaker");
}

TEST_CASE("evidence: \"she said\" resolves to the woman named before (pronoun)") {
  const auto x = extracted(
      "Marta Olsen has worked at the harbour for twenty years.\n\n"
      "\"I have never seen water this high,\" she said.\n");
  const Quote& q = quote_starting(x, "I have never");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.mention == "pronoun");
}

TEST_CASE("evidence: \"the mayor said\" resolves to the person given that role (role)") {
  const auto x = extracted(
      "Marta Olsen, the mayor of Kelby, met the fishermen on Tuesday.\n\n"
      "\"Nobody goes out until the wall is checked,\" the mayor said.\n");
  const Quote& q = quote_starting(x, "Nobody goes");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.mention == "role");
}

TEST_CASE("a middle initial stays inside the name it belongs to") {
  const auto x = extracted("\"The vote is close,\" said Donald J. Trump on Tuesday.\n");
  CHECK(quote_starting(x, "The vote").speaker == "Donald J. Trump");
}

TEST_CASE("confidence: a quote with its own cue and full name is surer than one carried over") {
  const auto x = extracted(
      "\"We will rebuild the pier by spring,\" said Marta Olsen, the harbour master.\n\n"
      "Tom Berg and Ivan Holm said the fishermen would help with the work.\n\n"
      "\"Nobody here has ever seen a winter like this one, not even the oldest.\"\n");
  const Quote& sure = quote_starting(x, "We will rebuild");
  const Quote& carried = quote_starting(x, "Nobody here");
  CHECK(sure.confidence > carried.confidence);
  CHECK(sure.confidence > 0.5);
  CHECK(sure.confidence <= 1.0);
  CHECK(carried.confidence >= 0.0);
}

TEST_CASE("confidence: a quote without a speaker has confidence 0 and rule none") {
  const auto x =
      extracted("The sign on the door read \"Closed until further notice, by order\".\n");
  for (const auto& q : x.quotes) {
    if (q.speaker) continue;
    CHECK(q.confidence == 0.0);
    CHECK(q.evidence.rule == "none");
  }
}

TEST_CASE("the features behind a confidence name the rule and the mention form") {
  const auto x = extracted("\"We will rebuild the pier by spring,\" said Marta Olsen.\n");
  const auto features = attribution_features(quote_starting(x, "We will rebuild"));
  bool rule = false, mention = false;
  for (const auto& [name, value] : features) {
    rule |= name == "rule=said_after" && value == 1.0;
    mention |= name == "mention=full_name" && value == 1.0;
  }
  CHECK(rule);
  CHECK(mention);
}

TEST_CASE(
    "pronoun: \"he told reporters\" goes to the man just named as subject, not the earlier "
    "speaker") {
  const auto x = extracted(
      "\"The audit found no missing funds,\" said Tomas Ferreira, the council's treasurer.\n\n"
      "Speaking at the town hall, harbour chief Pavel Novak rejected the audit's findings. The "
      "numbers were wrong, he told reporters. \"Nobody here believes this report.\"\n");
  const Quote& q = quote_starting(x, "Nobody here");
  CHECK(q.speaker == "Pavel Novak");
  CHECK(q.evidence.mention == "pronoun");
}

TEST_CASE("pronoun: the ranker's share is 1 with one candidate and lower with two") {
  const auto alone =
      extracted("Marta Olsen runs the harbour.\n\n\"We lost two boats in the night,\" she said.\n");
  CHECK(quote_starting(alone, "We lost").evidence.resolution_share == doctest::Approx(1.0));
  const auto two = extracted(
      "Marta Olsen and Ingrid Dahl met the fishermen on Monday.\n\n"
      "\"We lost two boats in the night,\" she said.\n");
  const Quote& q = quote_starting(two, "We lost");
  CHECK(q.evidence.mention == "pronoun");
  CHECK(q.evidence.resolution_share < 0.95);
  CHECK(q.evidence.resolution_share > 0.0);
}

TEST_CASE("a person's name before \"of\" heads the speaker phrase, not the institution after it") {
  const auto x = extracted(
      "\"Rents will keep rising this year,\" said Lena Marsh of the Northfield Housing "
      "Institute.\n");
  const Quote& q = quote_starting(x, "Rents will");
  CHECK(q.speaker == "Lena Marsh");
}

TEST_CASE("a family name goes to the person, not to a place or headline that starts with it") {
  const auto x = extracted(
      "Crowds gathered outside Halvorsen Tower on Tuesday. Halvorsen Tower opened in 1998.\n\n"
      "Developer Erik Halvorsen spoke to the crowd.\n\n"
      "\"This building will stand for another hundred years,\" Halvorsen said.\n");
  const Quote& q = quote_starting(x, "This building");
  CHECK(q.speaker == "Erik Halvorsen");
}

TEST_CASE("a colon before the quote hands it to the sentence's subject (colon_before)") {
  const auto x = extracted(
      "Harbour master Marta Olsen had a blunt message for the shipping firms: \"Slow down in the "
      "channel or lose your licence.\"\n");
  const Quote& q = quote_starting(x, "Slow down");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "colon_before");
}

TEST_CASE("a name alone before a colon is the speaker of a transcript line (colon_before)") {
  const auto x = extracted(
      "The council met on Monday.\n\nMarta Olsen: \"We cannot wait another winter for the "
      "breakwater.\"\n");
  const Quote& q = quote_starting(x, "We cannot");
  CHECK(q.speaker == "Marta Olsen");
  CHECK(q.evidence.rule == "colon_before");
}

TEST_CASE(
    "a title in quotation marks that no speech verb of its sentence ties to a speaker is "
    "no quote") {
  const auto x = extracted(
      "\"We will keep every branch open,\" said Nora Quill, the mayor. Her memoir, \"The Long "
      "Road to the Harbour,\" sold out within a week of its launch at the library.\n");
  CHECK(quote_starting(x, "We will keep").speaker == "Nora Quill");
  for (const auto& q : x.quotes) CHECK(q.text.find("Long Road") == std::string::npos);
}

TEST_CASE("words in title case that a speech verb ties to a speaker stay a quote") {
  const auto x = extracted(
      "Nora Quill runs the town library.\n\n"
      "\"Keep Every Branch Open For Good,\" Quill told the council on Monday.\n");
  CHECK(quote_starting(x, "Keep Every Branch").speaker == "Nora Quill");
}

TEST_CASE("a title right after the noun of its work is no quote, even in a sentence of speech") {
  const auto x = extracted(
      "Nora Quill runs the town library.\n\n"
      "In her 2011 book, \"Keep Every Branch Open,\" Ms. Quill argued that towns should fund "
      "libraries before roads.\n");
  for (const auto& q : x.quotes) CHECK(q.text.find("Keep Every Branch") == std::string::npos);
}
