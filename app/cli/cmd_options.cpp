// citecard options — daily limits, desired retention, day rollover and leech threshold, for the
// whole collection or (with --deck) for one deck. Saved in the collection; with no setting given,
// prints what is in effect.
#include <fmt/format.h>

#include <optional>

#include "commands.hpp"

namespace citecard::cli {
namespace {

std::string or_default(const std::optional<int>& own, int fallback) {
  return own ? std::to_string(*own) : fmt::format("{} (collection default)", fallback);
}

}  // namespace

void add_options_command(CLI::App& app) {
  struct Options {
    std::string db;
    std::string deck;
    std::optional<int> new_per_day;
    std::optional<int> reviews_per_day;
    std::optional<double> retention;
    std::optional<int> rollover_hour;
    std::optional<int> leech_lapses;
    std::optional<std::string> durable;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "options",
      "Show or set daily limits, desired retention, the day's rollover hour and the "
      "leech threshold, for the collection or one deck");
  command->add_option("--deck", o->deck, "Set or show this deck's own options (by id)");
  command->add_option("--new-per-day", o->new_per_day, "New cards introduced per day, per deck")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--reviews-per-day", o->reviews_per_day, "Reviews per day, per deck")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--retention", o->retention,
                      "Desired retention, the chance of recalling a card when due (e.g. 0.9)");
  command
      ->add_option("--rollover-hour", o->rollover_hour,
                   "Local hour at which a new study day starts (collection only; default 4)")
      ->check(CLI::Range(0, 23));
  command
      ->add_option("--leech-lapses", o->leech_lapses,
                   "Lapses after which a card is tagged leech and suspended; 0 never "
                   "(collection only; default 8)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--durable", o->durable,
                   "on: flush every answer to disk, so it survives a power loss (slower); off "
                   "(default): an answer survives the app crashing (collection only)")
      ->check(CLI::IsMember({"on", "off"}));
  add_db_option(*command, o->db);
  command->callback([o] {
    const bool sets = o->new_per_day || o->reviews_per_day || o->retention || o->rollover_hour ||
                      o->leech_lapses || o->durable;
    Collection collection = open_collection_or_fail(o->db, sets ? Access::Write : Access::Read);
    if (!o->deck.empty()) {
      if (o->rollover_hour || o->leech_lapses || o->durable)
        fail(
            Error{"--rollover-hour, --leech-lapses and --durable apply to the whole collection; "
                  "leave out --deck to set them"});
      DeckOptions own = value_or_fail(collection.deck_options(o->deck));
      if (o->new_per_day) own.new_per_day = o->new_per_day;
      if (o->reviews_per_day) own.reviews_per_day = o->reviews_per_day;
      if (o->retention) own.desired_retention = o->retention;
      value_or_fail(collection.set_deck_options(o->deck, own));
      const StudyOptions& base = collection.options();
      fmt::print("Deck {}:\n", o->deck);
      fmt::print("  New cards per day:  {}\n", or_default(own.new_per_day, base.new_cards_per_day));
      fmt::print("  Reviews per day:    {}\n",
                 or_default(own.reviews_per_day, base.reviews_per_day));
      fmt::print("  Desired retention:  {}\n",
                 own.desired_retention
                     ? fmt::format("{}", *own.desired_retention)
                     : fmt::format("{} (collection default)", base.fsrs.desired_retention));
      return;
    }
    StudyOptions options = collection.options();
    if (o->new_per_day) options.new_cards_per_day = *o->new_per_day;
    if (o->reviews_per_day) options.reviews_per_day = *o->reviews_per_day;
    if (o->retention) options.fsrs.desired_retention = *o->retention;
    if (o->rollover_hour) options.rollover_hour = *o->rollover_hour;
    if (o->leech_lapses) options.leech_lapses = *o->leech_lapses;
    if (o->new_per_day || o->reviews_per_day || o->retention || o->rollover_hour || o->leech_lapses)
      value_or_fail(collection.save_options(options));
    if (o->durable) value_or_fail(collection.set_durable(*o->durable == "on"));
    fmt::print("Collection (each deck may set its own limits and retention with --deck):\n");
    fmt::print("  New cards per day:  {}\n", options.new_cards_per_day);
    fmt::print("  Reviews per day:    {}\n", options.reviews_per_day);
    fmt::print("  Desired retention:  {}\n", options.fsrs.desired_retention);
    fmt::print("  Day starts at:      {:02}:00 local time\n", options.rollover_hour);
    fmt::print("  Leech after:        {}\n", options.leech_lapses == 0
                                                 ? std::string("never")
                                                 : fmt::format("{} lapses", options.leech_lapses));
    fmt::print("  Durable:            {}\n",
               collection.durable() ? "on (every answer flushed to disk; survives a power loss)"
                                    : "off (an answer survives the app crashing; a power loss may "
                                      "take back the last few)");
  });
}

}  // namespace citecard::cli
