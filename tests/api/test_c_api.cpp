#include <doctest/doctest.h>

#include <string>

#include "citecard/citecard.h"
#include "support/temp_dir.hpp"

extern "C" int c_client_study_all(const char* db_path, const char* deck_dir, int64_t now,
                                  int* answered, char* error, size_t error_size);

namespace {
const std::string kSummitDeck = std::string(CITECARD_DECKS_DIR) + "/summit-2023";
constexpr int64_t kNow = 1'704'099'600;  // 2024-01-01T09:00:00Z
}  // namespace

TEST_CASE("a C program can build the summit deck and study the day's new cards") {
  citecard::test::TempDir dir;
  int answered = 0;
  char error[256] = "";
  const int rc = c_client_study_all((dir / "c.db").c_str(), kSummitDeck.c_str(), kNow, &answered,
                                    error, sizeof error);
  CHECK_MESSAGE(rc == CC_OK, error);
  CHECK(answered == 20);  // the daily limit of new cards, each answered Easy

  cc_collection* col = nullptr;
  REQUIRE(cc_open((dir / "c.db").c_str(), &col) == CC_OK);
  int due = -1;
  CHECK(cc_due_count(col, kNow, &due) == CC_OK);
  CHECK(due == 0);
  cc_card* card = nullptr;
  CHECK(cc_next_card(col, "", kNow, &card) == CC_DONE);
  CHECK(card == nullptr);
  cc_close(col);
}

TEST_CASE("C API errors are codes with a message on the handle") {
  citecard::test::TempDir dir;
  cc_collection* col = nullptr;
  REQUIRE(cc_open((dir / "c.db").c_str(), &col) == CC_OK);
  CHECK(cc_build(col, (dir / "no-deck").c_str()) == CC_ERROR);
  CHECK(std::string(cc_errmsg(col)).find("is not a deck folder") != std::string::npos);
  CHECK(cc_answer(col, "c1", 7, kNow, 0) == CC_MISUSE);
  CHECK(cc_answer(col, "c0000000000000000", CC_GOOD, kNow, 0) == CC_ERROR);
  CHECK(std::string(cc_errmsg(col)) == "no card with id c0000000000000000 in this collection");
  CHECK(cc_build(nullptr, "x") == CC_MISUSE);
  cc_close(col);
}

TEST_CASE("opening an unusable path gives a handle that carries the reason") {
  citecard::test::TempDir dir;
  dir.write("junk.db", std::string(4096, 'x'));
  cc_collection* col = nullptr;
  CHECK(cc_open((dir / "junk.db").c_str(), &col) == CC_ERROR);
  REQUIRE(col != nullptr);
  CHECK(std::string(cc_errmsg(col)).find("junk.db") != std::string::npos);
  cc_close(col);
}

TEST_CASE("the preview gives each rating's interval, Again shortest and Easy longest") {
  citecard::test::TempDir dir;
  cc_collection* col = nullptr;
  REQUIRE(cc_open((dir / "c.db").c_str(), &col) == CC_OK);
  REQUIRE(cc_build(col, kSummitDeck.c_str()) == CC_OK);
  cc_card* card = nullptr;
  REQUIRE(cc_next_card(col, nullptr, kNow, &card) == CC_OK);
  int64_t intervals[4] = {};
  REQUIRE(cc_preview(col, cc_card_id(card), kNow, intervals) == CC_OK);
  CHECK(intervals[0] == 60);
  CHECK(intervals[2] == 600);
  CHECK(intervals[0] < intervals[1]);
  CHECK(intervals[1] < intervals[2]);
  CHECK(intervals[2] < intervals[3]);
  CHECK(cc_card_choice(card, 99) == nullptr);
  cc_card_free(card);
  cc_close(col);
}
