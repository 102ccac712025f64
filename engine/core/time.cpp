#include "citecard/time.hpp"

#include <fmt/format.h>

#include <cctype>
#include <chrono>
#include <ctime>

namespace citecard {

Timestamp now_utc() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string to_iso8601(Timestamp t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool digits(int count, int& out) {
    out = 0;
    for (int i = 0; i < count; ++i) {
      if (pos_ >= text_.size() || !std::isdigit(static_cast<unsigned char>(text_[pos_])))
        return false;
      out = out * 10 + (text_[pos_++] - '0');
    }
    return true;
  }
  bool accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool at_end() const { return pos_ == text_.size(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Result<Timestamp> parse_iso8601(std::string_view text) {
  auto bad = [&] {
    return make_error(
        fmt::format("'{}' is not an ISO 8601 time (expected e.g. 2024-01-01T09:00:00Z)", text));
  };
  Cursor c(text);
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (!c.digits(4, y) || !c.accept('-') || !c.digits(2, mo) || !c.accept('-') || !c.digits(2, d))
    return bad();
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return bad();
  std::int64_t offset = 0;
  if (!c.at_end()) {
    if (!c.accept('T') && !c.accept(' ')) return bad();
    if (!c.digits(2, h) || !c.accept(':') || !c.digits(2, mi)) return bad();
    if (c.accept(':') && !c.digits(2, s)) return bad();
    if (c.accept('.')) {
      int digit;
      if (!c.digits(1, digit)) return bad();
      while (c.digits(1, digit)) {
      }
    }
    if (c.accept('Z')) {
    } else if (bool plus = c.accept('+'); plus || c.accept('-')) {
      int oh, om;
      if (!c.digits(2, oh)) return bad();
      c.accept(':');
      if (!c.digits(2, om)) return bad();
      offset = (plus ? 1 : -1) * (oh * 3600 + om * 60);
    }
    if (!c.at_end() || h > 23 || mi > 59 || s > 60) return bad();
  }
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * kSecondsPerDay +
         h * 3600 + mi * 60 + s - offset;
}

Timestamp start_of_day(Timestamp t, int rollover_hour) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm local{};
  localtime_r(&tt, &local);
  const bool before_rollover = local.tm_hour < rollover_hour;
  local.tm_hour = rollover_hour;
  local.tm_min = 0;
  local.tm_sec = 0;
  if (before_rollover) local.tm_mday -= 1;
  local.tm_isdst = -1;  // let mktime work out DST for the rollover instant itself
  return static_cast<Timestamp>(std::mktime(&local));
}

Timestamp start_of_next_day(Timestamp t, int rollover_hour) {
  std::time_t tt = static_cast<std::time_t>(start_of_day(t, rollover_hour));
  std::tm local{};
  localtime_r(&tt, &local);
  local.tm_mday += 1;
  local.tm_hour = rollover_hour;
  local.tm_min = 0;
  local.tm_sec = 0;
  local.tm_isdst = -1;
  return static_cast<Timestamp>(std::mktime(&local));
}

}  // namespace citecard
