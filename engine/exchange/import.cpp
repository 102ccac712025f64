// Reading an Anki file, then adding its notes and replaying their reviews through the public
// Collection API, so every rule of answering holds for them.
#include <fmt/format.h>

#include <algorithm>

#include "citecard/exchange.hpp"
#include "exchange/anki_text.hpp"
#include "exchange/apkg.hpp"
#include "exchange/files.hpp"

namespace citecard {

std::string deck_id_from_name(const std::string& name) {
  std::string id;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      id += static_cast<char>(std::tolower(c));
    } else if (c >= 0x80) {
      id += static_cast<char>(c);  // letters of other scripts stay
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id;
}

Result<AnkiFile> read_anki_file(const std::filesystem::path& path) {
  auto bytes = exchange::read_file(path);
  if (!bytes) return bytes.error();
  // A zip starts "PK\3\4" (or "PK\5\6" when empty): an .apkg whatever its name.
  if (bytes->rfind("PK", 0) == 0) return exchange::read_apkg(path);
  if (path.extension() == ".apkg")
    return make_error(
        fmt::format("{}: not an Anki package (an .apkg is a zip file)", path.string()),
        ErrorCode::Invalid);
  return exchange::read_anki_text(*bytes, path);
}

Result<ImportReport> import_anki_file(Collection& collection, const AnkiFile& file,
                                      const std::string& deck) {
  ImportReport report;
  report.deck = deck.empty() ? deck_id_from_name(file.deck_name) : deck_id_from_name(deck);
  report.notes = static_cast<int>(file.notes.size());
  report.cards_skipped = file.cards_skipped;
  report.reviews_skipped = file.reviews_skipped;
  std::vector<ImportedNote> notes;
  notes.reserve(file.notes.size());
  for (const auto& record : file.notes) notes.push_back(record.note);
  auto added =
      collection.add_imported_notes(report.deck, deck.empty() ? file.deck_name : deck, notes);
  if (!added) return added.error();
  report.cards_added = added->added;
  report.cards_present = added->present;

  // Answers after each card's last one, in time order across cards (as they were given).
  struct Pending {
    const std::string* card;
    const ImportedReview* review;
  };
  std::vector<Pending> pending;
  for (std::size_t i = 0; i < file.notes.size(); ++i) {
    const std::string& card = added->card_ids[i];
    auto memory = collection.memory(card);
    if (!memory) return memory.error();
    for (const auto& review : file.notes[i].reviews) {
      if (review.reviewed_at <= memory->last_review) {
        ++report.reviews_present;
      } else {
        pending.push_back({&card, &review});
      }
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    return a.review->reviewed_at < b.review->reviewed_at;
  });
  for (const Pending& p : pending) {
    // A card made a leech by its own history is suspended: the rest of its answers stay out.
    auto suspended = collection.is_suspended(*p.card);
    if (!suspended) return suspended.error();
    if (*suspended) {
      ++report.reviews_skipped;
      continue;
    }
    auto answered =
        collection.answer(*p.card, p.review->rating, p.review->reviewed_at, p.review->duration_ms);
    if (!answered)
      return make_error(fmt::format("card {}: its answer of {} could not be replayed: {} ({} "
                                    "answers were added before it)",
                                    *p.card, to_iso8601(p.review->reviewed_at),
                                    answered.error().message, report.reviews_added),
                        answered.error().code);
    ++report.reviews_added;
  }
  return report;
}

}  // namespace citecard
