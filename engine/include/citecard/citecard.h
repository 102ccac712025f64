/* citecard — C API for embedding the engine.
 *
 * Modelled on SQLite's: opaque handles, integer result codes, and a message for the last error
 * on each collection handle. Strings are UTF-8 and owned by the handle that returned them; they
 * stay valid until the next call on that handle (collection) or until the card is freed.
 *
 *   cc_collection* col = NULL;
 *   if (cc_open("collection.db", &col) != CC_OK) { puts(cc_errmsg(col)); cc_close(col); }
 *   cc_build(col, "decks/summit-2023");
 *   cc_card* card = NULL;
 *   while (cc_next_card(col, "", cc_now(), &card) == CC_OK) {
 *     puts(cc_card_prompt(card));
 *     cc_answer(col, cc_card_id(card), CC_GOOD, cc_now(), 4000);
 *     cc_card_free(card);
 *   }
 *   cc_close(col);
 */
#ifndef CITECARD_H
#define CITECARD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes */
#define CC_OK 0
#define CC_ERROR 1  /* see cc_errmsg() */
#define CC_DONE 2   /* nothing more: no card is due */
#define CC_MISUSE 3 /* a NULL handle or an out-of-range argument */

/* Ratings */
#define CC_AGAIN 1
#define CC_HARD 2
#define CC_GOOD 3
#define CC_EASY 4

typedef struct cc_collection cc_collection;
typedef struct cc_card cc_card;

/* Seconds since the Unix epoch, UTC. */
int64_t cc_now(void);

/* Opens or creates a collection. On failure *out may still hold a handle carrying the error
 * message; pass it to cc_close() either way. NULL path means the default collection path. */
int cc_open(const char* path, cc_collection** out);
void cc_close(cc_collection* collection);
const char* cc_errmsg(const cc_collection* collection);

/* Builds or updates a deck from its folder (manifest.toml, deck.toml, sources/). */
int cc_build(cc_collection* collection, const char* deck_dir);

/* The next card due in `deck` ("" or NULL for every deck): CC_OK with *out set, or CC_DONE. */
int cc_next_card(cc_collection* collection, const char* deck, int64_t now, cc_card** out);

/* Records an answer (rating CC_AGAIN..CC_EASY); duration_ms is the time the learner took. */
int cc_answer(cc_collection* collection, const char* card_id, int rating, int64_t now,
              int64_t duration_ms);

/* The interval each rating would give, in seconds from `now`, written to intervals[0..3]. */
int cc_preview(cc_collection* collection, const char* card_id, int64_t now, int64_t intervals[4]);

/* Counts for today over the whole collection. */
int cc_due_count(cc_collection* collection, int64_t now, int* due_today);

const char* cc_card_id(const cc_card* card);
const char* cc_card_deck(const cc_card* card);
const char* cc_card_type(const cc_card* card);
const char* cc_card_prompt(const cc_card* card);
const char* cc_card_answer(const cc_card* card);
int cc_card_choice_count(const cc_card* card);
const char* cc_card_choice(const cc_card* card, int index);
int cc_card_citation_count(const cc_card* card);
/* Citation `index`: its source id, byte range [start, end) in that source, and the cited text. */
int cc_card_citation(const cc_card* card, int index, const char** source, int64_t* start,
                     int64_t* end, const char** text);
void cc_card_free(cc_card* card);

#ifdef __cplusplus
}
#endif

#endif /* CITECARD_H */
