/* citecard — C API for embedding the engine.
 *
 * Modelled on SQLite's: opaque handles, integer result codes, and the message and code of the last
 * error on each collection handle. Strings are UTF-8. Nothing is thrown across this API: every
 * function catches what the engine might throw and returns a code instead.
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
 *
 * Ownership: an object returned through an out-pointer (cc_collection, cc_card, cc_deck_list,
 * the JSON of cc_extract_json) belongs to the caller, who frees it with its free function. A
 * `const char*` returned by a cc_card or cc_deck_list accessor lives as long as that object; one
 * returned through a collection call (cc_errmsg, a deck id, an answer's detail) lives until the
 * next call on the same handle.
 *
 * Misuse is detected, not undefined: every call checks that its handle or card is one the
 * library gave out and has not closed or freed, and gives CC_MISUSE (or NULL, for an accessor)
 * for a NULL, closed, freed or foreign pointer instead of crashing. Such a call's message, with
 * no handle to carry it, is read with cc_errmsg(NULL). Every code but CC_OK and CC_DONE comes
 * with a message that starts with the call's name ("cc_answer: ...").
 *
 * Threads: a cc_collection handle is used by one thread at a time (the engine opens SQLite
 * without its own mutex, and the handle holds the last error); a call made while another thread
 * is inside a call on the same handle is refused with CC_MISUSE (message in cc_errmsg(NULL)) and
 * changes nothing. Give each thread its own handle:
 * several handles, in one process or several, may open the same file at once, and SQLite's
 * locking keeps the collection consistent; a write waits up to 10 s for another to finish before
 * failing with CC_BUSY, having changed nothing. A cc_card or cc_deck_list is a copy that depends
 * on no handle. cc_libversion, cc_now, cc_errstr and cc_extract_json may be called from any
 * thread; cc_errmsg(NULL) and cc_errcode(NULL) report the calling thread's last call made
 * without a handle (cc_extract_json, a cc_card or cc_deck_list call, a cc_open that could not
 * even allocate a handle) or refused for its handle.
 *
 * Times are seconds since the Unix epoch (UTC), between 2000-01-01 and 2100-01-01; anything else
 * (milliseconds, a far future) is CC_MISUSE. Durations are milliseconds, never negative.
 *
 * Growing without breaking: calls ending in _v2 take versioned structs whose first member,
 * `size`, the host sets to sizeof the struct it was compiled with (the *_INIT macros do so). The
 * library reads and writes only the members that size covers, so a host built against an older
 * header keeps working, and a larger struct is accepted when its members this library does not
 * know are zero. A struct the library fills is given zeroed with its size set, e.g.
 * `cc_stats_info stats = {.size = sizeof stats};`. The calls without _v2 are kept, unchanged, for
 * hosts written against 0.1.
 */
#ifndef CITECARD_H
#define CITECARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; cc_libversion() gives the library's, which a host may compare. */
#define CC_VERSION "0.1.0"
#define CC_VERSION_MAJOR 0
#define CC_VERSION_MINOR 1
#define CC_VERSION_PATCH 0
#define CC_VERSION_NUMBER (CC_VERSION_MAJOR * 1000000 + CC_VERSION_MINOR * 1000 + CC_VERSION_PATCH)

/* The shared library exports these functions and nothing else. */
#if defined(__GNUC__) || defined(__clang__)
#define CC_API __attribute__((visibility("default")))
#else
#define CC_API
#endif

/* Result codes. Every code but CC_OK and CC_DONE leaves a message in cc_errmsg(). The calls of
 * 0.1 return them as int; the values never change. */
typedef enum cc_code {
  CC_OK = 0,       /* success */
  CC_ERROR = 1,    /* a failure with no more specific code */
  CC_DONE = 2,     /* nothing more: no card is due, no answer to take back */
  CC_MISUSE = 3,   /* a NULL, closed or foreign handle or pointer, an out-of-range argument */
  CC_NOTFOUND = 4, /* no such collection file (cc_open_existing), deck, card or source */
  CC_BUSY = 5,     /* another process kept the collection locked; nothing changed: retry */
  CC_CORRUPT = 6,  /* the file is damaged or is not a citecard collection */
  CC_READONLY = 7, /* the collection or its folder cannot be written; nothing was saved */
  CC_FULL = 8,     /* the disk is full; nothing was saved */
  CC_IOERR = 9,    /* the operating system failed to read or write the file */
  CC_DECK = 10,    /* the deck folder is wrong (manifest, deck file, sources); see message */
  CC_INVALID = 11, /* does not apply here: a suspended card, an answer before the last one */
  CC_NEWER = 12,   /* the collection was written by a newer citecard; upgrade to open it */
  CC_NOMEM = 13,   /* out of memory */
  CC_FOREIGN = 14  /* another application's SQLite file: refused, and left untouched */
} cc_code;

/* Ratings of an answer. */
typedef enum cc_rating { CC_AGAIN = 1, CC_HARD = 2, CC_GOOD = 3, CC_EASY = 4 } cc_rating;

/* Verdicts of cc_check_answer and cc_answer_choice. */
typedef enum cc_verdict {
  CC_CORRECT = 0,
  CC_CLOSE = 1, /* a typo or part of the answer: the suggested rating is Hard */
  CC_WRONG = 2
} cc_verdict;

/* Formats of cc_export. */
typedef enum cc_format {
  CC_EXPORT_APKG = 0,      /* an Anki package: notes with Front, Back, Choices and Source */
  CC_EXPORT_ANKI_TEXT = 1, /* Anki's "Notes in Plain Text" (tab separated, with its header) */
  CC_EXPORT_CSV = 2,       /* a row per card, its citations' parts one a line in their cells */
  CC_EXPORT_JSON = 3       /* an array of cards with their citations */
} cc_format;

typedef struct cc_collection cc_collection;
typedef struct cc_card cc_card;
typedef struct cc_deck_list cc_deck_list;

/* --- Library ---------------------------------------------------------------------------------- */

/* The library's version, "MAJOR.MINOR.PATCH", and the same as CC_VERSION_NUMBER computes it. */
CC_API const char* cc_libversion(void);
CC_API int cc_libversion_number(void);

/* Seconds since the Unix epoch, UTC. */
CC_API int64_t cc_now(void);

/* What a result code means, as a sentence ("Another process kept the collection locked; nothing
 * changed: try again."), or "Unknown result code." for a value that is none. */
CC_API const char* cc_errstr(int code);

/* The name of a result code ("CC_BUSY"), or NULL for a value that is none. */
CC_API const char* cc_code_name(int code);

/* --- Collections ------------------------------------------------------------------------------ */

/* Opens a collection, creating it (and its folder) when missing, and upgrading an older one
 * after backing it up. Another application's SQLite file is CC_FOREIGN, an empty path CC_MISUSE:
 * see cc_open_v2, which this is with CC_OPEN_CREATE and the default options. NULL path means the
 * default, ${XDG_DATA_HOME:-~/.local/share}/citecard/ collection.db. On failure *out may still hold
 * a handle carrying the error; pass it to cc_close() either way (cc_close(NULL) does nothing). */
CC_API int cc_open(const char* path, cc_collection** out);

/* Like cc_open, but a missing file is CC_NOTFOUND and an empty one CC_CORRUPT, so that a
 * mistyped path does not give an empty collection (cc_open_v2 with no flags). */
CC_API int cc_open_existing(const char* path, cc_collection** out);

/* How cc_open_v2 opens a collection: flags, or-ed. */
typedef enum cc_open_flags {
  CC_OPEN_CREATE = 1,   /* create the collection (and its folder) when the file is missing */
  CC_OPEN_READONLY = 2, /* never write to the file; saving is CC_READONLY (not with CREATE) */
  CC_OPEN_DEFAULT = CC_OPEN_CREATE
} cc_open_flags;

typedef struct cc_open_options {
  size_t size;         /* sizeof(cc_open_options) */
  int busy_timeout_ms; /* how long a write waits for another one before CC_BUSY; 0: at once */
} cc_open_options;
#define CC_OPEN_OPTIONS_INIT \
  { sizeof(cc_open_options), 10000 }

/* Opens the collection at `path` (NULL: the default path of cc_open) as `flags` say, with
 * `options` (NULL: CC_OPEN_OPTIONS_INIT). Without CC_OPEN_CREATE a missing file is CC_NOTFOUND
 * and an empty one CC_CORRUPT. Another application's SQLite file is CC_FOREIGN, and an empty,
 * ":memory:" or over-long path CC_MISUSE, both before anything is created or written; a failed
 * open leaves no file or folder behind. On failure *out may hold a handle carrying the error,
 * as with cc_open; pass it to cc_close. */
CC_API cc_code cc_open_v2(const char* path, unsigned flags, const cc_open_options* options,
                          cc_collection** out);

/* Closes the collection and frees the handle. Cards and deck lists taken from it stay valid.
 * NULL, or a handle already closed, does nothing. */
CC_API void cc_close(cc_collection* collection);

/* The message and code of the last call on this handle: "" and CC_OK after a success (every call
 * resets them). With NULL: the calling thread's last call made without a handle. */
CC_API const char* cc_errmsg(const cc_collection* collection);
CC_API int cc_errcode(const cc_collection* collection);

/* 1 when the file could only be opened for reading (studying then fails with CC_READONLY), 0
 * when it is writable, -1 for a NULL or unopened handle. */
CC_API int cc_is_read_only(cc_collection* collection);

/* --- Decks ------------------------------------------------------------------------------------ */

/* Builds or updates a deck from its folder (manifest.toml, deck.toml, sources/): all or nothing.
 * A rebuilt card keeps its id and history. Errors in the folder are CC_DECK. */
CC_API int cc_build(cc_collection* collection, const char* deck_dir);

/* cc_build, also giving what it did; any out-pointer may be NULL. *deck_id lives until the next
 * call on the handle. Archived cards are those whose note left the deck: kept, not studied. */
CC_API int cc_build_deck(cc_collection* collection, const char* deck_dir, const char** deck_id,
                         int* cards_total, int* cards_added, int* cards_updated,
                         int* cards_archived);

typedef struct cc_build_options {
  size_t size;   /* sizeof(cc_build_options) */
  int uncurated; /* 1: the generator's cards alone, without deck.toml's notes and overlay */
} cc_build_options;
#define CC_BUILD_OPTIONS_INIT \
  { sizeof(cc_build_options), 0 }

typedef struct cc_build_report {
  size_t size;         /* set by the caller: sizeof(cc_build_report) */
  const char* deck_id; /* valid until the next call on the handle */
  int sources;
  int notes;
  int cards_total;
  int cards_added;
  int cards_updated;
  int cards_archived;   /* cards whose note left the deck: kept with their history, not studied */
  int quotes_held_back; /* quotes too unsure of their speaker to ask who said them */
} cc_build_report;

/* cc_build_deck with options (NULL: CC_BUILD_OPTIONS_INIT) and its report in a struct (NULL: not
 * wanted). */
CC_API cc_code cc_build_v2(cc_collection* collection, const char* deck_dir,
                           const cc_build_options* options, cc_build_report* report);

/* A deck's own settings; -1 (0.0 for the retention) where it follows the collection's. */
typedef struct cc_deck_options {
  size_t size;              /* sizeof(cc_deck_options) */
  int new_per_day;          /* new cards introduced per day; -1: the collection's (20) */
  int reviews_per_day;      /* reviews shown per day; -1: the collection's (200) */
  double desired_retention; /* in (0, 1), e.g. 0.9; 0: the collection's */
} cc_deck_options;
#define CC_DECK_OPTIONS_INIT \
  { sizeof(cc_deck_options), -1, -1, 0.0 }

/* Reads or sets (replacing all of them) a deck's own settings. An unknown deck is CC_NOTFOUND; a
 * negative limit other than -1 or a retention outside (0, 1) is CC_MISUSE. */
CC_API cc_code cc_deck_options_get(cc_collection* collection, const char* deck,
                                   cc_deck_options* options);
CC_API cc_code cc_deck_options_set(cc_collection* collection, const char* deck,
                                   const cc_deck_options* options);

/* The decks in the collection, by id, with their counts at `now`. Free with cc_deck_list_free. */
CC_API int cc_decks(cc_collection* collection, int64_t now, cc_deck_list** out);
/* How many decks the list holds (0 for NULL). */
CC_API int cc_deck_list_count(const cc_deck_list* decks);
/* Deck `index` (0-based): id, title, its active cards, the new cards that may still be introduced
 * today, learning cards due now and reviews due today. Out-pointers may be NULL. CC_MISUSE when
 * `index` is out of range. */
CC_API int cc_deck_list_item(const cc_deck_list* decks, int index, const char** id,
                             const char** title, int* total_cards, int* new_available,
                             int* learning_due, int* review_due);
/* Frees a list from cc_decks, and every string taken from it; NULL is allowed. */
CC_API void cc_deck_list_free(cc_deck_list* decks);

/* Counts for the study day containing `now`, over the whole collection; out-pointers may be NULL.
 * due_today = learning due now + reviews due today + new cards available today; learning and
 * review count the cards in those states, due or not; reviews_today the answers given today. */
CC_API int cc_stats(cc_collection* collection, int64_t now, int* due_today, int* new_available,
                    int* learning, int* review, int* reviews_today);

typedef struct cc_stats_info {
  size_t size; /* set by the caller: sizeof(cc_stats_info) */
  int due_today;
  int new_available;
  int learning;
  int review;
  int reviews_today;
} cc_stats_info;

/* cc_stats into a struct. */
CC_API cc_code cc_stats_v2(cc_collection* collection, int64_t now, cc_stats_info* stats);

/* The first number of cc_stats. */
CC_API int cc_due_count(cc_collection* collection, int64_t now, int* due_today);

/* A source article of a deck, as the deck's citations index it: `text` is `length` bytes of UTF-8
 * (NUL-terminated too), and every citation's [start, end) is a range of it. outlet, title, author
 * and date as in cc_card_citation_source. Out-pointers may be NULL; the strings live until the
 * next call on the handle. An unknown deck or source is CC_NOTFOUND. */
CC_API int cc_source(cc_collection* collection, const char* deck, const char* source_id,
                     const char** text, size_t* length, const char** outlet, const char** title,
                     const char** author, const char** date);

/* A source article, as cc_source gives it; a field the article does not state is NULL. */
typedef struct cc_source_info {
  size_t size;      /* set by the caller: sizeof(cc_source_info) */
  const char* text; /* `length` bytes of UTF-8, NUL-terminated too */
  size_t length;
  const char* outlet;
  const char* title;
  const char* author;
  const char* date; /* as the article gives it, ISO 8601 where known */
} cc_source_info;

/* cc_source into a struct; its strings live until the next call on the handle. */
CC_API cc_code cc_source_v2(cc_collection* collection, const char* deck, const char* source_id,
                            cc_source_info* source);

/* --- Studying --------------------------------------------------------------------------------- */

/* The next card due in `deck` ("" or NULL for every deck): CC_OK with *out set, or CC_DONE with
 * *out NULL. Learning cards due now come first, then reviews due today, then new cards within
 * the daily limit. An unknown deck is CC_NOTFOUND. Free the card with cc_card_free. */
CC_API int cc_next_card(cc_collection* collection, const char* deck, int64_t now, cc_card** out);

/* The card with this id, due or not (CC_NOTFOUND when there is none). */
CC_API int cc_card_get(cc_collection* collection, const char* card_id, cc_card** out);

/* Checks what the learner typed against the card's answer, as `citecard study` does: case,
 * accents, punctuation, number words and word order are forgiven, a typo or part of the answer is
 * CC_CLOSE, and a person's family name alone is right when nobody else in the deck shares it.
 * *verdict is CC_CORRECT, CC_CLOSE or CC_WRONG; *suggested_rating the rating to offer (Good, Hard,
 * Again); *detail what differed or why it was accepted ("" when nothing to say), valid until the
 * next call on the handle. Out-pointers may be NULL. Records nothing: call cc_answer. */
CC_API int cc_check_answer(cc_collection* collection, const char* card_id, const char* typed,
                           int* verdict, int* suggested_rating, const char** detail);

/* Records an answer (rating CC_AGAIN..CC_EASY); duration_ms is the time the learner took. The
 * answer is appended to the review log and the card rescheduled in one transaction. A suspended
 * or archived card, or `now` before the card's last answer, is CC_INVALID. */
CC_API int cc_answer(cc_collection* collection, const char* card_id, int rating, int64_t now,
                     int64_t duration_ms);

/* The interval each rating would give, in seconds from `now`, written to intervals[0..3]
 * (Again, Hard, Good, Easy). Changes nothing. */
CC_API int cc_preview(cc_collection* collection, const char* card_id, int64_t now,
                      int64_t intervals[4]);

/* Takes back the most recent answer given in this copy of the collection (not one merged in from
 * another device): its card is replayed without it (new again if it was its only answer), and a
 * leech suspension that answer caused is lifted. CC_OK with the
 * card's id (valid until the next call on the handle) and the rating taken back, or CC_DONE when
 * there is no answer to take back. Out-pointers may be NULL. */
CC_API int cc_undo(cc_collection* collection, const char** card_id, int* rating);

/* Several devices: each keeps its own copy of the collection, and copies merge by their logs
 * (docs/merge.md). The collection's random id (32 hex digits), valid until the next call on the
 * handle. */
CC_API cc_code cc_collection_id(cc_collection* collection, const char** id);

typedef struct cc_merge_report {
  size_t size;          /* set by the caller: sizeof(cc_merge_report) */
  const char* other_id; /* the merged file's collection id; valid until the next call */
  int answers_added;    /* answers given on the other copy that this one lacked */
  int undos_added;
  int changes_added; /* suspend, unsuspend, bury, settings and deck options changes */
  int decks_added;
  int notes_added;
  int cards_added;
  int cards_replayed;  /* cards whose state was recomputed from their merged log */
  int warnings;        /* how many lines `warning` holds */
  const char* warning; /* e.g. a copy whose clock runs over a day ahead; "" when none; valid until
                          the next call */
} cc_merge_report;

/* Merges the collection file `other_path` (only read) into this one: the answers, undos and
 * changes it lacks, and the decks, notes and cards they need; the cards that changed are replayed
 * in time order. One transaction: all or nothing. Merging in any order gives the same collection;
 * merging again adds nothing. `now` is this device's clock (cc_now()). `report` may be NULL. */
CC_API cc_code cc_merge(cc_collection* collection, const char* other_path, int64_t now,
                        cc_merge_report* report);

/* A sync folder kept on every device by a file-sync tool: merges every *.db collection file in
 * `folder`, then writes this collection's own copy there as <collection id>.db (never another
 * file). *merged and *skipped (may be NULL) count the files merged and those that could not be. */
CC_API cc_code cc_merge_folder(cc_collection* collection, const char* folder, int64_t now,
                               int* merged, int* skipped);

/* A suspended card is never shown until unsuspended; its history and state are kept. Both are
 * idempotent. */
CC_API int cc_suspend(cc_collection* collection, const char* card_id);
CC_API int cc_unsuspend(cc_collection* collection, const char* card_id);
/* *suspended is 1 when the card is suspended (by the learner or as a leech), else 0. */
CC_API int cc_is_suspended(cc_collection* collection, const char* card_id, int* suspended);
/* A buried card is put aside for the rest of the study day (until the collection's rollover hour
 * after `now`): cc_next_card skips it until then; its state and history are unchanged. Idempotent.
 * *buried is 1 while the card is buried at `now`, else 0. */
CC_API int cc_bury(cc_collection* collection, const char* card_id, int64_t now);
CC_API int cc_is_buried(cc_collection* collection, const char* card_id, int64_t now, int* buried);

/* --- Cards ------------------------------------------------------------------------------------ */

/* The card's fields; NULL for a NULL card. type is one of "who_said", "who_said_typed", "fact",
 * "quote_cloze", "fact_cloze", "which_outlet", "who_is", "who_is_reverse", or "imported" for a
 * note imported from Anki (cc_import), which cites nothing. */
CC_API const char* cc_card_id(const cc_card* card);
CC_API const char* cc_card_deck(const cc_card* card);
CC_API const char* cc_card_type(const cc_card* card);
CC_API const char* cc_card_prompt(const cc_card* card);
CC_API const char* cc_card_answer(const cc_card* card);

/* Multiple choice: the choices in the order to show them (the answer among them); 0 choices for
 * a card answered by recall or typing. cc_card_choice is NULL when `index` is out of range. */
CC_API int cc_card_choice_count(const cc_card* card);
CC_API const char* cc_card_choice(const cc_card* card, int index);

/* The card's citations: every card built from a deck has at least one, a verbatim span of a
 * source article; an imported card has none (see cc_card_is_cited). */
CC_API int cc_card_citation_count(const cc_card* card);

/* 1 when the card was built from a deck and cites its sources, 0 for an imported card (which a
 * host must not present as cited), -1 for a NULL card. */
CC_API int cc_card_is_cited(const cc_card* card);

/* Citation `index`: its source id, the byte range [start, end) in that source's text, and the
 * cited text (exactly those bytes). Out-pointers may be NULL; CC_MISUSE when out of range. */
CC_API int cc_card_citation(const cc_card* card, int index, const char** source, int64_t* start,
                            int64_t* end, const char** text);

/* Citation `index`'s article: outlet ("Reuters"), title, author ("" when not stated) and date as
 * the article gives it (ISO 8601 where known, else "not stated"). Out-pointers may be NULL. */
CC_API int cc_card_citation_source(const cc_card* card, int index, const char** outlet,
                                   const char** title, const char** author, const char** date);

/* Citation `index` in its context: the source's paragraph containing it, and the byte range
 * [highlight_start, highlight_end) of the cited text within that paragraph, for showing it
 * highlighted. Out-pointers may be NULL. */
CC_API int cc_card_citation_context(const cc_card* card, int index, const char** paragraph,
                                    int64_t* highlight_start, int64_t* highlight_end);

/* Citation `index` of a card whole: what cc_card_citation, cc_card_citation_source and
 * cc_card_citation_context give, with NULL for what the article does not state (outlet, title,
 * author, date). The strings live as long as the card. */
typedef struct cc_citation_info {
  size_t size; /* set by the caller: sizeof(cc_citation_info) */
  const char* source;
  int64_t start;
  int64_t end;
  const char* text;
  const char* outlet;
  const char* title;
  const char* author;
  const char* date;
  const char* paragraph;
  int64_t highlight_start;
  int64_t highlight_end;
} cc_citation_info;
CC_API cc_code cc_card_citation_v2(const cc_card* card, int index, cc_citation_info* citation);

/* Checks the learner's pick of a multiple-choice card: choice `index` (0-based, as
 * cc_card_choice gives them). *verdict is CC_CORRECT or CC_WRONG and *suggested_rating Good or
 * Again; out-pointers may be NULL. A card without choices, or an index out of range, is
 * CC_MISUSE. Records nothing: call cc_answer with the rating. */
CC_API cc_code cc_answer_choice(const cc_card* card, int index, cc_verdict* verdict,
                                cc_rating* suggested_rating);

/* Frees a card from cc_next_card or cc_card_get, and every string taken from it; NULL, or a card
 * already freed, is fine. */
CC_API void cc_card_free(cc_card* card);

/* --- Exchange with Anki and other tools ------------------------------------------------------ */

/* Writes the active cards of `deck` (every deck when NULL or "") to `path` in `format`, replacing
 * the file only once it is complete. *cards (may be NULL) gets how many were written. An unknown
 * deck is CC_NOTFOUND; an unknown format CC_MISUSE; a file that cannot be written CC_IOERR. */
CC_API int cc_export(cc_collection* collection, const char* path, int format, const char* deck,
                     int* cards);

/* Adds the notes of an Anki package (.apkg, told by its content) or of Anki's "Notes in Plain
 * Text" export as cards of type "imported", which cite nothing, to the deck `deck` (NULL or "":
 * named after the file's deck). The package's review history is replayed as answers. A note
 * imported before is not added again, nor are its answers. The whole file is read and checked
 * first: a file that is neither, or is damaged, is CC_INVALID and changes nothing; so is a deck
 * built from a deck folder. Any out-pointer may be NULL. */
CC_API int cc_import(cc_collection* collection, const char* path, const char* deck,
                     int* cards_added, int* cards_present, int* reviews_added);

/* --- Workload simulation --------------------------------------------------------------------- */

/* What cc_simulate simulates. Zeros (and -1 for the limits) take the defaults: from the
 * collection when one is given (its card count, desired retention, weights, steps, and the
 * buttons and seconds per answer read from its review log), else fsrs-rs's. */
typedef struct cc_simulate_options {
  size_t size;              /* sizeof(cc_simulate_options) */
  int deck_size;            /* cards; 0: the collection's active cards, or 10000 */
  int days;                 /* days simulated; the result arrays need this many entries */
  int new_per_day;          /* new cards a day; -1: no limit */
  int reviews_per_day;      /* reviews a day; -1: no limit */
  double seconds_per_day;   /* daily time cap; 0: 1800; negative: no cap */
  double desired_retention; /* in (0, 1); 0: the collection's, or 0.9 */
  uint64_t seed;            /* the same seed gives the same result */
  double first_rating[4];   /* P(Again, Hard, Good, Easy) on a first answer; all 0: default */
  double review_rating[3];  /* P(Hard, Good, Easy) on a recalled review; all 0: default */
  double seconds[3][4];     /* seconds per answer: rows learning, review, relearning; by rating;
                               a row of 0s: default */
} cc_simulate_options;
#define CC_SIMULATE_OPTIONS_INIT                                           \
  {                                                                        \
    sizeof(cc_simulate_options), 0, 365, -1, -1, 0.0, 0.0, 42, {0}, {0}, { \
      { 0 }                                                                \
    }                                                                      \
  }

/* What cc_simulate found. The caller sets size and points the arrays (any may be NULL) at
 * options.days entries each; day 0 first. */
typedef struct cc_simulation {
  size_t size;               /* set by the caller: sizeof(cc_simulation) */
  double* memorized_per_day; /* expected cards recalled each day */
  int* reviews_per_day;      /* reviews of learned cards */
  int* new_per_day;          /* new cards introduced */
  double* seconds_per_day;   /* time spent */
  double memorized;          /* on the last day */
  double total_seconds;
  int total_reviews;
  int total_new;
  double seconds_per_memorized; /* total_seconds / memorized: what a retention costs */
} cc_simulation;

/* Simulates studying a deck day by day under FSRS (fsrs-rs's simulator). `collection` may be
 * NULL (then the error is read with cc_errmsg(NULL)); options NULL: CC_SIMULATE_OPTIONS_INIT.
 * Numbers the simulator cannot use (a retention outside (0, 1), negative probabilities) are
 * CC_MISUSE with the reason. Reads the collection; changes nothing. */
CC_API cc_code cc_simulate(cc_collection* collection, const cc_simulate_options* options,
                           cc_simulation* result);

/* --- Extraction ------------------------------------------------------------------------------- */

/* Extracts attributed quotes, checkable facts and named entities from a news article's UTF-8
 * text (`length` bytes; it need not end in NUL), as the deck builder does. article_date
 * ("YYYY-MM-DD", or NULL or "" when unknown) resolves relative dates. On success *json is a
 * NUL-terminated JSON object, {"quotes": [...], "facts": [...], "entities": [...]}, every span
 * with byte offsets "start" and "end" into the text; free it with cc_free. Text that is not UTF-8
 * is CC_INVALID (the message names the byte offset); the error is read with cc_errmsg(NULL). */
CC_API int cc_extract_json(const char* text, size_t length, const char* article_date, char** json);

/* Frees memory the library allocated for the caller (the JSON of cc_extract_json). */
CC_API void cc_free(void* memory);

#ifdef __cplusplus
}
#endif

#endif /* CITECARD_H */
