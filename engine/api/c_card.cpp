// The C API's card and its accessors.
#include "api/c_card.hpp"

#include <map>
#include <memory>
#include <utility>

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
  return made.release();
}

}  // namespace citecard::capi

namespace {

const citecard::Citation* citation_at(const cc_card* card, int index) {
  if (!card || index < 0 || index >= static_cast<int>(card->card.citations.size())) return nullptr;
  return &card->card.citations[static_cast<std::size_t>(index)];
}

}  // namespace

extern "C" {

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

int cc_card_is_cited(const cc_card* card) {
  return card ? (citecard::is_cited(card->card) ? 1 : 0) : -1;
}

int cc_card_citation_count(const cc_card* card) {
  return card ? static_cast<int>(card->card.citations.size()) : 0;
}

int cc_card_citation(const cc_card* card, int index, const char** source, int64_t* start,
                     int64_t* end, const char** text) {
  const auto* c = citation_at(card, index);
  if (!c) return CC_MISUSE;
  if (source) *source = c->source.c_str();
  if (start) *start = c->start;
  if (end) *end = c->end;
  if (text) *text = c->text.c_str();
  return CC_OK;
}

int cc_card_citation_source(const cc_card* card, int index, const char** outlet, const char** title,
                            const char** author, const char** date) {
  const auto* c = citation_at(card, index);
  if (!c) return CC_MISUSE;
  if (outlet) *outlet = c->outlet.c_str();
  if (title) *title = c->title.c_str();
  if (author) *author = card->extras[static_cast<std::size_t>(index)].author.c_str();
  if (date) *date = c->date.c_str();
  return CC_OK;
}

int cc_card_citation_context(const cc_card* card, int index, const char** paragraph,
                             int64_t* highlight_start, int64_t* highlight_end) {
  if (!citation_at(card, index)) return CC_MISUSE;
  const auto& context = card->extras[static_cast<std::size_t>(index)].context;
  if (paragraph) *paragraph = context.paragraph.c_str();
  if (highlight_start) *highlight_start = static_cast<int64_t>(context.highlight_begin);
  if (highlight_end) *highlight_end = static_cast<int64_t>(context.highlight_end);
  return CC_OK;
}

void cc_card_free(cc_card* card) {
  delete card;
}

}  // extern "C"
