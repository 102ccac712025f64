// The C API's collection calls: version, opening, errors, building decks, deck lists and counts.
// A thin shell over citecard::Collection; study calls are in c_study.cpp, the card in c_card.cpp,
// versioned structs in c_structs.cpp.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "api/boundary.hpp"
#include "api/c_deck_list.hpp"
#include "api/sized_struct.hpp"
#include "citecard/citecard.h"
#include "citecard/collection.hpp"

namespace citecard::capi {

cc_code code_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::NotFound:
      return CC_NOTFOUND;
    case ErrorCode::Busy:
      return CC_BUSY;
    case ErrorCode::Corrupt:
      return CC_CORRUPT;
    case ErrorCode::ReadOnly:
      return CC_READONLY;
    case ErrorCode::Full:
      return CC_FULL;
    case ErrorCode::Io:
      return CC_IOERR;
    case ErrorCode::Deck:
      return CC_DECK;
    case ErrorCode::Invalid:
      return CC_INVALID;
    case ErrorCode::Newer:
      return CC_NEWER;
    case ErrorCode::Foreign:
      return CC_FOREIGN;
    case ErrorCode::Failed:
      break;
  }
  return CC_ERROR;
}

ThreadError& thread_error() {
  thread_local ThreadError error;
  return error;
}

cc_code fail(cc_collection* handle, const char* call, cc_code code,
             const std::string& message) noexcept {
  cc_code& target_code = handle ? handle->code : thread_error().code;
  std::string& target = handle ? handle->error : thread_error().message;
  target_code = code;
  try {
    target = std::string(call) + ": " + message;
  } catch (...) {
    target_code = CC_NOMEM;  // cc_errmsg says "out of memory" for it, whatever the text holds
  }
  return target_code;
}

cc_code fail(cc_collection* handle, const char* call, const Error& error) noexcept {
  return fail(handle, call, code_of(error.code), error.message);
}

cc_code from_exception(cc_collection* handle, const char* call) noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return fail(handle, call, CC_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(handle, call, CC_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(handle, call, CC_ERROR, "internal error");
  }
}

namespace {
// Seconds since 1970 for 2000-01-01 and 2100-01-01: studying happens between them, and a value
// outside is a time in other units (milliseconds are a thousand times too big) or a clock gone
// wrong, which would date an answer so late that every real one after it is refused.
constexpr std::int64_t kEarliest = 946'684'800;
constexpr std::int64_t kLatest = 4'102'444'800;
}  // namespace

std::optional<std::string> bad_time(std::int64_t now) {
  if (now >= kEarliest && now < kLatest) return std::nullopt;
  std::string hint =
      now >= kLatest * 1000 / 4 ? " (it looks like milliseconds: divide by 1000)" : "";
  return "the time " + std::to_string(now) +
         " is not in seconds since 1970 between 2000-01-01 and 2100-01-01" + hint;
}

std::optional<std::string> bad_duration(std::int64_t duration_ms) {
  if (duration_ms >= 0) return std::nullopt;
  return "the duration " + std::to_string(duration_ms) + " ms is negative";
}

}  // namespace citecard::capi

namespace {

using citecard::capi::fail;
using citecard::capi::guarded;
using citecard::capi::stated;

// Opens as cc_open_v2 says, for the call named `call`.
int open_collection(const char* call, const char* path, unsigned flags, int busy_timeout_ms,
                    cc_collection** out) {
  if (!out) return fail(nullptr, call, CC_MISUSE, "out is NULL");
  *out = nullptr;
  return citecard::capi::guarded_free(call, [&] {
    if (flags & ~static_cast<unsigned>(CC_OPEN_CREATE | CC_OPEN_READONLY))
      return fail(nullptr, call, CC_MISUSE, "flags holds bits that are no CC_OPEN_* flag");
    if ((flags & CC_OPEN_CREATE) && (flags & CC_OPEN_READONLY))
      return fail(nullptr, call, CC_MISUSE,
                  "CC_OPEN_CREATE and CC_OPEN_READONLY together: a read-only open cannot create");
    if (busy_timeout_ms < 0) return fail(nullptr, call, CC_MISUSE, "busy_timeout_ms is negative");
    if (path && !*path)
      return fail(nullptr, call, CC_MISUSE,
                  "the path is empty: give a file name, or NULL for the default collection (an "
                  "empty name would open a temporary database, lost at close)");
    const auto mode = (flags & CC_OPEN_READONLY) ? citecard::OpenMode::ReadOnly
                      : (flags & CC_OPEN_CREATE) ? citecard::OpenMode::CreateIfMissing
                                                 : citecard::OpenMode::MustExist;
    auto handle = std::make_unique<cc_collection>();
    auto opened = citecard::Collection::open(
        path ? std::filesystem::path(path) : citecard::default_collection_path(), {}, mode);
    if (opened) {
      handle->collection.emplace(std::move(*opened));
      handle->collection->set_busy_timeout(busy_timeout_ms);
    } else {
      handle->open_error = opened.error().message;
      // Opening refuses as Invalid only a path that names no file it could keep: the caller's
      // argument, so misuse.
      fail(handle.get(), call,
           opened.error().code == citecard::ErrorCode::Invalid
               ? CC_MISUSE
               : citecard::capi::code_of(opened.error().code),
           opened.error().message);
    }
    citecard::capi::add_live(handle.get(), citecard::capi::Kind::Collection);
    *out = handle.release();
    return (*out)->code;
  });
}

// Each helper takes the misuse its caller found in its own arguments, if any, to report it on the
// handle like every other error.
using Misuse = std::optional<std::string>;

int build_deck(cc_collection* c, const char* call, const char* deck_dir,
               citecard::DeckBuildOptions options, citecard::BuildReport* out,
               const Misuse& misuse = {}) {
  return guarded(c, call, [&](citecard::Collection& collection) {
    if (misuse) return fail(c, call, CC_MISUSE, *misuse);
    if (!deck_dir) return fail(c, call, CC_MISUSE, "deck_dir is NULL");
    auto report = collection.build(deck_dir, options);
    if (!report) return fail(c, call, report.error());
    c->text = report->deck;
    *out = std::move(*report);
    return CC_OK;
  });
}

int stats(cc_collection* c, const char* call, int64_t now, citecard::CollectionStats* out,
          const Misuse& misuse = {}) {
  return guarded(c, call, [&](citecard::Collection& collection) {
    if (misuse) return fail(c, call, CC_MISUSE, *misuse);
    if (auto bad = citecard::capi::bad_time(now)) return fail(c, call, CC_MISUSE, *bad);
    auto counted = collection.stats(now);
    if (!counted) return fail(c, call, counted.error());
    *out = *counted;
    return CC_OK;
  });
}

int source(cc_collection* c, const char* call, const char* deck, const char* source_id,
           const Misuse& misuse = {}) {
  return guarded(c, call, [&](citecard::Collection& collection) {
    if (misuse) return fail(c, call, CC_MISUSE, *misuse);
    if (!deck || !source_id) return fail(c, call, CC_MISUSE, "deck or source_id is NULL");
    auto found = collection.source(deck, source_id);
    if (!found) return fail(c, call, found.error());
    c->source = std::move(*found);
    return CC_OK;
  });
}

}  // namespace

extern "C" {

const char* cc_libversion(void) {
  return CITECARD_VERSION_STRING;
}

int cc_libversion_number(void) {
  return CC_VERSION_NUMBER;
}

int64_t cc_now(void) {
  return citecard::now_utc();
}

const char* cc_code_name(int code) {
  switch (code) {
    case CC_OK:
      return "CC_OK";
    case CC_ERROR:
      return "CC_ERROR";
    case CC_DONE:
      return "CC_DONE";
    case CC_MISUSE:
      return "CC_MISUSE";
    case CC_NOTFOUND:
      return "CC_NOTFOUND";
    case CC_BUSY:
      return "CC_BUSY";
    case CC_CORRUPT:
      return "CC_CORRUPT";
    case CC_READONLY:
      return "CC_READONLY";
    case CC_FULL:
      return "CC_FULL";
    case CC_IOERR:
      return "CC_IOERR";
    case CC_DECK:
      return "CC_DECK";
    case CC_INVALID:
      return "CC_INVALID";
    case CC_NEWER:
      return "CC_NEWER";
    case CC_NOMEM:
      return "CC_NOMEM";
    case CC_FOREIGN:
      return "CC_FOREIGN";
    default:
      return nullptr;
  }
}

const char* cc_errstr(int code) {
  switch (code) {
    case CC_OK:
      return "Success.";
    case CC_ERROR:
      return "The call failed; its message says why.";
    case CC_DONE:
      return "Nothing more: no card is due, or no answer is left to take back.";
    case CC_MISUSE:
      return "The call was given a NULL, closed or foreign handle or pointer, or an argument "
             "out of range.";
    case CC_NOTFOUND:
      return "No such collection file, deck, card or source.";
    case CC_BUSY:
      return "Another process kept the collection locked; nothing changed: try again.";
    case CC_CORRUPT:
      return "The file is damaged or is not a citecard collection.";
    case CC_READONLY:
      return "The collection or its folder cannot be written; nothing was saved.";
    case CC_FULL:
      return "The disk is full; nothing was saved.";
    case CC_IOERR:
      return "The operating system failed to read or write the file.";
    case CC_DECK:
      return "The deck folder is wrong (its manifest, deck file or sources).";
    case CC_INVALID:
      return "The request does not apply here (a suspended card, an answer dated before the last "
             "one).";
    case CC_NEWER:
      return "The collection was written by a newer citecard; upgrade citecard to open it.";
    case CC_NOMEM:
      return "Out of memory.";
    case CC_FOREIGN:
      return "The file is another application's database; it was left untouched.";
    default:
      return "Unknown result code.";
  }
}

int cc_open(const char* path, cc_collection** out) {
  return open_collection("cc_open", path, CC_OPEN_CREATE, 10000, out);
}

int cc_open_existing(const char* path, cc_collection** out) {
  return open_collection("cc_open_existing", path, 0, 10000, out);
}

cc_code cc_open_v2(const char* path, unsigned flags, const cc_open_options* options,
                   cc_collection** out) {
  cc_open_options o = CC_OPEN_OPTIONS_INIT;
  if (options) {
    if (auto bad = citecard::capi::read_sized(options, o))
      return static_cast<cc_code>(fail(nullptr, "cc_open_v2", CC_MISUSE, "options: " + *bad));
  }
  return static_cast<cc_code>(open_collection("cc_open_v2", path, flags, o.busy_timeout_ms, out));
}

void cc_close(cc_collection* collection) {
  switch (citecard::capi::remove_if_idle(collection)) {
    case citecard::capi::Entry::NotLive:
      if (collection)
        fail(nullptr, "cc_close", CC_MISUSE,
             "the handle is closed already, or not one cc_open gave");
      return;
    case citecard::capi::Entry::InUse:
      fail(nullptr, "cc_close", CC_MISUSE,
           "another thread is inside a call on this handle; it was not closed");
      return;
    case citecard::capi::Entry::Entered:
      break;
  }
  collection->magic = 0;
  delete collection;  // ~Collection closes SQLite and throws nothing
}

const char* cc_errmsg(const cc_collection* collection) {
  if (collection && !citecard::capi::is_live(collection, citecard::capi::Kind::Collection))
    return "cc_errmsg: the handle is closed, or is not one cc_open gave";
  const int code = collection ? collection->code : citecard::capi::thread_error().code;
  if (code == CC_NOMEM) return "out of memory";
  return collection ? collection->error.c_str() : citecard::capi::thread_error().message.c_str();
}

int cc_errcode(const cc_collection* collection) {
  if (collection && !citecard::capi::is_live(collection, citecard::capi::Kind::Collection))
    return CC_MISUSE;
  return collection ? collection->code : citecard::capi::thread_error().code;
}

int cc_is_read_only(cc_collection* c) {
  int answer = -1;
  guarded(c, "cc_is_read_only", [&](citecard::Collection& collection) {
    answer = collection.read_only() ? 1 : 0;
    return CC_OK;
  });
  return answer;
}

int cc_build(cc_collection* c, const char* deck_dir) {
  citecard::BuildReport report;
  return build_deck(c, "cc_build", deck_dir, {}, &report);
}

int cc_build_deck(cc_collection* c, const char* deck_dir, const char** deck_id, int* cards_total,
                  int* cards_added, int* cards_updated, int* cards_archived) {
  citecard::BuildReport report;
  const int rc = build_deck(c, "cc_build_deck", deck_dir, {}, &report);
  if (rc != CC_OK) return rc;
  if (deck_id) *deck_id = c->text.c_str();
  if (cards_total) *cards_total = report.cards_total;
  if (cards_added) *cards_added = report.cards_added;
  if (cards_updated) *cards_updated = report.cards_updated;
  if (cards_archived) *cards_archived = report.cards_archived;
  return CC_OK;
}

cc_code cc_build_v2(cc_collection* c, const char* deck_dir, const cc_build_options* options,
                    cc_build_report* report) {
  constexpr const char* call = "cc_build_v2";
  cc_build_options o = CC_BUILD_OPTIONS_INIT;
  Misuse misuse;
  if (options) {
    if (auto bad = citecard::capi::read_sized(options, o)) misuse = "options: " + *bad;
  }
  if (report && !misuse) {
    if (auto bad = citecard::capi::check_out_size(report)) misuse = "report: " + *bad;
  }
  citecard::DeckBuildOptions build_options;
  build_options.curated = o.uncurated == 0;
  citecard::BuildReport built;
  const int rc = build_deck(c, call, deck_dir, build_options, &built, misuse);
  if (rc != CC_OK || !report) return static_cast<cc_code>(rc);
  cc_build_report r{};
  r.deck_id = c->text.c_str();
  r.sources = built.sources;
  r.notes = built.notes;
  r.cards_total = built.cards_total;
  r.cards_added = built.cards_added;
  r.cards_updated = built.cards_updated;
  r.cards_archived = built.cards_archived;
  r.quotes_held_back = static_cast<int>(built.held_back.size());
  citecard::capi::write_sized(r, report);
  return CC_OK;
}

int cc_decks(cc_collection* c, int64_t now, cc_deck_list** out) {
  if (out) *out = nullptr;
  return guarded(c, "cc_decks", [&](citecard::Collection& collection) {
    if (!out) return fail(c, "cc_decks", CC_MISUSE, "out is NULL");
    if (auto bad = citecard::capi::bad_time(now)) return fail(c, "cc_decks", CC_MISUSE, *bad);
    auto decks = collection.decks(now);
    if (!decks) return fail(c, "cc_decks", decks.error());
    *out = citecard::capi::make_deck_list(std::move(*decks));
    return CC_OK;
  });
}

int cc_source(cc_collection* c, const char* deck, const char* source_id, const char** text,
              size_t* length, const char** outlet, const char** title, const char** author,
              const char** date) {
  const int rc = source(c, "cc_source", deck, source_id);
  if (rc != CC_OK) return rc;
  if (text) *text = c->source.text.c_str();
  if (length) *length = c->source.text.size();
  if (outlet) *outlet = c->source.outlet.c_str();
  if (title) *title = c->source.title.c_str();
  if (author) *author = c->source.author.c_str();
  if (date) *date = c->source.date.c_str();
  return CC_OK;
}

cc_code cc_source_v2(cc_collection* c, const char* deck, const char* source_id,
                     cc_source_info* info) {
  Misuse misuse;
  if (!info)
    misuse = "source is NULL";
  else if (auto bad = citecard::capi::check_out_size(info))
    misuse = "source: " + *bad;
  const int rc = source(c, "cc_source_v2", deck, source_id, misuse);
  if (rc != CC_OK) return static_cast<cc_code>(rc);
  cc_source_info s{};
  s.text = c->source.text.c_str();
  s.length = c->source.text.size();
  s.outlet = stated(c->source.outlet);
  s.title = stated(c->source.title);
  s.author = stated(c->source.author);
  s.date = stated(c->source.date);
  citecard::capi::write_sized(s, info);
  return CC_OK;
}

int cc_stats(cc_collection* c, int64_t now, int* due_today, int* new_available, int* learning,
             int* review, int* reviews_today) {
  citecard::CollectionStats counted;
  const int rc = stats(c, "cc_stats", now, &counted);
  if (rc != CC_OK) return rc;
  if (due_today) *due_today = counted.due_today;
  if (new_available) *new_available = counted.new_available;
  if (learning) *learning = counted.learning;
  if (review) *review = counted.review;
  if (reviews_today) *reviews_today = counted.reviews_today;
  return CC_OK;
}

cc_code cc_stats_v2(cc_collection* c, int64_t now, cc_stats_info* info) {
  Misuse misuse;
  if (!info)
    misuse = "stats is NULL";
  else if (auto bad = citecard::capi::check_out_size(info))
    misuse = "stats: " + *bad;
  citecard::CollectionStats counted;
  const int rc = stats(c, "cc_stats_v2", now, &counted, misuse);
  if (rc != CC_OK) return static_cast<cc_code>(rc);
  cc_stats_info s{};
  s.due_today = counted.due_today;
  s.new_available = counted.new_available;
  s.learning = counted.learning;
  s.review = counted.review;
  s.reviews_today = counted.reviews_today;
  citecard::capi::write_sized(s, info);
  return CC_OK;
}

int cc_due_count(cc_collection* c, int64_t now, int* due_today) {
  citecard::CollectionStats counted;
  const int rc =
      stats(c, "cc_due_count", now, &counted, due_today ? Misuse() : Misuse("due_today is NULL"));
  if (rc == CC_OK) *due_today = counted.due_today;
  return rc;
}

}  // extern "C"
