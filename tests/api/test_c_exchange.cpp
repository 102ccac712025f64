// cc_export and cc_import: the summit deck out as Anki plain text and back into a new collection,
// and the errors a host meets.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "citecard/citecard.h"
#include "support/temp_dir.hpp"

extern "C" const char* c_export_then_import(cc_collection* col, const char* dir, int64_t now);

namespace {
const std::string kSummit = std::string(CITECARD_DECKS_DIR) + "/summit-2023";
constexpr int64_t kNow = 1'704'099'600;  // 2024-01-01T09:00:00Z
}  // namespace

TEST_CASE("cc_export writes the summit deck as Anki text and cc_import makes uncited cards of it") {
  citecard::test::TempDir dir;
  cc_collection* source = nullptr;
  REQUIRE(cc_open((dir / "a.db").c_str(), &source) == CC_OK);
  int total = 0;
  REQUIRE(cc_build_deck(source, kSummit.c_str(), nullptr, &total, nullptr, nullptr, nullptr) ==
          CC_OK);
  const auto text = dir / "summit.txt";
  int exported = 0;
  CHECK(cc_export(source, text.c_str(), CC_EXPORT_ANKI_TEXT, "summit-2023", &exported) == CC_OK);
  CHECK(exported == total);
  CHECK(cc_export(source, (dir / "x.apkg").c_str(), 99, nullptr, &exported) == CC_MISUSE);
  CHECK(cc_export(source, (dir / "x.apkg").c_str(), CC_EXPORT_APKG, "nope", nullptr) ==
        CC_NOTFOUND);
  CHECK(std::string(cc_errmsg(source)).find("no deck nope") != std::string::npos);
  CHECK(cc_export(source, (dir / "s.apkg").c_str(), CC_EXPORT_APKG, nullptr, nullptr) == CC_OK);
  CHECK(std::filesystem::file_size(dir / "s.apkg") > 1000);
  const char* from_c = c_export_then_import(source, dir.path().c_str(), kNow);
  CHECK_MESSAGE(from_c == nullptr, (from_c ? from_c : ""));
  cc_close(source);

  cc_collection* target = nullptr;
  REQUIRE(cc_open((dir / "b.db").c_str(), &target) == CC_OK);
  int added = -1, present = -1, reviews = -1;
  REQUIRE(cc_import(target, text.c_str(), "from-anki", &added, &present, &reviews) == CC_OK);
  CHECK(added == total);
  CHECK(present == 0);
  CHECK(reviews == 0);
  cc_card* card = nullptr;
  REQUIRE(cc_next_card(target, "from-anki", kNow, &card) == CC_OK);
  CHECK(std::string(cc_card_type(card)) == "imported");
  CHECK(cc_card_is_cited(card) == 0);
  CHECK(cc_card_citation_count(card) == 0);
  cc_card_free(card);
  CHECK(cc_card_is_cited(nullptr) == -1);

  // The .apkg of the same cards finds every one of them there already.
  REQUIRE(cc_import(target, (dir / "s.apkg").c_str(), "from-anki", &added, &present, nullptr) ==
          CC_OK);
  CHECK(added == 0);
  CHECK(present == total);

  const auto bad = dir.write("bad.apkg", "not a zip");
  CHECK(cc_import(target, bad.c_str(), nullptr, &added, nullptr, nullptr) == CC_INVALID);
  CHECK(std::string(cc_errmsg(target)).find("not an Anki package") != std::string::npos);
  CHECK(cc_import(target, nullptr, nullptr, nullptr, nullptr, nullptr) == CC_MISUSE);
  cc_close(target);
}
