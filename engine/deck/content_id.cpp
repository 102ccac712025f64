#include "deck/content_id.hpp"

#include <fmt/format.h>

namespace citecard::deck {

std::uint64_t content_hash(std::initializer_list<std::string_view> parts) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  };
  for (std::string_view part : parts) {
    for (char c : part) mix(static_cast<unsigned char>(c));
    mix(0x1f);  // unit separator: never valid inside the UTF-8 text we hash
  }
  return hash;
}

std::string content_id(char prefix, std::initializer_list<std::string_view> parts) {
  return fmt::format("{}{:016x}", prefix, content_hash(parts));
}

}  // namespace citecard::deck
