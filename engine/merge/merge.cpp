#include "merge/merge.hpp"

#include <fmt/format.h>

#include "merge/card_replay.hpp"
#include "store/change_log.hpp"
#include "store/merge_rows.hpp"

namespace citecard::merge {
namespace {

// Detaches the other file and drops the merge's scratch tables however the merge ends.
class AttachedOther {
 public:
  explicit AttachedOther(store::Database& db) : db_(db) {
    // A merge rewrites answers all over a large log: with SQLite's default 2 MB cache it would
    // spend most of its time moving pages between the cache, the OS and the WAL.
    (void)db_.exec("PRAGMA cache_size = -131072");
  }
  ~AttachedOther() {
    store::drop_merge_tables(db_);
    store::detach_other(db_);
    (void)db_.exec("PRAGMA cache_size = -2000");
  }
  AttachedOther(const AttachedOther&) = delete;
  AttachedOther& operator=(const AttachedOther&) = delete;

 private:
  store::Database& db_;
};

std::string describe_days(std::int64_t seconds) {
  const double days = static_cast<double>(seconds) / kSecondsPerDay;
  return fmt::format("{:.1f} days", days);
}

Result<void> settle_all(store::Database& db, SchedulerCache& schedulers, int& replayed) {
  auto cards = store::merge_targets(db, "merge_cards");
  if (!cards) return cards.error();
  store::StatementCache statements(db);
  for (const auto& card : *cards) {
    if (auto r = replay_card(statements, card, schedulers); !r) return r;
    if (auto r = store::settle_card_flags(statements, card); !r) return r;
  }
  replayed = static_cast<int>(cards->size());
  auto flagged = store::merge_targets(db, "merge_flags");
  if (!flagged) return flagged.error();
  for (const auto& card : *flagged)
    if (auto r = store::settle_card_flags(statements, card); !r) return r;
  auto keys = store::merge_targets(db, "merge_settings");
  if (!keys) return keys.error();
  for (const auto& key : *keys)
    if (auto r = store::settle_setting(db, key); !r) return r;
  auto decks = store::merge_targets(db, "merge_deck_options");
  if (!decks) return decks.error();
  for (const auto& deck : *decks)
    if (auto r = store::settle_deck_options(db, deck); !r) return r;
  return {};
}

}  // namespace

Result<MergeReport> merge_into(store::Database& db, const std::filesystem::path& other,
                               Timestamp now) {
  if (auto r = store::attach_other(db, other); !r) return r.error();
  AttachedOther attached(db);
  MergeReport report;
  auto other_id = store::other_collection_id(db);
  if (!other_id) return other_id.error();
  report.other_id = *other_id;

  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  if (auto r = store::create_merge_tables(db); !r) return r.error();
  auto conflicts = store::conflicting_answers(db);
  if (!conflicts) return conflicts.error();
  if (!conflicts->empty())
    return make_error(fmt::format("{} and this collection gave one id to different answers ({}); "
                                  "nothing was merged",
                                  other.string(), conflicts->front()),
                      ErrorCode::Corrupt);
  auto content = store::add_missing_content(db);
  if (!content) return content.error();
  report.decks_added = content->decks;
  report.notes_added = content->notes;
  report.cards_added = content->cards;
  auto answers = store::add_missing_answers(db);
  if (!answers) return answers.error();
  report.answers_added = *answers;
  auto ahead = store::answers_dated_after(db, now + kSecondsPerDay);
  if (!ahead) return ahead.error();
  for (const auto& skew : *ahead)
    report.warnings.push_back(fmt::format(
        "the clock of collection {} seems to run ahead: it dated an answer {} after this "
        "device's clock (+1 day); its answers are ordered by the times it gave them",
        skew.origin, describe_days(skew.seconds_ahead + kSecondsPerDay)));
  auto undos = store::add_missing_undos(db);
  if (!undos) return undos.error();
  report.undos_added = *undos;
  auto changes = store::add_missing_changes(db);
  if (!changes) return changes.error();
  report.changes_added = *changes;

  SchedulerCache schedulers;
  if (auto r = settle_all(db, schedulers, report.cards_replayed); !r) return r.error();
  if (auto r = tx->commit(); !r) return r.error();
  return report;
}

Result<void> replay_and_settle(store::Database& db, const std::vector<std::string>& cards) {
  SchedulerCache schedulers;
  store::StatementCache statements(db);
  for (const auto& card : cards) {
    if (auto r = replay_card(statements, card, schedulers); !r) return r;
    if (auto r = store::settle_card_flags(statements, card); !r) return r;
  }
  return {};
}

}  // namespace citecard::merge
