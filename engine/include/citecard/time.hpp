// citecard — time as the engine sees it.
//
// All instants are whole seconds since the Unix epoch, UTC. "Today" for a learner starts at a
// rollover hour (default 4:00) in the local time zone, as in Anki, so a late-night session still
// counts as the same day.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "citecard/result.hpp"

namespace citecard {

using Timestamp = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

constexpr std::int64_t kSecondsPerDay = 86400;

Timestamp now_utc();

// "2024-01-01T09:00:00Z"
std::string to_iso8601(Timestamp t);

// Accepts "YYYY-MM-DDTHH:MM:SSZ", an optional fraction of a second (dropped), and "+HH:MM"/"-HH:MM"
// offsets; a bare date "YYYY-MM-DD" means midnight UTC.
Result<Timestamp> parse_iso8601(std::string_view text);

// The start of the learner's day containing `t`: the latest local `rollover_hour`:00 at or before
// `t`. The next day starts 24 h later except across a DST change, which start_of_next_day handles.
Timestamp start_of_day(Timestamp t, int rollover_hour = 4);
Timestamp start_of_next_day(Timestamp t, int rollover_hour = 4);

}  // namespace citecard
