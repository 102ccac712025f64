// Who said a quote, as one learned choice among everyone the article offers for it.
//
// The attribution rules (attribution.cpp) read the cue a reporter writes ("…," said X) and give
// their answer; the speaker model then weighs that answer against every person and organisation
// named around the quote, and against "nobody", with the cues a reader weighs: where each is
// named relative to the quote, whether it is the subject of a speech verb in the quote's
// sentence, whether it was the last one reported speaking, whether it only appears as the object
// of a preposition ("a note on Davis"), whether it is an organisation while a person in it speaks
// (a relay), whether its gender fits the reporter's "he"/"she". A linear score per candidate and a
// softmax over the quote's candidates (a conditional logit), fitted on a hand-annotated news
// corpus by tests/extract/polnear/train_speaker_model.py from extract_score's --speaker-dump. The
// features are defined here only, so the fitting script and the engine cannot drift apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/document.hpp"
#include "extract/names.hpp"

namespace citecard::extract_detail {

// What the rules concluded and what the attributor knows of the speech around the quote.
struct SpeakerEvidence {
  int rule_entity = -1;          // the rules' speaker, when it is a named entity
  bool rule_text = false;        // the rules named a speaker that is no entity ("U.S. officials")
  bool group_noun = false;       // ... headed by a group noun ("some analysts say")
  std::string rule = "none";     // AttributionEvidence::rule of the rules' answer
  std::string mention = "none";  // AttributionEvidence::mention of the rules' answer
  std::string pronoun_gender;    // "male"/"female" when the rules read a "he"/"she" cue
  double pronoun_share = 1.0;    // the pronoun ranker's belief in the rules' answer to it
  bool partial = false;          // the quote continues the writer's sentence
  std::size_t words = 0;
  std::vector<int> recent_speakers;    // entities last reported speaking before it, latest first
  std::vector<int> sentence_speakers;  // entities a speech verb of the quote's sentence gives
  std::vector<std::pair<int, int>> times_reported;  // (entity, speech reported before it)
};

// A candidate's binary cues, each written once into one buffer ('\n' after each): scoring every
// candidate of every quote must not allocate a string per cue.
class Cues {
 public:
  template <class... Parts>
  void push(const Parts&... parts) {
    if (text_.empty()) text_.reserve(384);
    (text_.append(std::string_view(parts)), ...);
    text_.push_back('\n');
  }
  template <class Visit>
  void for_each(Visit&& visit) const {
    std::size_t b = 0;
    for (std::size_t e = text_.find('\n'); e != std::string::npos;
         b = e + 1, e = text_.find('\n', b))
      visit(std::string_view(text_).substr(b, e - b));
  }
  std::vector<std::string> list() const {
    std::vector<std::string> out;
    for_each([&out](std::string_view cue) { out.emplace_back(cue); });
    return out;
  }

 private:
  std::string text_;
};

struct SpeakerCandidate {
  enum class Kind { rules_answer, entity, nobody };
  Kind kind = Kind::entity;
  int entity = -1;   // for rules_answer (when an entity) and entity
  int mention = -1;  // the mention nearest the quote (index into Names::mentions)
  Cues features;     // binary cues present
  double score = 0;
};

// Every candidate for the quote, scored, in a fixed order (rules' answer first when there is one,
// then entities by nearness, "nobody" last).
std::vector<SpeakerCandidate> speaker_candidates(const Document& doc, const Names& names,
                                                 const QuoteSpan& quote,
                                                 const SpeakerEvidence& evidence);

// The index of the best candidate (the first of equal scores) and the softmax share it holds.
std::pair<std::size_t, double> best_speaker(const std::vector<SpeakerCandidate>& candidates);

}  // namespace citecard::extract_detail
