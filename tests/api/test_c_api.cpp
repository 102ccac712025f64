#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "citecard/citecard.h"
#include "support/temp_dir.hpp"

extern "C" {
int c_client_study_all(const char* db_path, const char* deck_dir, int64_t now, int* answered,
                       char* error, size_t error_size);
// tests/api/c_calls.c: NULL when the calls behaved as documented, else what differed.
const char* c_decks_have_counts(cc_collection* col, int64_t now);
const char* c_next_card_has_citations_in_context(cc_collection* col, int64_t now, int* choices);
const char* c_typed_answers_are_checked(cc_collection* col, int64_t now);
const char* c_answer_then_undo(cc_collection* col, int64_t now);
const char* c_suspend_and_unsuspend(cc_collection* col, int64_t now);
const char* c_bury_until_next_day(cc_collection* col, int64_t now);
const char* c_build_reports(cc_collection* col, const char* deck_dir);
const char* c_extract_gives_json(void);
const char* c_simulate_runs(cc_collection* col, int cards_in_collection);
}

namespace {
const std::string kSummitDeck = std::string(CITECARD_DECKS_DIR) + "/summit-2023";
constexpr int64_t kNow = 1'704'099'600;  // 2024-01-01T09:00:00Z

// A fresh collection with the summit deck built in.
struct SummitCollection {
  citecard::test::TempDir dir;
  std::string db = (dir / "c.db").string();
  cc_collection* col = nullptr;
  SummitCollection() {
    REQUIRE(cc_open(db.c_str(), &col) == CC_OK);
    REQUIRE(cc_build(col, kSummitDeck.c_str()) == CC_OK);
  }
  ~SummitCollection() { cc_close(col); }
  SummitCollection(const SummitCollection&) = delete;
  SummitCollection& operator=(const SummitCollection&) = delete;
};

void check_c(const char* failure) {
  CHECK_MESSAGE(failure == nullptr, (failure ? failure : ""));
}
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
  CHECK(cc_build(col, (dir / "no-deck").c_str()) == CC_DECK);
  CHECK(cc_errcode(col) == CC_DECK);
  CHECK(std::string(cc_errmsg(col)).find("is not a deck folder") != std::string::npos);
  CHECK(cc_answer(col, "c1", 7, kNow, 0) == CC_MISUSE);
  CHECK(std::string(cc_errmsg(col)).find("CC_AGAIN..CC_EASY") != std::string::npos);
  CHECK(cc_answer(col, "c0000000000000000", CC_GOOD, kNow, 0) == CC_NOTFOUND);
  CHECK(std::string(cc_errmsg(col)) ==
        "cc_answer: no card with id c0000000000000000 in this collection");
  CHECK(cc_build(nullptr, "x") == CC_MISUSE);
  cc_close(col);
}

TEST_CASE("opening an unusable path gives a handle that carries the reason") {
  citecard::test::TempDir dir;
  dir.write("junk.db", std::string(4096, 'x'));
  cc_collection* col = nullptr;
  CHECK(cc_open((dir / "junk.db").c_str(), &col) == CC_CORRUPT);
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

TEST_CASE("the library's version is the header's") {
  CHECK(std::string(cc_libversion()) == CC_VERSION);
  CHECK(cc_libversion_number() == CC_VERSION_NUMBER);
  CHECK(CC_VERSION_NUMBER ==
        CC_VERSION_MAJOR * 1000000 + CC_VERSION_MINOR * 1000 + CC_VERSION_PATCH);
}

TEST_CASE("every call resets the handle's error: a success after a failure leaves no message") {
  SummitCollection summit;
  CHECK(cc_answer(summit.col, "c0000000000000000", CC_GOOD, kNow, 0) == CC_NOTFOUND);
  CHECK(cc_errcode(summit.col) == CC_NOTFOUND);
  CHECK(std::string(cc_errmsg(summit.col)).find("no card with id") != std::string::npos);
  int due = -1;
  CHECK(cc_due_count(summit.col, kNow, &due) == CC_OK);
  CHECK(cc_errcode(summit.col) == CC_OK);
  CHECK(std::string(cc_errmsg(summit.col)).empty());
  CHECK(cc_next_card(summit.col, "no-such-deck", kNow, nullptr) == CC_MISUSE);
  CHECK(std::string(cc_errmsg(summit.col)).find("out is NULL") != std::string::npos);
}

TEST_CASE("errors come with codes a host can act on") {
  citecard::test::TempDir dir;
  cc_collection* col = nullptr;
  CHECK(cc_open_existing((dir / "missing.db").c_str(), &col) == CC_NOTFOUND);
  CHECK(std::string(cc_errmsg(col)).find("no collection at") != std::string::npos);
  CHECK(cc_errcode(col) == CC_NOTFOUND);
  // Calls on a handle whose collection did not open say why it did not.
  int due = 0;
  CHECK(cc_due_count(col, kNow, &due) == CC_MISUSE);
  CHECK(std::string(cc_errmsg(col)).find("not open: no collection at") != std::string::npos);
  CHECK(cc_is_read_only(col) == -1);
  cc_close(col);

  SummitCollection summit;
  cc_card* card = nullptr;
  CHECK(cc_next_card(summit.col, "no-such-deck", kNow, &card) == CC_NOTFOUND);
  CHECK(card == nullptr);
  CHECK(cc_card_get(summit.col, "c0000000000000000", &card) == CC_NOTFOUND);
  REQUIRE(cc_next_card(summit.col, "", kNow, &card) == CC_OK);
  REQUIRE(cc_answer(summit.col, cc_card_id(card), CC_GOOD, kNow, 1000) == CC_OK);
  CHECK(cc_answer(summit.col, cc_card_id(card), CC_GOOD, kNow - 3600, 1000) == CC_INVALID);
  CHECK(std::string(cc_errmsg(summit.col)).find("before the card's last review") !=
        std::string::npos);
  cc_card_free(card);
  CHECK(std::string(cc_errstr(CC_BUSY)) ==
        "Another process kept the collection locked; nothing changed: try again.");
  CHECK(std::string(cc_errstr(99)) == "Unknown result code.");
  CHECK(std::string(cc_code_name(CC_BUSY)) == "CC_BUSY");
  CHECK(cc_code_name(99) == nullptr);
  CHECK(cc_is_read_only(summit.col) == 0);
}

TEST_CASE("a collection from a newer citecard is CC_NEWER and left untouched") {
  SummitCollection summit;
  cc_close(summit.col);
  summit.col = nullptr;
  // Mark the file as written by a far newer schema, as a newer citecard would.
  const std::string bump = "sqlite3 '" + summit.db + "' 'PRAGMA user_version = 999' >/dev/null";
  if (std::system(bump.c_str()) != 0) {
    MESSAGE("skipped: the sqlite3 command-line tool is not installed");
    return;
  }
  CHECK(cc_open(summit.db.c_str(), &summit.col) == CC_NEWER);
  CHECK(std::string(cc_errmsg(summit.col)).find("newer citecard") != std::string::npos);
}

TEST_CASE("saving to a read-only collection is CC_READONLY; reading it still works") {
  SummitCollection summit;
  cc_close(summit.col);
  summit.col = nullptr;
  std::filesystem::permissions(summit.db, std::filesystem::perms::owner_read |
                                              std::filesystem::perms::group_read |
                                              std::filesystem::perms::others_read);
  // Permissions do not bind root, so the check runs in a child process as an ordinary user.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (geteuid() == 0 && (chown(summit.dir.path().c_str(), 65534, 65534) != 0 ||
                           setgid(65534) != 0 || setuid(65534) != 0))
      _exit(100);
    cc_collection* col = nullptr;
    if (cc_open(summit.db.c_str(), &col) != CC_OK) _exit(101);
    cc_card* card = nullptr;
    if (cc_is_read_only(col) != 1 || cc_next_card(col, "", kNow, &card) != CC_OK) _exit(102);
    const int rc = cc_answer(col, cc_card_id(card), CC_GOOD, kNow, 1000);
    _exit(rc == CC_READONLY && std::string(cc_errmsg(col)).find("read-only") != std::string::npos
              ? 0
              : 103);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  if (geteuid() == 0 && chown(summit.dir.path().c_str(), 0, 0) != 0) FAIL("cannot take back");
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("from C: the deck list gives each deck's counts") {
  SummitCollection summit;
  check_c(c_decks_have_counts(summit.col, kNow));
}

TEST_CASE("from C: a card gives its choices and each citation's article and paragraph") {
  SummitCollection summit;
  int choices = -1;
  check_c(c_next_card_has_citations_in_context(summit.col, kNow, &choices));
  // Cards of the whole first day, so multiple-choice and recall cards are both seen.
  int with_choices = 0, without = 0;
  for (int i = 0; i < 20; ++i) {
    cc_card* card = nullptr;
    REQUIRE(cc_next_card(summit.col, "", kNow, &card) == CC_OK);
    check_c(c_next_card_has_citations_in_context(summit.col, kNow, &choices));
    (choices > 0 ? with_choices : without)++;
    REQUIRE(cc_answer(summit.col, cc_card_id(card), CC_EASY, kNow, 1000) == CC_OK);
    cc_card_free(card);
  }
  CHECK(with_choices > 0);
  CHECK(without > 0);
}

TEST_CASE("from C: a typed answer is checked with a verdict and a suggested rating") {
  SummitCollection summit;
  check_c(c_typed_answers_are_checked(summit.col, kNow));
}

TEST_CASE("from C: undo takes back the last answer and the card is due again") {
  SummitCollection summit;
  check_c(c_answer_then_undo(summit.col, kNow));
}

TEST_CASE("from C: a suspended card is not shown until unsuspended") {
  SummitCollection summit;
  check_c(c_suspend_and_unsuspend(summit.col, kNow));
}

TEST_CASE("from C: a buried card is not shown again until the next study day") {
  SummitCollection summit;
  check_c(c_bury_until_next_day(summit.col, kNow));
}

TEST_CASE("from C: building reports the deck and its cards added, then nothing new") {
  citecard::test::TempDir dir;
  cc_collection* col = nullptr;
  REQUIRE(cc_open((dir / "c.db").c_str(), &col) == CC_OK);
  check_c(c_build_reports(col, kSummitDeck.c_str()));
  cc_close(col);
}

TEST_CASE("from C: extraction gives quotes, facts and entities as JSON") {
  check_c(c_extract_gives_json());
}

TEST_CASE("from C: cc_simulate is reproducible, keeps its limits, and reads the collection") {
  SummitCollection summit;
  int cards = 0;
  REQUIRE(cc_build_deck(summit.col, kSummitDeck.c_str(), nullptr, &cards, nullptr, nullptr,
                        nullptr) == CC_OK);
  check_c(c_simulate_runs(summit.col, cards));
}

TEST_CASE("two threads, each with its own handle on one file, study at once without errors") {
  SummitCollection summit;
  // Both study the same day: each takes the next due card and answers it Easy until none is due,
  // so they often answer the same card; every answer must be recorded, none lost or refused.
  constexpr int kThreads = 2;
  std::atomic<int> answered{0};
  std::string errors[kThreads];
  std::thread threads[kThreads];
  for (int t = 0; t < kThreads; ++t) {
    threads[t] = std::thread([&, t] {
      cc_collection* col = nullptr;
      if (cc_open(summit.db.c_str(), &col) != CC_OK) {
        errors[t] = cc_errmsg(col);
        cc_close(col);
        return;
      }
      cc_card* card = nullptr;
      int rc = CC_OK;
      while ((rc = cc_next_card(col, "", kNow, &card)) == CC_OK) {
        rc = cc_answer(col, cc_card_id(card), CC_EASY, kNow, 500);
        cc_card_free(card);
        if (rc != CC_OK) break;
        ++answered;
      }
      if (rc != CC_DONE) errors[t] = std::string(cc_errstr(rc)) + ": " + cc_errmsg(col);
      cc_close(col);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors) CHECK_MESSAGE(error.empty(), error);
  int due = -1, fresh = -1, reviews_today = -1;
  REQUIRE(cc_stats(summit.col, kNow, &due, &fresh, nullptr, nullptr, &reviews_today) == CC_OK);
  CHECK(answered >= 20);  // the day's 20 new cards, some answered by both threads
  CHECK(reviews_today == answered);
  CHECK(due == 0);
  CHECK(fresh == 0);
}

TEST_CASE("calls without a handle report to their own thread through cc_errmsg(NULL)") {
  const char text[] = "Plain words.";
  char* json = nullptr;
  REQUIRE(cc_extract_json(text, sizeof text - 1, nullptr, &json) == CC_OK);
  cc_free(json);
  std::string other_message;
  int other_code = CC_OK;
  std::thread other([&] {
    const char bad[] = "caf\xe9";
    char* none = nullptr;
    other_code = cc_extract_json(bad, sizeof bad - 1, nullptr, &none);
    other_message = cc_errmsg(nullptr);
  });
  other.join();
  CHECK(other_code == CC_INVALID);
  CHECK(other_message.find("UTF-8") != std::string::npos);
  // This thread's last handle-less call succeeded; the other thread's failure is not seen here.
  CHECK(cc_errcode(nullptr) == CC_OK);
  CHECK(std::string(cc_errmsg(nullptr)).empty());
  CHECK(cc_open("x.db", nullptr) == CC_MISUSE);
  CHECK(std::string(cc_errmsg(nullptr)).find("out is NULL") != std::string::npos);
}

TEST_CASE("cc_merge brings in another device's answers and reports them, and again nothing") {
  SummitCollection laptop, phone;
  const char* laptop_id = nullptr;
  REQUIRE(cc_collection_id(laptop.col, &laptop_id) == CC_OK);
  const std::string laptop_name = laptop_id;
  CHECK(laptop_name.size() == 32);
  for (int i = 0; i < 3; ++i) {
    cc_card* card = nullptr;
    REQUIRE(cc_next_card(phone.col, "", kNow + i, &card) == CC_OK);
    REQUIRE(cc_answer(phone.col, cc_card_id(card), 3, kNow + i, 2000) == CC_OK);
    cc_card_free(card);
  }
  cc_merge_report report{};
  report.size = sizeof report;
  REQUIRE(cc_merge(laptop.col, phone.db.c_str(), kNow + 60, &report) == CC_OK);
  CHECK(report.answers_added == 3);
  CHECK(report.cards_replayed == 3);
  CHECK(report.warnings == 0);
  CHECK(std::string(report.warning).empty());
  const char* phone_id = nullptr;
  REQUIRE(cc_collection_id(phone.col, &phone_id) == CC_OK);
  CHECK(std::string(report.other_id) == phone_id);
  int reviews_today = 0;
  REQUIRE(cc_stats(laptop.col, kNow + 60, nullptr, nullptr, nullptr, nullptr, &reviews_today) ==
          CC_OK);
  CHECK(reviews_today == 3);

  REQUIRE(cc_merge(laptop.col, phone.db.c_str(), kNow + 60, &report) == CC_OK);
  CHECK(report.answers_added == 0);
  CHECK(cc_merge(laptop.col, (phone.db + ".missing").c_str(), kNow, nullptr) == CC_NOTFOUND);
  CHECK(std::string(cc_errmsg(laptop.col)).find(".missing") != std::string::npos);
  CHECK(cc_merge(laptop.col, nullptr, kNow, nullptr) == CC_MISUSE);

  const auto folder = laptop.dir / "sync";
  std::filesystem::create_directories(folder);
  int merged = -1, skipped = -1;
  REQUIRE(cc_merge_folder(phone.col, folder.string().c_str(), kNow + 60, &merged, &skipped) ==
          CC_OK);
  CHECK(merged == 0);
  REQUIRE(cc_merge_folder(laptop.col, folder.string().c_str(), kNow + 60, &merged, &skipped) ==
          CC_OK);
  CHECK(merged == 1);
  CHECK(skipped == 0);
  CHECK(std::filesystem::exists(folder / (laptop_name + ".db")));
}
