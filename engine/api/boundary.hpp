// The C API's boundary: the handle, the mapping of engine errors to CC_* codes, and the guard that
// every extern "C" function runs its body in, so that no exception crosses into C and every call
// starts with the handle's error cleared.
#pragma once

#include <exception>
#include <new>
#include <optional>
#include <string>

#include "citecard/citecard.h"
#include "citecard/collection.hpp"

struct cc_collection {
  std::optional<citecard::Collection> collection;  // empty when opening failed
  int code = CC_OK;
  std::string error;
  std::string open_error;   // why opening failed, for calls made on the handle anyway
  std::string text;         // a string a call returned (a deck id, a detail), valid until the next
  citecard::Source source;  // the article cc_source returned, valid until the next call
};

namespace citecard::capi {

int code_of(ErrorCode code);

// The calling thread's error for calls made without a handle (cc_errmsg(NULL)).
struct ThreadError {
  int code = CC_OK;
  std::string message;
};
ThreadError& thread_error();

// Records `message` under `code` on the handle (or the thread, for NULL) and returns the code.
int fail(cc_collection* handle, int code, const char* message) noexcept;
int fail(cc_collection* handle, const Error& error) noexcept;

// Runs `body(Collection&)`, which returns a CC_* code, with the handle's last error reset. A NULL
// handle, or one whose collection did not open, is CC_MISUSE.
template <class Body>
int guarded(cc_collection* handle, Body&& body) noexcept {
  if (!handle) return fail(nullptr, CC_MISUSE, "no collection handle (NULL)");
  handle->code = CC_OK;
  handle->error.clear();
  try {
    if (!handle->collection)
      return fail(handle, CC_MISUSE, ("the collection is not open: " + handle->open_error).c_str());
    return body(*handle->collection);
  } catch (const std::bad_alloc&) {
    return fail(handle, CC_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(handle, CC_ERROR, (std::string("internal error: ") + e.what()).c_str());
  } catch (...) {
    return fail(handle, CC_ERROR, "internal error");
  }
}

// The same for calls without a handle: the error goes to the calling thread.
template <class Body>
int guarded_free(Body&& body) noexcept {
  auto& t = thread_error();
  t.code = CC_OK;
  t.message.clear();
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(nullptr, CC_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(nullptr, CC_ERROR, (std::string("internal error: ") + e.what()).c_str());
  } catch (...) {
    return fail(nullptr, CC_ERROR, "internal error");
  }
}

}  // namespace citecard::capi
