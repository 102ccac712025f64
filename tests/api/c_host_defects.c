/* What a host trips on, tried from C as a host would: each function returns NULL when the library
 * refused the misuse (or did the new call's job) as citecard.h says, or a sentence saying what
 * differed. Run under AddressSanitizer in the sanitizer build: a use after free is a failure. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "citecard/citecard.h"

static char failure[2048];

#define EXPECT(condition, ...)                        \
  do {                                                \
    if (!(condition)) {                               \
      snprintf(failure, sizeof failure, __VA_ARGS__); \
      return failure;                                 \
    }                                                 \
  } while (0)

/* The message of the last failure, on the handle or (NULL) on the thread, starts with `call`. */
static int names_call(const cc_collection* col, const char* call) {
  const char* message = cc_errmsg(col);
  const size_t n = strlen(call);
  return strncmp(message, call, n) == 0 && message[n] == ':' && strlen(message) > n + 2;
}

/* Another application's SQLite file is refused by every way of opening, and not written to. */
const char* c_foreign_file_is_refused(const char* path) {
  cc_collection* col = NULL;
  int rc = cc_open(path, &col);
  EXPECT(rc == CC_FOREIGN, "cc_open gave %s: %s", cc_code_name(rc), cc_errmsg(col));
  EXPECT(names_call(col, "cc_open") && strstr(cc_errmsg(col), "another application") != NULL,
         "cc_open's message: %s", cc_errmsg(col));
  cc_close(col);
  rc = cc_open_existing(path, &col);
  EXPECT(rc == CC_FOREIGN, "cc_open_existing gave %s", cc_code_name(rc));
  EXPECT(names_call(col, "cc_open_existing"), "cc_open_existing's message: %s", cc_errmsg(col));
  cc_close(col);
  rc = cc_open_v2(path, CC_OPEN_READONLY, NULL, &col);
  EXPECT(rc == CC_FOREIGN, "cc_open_v2 (read-only) gave %s", cc_code_name(rc));
  cc_close(col);
  return NULL;
}

/* An empty path would be a temporary database, lost at close: refused. */
const char* c_empty_path_is_refused(void) {
  cc_collection* col = NULL;
  int rc = cc_open("", &col);
  EXPECT(rc == CC_MISUSE, "cc_open(\"\") gave %s", cc_code_name(rc));
  EXPECT(names_call(col ? col : NULL, "cc_open") && strstr(cc_errmsg(col), "empty") != NULL,
         "message: %s", cc_errmsg(col));
  cc_close(col);
  rc = cc_open_v2("", CC_OPEN_CREATE, NULL, &col);
  EXPECT(rc == CC_MISUSE, "cc_open_v2(\"\") gave %s", cc_code_name(rc));
  cc_close(col);
  return NULL;
}

/* A path longer than SQLite can open fails at once, naming it shortened; `path` is over 500
 * bytes of folders that do not exist. */
const char* c_long_path_is_refused(const char* path) {
  cc_collection* col = NULL;
  const int rc = cc_open(path, &col);
  EXPECT(rc == CC_MISUSE, "cc_open on a %zu-byte path gave %s: %s", strlen(path), cc_code_name(rc),
         cc_errmsg(col));
  EXPECT(names_call(col, "cc_open") && strstr(cc_errmsg(col), "too long") != NULL, "message: %s",
         cc_errmsg(col));
  EXPECT(strlen(cc_errmsg(col)) < 400, "the message is %zu bytes: the path echoed whole",
         strlen(cc_errmsg(col)));
  cc_close(col);
  return NULL;
}

/* Times in milliseconds or far in the future, and negative durations, are refused, and refusing
 * them leaves the card answerable at the real time. */
const char* c_times_are_checked(cc_collection* col, int64_t now) {
  cc_card* card = NULL;
  char id[64];
  int rc;
  EXPECT(cc_next_card(col, "", now, &card) == CC_OK, "no card: %s", cc_errmsg(col));
  snprintf(id, sizeof id, "%s", cc_card_id(card));
  cc_card_free(card);
  rc = cc_answer(col, id, CC_GOOD, now * 1000, 3000);
  EXPECT(rc == CC_MISUSE, "an answer at %lld (milliseconds) gave %s", (long long)(now * 1000),
         cc_code_name(rc));
  EXPECT(names_call(col, "cc_answer") && strstr(cc_errmsg(col), "milliseconds") != NULL,
         "message: %s", cc_errmsg(col));
  rc = cc_answer(col, id, CC_GOOD, INT64_MAX, 3000);
  EXPECT(rc == CC_MISUSE, "an answer at INT64_MAX gave %s", cc_code_name(rc));
  rc = cc_answer(col, id, CC_GOOD, now, -5);
  EXPECT(rc == CC_MISUSE, "a negative duration gave %s", cc_code_name(rc));
  EXPECT(strstr(cc_errmsg(col), "negative") != NULL, "message: %s", cc_errmsg(col));
  rc = cc_next_card(col, "", -1, &card);
  EXPECT(rc == CC_MISUSE && card == NULL, "cc_next_card at -1 gave %s", cc_code_name(rc));
  {
    int due = 0;
    rc = cc_due_count(col, now * 1000, &due);
    EXPECT(rc == CC_MISUSE, "cc_due_count in milliseconds gave %s", cc_code_name(rc));
  }
  rc = cc_answer(col, id, CC_GOOD, now, 3000);
  EXPECT(rc == CC_OK, "the real answer after the refused ones gave %s: %s", cc_code_name(rc),
         cc_errmsg(col));
  return NULL;
}

/* A closed handle, a freed card or deck list, and pointers the library never gave are refused
 * with CC_MISUSE (or NULL), never read. */
const char* c_closed_and_foreign_handles_are_refused(const char* db_path, int64_t now) {
  cc_collection* col = NULL;
  cc_collection* closed;
  cc_card* card = NULL;
  cc_card* freed;
  cc_deck_list* decks = NULL;
  int due = -1, rc;
  uint64_t not_a_handle[16] = {0};
  EXPECT(cc_open(db_path, &col) == CC_OK, "open: %s", cc_errmsg(col));
  EXPECT(cc_next_card(col, "", now, &card) == CC_OK, "next: %s", cc_errmsg(col));
  EXPECT(cc_decks(col, now, &decks) == CC_OK, "decks: %s", cc_errmsg(col));
  closed = col;
  cc_close(col);
  rc = cc_due_count(closed, now, &due);
  EXPECT(rc == CC_MISUSE, "cc_due_count on a closed handle gave %s", cc_code_name(rc));
  EXPECT(names_call(NULL, "cc_due_count") && strstr(cc_errmsg(NULL), "closed") != NULL,
         "message: %s", cc_errmsg(NULL));
  EXPECT(cc_errcode(closed) == CC_MISUSE, "cc_errcode on a closed handle");
  EXPECT(strstr(cc_errmsg(closed), "closed") != NULL, "cc_errmsg on a closed handle: %s",
         cc_errmsg(closed));
  EXPECT(cc_is_read_only(closed) == -1, "cc_is_read_only on a closed handle");
  rc = cc_answer(closed, cc_card_id(card), CC_GOOD, now, 1000);
  EXPECT(rc == CC_MISUSE, "cc_answer on a closed handle gave %s", cc_code_name(rc));
  cc_close(closed); /* closing twice does nothing */

  rc = cc_build((cc_collection*)not_a_handle, "x");
  EXPECT(rc == CC_MISUSE, "cc_build on a foreign pointer gave %s", cc_code_name(rc));
  rc = cc_build((cc_collection*)card, "x");
  EXPECT(rc == CC_MISUSE, "cc_build on a card gave %s", cc_code_name(rc));
  cc_close((cc_collection*)not_a_handle);

  /* A card outlives its handle; once freed, it is refused. */
  EXPECT(cc_card_id(card) != NULL && cc_card_citation_count(card) >= 1, "the card after close");
  freed = card;
  cc_card_free(card);
  EXPECT(cc_card_id(freed) == NULL, "cc_card_id of a freed card is not NULL");
  EXPECT(names_call(NULL, "cc_card_id"), "message: %s", cc_errmsg(NULL));
  EXPECT(cc_card_prompt(freed) == NULL && cc_card_choice_count(freed) == 0 &&
             cc_card_citation_count(freed) == 0 && cc_card_is_cited(freed) == -1,
         "a freed card's accessors");
  rc = cc_card_citation(freed, 0, NULL, NULL, NULL, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_card_citation"),
         "cc_card_citation on a freed card gave %s: %s", cc_code_name(rc), cc_errmsg(NULL));
  cc_card_free(freed); /* freeing twice does nothing */
  EXPECT(cc_card_id((cc_card*)not_a_handle) == NULL, "a foreign pointer as a card");

  EXPECT(cc_deck_list_count(decks) == 1, "deck list count");
  cc_deck_list_free(decks);
  EXPECT(cc_deck_list_count(decks) == 0, "a freed deck list still counts decks");
  rc = cc_deck_list_item(decks, 0, NULL, NULL, NULL, NULL, NULL, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_deck_list_item"),
         "cc_deck_list_item on a freed list gave %s: %s", cc_code_name(rc), cc_errmsg(NULL));
  cc_deck_list_free(decks);
  return NULL;
}

/* Every failure names its call, including those that had no message before. */
const char* c_failures_name_their_call(cc_collection* col, int64_t now) {
  cc_deck_list* decks = NULL;
  cc_card* card = NULL;
  int due = 0, rc;
  rc = cc_due_count(NULL, now, &due);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_due_count"), "cc_due_count(NULL): %s: %s",
         cc_code_name(rc), cc_errmsg(NULL));
  rc = cc_due_count(NULL, now, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_due_count"), "cc_due_count(NULL, NULL): %s",
         cc_errmsg(NULL));
  rc = cc_due_count(col, now, NULL);
  EXPECT(rc == CC_MISUSE && names_call(col, "cc_due_count"), "cc_due_count(col, NULL): %s",
         cc_errmsg(col));
  EXPECT(cc_decks(col, now, &decks) == CC_OK, "decks: %s", cc_errmsg(col));
  rc = cc_deck_list_item(decks, 5, NULL, NULL, NULL, NULL, NULL, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_deck_list_item") &&
             strstr(cc_errmsg(NULL), "out of range") != NULL,
         "cc_deck_list_item out of range: %s", cc_errmsg(NULL));
  cc_deck_list_free(decks);
  EXPECT(cc_next_card(col, "", now, &card) == CC_OK, "next: %s", cc_errmsg(col));
  rc = cc_card_citation(card, 99, NULL, NULL, NULL, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_card_citation"), "citation 99: %s",
         cc_errmsg(NULL));
  rc = cc_card_citation_source(card, -1, NULL, NULL, NULL, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_card_citation_source"), "citation -1: %s",
         cc_errmsg(NULL));
  rc = cc_card_citation_context(card, 99, NULL, NULL, NULL);
  EXPECT(rc == CC_MISUSE && names_call(NULL, "cc_card_citation_context"), "context 99: %s",
         cc_errmsg(NULL));
  cc_card_free(card);
  rc = cc_answer(col, "c0000000000000000", CC_GOOD, now, 0);
  EXPECT(rc == CC_NOTFOUND && names_call(col, "cc_answer"), "unknown card: %s", cc_errmsg(col));
  rc = cc_build(col, "/no/such/deck");
  EXPECT(rc == CC_DECK && names_call(col, "cc_build"), "missing deck: %s", cc_errmsg(col));
  {
    int code;
    for (code = CC_OK; code <= CC_FOREIGN; ++code) {
      const char* sentence = cc_errstr(code);
      const size_t n = strlen(sentence);
      EXPECT(n >= 8 && sentence[n - 1] == '.' && strncmp(sentence, "CC_", 3) != 0,
             "cc_errstr(%d) is not a sentence: %s", code, sentence);
      EXPECT(cc_code_name(code) != NULL && strncmp(cc_code_name(code), "CC_", 3) == 0,
             "cc_code_name(%d)", code);
    }
    EXPECT(cc_code_name(99) == NULL, "cc_code_name(99) is not NULL");
  }
  return NULL;
}

/* The calls that grow: versioned structs, typed enums, choices by index, NULL for what a source
 * does not state, deck options. */
const char* c_growable_calls(cc_collection* col, const char* deck_dir, const char* missing_path,
                             int64_t now) {
  cc_build_report report;
  cc_build_options build = CC_BUILD_OPTIONS_INIT;
  cc_stats_info stats;
  cc_deck_options options = CC_DECK_OPTIONS_INIT;
  cc_card* card = NULL;
  cc_code rc;
  int i, with_choices = 0;
  memset(&report, 0, sizeof report);
  report.size = sizeof report;
  rc = cc_build_v2(col, deck_dir, &build, &report);
  EXPECT(rc == CC_OK, "cc_build_v2: %s", cc_errmsg(col));
  EXPECT(strcmp(report.deck_id, "summit-2023") == 0 && report.sources > 0 &&
             report.cards_total > 20 && report.cards_added == 0,
         "report: deck %s, %d sources, %d cards, %d added", report.deck_id, report.sources,
         report.cards_total, report.cards_added);
  report.size = 3; /* smaller than any version */
  rc = cc_build_v2(col, deck_dir, NULL, &report);
  EXPECT(rc == CC_MISUSE && names_call(col, "cc_build_v2"), "a 3-byte report: %s", cc_errmsg(col));

  /* A struct from a newer header: unknown members zero are fine, set ones are refused. */
  {
    struct {
      cc_open_options known;
      int64_t newer_member;
    } newer;
    cc_collection* other = NULL;
    memset(&newer, 0, sizeof newer);
    newer.known.size = sizeof newer;
    newer.known.busy_timeout_ms = 100;
    rc = cc_open_v2(missing_path, 0, &newer.known, &other);
    EXPECT(rc == CC_NOTFOUND, "a larger options struct with zero tail gave %s: %s",
           cc_code_name(rc), cc_errmsg(other));
    cc_close(other);
    newer.newer_member = 1;
    other = NULL;
    rc = cc_open_v2(missing_path, CC_OPEN_CREATE, &newer.known, &other);
    EXPECT(rc == CC_MISUSE && other == NULL && names_call(NULL, "cc_open_v2"),
           "a larger options struct with a member set gave %s: %s", cc_code_name(rc),
           cc_errmsg(NULL));
  }

  /* Deck options from C: no new cards today once new_per_day is 0. */
  options.size = sizeof options;
  EXPECT(cc_deck_options_get(col, "summit-2023", &options) == CC_OK, "get: %s", cc_errmsg(col));
  EXPECT(options.new_per_day == -1 && options.desired_retention == 0.0,
         "fresh deck options: %d new, %f retention", options.new_per_day,
         options.desired_retention);
  options.new_per_day = 0;
  options.desired_retention = 0.85;
  EXPECT(cc_deck_options_set(col, "summit-2023", &options) == CC_OK, "set: %s", cc_errmsg(col));
  memset(&stats, 0, sizeof stats);
  stats.size = sizeof stats;
  EXPECT(cc_stats_v2(col, now, &stats) == CC_OK, "stats: %s", cc_errmsg(col));
  EXPECT(stats.new_available == 0, "%d new cards with new_per_day 0", stats.new_available);
  options.new_per_day = -1;
  options.desired_retention = 1.5;
  rc = cc_deck_options_set(col, "summit-2023", &options);
  EXPECT(rc == CC_MISUSE && names_call(col, "cc_deck_options_set"), "retention 1.5: %s",
         cc_errmsg(col));
  options.desired_retention = 0.0;
  EXPECT(cc_deck_options_set(col, "summit-2023", &options) == CC_OK, "reset: %s", cc_errmsg(col));
  EXPECT(cc_stats_v2(col, now, &stats) == CC_OK && stats.new_available == 20,
         "%d new cards after reset", stats.new_available);
  rc = cc_deck_options_get(col, "no-such-deck", &options);
  EXPECT(rc == CC_NOTFOUND, "unknown deck's options gave %s", cc_code_name(rc));

  /* A day of cards: choices answered by index; citations with NULL for what is not stated. */
  for (i = 0; i < 20 && cc_next_card(col, "", now, &card) == CC_OK; ++i) {
    const int choices = cc_card_choice_count(card);
    cc_verdict verdict = CC_CLOSE;
    cc_rating rating = CC_HARD;
    cc_citation_info citation;
    int c, right = 0;
    for (c = 0; c < choices; ++c) {
      EXPECT(cc_answer_choice(card, c, &verdict, &rating) == CC_OK, "choice %d", c);
      if (strcmp(cc_card_choice(card, c), cc_card_answer(card)) == 0) {
        EXPECT(verdict == CC_CORRECT && rating == CC_GOOD, "the right choice judged %d", verdict);
        ++right;
      } else {
        EXPECT(verdict == CC_WRONG && rating == CC_AGAIN, "a wrong choice judged %d", verdict);
      }
    }
    if (choices > 0) {
      ++with_choices;
      EXPECT(right == 1, "%d right choices", right);
      EXPECT(cc_answer_choice(card, choices, NULL, NULL) == CC_MISUSE, "choice %d of %d accepted",
             choices, choices);
    } else {
      EXPECT(cc_answer_choice(card, 0, NULL, NULL) == CC_MISUSE &&
                 strstr(cc_errmsg(NULL), "no choices") != NULL,
             "a card without choices answered by index: %s", cc_errmsg(NULL));
    }
    memset(&citation, 0xff, sizeof citation);
    citation.size = sizeof citation;
    EXPECT(cc_card_citation_v2(card, 0, &citation) == CC_OK, "citation: %s", cc_errmsg(NULL));
    EXPECT(citation.text != NULL && citation.end - citation.start == (int64_t)strlen(citation.text),
           "citation text");
    EXPECT(citation.author == NULL || (strlen(citation.author) > 0),
           "an unstated author is \"\", not NULL");
    EXPECT(citation.date == NULL || strcmp(citation.date, "not stated") != 0,
           "an unstated date is \"not stated\", not NULL");
    EXPECT(citation.outlet == NULL || strcmp(citation.outlet, "not stated") != 0,
           "an unstated outlet is \"not stated\", not NULL");
    {
      cc_source_info source;
      memset(&source, 0, sizeof source);
      source.size = sizeof source;
      EXPECT(cc_source_v2(col, cc_card_deck(card), citation.source, &source) == CC_OK, "source: %s",
             cc_errmsg(col));
      EXPECT(source.length > 0 && strlen(source.text) == source.length, "source text of %zu bytes",
             source.length);
      EXPECT((source.author == NULL) == (citation.author == NULL), "author differs");
    }
    EXPECT(cc_answer(col, cc_card_id(card), CC_GOOD, now, 1000) == CC_OK, "answer: %s",
           cc_errmsg(col));
    cc_card_free(card);
  }
  EXPECT(with_choices > 0, "no multiple-choice card among %d", i);
  return NULL;
}
