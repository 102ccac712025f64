// Ids derived from content, so that rebuilding a deck gives every card the id it had before and
// the learner's history stays attached.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace citecard::deck {

// 64-bit FNV-1a over the parts, each followed by a separator byte so ("ab","c") != ("a","bc").
std::uint64_t content_hash(std::initializer_list<std::string_view> parts);

// "<prefix><16 hex digits>"
std::string content_id(char prefix, std::initializer_list<std::string_view> parts);

}  // namespace citecard::deck
