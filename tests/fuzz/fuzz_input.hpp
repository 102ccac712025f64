// Helpers shared by the fuzz targets: splitting one input into several fields, and making
// arbitrary bytes into valid UTF-8 so the code behind the UTF-8 check gets fuzzed too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citecard::fuzz {

// Splits `data` at each `separator`; always `fields` parts (missing ones empty, the last takes the
// rest), so every input means something.
inline std::vector<std::string> split(std::string_view data, std::string_view separator,
                                      std::size_t fields) {
  std::vector<std::string> parts;
  while (parts.size() + 1 < fields) {
    const auto at = data.find(separator);
    if (at == std::string_view::npos) break;
    parts.emplace_back(data.substr(0, at));
    data.remove_prefix(at + separator.size());
  }
  parts.emplace_back(data);
  parts.resize(fields);
  return parts;
}

// Keeps every well-formed UTF-8 sequence and replaces each byte that starts none with '?'.
inline std::string repair_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    std::size_t len = b < 0x80                   ? 1
                      : (b >= 0xC2 && b <= 0xDF) ? 2
                      : (b >= 0xE0 && b <= 0xEF) ? 3
                      : (b >= 0xF0 && b <= 0xF4) ? 4
                                                 : 0;
    bool ok = len > 0 && i + len <= in.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
    if (ok && len >= 3) {
      const auto b1 = static_cast<unsigned char>(in[i + 1]);
      // Overlongs, surrogates and values past U+10FFFF.
      if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) || (b == 0xF0 && b1 < 0x90) ||
          (b == 0xF4 && b1 >= 0x90))
        ok = false;
    }
    if (!ok) {
      out += '?';
      ++i;
      continue;
    }
    out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace citecard::fuzz
