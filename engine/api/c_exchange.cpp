// The C API's exchange calls: export to Anki, CSV and JSON; import of Anki's files.
#include <string>

#include "api/boundary.hpp"
#include "citecard/citecard.h"
#include "citecard/exchange.hpp"

namespace {

using citecard::capi::fail;
using citecard::capi::guarded;

}  // namespace

extern "C" {

int cc_export(cc_collection* c, const char* path, int format, const char* deck, int* cards) {
  if (cards) *cards = 0;
  return guarded(c, "cc_export", [&](citecard::Collection& collection) {
    if (!path) return fail(c, "cc_export", CC_MISUSE, "path is NULL");
    citecard::ExportFormat f;
    switch (format) {
      case CC_EXPORT_APKG:
        f = citecard::ExportFormat::Apkg;
        break;
      case CC_EXPORT_ANKI_TEXT:
        f = citecard::ExportFormat::AnkiText;
        break;
      case CC_EXPORT_CSV:
        f = citecard::ExportFormat::Csv;
        break;
      case CC_EXPORT_JSON:
        f = citecard::ExportFormat::Json;
        break;
      default:
        return fail(c, "cc_export", CC_MISUSE, "format is not one of the CC_EXPORT_* values");
    }
    auto report = citecard::export_cards(collection, f, path, deck ? deck : "");
    if (!report) return fail(c, "cc_export", report.error());
    if (cards) *cards = report->cards;
    return CC_OK;
  });
}

int cc_import(cc_collection* c, const char* path, const char* deck, int* cards_added,
              int* cards_present, int* reviews_added) {
  for (int* out : {cards_added, cards_present, reviews_added})
    if (out) *out = 0;
  return guarded(c, "cc_import", [&](citecard::Collection& collection) {
    if (!path) return fail(c, "cc_import", CC_MISUSE, "path is NULL");
    auto file = citecard::read_anki_file(path);
    if (!file) return fail(c, "cc_import", file.error());
    auto report = citecard::import_anki_file(collection, *file, deck ? deck : "");
    if (!report) return fail(c, "cc_import", report.error());
    if (cards_added) *cards_added = report->cards_added;
    if (cards_present) *cards_present = report->cards_present;
    if (reviews_added) *reviews_added = report->reviews_added;
    return CC_OK;
  });
}

}  // extern "C"
