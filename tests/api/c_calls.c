/* The C API's calls, each used from C the way a host app would. Every function returns NULL when
 * the call behaved as its header comment says, or a sentence saying what differed. */
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

#define EXPECT_CODE(call, code)                                                                  \
  do {                                                                                           \
    int rc_ = (call);                                                                            \
    EXPECT(rc_ == (code), "%s gave %s (%s), expected %s", #call, cc_errstr(rc_), cc_errmsg(col), \
           cc_errstr(code));                                                                     \
  } while (0)

const char* c_decks_have_counts(cc_collection* col, int64_t now) {
  cc_deck_list* decks = NULL;
  const char *id = NULL, *title = NULL;
  int total = -1, fresh = -1, learning = -1, review = -1;
  EXPECT_CODE(cc_decks(col, now, &decks), CC_OK);
  EXPECT(cc_deck_list_count(decks) == 1, "%d decks, expected 1", cc_deck_list_count(decks));
  EXPECT_CODE(cc_deck_list_item(decks, 0, &id, &title, &total, &fresh, &learning, &review), CC_OK);
  EXPECT(strcmp(id, "summit-2023") == 0, "deck id %s", id);
  EXPECT(strlen(title) > 0, "no deck title");
  EXPECT(total > 20 && fresh == 20 && learning == 0 && review == 0,
         "counts %d total, %d new, %d learning, %d review", total, fresh, learning, review);
  EXPECT(cc_deck_list_item(decks, 1, &id, NULL, NULL, NULL, NULL, NULL) == CC_MISUSE,
         "index 1 of 1 deck accepted");
  cc_deck_list_free(decks);
  return NULL;
}

/* Every citation of the next card: its article's metadata, and its text at its offsets within
 * the paragraph given around it. *choices gets the card's choice count. */
const char* c_next_card_has_citations_in_context(cc_collection* col, int64_t now, int* choices) {
  cc_card* card = NULL;
  int i;
  EXPECT_CODE(cc_next_card(col, "summit-2023", now, &card), CC_OK);
  EXPECT(cc_card_citation_count(card) >= 1, "card %s cites nothing", cc_card_id(card));
  *choices = cc_card_choice_count(card);
  for (i = 0; i < *choices; ++i) EXPECT(strlen(cc_card_choice(card, i)) > 0, "empty choice %d", i);
  for (i = 0; i < cc_card_citation_count(card); ++i) {
    const char *source = NULL, *text = NULL, *outlet = NULL, *title = NULL, *author = NULL,
               *date = NULL, *paragraph = NULL;
    int64_t start = 0, end = 0, hs = 0, he = 0;
    EXPECT(cc_card_citation(card, i, &source, &start, &end, &text) == CC_OK, "citation %d", i);
    EXPECT(cc_card_citation_source(card, i, &outlet, &title, &author, &date) == CC_OK,
           "citation %d's source", i);
    EXPECT(cc_card_citation_context(card, i, &paragraph, &hs, &he) == CC_OK,
           "citation %d's context", i);
    EXPECT(strlen(source) > 0 && strlen(outlet) > 0 && strlen(title) > 0 && strlen(date) > 0,
           "citation %d: source '%s', outlet '%s', title '%s', date '%s'", i, source, outlet, title,
           date);
    EXPECT(author != NULL, "citation %d: NULL author", i);
    EXPECT((int64_t)strlen(text) == end - start, "citation %d: text length is not end - start", i);
    EXPECT(he - hs == end - start && he <= (int64_t)strlen(paragraph),
           "citation %d: highlight [%lld, %lld) in a paragraph of %zu bytes", i, (long long)hs,
           (long long)he, strlen(paragraph));
    EXPECT(strncmp(paragraph + hs, text, (size_t)(end - start)) == 0,
           "citation %d: the paragraph does not hold the cited text at the highlight", i);
    {
      const char *article = NULL, *article_outlet = NULL;
      size_t length = 0;
      EXPECT_CODE(cc_source(col, cc_card_deck(card), source, &article, &length, &article_outlet,
                            NULL, NULL, NULL),
                  CC_OK);
      EXPECT(end <= (int64_t)length && memcmp(article + start, text, (size_t)(end - start)) == 0,
             "citation %d: the source's text does not hold the cited text at its range", i);
      EXPECT(strcmp(article_outlet, outlet) == 0, "citation %d: outlet %s, the source's %s", i,
             outlet, article_outlet);
    }
  }
  EXPECT_CODE(
      cc_source(col, cc_card_deck(card), "no-such-source", NULL, NULL, NULL, NULL, NULL, NULL),
      CC_NOTFOUND);
  EXPECT(cc_card_citation_source(card, 99, NULL, NULL, NULL, NULL) == CC_MISUSE,
         "citation 99 accepted");
  cc_card_free(card);
  return NULL;
}

const char* c_typed_answers_are_checked(cc_collection* col, int64_t now) {
  cc_card* card = NULL;
  int verdict = -1, rating = -1;
  const char* detail = NULL;
  char answer[512];
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  snprintf(answer, sizeof answer, "%s", cc_card_answer(card));
  EXPECT_CODE(cc_check_answer(col, cc_card_id(card), answer, &verdict, &rating, &detail), CC_OK);
  EXPECT(verdict == CC_CORRECT && rating == CC_GOOD && detail != NULL,
         "its own answer '%s': verdict %d, rating %d", answer, verdict, rating);
  EXPECT_CODE(cc_check_answer(col, cc_card_id(card), "zqxj", &verdict, &rating, NULL), CC_OK);
  EXPECT(verdict == CC_WRONG && rating == CC_AGAIN, "'zqxj': verdict %d, rating %d", verdict,
         rating);
  EXPECT_CODE(cc_check_answer(col, "c0000000000000000", "x", &verdict, NULL, NULL), CC_NOTFOUND);
  cc_card_free(card);
  return NULL;
}

/* An answer counts in the stats; undo takes it back, the card is due again; then nothing to undo.
 */
const char* c_answer_then_undo(cc_collection* col, int64_t now) {
  cc_card* card = NULL;
  char id[64];
  const char* undone = NULL;
  int rating = 0, reviews = -1, fresh = -1, learning = -1;
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  snprintf(id, sizeof id, "%s", cc_card_id(card));
  cc_card_free(card);
  EXPECT_CODE(cc_answer(col, id, CC_HARD, now, 2500), CC_OK);
  EXPECT_CODE(cc_stats(col, now, NULL, &fresh, &learning, NULL, &reviews), CC_OK);
  EXPECT(reviews == 1 && fresh == 19 && learning == 1,
         "after one answer: %d answers today, %d new, %d learning", reviews, fresh, learning);
  EXPECT_CODE(cc_undo(col, &undone, &rating), CC_OK);
  EXPECT(strcmp(undone, id) == 0 && rating == CC_HARD, "undid %s (%d), expected %s (Hard)", undone,
         rating, id);
  EXPECT_CODE(cc_stats(col, now, NULL, &fresh, &learning, NULL, &reviews), CC_OK);
  EXPECT(reviews == 0 && fresh == 20 && learning == 0,
         "after undo: %d answers today, %d new, %d learning", reviews, fresh, learning);
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  EXPECT(strcmp(cc_card_id(card), id) == 0, "next is %s, not the card taken back",
         cc_card_id(card));
  cc_card_free(card);
  EXPECT_CODE(cc_undo(col, NULL, NULL), CC_DONE);
  return NULL;
}

const char* c_suspend_and_unsuspend(cc_collection* col, int64_t now) {
  cc_card* card = NULL;
  char id[64];
  int suspended = -1;
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  snprintf(id, sizeof id, "%s", cc_card_id(card));
  cc_card_free(card);
  EXPECT_CODE(cc_suspend(col, id), CC_OK);
  EXPECT_CODE(cc_is_suspended(col, id, &suspended), CC_OK);
  EXPECT(suspended == 1, "not suspended after cc_suspend");
  EXPECT_CODE(cc_answer(col, id, CC_GOOD, now, 1000), CC_INVALID);
  EXPECT(strstr(cc_errmsg(col), "suspended") != NULL, "message: %s", cc_errmsg(col));
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  EXPECT(strcmp(cc_card_id(card), id) != 0, "the suspended card is still shown");
  cc_card_free(card);
  EXPECT_CODE(cc_unsuspend(col, id), CC_OK);
  EXPECT_CODE(cc_is_suspended(col, id, &suspended), CC_OK);
  EXPECT(suspended == 0, "still suspended after cc_unsuspend");
  EXPECT_CODE(cc_suspend(col, "c0000000000000000"), CC_NOTFOUND);
  return NULL;
}

const char* c_bury_until_next_day(cc_collection* col, int64_t now) {
  cc_card* card = NULL;
  char id[64];
  int buried = -1;
  const int64_t next_day = now + 24 * 60 * 60;
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  snprintf(id, sizeof id, "%s", cc_card_id(card));
  cc_card_free(card);
  EXPECT_CODE(cc_bury(col, id, now), CC_OK);
  EXPECT_CODE(cc_is_buried(col, id, now, &buried), CC_OK);
  EXPECT(buried == 1, "not buried after cc_bury");
  EXPECT_CODE(cc_next_card(col, "", now, &card), CC_OK);
  EXPECT(strcmp(cc_card_id(card), id) != 0, "the buried card is still shown today");
  cc_card_free(card);
  EXPECT_CODE(cc_is_buried(col, id, next_day, &buried), CC_OK);
  EXPECT(buried == 0, "still buried the next day");
  EXPECT_CODE(cc_bury(col, "c0000000000000000", now), CC_NOTFOUND);
  EXPECT_CODE(cc_is_buried(col, id, now, NULL), CC_MISUSE);
  return NULL;
}

/* The first build adds every card; building again adds none and keeps them. */
const char* c_build_reports(cc_collection* col, const char* deck_dir) {
  const char* deck = NULL;
  int total = -1, added = -1, updated = -1, archived = -1, total_again = -1;
  EXPECT_CODE(cc_build_deck(col, deck_dir, &deck, &total, &added, &updated, &archived), CC_OK);
  EXPECT(strcmp(deck, "summit-2023") == 0, "built deck %s", deck);
  EXPECT(total > 20 && added == total && updated == 0 && archived == 0,
         "first build: %d total, %d added, %d updated, %d archived", total, added, updated,
         archived);
  EXPECT_CODE(cc_build_deck(col, deck_dir, NULL, &total_again, &added, NULL, &archived), CC_OK);
  EXPECT(total_again == total && added == 0 && archived == 0,
         "second build: %d total, %d added, %d archived", total_again, added, archived);
  return NULL;
}

const char* c_extract_gives_json(void) {
  static const char article[] =
      "The council met on Tuesday.\n\n"
      "\"We will open the new bridge in May,\" said Maria Lopez, the mayor of Eastfield.\n";
  static const char not_utf8[] = "caf\xe9 au lait";
  const cc_collection* col = NULL; /* for EXPECT_CODE's message: the thread's error */
  char* json = NULL;
  EXPECT_CODE(cc_extract_json(article, sizeof article - 1, "2024-03-05", &json), CC_OK);
  EXPECT(json && json[0] == '{', "not a JSON object: %.40s", json ? json : "(null)");
  EXPECT(strstr(json, "\"quotes\":[{") != NULL, "no quote in %.200s", json);
  EXPECT(strstr(json, "\"speaker\":\"Maria Lopez\"") != NULL, "no speaker in %.300s", json);
  EXPECT(strstr(json, "\"facts\":") != NULL && strstr(json, "\"entities\":") != NULL,
         "no facts or entities in %.200s", json);
  cc_free(json);
  json = NULL;
  EXPECT_CODE(cc_extract_json(not_utf8, sizeof not_utf8 - 1, NULL, &json), CC_INVALID);
  EXPECT(json == NULL, "JSON given for text that is not UTF-8");
  EXPECT(strstr(cc_errmsg(NULL), "UTF-8") != NULL, "message: %s", cc_errmsg(NULL));
  EXPECT(cc_extract_json(NULL, 3, NULL, &json) == CC_MISUSE, "NULL text accepted");
  return NULL;
}

/* col holds the summit deck; its cards go out as Anki text into dir and into a new collection. */
const char* c_export_then_import(cc_collection* col, const char* dir, int64_t now) {
  char text[1024], db[1024];
  int exported = 0, added = -1, present = -1, reviews = -1;
  snprintf(text, sizeof text, "%s/c-export.txt", dir);
  snprintf(db, sizeof db, "%s/c-import.db", dir);
  EXPECT_CODE(cc_export(col, text, CC_EXPORT_ANKI_TEXT, NULL, &exported), CC_OK);
  EXPECT(exported > 20, "%d cards exported", exported);
  {
    cc_collection* target = NULL;
    cc_card* card = NULL;
    const char* failed = NULL;
    if (cc_open(db, &target) != CC_OK) return "cannot open the import's collection";
    if (cc_import(target, text, "from-c", &added, &present, &reviews) != CC_OK) {
      snprintf(failure, sizeof failure, "cc_import: %s", cc_errmsg(target));
      failed = failure;
    } else if (added != exported || present != 0 || reviews != 0) {
      snprintf(failure, sizeof failure, "imported %d (%d present, %d reviews) of %d", added,
               present, reviews, exported);
      failed = failure;
    } else if (cc_next_card(target, "from-c", now, &card) != CC_OK) {
      failed = "no imported card to study";
    } else if (cc_card_is_cited(card) != 0 || cc_card_citation_count(card) != 0 ||
               strcmp(cc_card_type(card), "imported") != 0) {
      failed = "an imported card looks cited";
    }
    cc_card_free(card);
    cc_close(target);
    return failed;
  }
}

const char* c_simulate_runs(cc_collection* col, int cards_in_collection) {
  enum { kDays = 60 };
  double memorized[kDays], memorized_again[kDays];
  int reviews[kDays], learned[kDays];
  cc_simulate_options options = CC_SIMULATE_OPTIONS_INIT;
  options.deck_size = 400;
  options.days = kDays;
  options.new_per_day = 15;
  options.seed = 7;
  cc_simulation result = {sizeof(cc_simulation), memorized, reviews, learned, NULL, 0, 0, 0, 0, 0};
  {
    const cc_collection* col = NULL; /* for EXPECT_CODE's message: the thread's error */
    EXPECT_CODE(cc_simulate(NULL, &options, &result), CC_OK);
  }
  EXPECT(result.total_new == 400, "%d new cards of 400 in %d days at 15 a day", result.total_new,
         kDays);
  for (int d = 0; d < kDays; ++d)
    EXPECT(learned[d] <= 15, "day %d introduced %d new cards, over the limit of 15", d, learned[d]);
  EXPECT(result.memorized > 0 && result.memorized <= 400, "memorised %f", result.memorized);
  EXPECT(result.seconds_per_memorized > 0, "seconds per card memorised %f",
         result.seconds_per_memorized);
  cc_simulation again = result;
  again.memorized_per_day = memorized_again;
  again.reviews_per_day = NULL;
  again.new_per_day = NULL;
  EXPECT(cc_simulate(NULL, &options, &again) == CC_OK, "second run: %s", cc_errmsg(NULL));
  EXPECT(memcmp(memorized, memorized_again, sizeof memorized) == 0,
         "the same seed gave different days");

  /* From the collection: its card count when deck_size is 0. */
  options.deck_size = 0;
  options.new_per_day = -1;
  options.seconds_per_day = -1;
  EXPECT_CODE(cc_simulate(col, &options, &result), CC_OK);
  EXPECT(result.total_new == cards_in_collection, "%d new cards, the collection has %d",
         result.total_new, cards_in_collection);

  options.desired_retention = 1.5;
  EXPECT(cc_simulate(col, &options, &result) == CC_MISUSE, "retention 1.5 accepted");
  EXPECT(strstr(cc_errmsg(col), "cc_simulate") && strstr(cc_errmsg(col), "desired retention"),
         "message: %s", cc_errmsg(col));
  options.desired_retention = 0;
  EXPECT(cc_simulate(col, &options, NULL) == CC_MISUSE, "NULL result accepted");
  options.size = 8;
  EXPECT(cc_simulate(col, &options, &result) == CC_MISUSE, "options of size 8 accepted");
  return NULL;
}
