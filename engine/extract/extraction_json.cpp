// The JSON of an extraction (citecard/extraction_json.hpp).
#include "citecard/extraction_json.hpp"

#include <nlohmann/json.hpp>

namespace citecard {
namespace {

nlohmann::json quote_json(const Quote& q) {
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

nlohmann::json fact_json(const Fact& f) {
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

nlohmann::json entity_json(const Entity& e) {
  nlohmann::json j{
      {"id", e.id}, {"kind", to_string(e.kind)}, {"name", e.name}, {"mentions", e.mentions.size()}};
  if (!e.aliases.empty()) j["aliases"] = e.aliases;
  if (!e.role.empty()) j["role"] = e.role;
  if (!e.affiliation.empty()) j["affiliation"] = e.affiliation;
  if (!e.gender.empty()) j["gender"] = e.gender;
  return j;
}

}  // namespace

std::string extraction_json(const Extraction& x) {
  nlohmann::json out{{"quotes", nlohmann::json::array()},
                     {"facts", nlohmann::json::array()},
                     {"entities", nlohmann::json::array()}};
  for (const auto& q : x.quotes) out["quotes"].push_back(quote_json(q));
  for (const auto& f : x.facts) out["facts"].push_back(fact_json(f));
  for (const auto& e : x.entities) out["entities"].push_back(entity_json(e));
  return out.dump();
}

}  // namespace citecard
