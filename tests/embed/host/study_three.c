/* A host app of the installed library: opens a collection, builds a deck into it, studies three
 * cards and prints each with its citations. Usage: study_three COLLECTION DECK_DIR NOW */
#include <citecard/citecard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(cc_collection* col, const char* what) {
  fprintf(stderr, "%s: %s (%s)\n", what, cc_errmsg(col), cc_errstr(cc_errcode(col)));
  cc_close(col);
  return 1;
}

int main(int argc, char** argv) {
  cc_collection* col = NULL;
  cc_card* card = NULL;
  int studied = 0;
  if (argc != 4) return 2;
  if (strcmp(cc_libversion(), CC_VERSION) != 0) {
    fprintf(stderr, "library %s, header %s\n", cc_libversion(), CC_VERSION);
    return 1;
  }
  const int64_t now = (int64_t)strtoll(argv[3], NULL, 10);
  if (cc_open(argv[1], &col) != CC_OK) return fail(col, "open");
  if (cc_build(col, argv[2]) != CC_OK) return fail(col, "build");
  while (studied < 3 && cc_next_card(col, "", now, &card) == CC_OK) {
    printf("card %s (%s): %s\n", cc_card_id(card), cc_card_type(card), cc_card_prompt(card));
    for (int i = 0; i < cc_card_choice_count(card); ++i)
      printf("  choice: %s\n", cc_card_choice(card, i));
    printf("  answer: %s\n", cc_card_answer(card));
    for (int i = 0; i < cc_card_citation_count(card); ++i) {
      const char *text, *outlet, *title, *date, *paragraph;
      int64_t start, end;
      cc_card_citation(card, i, NULL, &start, &end, &text);
      cc_card_citation_source(card, i, &outlet, &title, NULL, &date);
      cc_card_citation_context(card, i, &paragraph, NULL, NULL);
      printf("  cited: %s, \"%s\", %s, bytes %lld-%lld: %s\n", outlet, title, date,
             (long long)start, (long long)end, text);
      printf("  in: %s\n", paragraph);
    }
    if (cc_answer(col, cc_card_id(card), CC_GOOD, now, 3000) != CC_OK) {
      cc_card_free(card);
      return fail(col, "answer");
    }
    cc_card_free(card);
    ++studied;
  }
  printf("studied %d cards\n", studied);
  cc_close(col);
  return studied == 3 ? 0 : 1;
}
