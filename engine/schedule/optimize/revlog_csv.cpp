// The FSRS standard review-log CSV: what fsrs-rs, its bindings and the FSRS tools read.
#include <fmt/format.h>

#include <array>
#include <charconv>
#include <optional>

#include "citecard/optimize.hpp"

namespace citecard {

namespace {

constexpr std::array<std::string_view, 5> kColumns = {"card_id", "review_time", "review_rating",
                                                      "review_state", "review_duration"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(trim(line.substr(start, comma == line.npos ? line.npos : comma - start)));
    if (comma == line.npos) return fields;
    start = comma + 1;
  }
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string format_revlog_csv(const std::vector<RevlogEntry>& entries) {
  std::string out = "card_id,review_time,review_rating,review_state,review_duration\n";
  for (const RevlogEntry& e : entries) {
    out += fmt::format("{},{},{},{},{}\n", e.card_id, e.review_time_ms, e.rating, e.state,
                       e.duration_ms);
  }
  return out;
}

Result<std::vector<RevlogEntry>> parse_revlog_csv(std::string_view text) {
  std::vector<RevlogEntry> entries;
  std::array<int, kColumns.size()> column_of{};  // field index of each required column
  std::size_t field_count = 0;
  bool header_seen = false;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::string_view line =
        trim(text.substr(start, newline == text.npos ? text.npos : newline - start));
    start = newline == text.npos ? text.size() : newline + 1;
    ++line_number;
    if (line.empty()) continue;
    const auto fields = split_fields(line);
    if (!header_seen) {
      column_of.fill(-1);
      for (std::size_t f = 0; f < fields.size(); ++f) {
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
          if (fields[f] == kColumns[c]) column_of[c] = static_cast<int>(f);
        }
      }
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (column_of[c] < 0) {
          return make_error(
              fmt::format("line {}: the header has no '{}' column; expected "
                          "card_id,review_time,review_rating,review_state,review_duration",
                          line_number, kColumns[c]));
        }
      }
      field_count = fields.size();
      header_seen = true;
      continue;
    }
    if (fields.size() != field_count) {
      return make_error(fmt::format("line {}: {} fields where the header has {}", line_number,
                                    fields.size(), field_count));
    }
    std::array<std::int64_t, kColumns.size()> values{};
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      const std::string_view field = fields[static_cast<std::size_t>(column_of[c])];
      const auto value = parse_integer(field);
      if (!value) {
        return make_error(
            fmt::format("line {}: {} '{}' is not a whole number", line_number, kColumns[c], field));
      }
      values[c] = *value;
    }
    RevlogEntry entry{
        values[0], values[1],  static_cast<int>(values[2]), static_cast<int>(values[3]),
        values[4], line_number};
    if (values[2] < 0 || values[2] > 4) {
      return make_error(fmt::format(
          "line {}: review_rating {} is not 0 (manual) or 1..4 (again, hard, good, easy)",
          line_number, values[2]));
    }
    if (values[3] < 0 || values[3] > 5) {
      return make_error(
          fmt::format("line {}: review_state {} is not 0..5 (new, learning, review, relearning, "
                      "filtered, manual)",
                      line_number, values[3]));
    }
    if (values[1] < 0) {
      return make_error(
          fmt::format("line {}: review_time {} is before 1970", line_number, values[1]));
    }
    if (values[4] < 0) {
      return make_error(
          fmt::format("line {}: review_duration {} is negative", line_number, values[4]));
    }
    entries.push_back(entry);
  }
  if (!header_seen) {
    return make_error(
        "the review log is empty; expected the header "
        "card_id,review_time,review_rating,review_state,review_duration");
  }
  return entries;
}

}  // namespace citecard
