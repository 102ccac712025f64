/* A small C program's use of the engine: open, build, study every due card with Good. */
#include <stdio.h>
#include <string.h>

#include "citecard/citecard.h"

int c_client_study_all(const char* db_path, const char* deck_dir, int64_t now, int* answered,
                       char* error, size_t error_size) {
  cc_collection* col = NULL;
  cc_card* card = NULL;
  int rc = cc_open(db_path, &col);
  if (rc == CC_OK) rc = cc_build(col, deck_dir);
  *answered = 0;
  while (rc == CC_OK && (rc = cc_next_card(col, "", now, &card)) == CC_OK) {
    const char* text = NULL;
    int64_t start = 0, end = 0;
    if (cc_card_citation_count(card) < 1 ||
        cc_card_citation(card, 0, NULL, &start, &end, &text) != CC_OK ||
        (int64_t)strlen(text) != end - start) {
      cc_card_free(card);
      snprintf(error, error_size, "card without a well-formed citation");
      cc_close(col);
      return CC_ERROR;
    }
    rc = cc_answer(col, cc_card_id(card), CC_EASY, now, 1500);
    cc_card_free(card);
    if (rc == CC_OK) ++*answered;
  }
  if (rc == CC_DONE) rc = CC_OK;
  if (rc != CC_OK) snprintf(error, error_size, "%s", cc_errmsg(col));
  cc_close(col);
  return rc;
}
