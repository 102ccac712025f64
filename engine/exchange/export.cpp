// export_cards: the collection's cards through one of the writers.
#include <fmt/format.h>

#include <map>

#include "citecard/exchange.hpp"
#include "exchange/anki_text.hpp"
#include "exchange/apkg.hpp"
#include "exchange/card_table.hpp"
#include "exchange/files.hpp"

namespace citecard {

Result<ExportReport> export_cards(const Collection& collection, ExportFormat format,
                                  const std::filesystem::path& out, const std::string& deck) {
  const Timestamp now = now_utc();
  auto decks = collection.decks(now);
  if (!decks) return decks.error();
  std::map<std::string, std::string> titles;
  std::string known;
  for (const auto& d : *decks) {
    known += (known.empty() ? "" : ", ") + d.id;
    if (deck.empty() || d.id == deck) titles[d.id] = d.title;
  }
  if (!deck.empty() && titles.empty())
    return make_error(fmt::format("no deck {} in this collection ({})", deck,
                                  known.empty() ? "it has no decks yet" : "its decks: " + known),
                      ErrorCode::NotFound);
  auto all = collection.cards();
  if (!all) return all.error();
  std::vector<Card> cards;
  for (auto& card : *all)
    if (deck.empty() || card.deck == deck) cards.push_back(std::move(card));

  Result<void> written;
  switch (format) {
    case ExportFormat::Apkg: {
      // The review history goes with the cards, so progress survives a move to Anki and back.
      exchange::ReviewHistories histories;
      for (const Card& card : cards) {
        auto log = collection.review_log(card.id);
        if (!log) return log.error();
        if (!log->empty()) histories[card.id] = std::move(*log);
      }
      written = exchange::write_apkg(out, cards, titles, now, histories);
      break;
    }
    case ExportFormat::AnkiText:
      written = exchange::write_file_whole(out, exchange::anki_text(cards, titles));
      break;
    case ExportFormat::Csv:
      written = exchange::write_file_whole(out, exchange::cards_csv(cards));
      break;
    case ExportFormat::Json:
      written = exchange::write_file_whole(out, exchange::cards_json(cards));
      break;
  }
  if (!written) return written.error();
  return ExportReport{static_cast<int>(cards.size()), static_cast<int>(titles.size())};
}

}  // namespace citecard
