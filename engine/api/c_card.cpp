// The C API's card and its accessors. A card pointer is checked against the live cards before it
// is read, so a freed or foreign one gives NULL or CC_MISUSE (message in cc_errmsg(NULL)).
#include "api/c_card.hpp"

#include <map>
#include <memory>
#include <utility>

#include "api/boundary.hpp"
#include "api/sized_struct.hpp"
#include "citecard/citecard.h"

namespace citecard::capi {

Result<cc_card*> make_c_card(const Collection& collection, Card card) {
  auto made = std::make_unique<cc_card>();
  std::map<std::string, Source> sources;  // a card's citations often share an article
  for (const auto& citation : card.citations) {
    auto found = sources.find(citation.source);
    if (found == sources.end()) {
      auto source = collection.source(card.deck, citation.source);
      if (!source) return source.error();
      found = sources.emplace(citation.source, std::move(*source)).first;
    }
    made->extras.push_back(
        {found->second.author, citation_context(found->second.text, citation.start, citation.end)});
  }
  made->card = std::move(card);
  add_live(made.get(), Kind::Card);
  return made.release();
}

}  // namespace citecard::capi

namespace {

using citecard::capi::fail;
using citecard::capi::stated;

bool live(const cc_card* card) {
  return citecard::capi::is_live(card, citecard::capi::Kind::Card) && card->magic == kCardMagic;
}

// The card for an accessor that returns a value: NULL (with the thread's error set) when unusable.
const cc_card* usable(const cc_card* card, const char* call) {
  if (live(card)) return card;
  fail(nullptr, call, CC_MISUSE,
       card ? "the card is freed, or is not one cc_next_card or cc_card_get gave"
            : "the card is NULL");
  return nullptr;
}

// Runs `body(citation)` for citation `index` of `card`, or fails with CC_MISUSE saying why not.
template <class Body>
int with_citation(const cc_card* card, int index, const char* call, Body&& body) {
  return citecard::capi::guarded_free(call, [&] {
    if (!usable(card, call)) return citecard::capi::thread_error().code;
    const int count = static_cast<int>(card->card.citations.size());
    if (index < 0 || index >= count)
      return fail(nullptr, call, CC_MISUSE,
                  "index " + std::to_string(index) + " is out of range: the card has " +
                      std::to_string(count) + " citations");
    return body(card->card.citations[static_cast<std::size_t>(index)],
                card->extras[static_cast<std::size_t>(index)]);
  });
}

}  // namespace

extern "C" {

const char* cc_card_id(const cc_card* card) {
  return usable(card, "cc_card_id") ? card->card.id.c_str() : nullptr;
}
const char* cc_card_deck(const cc_card* card) {
  return usable(card, "cc_card_deck") ? card->card.deck.c_str() : nullptr;
}
const char* cc_card_type(const cc_card* card) {
  return usable(card, "cc_card_type") ? card->card.type.c_str() : nullptr;
}
const char* cc_card_prompt(const cc_card* card) {
  return usable(card, "cc_card_prompt") ? card->card.prompt.c_str() : nullptr;
}
const char* cc_card_answer(const cc_card* card) {
  return usable(card, "cc_card_answer") ? card->card.answer.c_str() : nullptr;
}

int cc_card_choice_count(const cc_card* card) {
  return usable(card, "cc_card_choice_count") ? static_cast<int>(card->card.choices.size()) : 0;
}

const char* cc_card_choice(const cc_card* card, int index) {
  if (!usable(card, "cc_card_choice")) return nullptr;
  if (index < 0 || index >= static_cast<int>(card->card.choices.size())) {
    fail(nullptr, "cc_card_choice", CC_MISUSE,
         "index " + std::to_string(index) + " is out of range");
    return nullptr;
  }
  return card->card.choices[static_cast<std::size_t>(index)].c_str();
}

int cc_card_is_cited(const cc_card* card) {
  return usable(card, "cc_card_is_cited") ? (citecard::is_cited(card->card) ? 1 : 0) : -1;
}

int cc_card_citation_count(const cc_card* card) {
  return usable(card, "cc_card_citation_count") ? static_cast<int>(card->card.citations.size()) : 0;
}

int cc_card_citation(const cc_card* card, int index, const char** source, int64_t* start,
                     int64_t* end, const char** text) {
  return with_citation(card, index, "cc_card_citation", [&](const auto& c, const auto&) {
    if (source) *source = c.source.c_str();
    if (start) *start = c.start;
    if (end) *end = c.end;
    if (text) *text = c.text.c_str();
    return CC_OK;
  });
}

int cc_card_citation_source(const cc_card* card, int index, const char** outlet, const char** title,
                            const char** author, const char** date) {
  return with_citation(card, index, "cc_card_citation_source", [&](const auto& c, const auto& x) {
    if (outlet) *outlet = c.outlet.c_str();
    if (title) *title = c.title.c_str();
    if (author) *author = x.author.c_str();
    if (date) *date = c.date.c_str();
    return CC_OK;
  });
}

int cc_card_citation_context(const cc_card* card, int index, const char** paragraph,
                             int64_t* highlight_start, int64_t* highlight_end) {
  return with_citation(card, index, "cc_card_citation_context", [&](const auto&, const auto& x) {
    if (paragraph) *paragraph = x.context.paragraph.c_str();
    if (highlight_start) *highlight_start = static_cast<int64_t>(x.context.highlight_begin);
    if (highlight_end) *highlight_end = static_cast<int64_t>(x.context.highlight_end);
    return CC_OK;
  });
}

cc_code cc_card_citation_v2(const cc_card* card, int index, cc_citation_info* citation) {
  constexpr const char* call = "cc_card_citation_v2";
  return static_cast<cc_code>(with_citation(card, index, call, [&](const auto& c, const auto& x) {
    if (!citation) return fail(nullptr, call, CC_MISUSE, "citation is NULL");
    if (auto bad = citecard::capi::check_out_size(citation))
      return fail(nullptr, call, CC_MISUSE, "citation: " + *bad);
    cc_citation_info info{};
    info.source = c.source.c_str();
    info.start = c.start;
    info.end = c.end;
    info.text = c.text.c_str();
    info.outlet = stated(c.outlet);
    info.title = stated(c.title);
    info.author = stated(x.author);
    info.date = stated(c.date);
    info.paragraph = x.context.paragraph.c_str();
    info.highlight_start = static_cast<int64_t>(x.context.highlight_begin);
    info.highlight_end = static_cast<int64_t>(x.context.highlight_end);
    citecard::capi::write_sized(info, citation);
    return CC_OK;
  }));
}

cc_code cc_answer_choice(const cc_card* card, int index, cc_verdict* verdict,
                         cc_rating* suggested_rating) {
  constexpr const char* call = "cc_answer_choice";
  return static_cast<cc_code>(citecard::capi::guarded_free(call, [&] {
    if (!usable(card, call)) return citecard::capi::thread_error().code;
    const auto& choices = card->card.choices;
    if (choices.empty())
      return fail(nullptr, call, CC_MISUSE,
                  "card " + card->card.id +
                      " has no choices: check a typed answer with "
                      "cc_check_answer");
    if (index < 0 || index >= static_cast<int>(choices.size()))
      return fail(nullptr, call, CC_MISUSE,
                  "index " + std::to_string(index) + " is out of range: the card has " +
                      std::to_string(choices.size()) + " choices");
    const bool right = choices[static_cast<std::size_t>(index)] == card->card.answer;
    if (verdict) *verdict = right ? CC_CORRECT : CC_WRONG;
    if (suggested_rating) *suggested_rating = right ? CC_GOOD : CC_AGAIN;
    return CC_OK;
  }));
}

void cc_card_free(cc_card* card) {
  if (!card) return;
  if (!citecard::capi::remove_live(card, citecard::capi::Kind::Card)) {
    fail(nullptr, "cc_card_free", CC_MISUSE,
         "the card is freed already, or is not one cc_next_card or cc_card_get gave");
    return;
  }
  card->magic = 0;
  delete card;
}

}  // extern "C"
