// The interval labels on the answer buttons.
#include <doctest/doctest.h>

#include "citecard/fsrs.hpp"

using citecard::format_interval;

TEST_CASE("intervals read in minutes, hours, days, months and years like Anki's buttons") {
  CHECK(format_interval(45) == "45s");
  CHECK(format_interval(60) == "1m");
  CHECK(format_interval(600) == "10m");
  CHECK(format_interval(3 * 3600) == "3h");
  CHECK(format_interval(3 * 86400) == "3d");
  CHECK(format_interval(29 * 86400) == "29d");
  CHECK(format_interval(30 * 86400) == "1mo");
  CHECK(format_interval(63 * 86400) == "2.1mo");
  CHECK(format_interval(365 * 86400) == "1y");
  CHECK(format_interval(548 * 86400) == "1.5y");
}
