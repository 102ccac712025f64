// Versioned structs: the host says in `size` how big its struct is (sizeof in the header it was
// built with). The library copies only the members both know, so an older host's smaller struct
// and a newer host's larger one (whose extra members are zero) both work; anything else is misuse.
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>

namespace citecard::capi {

// Every struct's first version is its size in 0.2; a member added later goes after it.
template <class T>
inline constexpr std::size_t kFirstSize = sizeof(T);

template <class T>
std::optional<std::string> check_size(std::size_t size) {
  if (size < kFirstSize<T>)
    return "size is " + std::to_string(size) + ", smaller than any version of the struct (set it " +
           "to sizeof the struct, " + std::to_string(sizeof(T)) + " in this library)";
  return std::nullopt;
}

// Reads the host's struct into `into`, which holds the defaults for what the host's lacks.
template <class T>
std::optional<std::string> read_sized(const T* from, T& into) {
  const std::size_t size = from->size;
  if (auto bad = check_size<T>(size)) return bad;
  const auto* bytes = reinterpret_cast<const unsigned char*>(from);
  for (std::size_t i = sizeof(T); i < size; ++i) {
    if (bytes[i] != 0)
      return "it sets members this version of the library does not know (size " +
             std::to_string(size) + ", known " + std::to_string(sizeof(T)) +
             "): upgrade the library or leave them zero";
  }
  std::memcpy(&into, from, size < sizeof(T) ? size : sizeof(T));
  into.size = sizeof(T);
  return std::nullopt;
}

template <class T>
std::optional<std::string> check_out_size(const T* out) {
  return check_size<T>(out->size);
}

// Writes `value` into the host's struct, as much of it as the host's size covers.
template <class T>
void write_sized(T value, T* out) {
  const std::size_t size = out->size;
  value.size = size;
  std::memcpy(out, &value, size < sizeof(T) ? size : sizeof(T));
}

}  // namespace citecard::capi
