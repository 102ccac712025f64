// The C API's extraction: quotes, facts and entities of a text as JSON, in the shape of
// `citecard extract --json` (one source's object, without its file name).
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

#include "api/boundary.hpp"
#include "citecard/citecard.h"
#include "citecard/extract.hpp"

namespace {

using citecard::capi::fail;

nlohmann::json quote_json(const citecard::Quote& q) {
  nlohmann::json j{{"text", q.text}, {"start", q.start}, {"end", q.end}};
  j["speaker"] = q.speaker ? nlohmann::json(*q.speaker) : nlohmann::json(nullptr);
  if (!q.co_speakers.empty()) j["co_speakers"] = q.co_speakers;
  if (!q.speaker_role.empty()) j["role"] = q.speaker_role;
  if (!q.speaker_affiliation.empty()) j["affiliation"] = q.speaker_affiliation;
  j["confidence"] = q.confidence;
  j["evidence"] = {{"rule", q.evidence.rule},
                   {"mention", q.evidence.mention},
                   {"cue_distance", q.evidence.cue_distance},
                   {"people_nearby", q.evidence.people_nearby},
                   {"speaker_mentions", q.evidence.speaker_mentions},
                   {"resolution_share", q.evidence.resolution_share},
                   {"speaker_share", q.evidence.speaker_share},
                   {"namesakes", q.evidence.namesakes}};
  if (q.speaker_mention_span) {
    j["speaker_mention"] = {{"text", q.speaker_mention},
                            {"start", q.speaker_mention_span->start},
                            {"end", q.speaker_mention_span->end}};
  }
  if (!q.cue.empty()) j["cue"] = q.cue;
  j["partial"] = q.partial;
  j["paragraph"] = q.paragraph;
  return j;
}

nlohmann::json fact_json(const citecard::Fact& f) {
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& a : f.answers) {
    answers.push_back({{"kind", a.kind},
                       {"text", a.text},
                       {"start", a.start},
                       {"end", a.end},
                       {"value", a.value}});
  }
  return {{"text", f.text},
          {"start", f.start},
          {"end", f.end},
          {"paragraph", f.paragraph},
          {"answers", answers}};
}

nlohmann::json entity_json(const citecard::Entity& e) {
  nlohmann::json j{
      {"id", e.id}, {"kind", to_string(e.kind)}, {"name", e.name}, {"mentions", e.mentions.size()}};
  if (!e.aliases.empty()) j["aliases"] = e.aliases;
  if (!e.role.empty()) j["role"] = e.role;
  if (!e.affiliation.empty()) j["affiliation"] = e.affiliation;
  if (!e.gender.empty()) j["gender"] = e.gender;
  return j;
}

nlohmann::json extraction_json(const citecard::Extraction& x) {
  nlohmann::json out{{"quotes", nlohmann::json::array()},
                     {"facts", nlohmann::json::array()},
                     {"entities", nlohmann::json::array()}};
  for (const auto& q : x.quotes) out["quotes"].push_back(quote_json(q));
  for (const auto& f : x.facts) out["facts"].push_back(fact_json(f));
  for (const auto& e : x.entities) out["entities"].push_back(entity_json(e));
  return out;
}

}  // namespace

extern "C" {

int cc_extract_json(const char* text, size_t length, const char* article_date, char** json) {
  if (json) *json = nullptr;
  return citecard::capi::guarded_free("cc_extract_json", [&] {
    if (!json || (!text && length > 0))
      return fail(nullptr, "cc_extract_json", CC_MISUSE, "text or json is NULL");
    citecard::ExtractOptions options;
    if (article_date) options.article_date = article_date;
    auto extraction = citecard::extract(std::string_view(text ? text : "", length), options);
    if (!extraction) {
      auto error = extraction.error();
      if (error.code == citecard::ErrorCode::Failed) error.code = citecard::ErrorCode::Invalid;
      return fail(nullptr, "cc_extract_json", error);
    }
    const std::string dumped = extraction_json(*extraction).dump();
    auto* copy = static_cast<char*>(std::malloc(dumped.size() + 1));
    if (!copy) return fail(nullptr, "cc_extract_json", CC_NOMEM, "out of memory");
    std::memcpy(copy, dumped.c_str(), dumped.size() + 1);
    *json = copy;
    return CC_OK;
  });
}

void cc_free(void* memory) {
  std::free(memory);
}

}  // extern "C"
