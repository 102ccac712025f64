// The UTC offset of a learner's time zone at a given instant, for counting learner-days.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "citecard/result.hpp"

namespace citecard::optimize_detail {

class TimeZone {
 public:
  // "UTC", "+08:00" / "-05:30" / "UTC+8" (fixed), or an IANA name such as "Asia/Shanghai".
  static Result<TimeZone> parse(std::string_view name);

  // Seconds east of UTC at `utc_seconds`.
  std::int64_t offset_at(std::int64_t utc_seconds);

 private:
  std::string iana_;  // empty for a fixed offset
  std::int64_t fixed_ = 0;
  std::unordered_map<std::int64_t, std::int64_t> by_quarter_hour_;  // IANA offsets, memoised
};

}  // namespace citecard::optimize_detail
