// `citecard revlog export/import` and `citecard optimize`, run as the real binary.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <string>

#include "citecard/optimize.hpp"
#include "citecard/revlog.hpp"
#include "cli_fixture.hpp"

using namespace citecard;
using citecard::test::SummitCollection;

namespace {

constexpr std::int64_t kStartMs = 1'704'099'600'000;  // 2024-01-01T09:00:00Z
constexpr std::int64_t kDayMs = 86'400'000;

std::vector<std::string> card_ids(const SummitCollection& c) {
  std::vector<std::string> ids;
  for (const auto& card : c.cards()) ids.push_back(card["id"].get<std::string>());
  return ids;
}

// A few weeks of answers to the first `cards` cards: learning, then reviews with some lapses.
std::string study_log(const std::vector<std::string>& ids, int cards) {
  std::vector<RevlogEntry> log;
  for (int c = 0; c < cards; ++c) {
    const std::int64_t card = revlog_card_number(ids.at(static_cast<std::size_t>(c)));
    std::int64_t t = kStartMs + c * 60'000;
    const int ratings[] = {3, 3, 1, 3, 4, 2};
    int day = 0;
    for (int k = 0; k < 6; ++k) {
      log.push_back({card, t + day * kDayMs, ratings[(k + c) % 6], 0, 4000, 0});
      day += 1 + 2 * k;
    }
  }
  return format_revlog_csv(log);
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const std::string kHeader = "card_id,review_time,review_rating,review_state,review_duration\n";

}  // namespace

TEST_CASE("revlog export then import into a fresh collection gives the same log back") {
  SummitCollection first;
  const auto ids = card_ids(first);
  const std::string imported = (first.dir / "study.csv").string();
  write(imported, study_log(ids, 5));
  const auto in = first.run("revlog import '" + imported + "'");
  REQUIRE_MESSAGE(in.status == 0, in.err);
  CHECK(in.out.find("Imported 30 answers") != std::string::npos);

  const auto exported = first.run("revlog export --csv");
  REQUIRE(exported.status == 0);
  const auto entries = parse_revlog_csv(exported.out);
  REQUIRE(entries.ok());
  CHECK(entries->size() == 30);
  // Each card starts new, and the states come from the scheduler, not from the file.
  CHECK(entries->front().state == 0);
  CHECK(std::any_of(entries->begin(), entries->end(), [](auto& e) { return e.state == 2; }));

  SummitCollection second;
  const std::string again = (second.dir / "again.csv").string();
  write(again, exported.out);
  REQUIRE(second.run("revlog import '" + again + "'").status == 0);
  CHECK(second.run("revlog export --csv").out == exported.out);
  CHECK(second.run("check").status == 0);
}

TEST_CASE("a bad CSV row is reported with its line number and nothing is imported") {
  SummitCollection c;
  const auto ids = card_ids(c);
  const std::string good = study_log(ids, 2);
  const std::string path = (c.dir / "bad.csv").string();

  write(path, good + "12,1704099600000,7,0,1000\n");
  const auto bad_rating = c.run("revlog import '" + path + "'");
  CHECK(bad_rating.status != 0);
  CHECK(bad_rating.err.find("line 14: review_rating 7") != std::string::npos);

  // A well-formed row for a card the collection does not have: also all or nothing.
  write(path, good + "12,1704099600000,3,0,1000\n");
  const auto unknown = c.run("revlog import '" + path + "'");
  CHECK(unknown.status != 0);
  CHECK(unknown.err.find("line 14: card_id 12 is not a card of this collection") !=
        std::string::npos);

  CHECK(c.run("revlog export --csv").out == kHeader);
}

TEST_CASE("optimize fits a CSV log and prints the weights as JSON, and --evaluate scores them") {
  test::TempDir dir;
  // A synthetic log: many cards answered on a growing schedule, some forgotten.
  std::vector<RevlogEntry> log;
  for (int c = 0; c < 120; ++c) {
    std::int64_t t = kStartMs + (c % 10) * kDayMs;
    int interval = 1;
    log.push_back({c + 1, t, 1 + c % 4, 0, 3000, 0});
    for (int k = 0; k < 6; ++k) {
      t += interval * kDayMs;
      const bool forgot = (c * 7 + k * 3) % 10 == 0;
      log.push_back({c + 1, t, forgot ? 1 : 3, 2, 3000, 0});
      interval = forgot ? 1 : interval * 2 + 1;
    }
  }
  const std::string csv = (dir / "log.csv").string();
  write(csv, format_revlog_csv(log));
  const std::string run = "'" + test::kCli + "' optimize --revlog '" + csv + "'";

  const auto fitted = test::run_command(run + " --json");
  REQUIRE_MESSAGE(fitted.status == 0, fitted.err);
  const auto j = nlohmann::json::parse(fitted.out);
  CHECK(j["parameters"].size() == 21);
  CHECK(j["reviews"] == 840);
  CHECK(j["items"] == 720);
  CHECK(j["seconds"].get<double>() >= 0.0);
  CHECK(fitted.err.find("optimising: 100%") != std::string::npos);

  const std::string params = (dir / "params.json").string();
  write(params, fitted.out);
  write((dir / "defaults.json").string(), nlohmann::json(default_fsrs_weights()).dump());
  const auto mine = test::run_command(run + " --json --evaluate '" + params + "'");
  const auto defaults =
      test::run_command(run + " --json --evaluate '" + (dir / "defaults.json").string() + "'");
  REQUIRE(mine.status == 0);
  REQUIRE(defaults.status == 0);
  const double fitted_loss = nlohmann::json::parse(mine.out)["log_loss"].get<double>();
  CHECK(fitted_loss < nlohmann::json::parse(defaults.out)["log_loss"].get<double>());
  CHECK(nlohmann::json::parse(mine.out)["rmse_bins"].get<double>() > 0.0);

  write(params, "[1, 2, 3]");
  const auto short_list = test::run_command(run + " --evaluate '" + params + "'");
  CHECK(short_list.status != 0);
  CHECK(short_list.err.find("expected a list of 21 numbers") != std::string::npos);
}
