// Reading an Anki file, then adding its notes and replaying their reviews through the public
// Collection API, so every rule of answering holds for them.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "citecard/exchange.hpp"
#include "citecard/input_file.hpp"
#include "deck/card_rules.hpp"
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

namespace {

Result<AnkiFile> read_any_anki_file(const std::filesystem::path& path) {
  // A package is not read whole (its media may be large): its first bytes say what it is.
  auto head = read_input_head(path, 2, UINTMAX_MAX);
  if (!head) return head.error();
  // A zip starts "PK\3\4" (or "PK\5\6" when empty): an .apkg whatever its name.
  if (*head == "PK") return exchange::read_apkg(path);
  if (path.extension() == ".apkg")
    return make_error(
        fmt::format("{}: not an Anki package (an .apkg is a zip file)", path.string()),
        ErrorCode::Invalid);
  auto bytes = exchange::read_file(path);
  if (!bytes) return bytes.error();
  return exchange::read_anki_text(*bytes, path);
}

// A multiple-choice note must keep the rule every card keeps, said before a collection is opened
// (or created) for it. Adding the notes checks it again, for callers that build an AnkiFile.
Result<void> check_choices(const AnkiFile& file, const std::filesystem::path& path) {
  for (std::size_t i = 0; i < file.notes.size(); ++i) {
    const ImportedNote& note = file.notes[i].note;
    const auto problems = deck::choices_problems(note.choices, note.answer);
    if (!problems.empty())
      return make_error(fmt::format("{}: note {} (\"{}\"): {}", path.string(), i + 1,
                                    note.prompt.substr(0, 60), problems.front()),
                        ErrorCode::Invalid);
  }
  return {};
}

}  // namespace

Result<AnkiFile> read_anki_file(const std::filesystem::path& path) {
  auto file = read_any_anki_file(path);
  if (!file) return file.error();
  if (auto ok = check_choices(*file, path); !ok) return ok.error();
  return file;
}

Result<ImportReport> import_anki_file(Collection& collection, const AnkiFile& file,
                                      const std::string& deck) {
  ImportReport report;
  // The notes and their answers are one transaction: a package whose log cannot be replayed
  // leaves neither its cards nor any of its answers behind.
  auto imported = collection.all_or_nothing([&]() -> Result<void> {
    report = ImportReport{};
    report.deck = deck.empty() ? deck_id_from_name(file.deck_name) : deck_id_from_name(deck);
    report.notes = static_cast<int>(file.notes.size());
    report.cards_skipped = file.cards_skipped;
    report.reviews_skipped = file.reviews_skipped;
    report.media_skipped = file.media_skipped;
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
      auto answered = collection.answer(*p.card, p.review->rating, p.review->reviewed_at,
                                        p.review->duration_ms);
      if (!answered)
        return make_error(
            fmt::format("card {}: its answer of {} could not be replayed: {}; "
                        "nothing was imported",
                        *p.card, to_iso8601(p.review->reviewed_at), answered.error().message),
            answered.error().code);
      ++report.reviews_added;
    }
    return {};
  });
  if (!imported) return imported.error();
  return report;
}

}  // namespace citecard
