// The C API: a thin shell over citecard::Collection that turns Result values into codes and a
// per-handle error message.
#include "citecard/citecard.h"

#include <optional>
#include <string>

#include "citecard/collection.hpp"

struct cc_collection {
  std::optional<citecard::Collection> collection;
  std::string error;
};

struct cc_card {
  citecard::Card card;
};

namespace {

int fail(cc_collection* c, const citecard::Error& error) {
  c->error = error.message;
  return CC_ERROR;
}

bool usable(cc_collection* c) {
  return c && c->collection;
}

}  // namespace

extern "C" {

int64_t cc_now(void) {
  return citecard::now_utc();
}

int cc_open(const char* path, cc_collection** out) {
  if (!out) return CC_MISUSE;
  auto* handle = new cc_collection();
  *out = handle;
  auto opened = citecard::Collection::open(path ? std::filesystem::path(path)
                                                : citecard::default_collection_path());
  if (!opened) return fail(handle, opened.error());
  handle->collection.emplace(std::move(*opened));
  return CC_OK;
}

void cc_close(cc_collection* collection) {
  delete collection;
}

const char* cc_errmsg(const cc_collection* collection) {
  if (!collection) return "no collection handle (cc_open was not called or failed to allocate)";
  return collection->error.c_str();
}

int cc_build(cc_collection* c, const char* deck_dir) {
  if (!usable(c) || !deck_dir) return CC_MISUSE;
  auto report = c->collection->build(deck_dir);
  return report ? CC_OK : fail(c, report.error());
}

int cc_next_card(cc_collection* c, const char* deck, int64_t now, cc_card** out) {
  if (!usable(c) || !out) return CC_MISUSE;
  *out = nullptr;
  auto next = c->collection->next_card(deck ? deck : "", now);
  if (!next) return fail(c, next.error());
  if (!*next) return CC_DONE;
  *out = new cc_card{std::move(**next)};
  return CC_OK;
}

int cc_answer(cc_collection* c, const char* card_id, int rating, int64_t now, int64_t duration_ms) {
  if (!usable(c) || !card_id || rating < CC_AGAIN || rating > CC_EASY) return CC_MISUSE;
  auto r = c->collection->answer(card_id, static_cast<citecard::Rating>(rating), now, duration_ms);
  return r ? CC_OK : fail(c, r.error());
}

int cc_preview(cc_collection* c, const char* card_id, int64_t now, int64_t intervals[4]) {
  if (!usable(c) || !card_id || !intervals) return CC_MISUSE;
  auto next = c->collection->preview(card_id, now);
  if (!next) return fail(c, next.error());
  for (int i = 0; i < 4; ++i) intervals[i] = (*next)[static_cast<std::size_t>(i)].due - now;
  return CC_OK;
}

int cc_due_count(cc_collection* c, int64_t now, int* due_today) {
  if (!usable(c) || !due_today) return CC_MISUSE;
  auto stats = c->collection->stats(now);
  if (!stats) return fail(c, stats.error());
  *due_today = stats->due_today;
  return CC_OK;
}

const char* cc_card_id(const cc_card* card) {
  return card ? card->card.id.c_str() : nullptr;
}
const char* cc_card_deck(const cc_card* card) {
  return card ? card->card.deck.c_str() : nullptr;
}
const char* cc_card_type(const cc_card* card) {
  return card ? card->card.type.c_str() : nullptr;
}
const char* cc_card_prompt(const cc_card* card) {
  return card ? card->card.prompt.c_str() : nullptr;
}
const char* cc_card_answer(const cc_card* card) {
  return card ? card->card.answer.c_str() : nullptr;
}

int cc_card_choice_count(const cc_card* card) {
  return card ? static_cast<int>(card->card.choices.size()) : 0;
}

const char* cc_card_choice(const cc_card* card, int index) {
  if (!card || index < 0 || index >= cc_card_choice_count(card)) return nullptr;
  return card->card.choices[static_cast<std::size_t>(index)].c_str();
}

int cc_card_citation_count(const cc_card* card) {
  return card ? static_cast<int>(card->card.citations.size()) : 0;
}

int cc_card_citation(const cc_card* card, int index, const char** source, int64_t* start,
                     int64_t* end, const char** text) {
  if (!card || index < 0 || index >= cc_card_citation_count(card)) return CC_MISUSE;
  const auto& c = card->card.citations[static_cast<std::size_t>(index)];
  if (source) *source = c.source.c_str();
  if (start) *start = c.start;
  if (end) *end = c.end;
  if (text) *text = c.text.c_str();
  return CC_OK;
}

void cc_card_free(cc_card* card) {
  delete card;
}

}  // extern "C"
