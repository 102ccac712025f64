// Who said each quote.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citecard/extract.hpp"
#include "extract/document.hpp"
#include "extract/names.hpp"

namespace citecard::extract_detail {

// For refitting the pronoun ranker: every quote attributed through "he" or "she", with the
// candidates the ranker weighed (entity name and cues, best first).
struct PronounTrace {
  std::int64_t quote_start = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
};
// For refitting the speaker model: every quote with the candidates the model weighed (the name
// each stands for, empty for "nobody", and its cues), in the model's order.
struct SpeakerTrace {
  std::int64_t quote_start = 0;
  std::size_t chosen = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
};
// One record per reported quote (scare quotes, dubbings and titles dropped), speakers resolved to
// the most complete name the article gives. With `trace`, also what the pronoun ranker weighed.
std::vector<Quote> attribute_quotes(const Document& doc, const Names& names,
                                    std::vector<PronounTrace>* trace = nullptr,
                                    std::vector<SpeakerTrace>* speaker_trace = nullptr);

// The whole pipeline up to attribution for one text, with the trace (test and training use).
std::vector<PronounTrace> trace_pronoun_attributions(std::string_view text);
std::vector<SpeakerTrace> trace_speaker_choices(std::string_view text);

}  // namespace citecard::extract_detail
