// The C calls for several devices: the collection's id, merging a copy, a sync folder.
#include "api/boundary.hpp"
#include "api/sized_struct.hpp"
#include "citecard/citecard.h"

using citecard::capi::bad_time;
using citecard::capi::fail;
using citecard::capi::guarded;

cc_code cc_collection_id(cc_collection* c, const char** id) {
  return guarded(c, "cc_collection_id", [&](citecard::Collection& collection) -> cc_code {
    if (!id) return fail(c, "cc_collection_id", CC_MISUSE, "id is NULL");
    c->text = collection.id();
    *id = c->text.c_str();
    return CC_OK;
  });
}

cc_code cc_merge(cc_collection* c, const char* other_path, int64_t now, cc_merge_report* report) {
  constexpr const char* call = "cc_merge";
  return guarded(c, call, [&](citecard::Collection& collection) -> cc_code {
    if (!other_path) return fail(c, call, CC_MISUSE, "other_path is NULL");
    if (auto bad = bad_time(now)) return fail(c, call, CC_MISUSE, *bad);
    if (report) {
      if (auto bad = citecard::capi::check_out_size(report))
        return fail(c, call, CC_MISUSE, "report: " + *bad);
    }
    auto merged = collection.merge(other_path, now);
    if (!merged) return fail(c, call, merged.error());
    if (!report) return CC_OK;
    c->text = merged->other_id;
    c->warnings.clear();
    for (const auto& warning : merged->warnings) c->warnings += warning + "\n";
    cc_merge_report r{};
    r.other_id = c->text.c_str();
    r.answers_added = merged->answers_added;
    r.undos_added = merged->undos_added;
    r.changes_added = merged->changes_added;
    r.decks_added = merged->decks_added;
    r.notes_added = merged->notes_added;
    r.cards_added = merged->cards_added;
    r.cards_replayed = merged->cards_replayed;
    r.warnings = static_cast<int>(merged->warnings.size());
    r.warning = c->warnings.c_str();
    citecard::capi::write_sized(r, report);
    return CC_OK;
  });
}

cc_code cc_merge_folder(cc_collection* c, const char* folder, int64_t now, int* merged,
                        int* skipped) {
  constexpr const char* call = "cc_merge_folder";
  return guarded(c, call, [&](citecard::Collection& collection) -> cc_code {
    if (!folder) return fail(c, call, CC_MISUSE, "folder is NULL");
    if (auto bad = bad_time(now)) return fail(c, call, CC_MISUSE, *bad);
    auto report = collection.merge_folder(folder, now);
    if (!report) return fail(c, call, report.error());
    if (merged) *merged = static_cast<int>(report->merged.size());
    if (skipped) *skipped = static_cast<int>(report->skipped.size());
    return CC_OK;
  });
}
