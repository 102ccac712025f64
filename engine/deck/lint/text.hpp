#pragma once
// Small text helpers every lint rule uses: how a finding quotes text, and ASCII tests.
#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace citecard::deck::lint {

// Text as a finding's reason quotes it.
inline std::string shown(const std::string& text) {
  return fmt::format("\u201C{}\u201D", text);
}

inline bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace citecard::deck::lint
