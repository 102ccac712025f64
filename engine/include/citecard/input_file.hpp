// citecard — reading a file a user was given (an article, a deck file, a package, a review log),
// with bounds. Every such file is read through here, so that a FIFO, a device such as /dev/zero,
// a folder or a file of gigabytes is refused with an error naming it instead of filling memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "citecard/result.hpp"

namespace citecard {

// The most citecard reads of any one input file: far above any article, deck file or review log a
// person writes, far below what would exhaust a desktop's memory.
inline constexpr std::uintmax_t kMaxInputFileBytes = std::uintmax_t{256} << 20;

// The whole file at `path` when it is a regular file (or a symlink to one) of at most `max_bytes`;
// otherwise an error naming it and saying why. A file that grows while it is read is cut off at
// `max_bytes` + 1 and refused like one that was too large from the start.
Result<std::string> read_input_file(const std::filesystem::path& path,
                                    std::uintmax_t max_bytes = kMaxInputFileBytes);

// The same checks without reading: a regular file of at most `max_bytes`. For files another
// library opens itself (libzip opens a package).
Result<std::uintmax_t> check_input_file(const std::filesystem::path& path,
                                        std::uintmax_t max_bytes = kMaxInputFileBytes);

// The first `count` bytes (fewer when the file is shorter), after the same checks.
Result<std::string> read_input_head(const std::filesystem::path& path, std::size_t count,
                                    std::uintmax_t max_bytes = kMaxInputFileBytes);

// "12.5 MB", for messages about sizes.
std::string megabytes(std::uintmax_t bytes);

}  // namespace citecard
