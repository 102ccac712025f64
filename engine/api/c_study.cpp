// The C API's study calls: the next card, checking and recording answers, preview, undo,
// suspension and burying. Each runs in capi::guarded, so errors come back as codes with a message.
#include <string>

#include "api/boundary.hpp"
#include "api/c_card.hpp"
#include "citecard/citecard.h"
#include "citecard/collection.hpp"

namespace {

using citecard::capi::bad_duration;
using citecard::capi::bad_time;
using citecard::capi::fail;
using citecard::capi::guarded;

cc_verdict verdict_code(citecard::Verdict verdict) {
  switch (verdict) {
    case citecard::Verdict::Correct:
      return CC_CORRECT;
    case citecard::Verdict::Close:
      return CC_CLOSE;
    case citecard::Verdict::Wrong:
      break;
  }
  return CC_WRONG;
}

// Hands `card` to the caller as a cc_card, with its citations' articles.
cc_code give_card(cc_collection* c, const char* call, const citecard::Collection& collection,
                  citecard::Card card, cc_card** out) {
  auto made = citecard::capi::make_c_card(collection, std::move(card));
  if (!made) return fail(c, call, made.error());
  *out = *made;
  return CC_OK;
}

}  // namespace

extern "C" {

int cc_next_card(cc_collection* c, const char* deck, int64_t now, cc_card** out) {
  if (out) *out = nullptr;
  return guarded(c, "cc_next_card", [&](citecard::Collection& collection) {
    if (!out) return fail(c, "cc_next_card", CC_MISUSE, "out is NULL");
    if (auto bad = bad_time(now)) return fail(c, "cc_next_card", CC_MISUSE, *bad);
    auto next = collection.next_card(deck ? deck : "", now);
    if (!next) return fail(c, "cc_next_card", next.error());
    if (!*next) return CC_DONE;
    return give_card(c, "cc_next_card", collection, std::move(**next), out);
  });
}

int cc_card_get(cc_collection* c, const char* card_id, cc_card** out) {
  if (out) *out = nullptr;
  return guarded(c, "cc_card_get", [&](citecard::Collection& collection) {
    if (!out || !card_id) return fail(c, "cc_card_get", CC_MISUSE, "card_id or out is NULL");
    auto card = collection.card(card_id);
    if (!card) return fail(c, "cc_card_get", card.error());
    return give_card(c, "cc_card_get", collection, std::move(*card), out);
  });
}

int cc_check_answer(cc_collection* c, const char* card_id, const char* typed, int* verdict,
                    int* suggested_rating, const char** detail) {
  return guarded(c, "cc_check_answer", [&](citecard::Collection& collection) {
    if (!card_id || !typed)
      return fail(c, "cc_check_answer", CC_MISUSE, "card_id or typed is NULL");
    auto card = collection.card(card_id);
    if (!card) return fail(c, "cc_check_answer", card.error());
    auto check = collection.check_typed_answer(*card, typed);
    if (!check) return fail(c, "cc_check_answer", check.error());
    c->text = check->detail;
    if (verdict) *verdict = verdict_code(check->verdict);
    if (suggested_rating) *suggested_rating = static_cast<int>(check->suggested);
    if (detail) *detail = c->text.c_str();
    return CC_OK;
  });
}

int cc_answer(cc_collection* c, const char* card_id, int rating, int64_t now, int64_t duration_ms) {
  return guarded(c, "cc_answer", [&](citecard::Collection& collection) {
    if (!card_id) return fail(c, "cc_answer", CC_MISUSE, "card_id is NULL");
    if (rating < CC_AGAIN || rating > CC_EASY)
      return fail(c, "cc_answer", CC_MISUSE, "the rating must be CC_AGAIN..CC_EASY (1..4)");
    if (auto bad = bad_time(now)) return fail(c, "cc_answer", CC_MISUSE, *bad);
    if (auto bad = bad_duration(duration_ms)) return fail(c, "cc_answer", CC_MISUSE, *bad);
    auto r = collection.answer(card_id, static_cast<citecard::Rating>(rating), now, duration_ms);
    return r ? CC_OK : fail(c, "cc_answer", r.error());
  });
}

int cc_preview(cc_collection* c, const char* card_id, int64_t now, int64_t intervals[4]) {
  return guarded(c, "cc_preview", [&](citecard::Collection& collection) {
    if (!card_id || !intervals)
      return fail(c, "cc_preview", CC_MISUSE, "card_id or intervals is NULL");
    if (auto bad = bad_time(now)) return fail(c, "cc_preview", CC_MISUSE, *bad);
    auto next = collection.preview(card_id, now);
    if (!next) return fail(c, "cc_preview", next.error());
    for (int i = 0; i < 4; ++i) intervals[i] = (*next)[static_cast<std::size_t>(i)].due - now;
    return CC_OK;
  });
}

int cc_undo(cc_collection* c, const char** card_id, int* rating) {
  return guarded(c, "cc_undo", [&](citecard::Collection& collection) {
    auto undone = collection.undo_last_answer();
    if (!undone) return fail(c, "cc_undo", undone.error());
    if (!*undone) return CC_DONE;
    c->text = (*undone)->card;
    if (card_id) *card_id = c->text.c_str();
    if (rating) *rating = static_cast<int>((*undone)->rating);
    return CC_OK;
  });
}

int cc_suspend(cc_collection* c, const char* card_id) {
  return guarded(c, "cc_suspend", [&](citecard::Collection& collection) {
    if (!card_id) return fail(c, "cc_suspend", CC_MISUSE, "card_id is NULL");
    auto r = collection.suspend(card_id);
    return r ? CC_OK : fail(c, "cc_suspend", r.error());
  });
}

int cc_unsuspend(cc_collection* c, const char* card_id) {
  return guarded(c, "cc_unsuspend", [&](citecard::Collection& collection) {
    if (!card_id) return fail(c, "cc_unsuspend", CC_MISUSE, "card_id is NULL");
    auto r = collection.unsuspend(card_id);
    return r ? CC_OK : fail(c, "cc_unsuspend", r.error());
  });
}

int cc_is_suspended(cc_collection* c, const char* card_id, int* suspended) {
  return guarded(c, "cc_is_suspended", [&](citecard::Collection& collection) {
    if (!card_id || !suspended)
      return fail(c, "cc_is_suspended", CC_MISUSE, "card_id or suspended is NULL");
    auto r = collection.is_suspended(card_id);
    if (!r) return fail(c, "cc_is_suspended", r.error());
    *suspended = *r ? 1 : 0;
    return CC_OK;
  });
}

int cc_bury(cc_collection* c, const char* card_id, int64_t now) {
  return guarded(c, "cc_bury", [&](citecard::Collection& collection) {
    if (!card_id) return fail(c, "cc_bury", CC_MISUSE, "card_id is NULL");
    if (auto bad = bad_time(now)) return fail(c, "cc_bury", CC_MISUSE, *bad);
    auto r = collection.bury(card_id, now);
    return r ? CC_OK : fail(c, "cc_bury", r.error());
  });
}

int cc_is_buried(cc_collection* c, const char* card_id, int64_t now, int* buried) {
  return guarded(c, "cc_is_buried", [&](citecard::Collection& collection) {
    if (!card_id || !buried) return fail(c, "cc_is_buried", CC_MISUSE, "card_id or buried is NULL");
    if (auto bad = bad_time(now)) return fail(c, "cc_is_buried", CC_MISUSE, *bad);
    auto r = collection.is_buried(card_id, now);
    if (!r) return fail(c, "cc_is_buried", r.error());
    *buried = *r ? 1 : 0;
    return CC_OK;
  });
}

}  // extern "C"
