// Named mentions (people, organisations, places) and their clustering into entities.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "citecard/extract.hpp"
#include "extract/document.hpp"

namespace citecard::extract_detail {

struct NameMention {
  std::uint32_t first_token = 0;  // the name proper, role words split off
  std::uint32_t last_token = 0;   // exclusive
  std::uint32_t np_first = 0;     // including a preceding title or role ("Kremlin spokesperson")
  std::string text;               // as written, possessive dropped
  std::string key;                // name_key(text)
  EntityKind kind = EntityKind::unknown;
  int entity = -1;
  int sentence = 0;
  int group = -1;  // index into Names::groups when part of "A and B"
  bool person_evidence = false;
  bool sentence_initial = false;
  std::string role;  // from a title before the name or an appositive after it
  std::string affiliation;
  std::string gender;
};

// "Victor Cha and Ellen Kim": people named together, referred to later as "they", "the authors".
struct NameGroup {
  std::vector<int> mentions;
  std::uint32_t first_token = 0;
};

struct EntityInfo {
  Entity entity;
  std::vector<std::string> keys;        // name keys of its full forms
  std::vector<std::string> token_keys;  // keys of its single words, for short mentions
  int full_mentions = 0;
  int namesakes =
      0;  // people in the document with its family name, itself included; 0 if no person
};

struct Names {
  std::vector<NameMention> mentions;  // in text order
  std::vector<NameGroup> groups;
  std::vector<EntityInfo> entities;
  std::vector<std::int32_t> mention_at_token;  // mention covering a token (name proper), or -1
  // Resolved pronouns, keyed by token: few tokens are pronouns, so maps, not per-token arrays.
  std::unordered_map<std::uint32_t, std::int32_t> pronoun_entity;  // he/she -> entity
  std::unordered_map<std::uint32_t, std::int32_t> pronoun_group;   // they -> group
  int entity_of_pronoun(std::uint32_t t) const {
    auto it = pronoun_entity.find(t);
    return it == pronoun_entity.end() ? -1 : it->second;
  }
  int group_of_pronoun(std::uint32_t t) const {
    auto it = pronoun_group.find(t);
    return it == pronoun_group.end() ? -1 : it->second;
  }
};

// Finds name mentions outside quotations, splits titles off, reads appositives, clusters mentions
// into entities and resolves third-person pronouns to the most recent compatible person.
Names find_names(const Document& doc);

// The words of a role noun phrase that name the role ("professor", "spokesperson").
bool role_matches(const std::string& role, std::string_view noun);

}  // namespace citecard::extract_detail
