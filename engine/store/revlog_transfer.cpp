// Review-log CSV in and out of a collection, on the public Collection API only: an import is a
// sequence of ordinary answers recorded as one transaction, so every rule of answering holds for
// it and a failure part-way leaves nothing behind.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "citecard/revlog.hpp"

namespace citecard {

namespace {

std::string where(const RevlogEntry& e) {
  return e.line > 0 ? fmt::format("line {}: ", e.line) : std::string();
}

}  // namespace

std::int64_t revlog_card_number(std::string_view card_id) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : card_id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(h & ((std::uint64_t{1} << 53) - 1));
}

Result<std::vector<RevlogEntry>> export_revlog(const Collection& collection) {
  auto cards = collection.cards();
  if (!cards) return cards.error();
  std::vector<std::pair<std::int64_t, RevlogEntry>> rows;  // (log id, entry)
  for (const Card& card : *cards) {
    auto log = collection.review_log(card.id);
    if (!log) return log.error();
    for (const ReviewRecord& r : *log) {
      rows.push_back(
          {r.id,
           {revlog_card_number(card.id), r.reviewed_at * 1000, static_cast<int>(r.rating),
            static_cast<int>(r.before.state), r.duration_ms, 0}});
    }
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.review_time_ms != b.second.review_time_ms
               ? a.second.review_time_ms < b.second.review_time_ms
               : a.first < b.first;
  });
  std::vector<RevlogEntry> out;
  out.reserve(rows.size());
  for (auto& row : rows) out.push_back(row.second);
  return out;
}

Result<RevlogImport> import_revlog(Collection& collection,
                                   const std::vector<RevlogEntry>& entries) {
  auto cards = collection.cards();
  if (!cards) return cards.error();
  struct Known {
    std::string id;
    Timestamp last_review;
    bool suspended;
  };
  std::unordered_map<std::int64_t, Known> by_number;
  for (const Card& card : *cards) {
    auto memory = collection.memory(card.id);
    if (!memory) return memory.error();
    auto suspended = collection.is_suspended(card.id);
    if (!suspended) return suspended.error();
    by_number[revlog_card_number(card.id)] = {card.id, memory->last_review, *suspended};
  }

  // An answer equal to one already logged (same card, same second, same rating) is that answer:
  // importing a log twice, or a collection's own export, adds nothing.
  std::map<std::int64_t, std::multiset<std::pair<Timestamp, int>>> logged;
  auto already_logged = [&](const RevlogEntry& e) -> Result<bool> {
    auto known = by_number.find(e.card_id);
    if (known == by_number.end()) return false;
    auto [it, fresh] = logged.try_emplace(e.card_id);
    if (fresh) {
      auto log = collection.review_log(known->second.id);
      if (!log) return log.error();
      for (const ReviewRecord& r : *log)
        it->second.insert({r.reviewed_at, static_cast<int>(r.rating)});
    }
    auto same = it->second.find({e.review_time_ms / 1000, e.rating});
    if (same == it->second.end()) return false;
    it->second.erase(same);
    return true;
  };

  std::vector<const RevlogEntry*> order;
  RevlogImport report;
  for (const RevlogEntry& e : entries) {
    if (e.rating == 0) {
      ++report.manual_skipped;
      continue;
    }
    auto present = already_logged(e);
    if (!present) return present.error();
    if (*present) {
      ++report.already_present;
    } else {
      order.push_back(&e);
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const RevlogEntry* a, const RevlogEntry* b) {
    return a->review_time_ms < b->review_time_ms;
  });
  // Check everything before changing anything.
  for (const RevlogEntry* e : order) {
    if (e->rating < 1 || e->rating > 4) {
      return make_error(fmt::format("{}rating {} is not 1..4", where(*e), e->rating));
    }
    auto it = by_number.find(e->card_id);
    if (it == by_number.end()) {
      return make_error(fmt::format(
          "{}card_id {} is not a card of this collection (export from it to see its numbers)",
          where(*e), e->card_id));
    }
    if (it->second.suspended) {
      return make_error(fmt::format("{}card {} is suspended; unsuspend it to import its answers",
                                    where(*e), it->second.id));
    }
    const Timestamp at = e->review_time_ms / 1000;
    if (at < it->second.last_review) {
      return make_error(fmt::format(
          "{}card {} was answered at {}, after this answer at {}: answers can only be added after "
          "a card's last one (was this log imported already?)",
          where(*e), it->second.id, to_iso8601(it->second.last_review), to_iso8601(at)));
    }
    it->second.last_review = at;
  }
  std::vector<Collection::PlannedAnswer> answers;
  answers.reserve(order.size());
  for (const RevlogEntry* e : order) {
    answers.push_back({by_number.at(e->card_id).id, static_cast<Rating>(e->rating),
                       e->review_time_ms / 1000, e->duration_ms});
  }
  // One transaction: a failure part-way leaves the collection as it was, with nothing to take back.
  std::size_t failed_at = 0;
  auto recorded = collection.answer_all(answers, &failed_at);
  if (!recorded) {
    const std::string line = failed_at < order.size() ? where(*order[failed_at]) : std::string();
    return make_error(fmt::format("{}{}; nothing was imported", line, recorded.error().message),
                      recorded.error().code);
  }
  report.imported = *recorded;
  return report;
}

}  // namespace citecard
