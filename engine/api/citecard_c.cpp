// The C API's collection calls: version, opening, errors, building decks, deck lists and counts.
// A thin shell over citecard::Collection; study calls are in c_study.cpp, the card in c_card.cpp.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "api/boundary.hpp"
#include "citecard/citecard.h"
#include "citecard/collection.hpp"

struct cc_deck_list {
  std::vector<citecard::DeckSummary> decks;
};

namespace citecard::capi {

int code_of(ErrorCode code) {
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
    case ErrorCode::Failed:
      break;
  }
  return CC_ERROR;
}

ThreadError& thread_error() {
  thread_local ThreadError error;
  return error;
}

int fail(cc_collection* handle, int code, const char* message) noexcept {
  int& target_code = handle ? handle->code : thread_error().code;
  std::string& target = handle ? handle->error : thread_error().message;
  target_code = code;
  try {
    target = message;
  } catch (...) {
    target_code = CC_NOMEM;  // cc_errmsg says "out of memory" for it, whatever the text holds
  }
  return target_code;
}

int fail(cc_collection* handle, const Error& error) noexcept {
  return fail(handle, code_of(error.code), error.message.c_str());
}

}  // namespace citecard::capi

namespace {

using citecard::capi::fail;
using citecard::capi::guarded;

int open_collection(const char* path, citecard::OpenMode mode, cc_collection** out) {
  if (!out) return fail(nullptr, CC_MISUSE, "cc_open: out is NULL");
  *out = nullptr;
  return citecard::capi::guarded_free([&] {
    auto handle = std::make_unique<cc_collection>();
    auto opened = citecard::Collection::open(
        path ? std::filesystem::path(path) : citecard::default_collection_path(), {}, mode);
    if (opened) {
      handle->collection.emplace(std::move(*opened));
    } else {
      handle->open_error = opened.error().message;
      fail(handle.get(), opened.error());
    }
    *out = handle.release();
    return (*out)->code;
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

const char* cc_errstr(int code) {
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
    default:
      return "unknown code";
  }
}

int cc_open(const char* path, cc_collection** out) {
  return open_collection(path, citecard::OpenMode::CreateIfMissing, out);
}

int cc_open_existing(const char* path, cc_collection** out) {
  return open_collection(path, citecard::OpenMode::MustExist, out);
}

void cc_close(cc_collection* collection) {
  delete collection;  // ~Collection closes SQLite and throws nothing
}

const char* cc_errmsg(const cc_collection* collection) {
  const int code = collection ? collection->code : citecard::capi::thread_error().code;
  if (code == CC_NOMEM) return "out of memory";
  return collection ? collection->error.c_str() : citecard::capi::thread_error().message.c_str();
}

int cc_errcode(const cc_collection* collection) {
  return collection ? collection->code : citecard::capi::thread_error().code;
}

int cc_is_read_only(cc_collection* c) {
  if (!c || !c->collection) return -1;
  return c->collection->read_only() ? 1 : 0;
}

int cc_build(cc_collection* c, const char* deck_dir) {
  return cc_build_deck(c, deck_dir, nullptr, nullptr, nullptr, nullptr, nullptr);
}

int cc_build_deck(cc_collection* c, const char* deck_dir, const char** deck_id, int* cards_total,
                  int* cards_added, int* cards_updated, int* cards_archived) {
  return guarded(c, [&](citecard::Collection& collection) {
    if (!deck_dir) return fail(c, CC_MISUSE, "cc_build: deck_dir is NULL");
    auto report = collection.build(deck_dir);
    if (!report) return fail(c, report.error());
    c->text = report->deck;
    if (deck_id) *deck_id = c->text.c_str();
    if (cards_total) *cards_total = report->cards_total;
    if (cards_added) *cards_added = report->cards_added;
    if (cards_updated) *cards_updated = report->cards_updated;
    if (cards_archived) *cards_archived = report->cards_archived;
    return CC_OK;
  });
}

int cc_decks(cc_collection* c, int64_t now, cc_deck_list** out) {
  if (out) *out = nullptr;
  return guarded(c, [&](citecard::Collection& collection) {
    if (!out) return fail(c, CC_MISUSE, "cc_decks: out is NULL");
    auto decks = collection.decks(now);
    if (!decks) return fail(c, decks.error());
    *out = new cc_deck_list{std::move(*decks)};
    return CC_OK;
  });
}

int cc_deck_list_count(const cc_deck_list* decks) {
  return decks ? static_cast<int>(decks->decks.size()) : 0;
}

int cc_deck_list_item(const cc_deck_list* decks, int index, const char** id, const char** title,
                      int* total_cards, int* new_available, int* learning_due, int* review_due) {
  if (!decks || index < 0 || index >= cc_deck_list_count(decks)) return CC_MISUSE;
  const auto& d = decks->decks[static_cast<std::size_t>(index)];
  if (id) *id = d.id.c_str();
  if (title) *title = d.title.c_str();
  if (total_cards) *total_cards = d.total_cards;
  if (new_available) *new_available = d.new_available;
  if (learning_due) *learning_due = d.learning_due;
  if (review_due) *review_due = d.review_due;
  return CC_OK;
}

void cc_deck_list_free(cc_deck_list* decks) {
  delete decks;
}

int cc_source(cc_collection* c, const char* deck, const char* source_id, const char** text,
              size_t* length, const char** outlet, const char** title, const char** author,
              const char** date) {
  return guarded(c, [&](citecard::Collection& collection) {
    if (!deck || !source_id) return fail(c, CC_MISUSE, "cc_source: deck or source_id is NULL");
    auto source = collection.source(deck, source_id);
    if (!source) return fail(c, source.error());
    c->source = std::move(*source);
    if (text) *text = c->source.text.c_str();
    if (length) *length = c->source.text.size();
    if (outlet) *outlet = c->source.outlet.c_str();
    if (title) *title = c->source.title.c_str();
    if (author) *author = c->source.author.c_str();
    if (date) *date = c->source.date.c_str();
    return CC_OK;
  });
}

int cc_stats(cc_collection* c, int64_t now, int* due_today, int* new_available, int* learning,
             int* review, int* reviews_today) {
  return guarded(c, [&](citecard::Collection& collection) {
    auto stats = collection.stats(now);
    if (!stats) return fail(c, stats.error());
    if (due_today) *due_today = stats->due_today;
    if (new_available) *new_available = stats->new_available;
    if (learning) *learning = stats->learning;
    if (review) *review = stats->review;
    if (reviews_today) *reviews_today = stats->reviews_today;
    return CC_OK;
  });
}

int cc_due_count(cc_collection* c, int64_t now, int* due_today) {
  if (!due_today) return c ? fail(c, CC_MISUSE, "cc_due_count: due_today is NULL") : CC_MISUSE;
  return cc_stats(c, now, due_today, nullptr, nullptr, nullptr, nullptr);
}

}  // extern "C"
