#include "time_zone.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <optional>

namespace citecard::optimize_detail {

namespace {

// "+8", "-05:30", "+0800" -> seconds; nullopt when it is not an offset.
std::optional<std::int64_t> parse_offset(std::string_view s) {
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  std::string digits;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != ':') {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  int hours = 0, minutes = 0;
  if (digits.size() <= 2) {
    hours = std::stoi(digits);
  } else {
    hours = std::stoi(digits.substr(0, digits.size() - 2));
    minutes = std::stoi(digits.substr(digits.size() - 2));
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

// The C library only knows the process's TZ; swapping it is serialised and undone at once.
std::mutex& tz_mutex() {
  static std::mutex m;
  return m;
}

std::int64_t iana_offset(const std::string& name, std::int64_t utc_seconds) {
  std::lock_guard lock(tz_mutex());
  const char* old = std::getenv("TZ");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  setenv("TZ", name.c_str(), 1);
  tzset();
  const std::time_t t = static_cast<std::time_t>(utc_seconds);
  std::tm local{};
  localtime_r(&t, &local);
  const std::int64_t offset = local.tm_gmtoff;
  if (saved) {
    setenv("TZ", saved->c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  return offset;
}

}  // namespace

Result<TimeZone> TimeZone::parse(std::string_view name) {
  TimeZone zone;
  if (name.empty() || name == "UTC" || name == "Z" || name == "GMT") return zone;
  std::string_view offset = name;
  if (offset.starts_with("UTC") || offset.starts_with("GMT")) offset.remove_prefix(3);
  if (auto seconds = parse_offset(offset)) {
    zone.fixed_ = *seconds;
    return zone;
  }
  const std::filesystem::path file = std::filesystem::path("/usr/share/zoneinfo") / name;
  std::error_code ec;
  if (name.find("..") != name.npos || !std::filesystem::is_regular_file(file, ec)) {
    return make_error(fmt::format(
        "unknown time zone '{}'; use UTC, an offset such as +08:00, or an IANA name such as "
        "Europe/Berlin",
        name));
  }
  zone.iana_ = std::string(name);
  return zone;
}

std::int64_t TimeZone::offset_at(std::int64_t utc_seconds) {
  if (iana_.empty()) return fixed_;
  // Offsets change at instants on a quarter hour (UTC), so one lookup per quarter hour is exact
  // and keeps a large log from calling into the C library for every review.
  constexpr std::int64_t kQuarter = 900;
  const std::int64_t quarter =
      utc_seconds >= 0 ? utc_seconds / kQuarter : (utc_seconds - kQuarter + 1) / kQuarter;
  auto [it, inserted] = by_quarter_hour_.try_emplace(quarter, 0);
  if (inserted) it->second = iana_offset(iana_, quarter * kQuarter);
  return it->second;
}

}  // namespace citecard::optimize_detail
