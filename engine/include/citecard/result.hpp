// citecard — errors as values.
//
// Every fallible call at an API boundary returns Result<T>: either the value or an Error whose
// message a user can act on ("deck.toml:12: cited text not found in 003") and a code a program can
// act on (retry when busy, offer a restore when damaged). Nothing throws across the public API.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace citecard {

// What kind of failure an Error is: a host app treats these differently (the C API maps each to a
// CC_* code). Failed is everything that has no more specific kind.
enum class ErrorCode {
  Failed,
  NotFound,  // no such collection file, deck, card or source
  Busy,      // another process kept the collection locked; nothing was changed, retrying may work
  Corrupt,   // the file is damaged or is not a citecard collection
  ReadOnly,  // the collection (or its folder) cannot be written
  Full,      // the disk is full
  Io,        // the operating system failed to read or write the file
  Deck,      // a deck folder is wrong: its manifest, deck file, overlay or sources
  Invalid,   // the request does not apply: a suspended card, an answer dated before the last one
  Newer,     // the collection was written by a newer citecard
  Foreign,   // another application's SQLite file: citecard leaves it untouched
};

struct Error {
  std::string message;
  ErrorCode code = ErrorCode::Failed;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::expected
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  // On a temporary Result these return the value itself, so `for (x : *f())` cannot dangle.
  T value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T operator*() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Error make_error(std::string message, ErrorCode code = ErrorCode::Failed) {
  return Error{std::move(message), code};
}

}  // namespace citecard
