// The C API's boundary: the handle, the mapping of engine errors to CC_* codes, and the guards
// that every extern "C" function runs its body in, so that no exception crosses into C, a NULL,
// closed or foreign handle is refused before it is read, every call starts with its error
// cleared, and every error message starts with the name of the call that failed.
#pragma once

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>

#include "api/live_objects.hpp"
#include "citecard/citecard.h"
#include "citecard/collection.hpp"

// Every object the API hands out starts with a magic value of its kind; a freed one has it
// cleared, so that a pointer the registry vouches for is also checked for what it points at.
inline constexpr std::uint64_t kCollectionMagic = 0x6363636f6c6c6563;  // "cccollec"

struct cc_collection {
  std::uint64_t magic = kCollectionMagic;
  std::optional<citecard::Collection> collection;  // empty when opening failed
  cc_code code = CC_OK;
  std::string error;
  std::string open_error;   // why opening failed, for calls made on the handle anyway
  std::string text;         // a string a call returned (a deck id, a detail), valid until the next
  citecard::Source source;  // the article cc_source returned, valid until the next call
  std::string warnings;     // cc_merge's warnings, one per line, valid until the next call
};

namespace citecard::capi {

cc_code code_of(ErrorCode code);

// The calling thread's error for calls made without a usable handle (cc_errmsg(NULL)).
struct ThreadError {
  cc_code code = CC_OK;
  std::string message;
};
ThreadError& thread_error();

// Records "<call>: <message>" under `code` on the handle (or the thread, for NULL) and returns
// the code. `call` is the C function's name.
cc_code fail(cc_collection* handle, const char* call, cc_code code,
             const std::string& message) noexcept;
cc_code fail(cc_collection* handle, const char* call, const Error& error) noexcept;

// A field as the _v2 structs give it: NULL when the article does not state it.
inline const char* stated(const std::string& field) {
  return field.empty() || field == "not stated" ? nullptr : field.c_str();
}

// Why a time or duration is out of range, or nullopt when it is fine.
std::optional<std::string> bad_time(std::int64_t now);
std::optional<std::string> bad_duration(std::int64_t duration_ms);

// The exceptions a body may throw, as codes on `handle` (or the thread).
cc_code from_exception(cc_collection* handle, const char* call) noexcept;

// Runs `body(Collection&)`, which returns a CC_* code, with the handle's last error reset. A NULL,
// closed or foreign handle, one whose collection did not open, or one another thread is inside,
// is CC_MISUSE.
template <class Body>
cc_code guarded(cc_collection* handle, const char* call, Body&& body) noexcept {
  switch (enter(handle)) {
    case Entry::NotLive:
      return fail(nullptr, call, CC_MISUSE,
                  handle ? "the collection handle is closed, or is not one cc_open gave"
                         : "the collection handle is NULL");
    case Entry::InUse:
      return fail(nullptr, call, CC_MISUSE,
                  "another thread is inside a call on this collection handle; give each thread "
                  "its own handle (nothing was done)");
    case Entry::Entered:
      break;
  }
  struct Leave {
    cc_collection* handle;
    ~Leave() { leave(handle); }
  } leave_on_return{handle};
  if (handle->magic != kCollectionMagic)
    return fail(nullptr, call, CC_MISUSE, "the collection handle is damaged");
  handle->code = CC_OK;
  handle->error.clear();
  try {
    if (!handle->collection)
      return fail(handle, call, CC_MISUSE, "the collection is not open: " + handle->open_error);
    return body(*handle->collection);
  } catch (...) {
    return from_exception(handle, call);
  }
}

// The same for calls without a handle: the error goes to the calling thread.
template <class Body>
cc_code guarded_free(const char* call, Body&& body) noexcept {
  auto& t = thread_error();
  t.code = CC_OK;
  t.message.clear();
  try {
    return body();
  } catch (...) {
    return from_exception(nullptr, call);
  }
}

}  // namespace citecard::capi
