// SHA-1, for the checksum Anki keeps of each note's first field (notes.csum), which it uses to
// find duplicates. Not for security.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace citecard::exchange {

std::array<std::uint8_t, 20> sha1(std::string_view data);

}  // namespace citecard::exchange
