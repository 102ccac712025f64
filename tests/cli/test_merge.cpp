// citecard merge, the real binary: two devices' copies of the summit collection studied apart
// come together whichever merges which, a second merge adds nothing, and a sync folder gets each
// device's own file.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli_fixture.hpp"

using namespace citecard::test;

namespace {

// Answers the first `count` cards of the day Good at `now`.
void study(const SummitCollection& c, int count, const std::string& now) {
  std::string input;
  for (int i = 0; i < count; ++i) input += "\n3\n";
  input += "q\n";
  const auto studied = c.run("study --now " + now, input);
  REQUIRE_MESSAGE(studied.status == 0, studied.err);
}

int answers(const SummitCollection& c) {
  const auto stats = c.stats("2024-01-02T12:00:00Z");
  return stats["reviews_today"].get<int>();
}

}  // namespace

TEST_CASE("citecard merge brings in the other device's answers, the same both ways, once") {
  SummitCollection laptop, phone;
  study(laptop, 3, "2024-01-02T09:00:00Z");
  study(phone, 5, "2024-01-02T10:00:00Z");

  const auto in = laptop.run("merge '" + phone.db + "' --now 2024-01-02T12:00:00Z");
  REQUIRE_MESSAGE(in.status == 0, in.err);
  CHECK(in.out.find("5 answers") != std::string::npos);
  const auto back = phone.run("merge '" + laptop.db + "' --now 2024-01-02T12:00:00Z");
  REQUIRE_MESSAGE(back.status == 0, back.err);
  CHECK(back.out.find("3 answers") != std::string::npos);
  CHECK(answers(laptop) == 8);
  CHECK(answers(phone) == 8);
  CHECK(laptop.run("check").status == 0);
  CHECK(phone.run("check").status == 0);

  const auto again = laptop.run("merge '" + phone.db + "' --now 2024-01-02T12:00:00Z");
  REQUIRE(again.status == 0);
  CHECK(again.out.find("nothing new") != std::string::npos);
  CHECK(answers(laptop) == 8);
}

TEST_CASE("citecard merge --folder writes this device's own file and merges the others'") {
  SummitCollection laptop, phone;
  const auto folder = laptop.dir / "sync";
  std::filesystem::create_directories(folder);
  study(laptop, 2, "2024-01-02T09:00:00Z");
  study(phone, 4, "2024-01-02T10:00:00Z");
  REQUIRE(laptop.run("merge --folder '" + folder.string() + "'").status == 0);
  const auto phone_run = phone.run("merge --folder '" + folder.string() + "'");
  REQUIRE_MESSAGE(phone_run.status == 0, phone_run.err);
  CHECK(phone_run.out.find("2 answers") != std::string::npos);
  REQUIRE(laptop.run("merge --folder '" + folder.string() + "'").status == 0);
  CHECK(answers(laptop) == 6);
  CHECK(answers(phone) == 6);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    files += entry.path().extension() == ".db" ? 1 : 0;
  CHECK(files == 2);
}

TEST_CASE("citecard merge refuses a missing file, and a command without one, saying so") {
  SummitCollection laptop;
  const auto missing = laptop.run("merge '" + (laptop.dir / "nope.db").string() + "'");
  CHECK(missing.status != 0);
  CHECK(missing.err.find("nope.db") != std::string::npos);
  const auto neither = laptop.run("merge");
  CHECK(neither.status != 0);
  CHECK(neither.err.find("--folder") != std::string::npos);
}
