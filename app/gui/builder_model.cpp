#include "builder_model.hpp"

#include <unistd.h>

#include <algorithm>
#include <map>

#include "citecard/candidates.hpp"
#include "citecard/collection.hpp"
#include "citecard/extract.hpp"
#include "citecard/lint.hpp"
#include "citecard/overlay.hpp"

namespace citecard::gui {
namespace {

namespace fs = std::filesystem;

bool is_who_said(const Card& card) {
  return card.type == card_type::kWhoSaid || card.type == card_type::kWhoSaidTyped;
}

// The decisions deck.toml already holds, into the candidates: the Builder's own are restored,
// others mark their card as curated by hand.
Result<void> read_existing_decisions(const fs::path& deck_toml, BuilderDeck& deck) {
  auto decisions = read_overlay_decisions(deck_toml);
  if (!decisions) return decisions.error();
  std::map<std::string, Candidate*> by_id;
  for (Candidate& c : deck.candidates) by_id[c.card.id] = &c;
  for (const OverlayDecision& d : *decisions) {
    auto found = by_id.find(d.card_id);
    if (found == by_id.end()) continue;
    Candidate& candidate = *found->second;
    if (!d.in_block) {
      candidate.curated_by_hand = true;
      continue;
    }
    candidate.decision = d.action == OverlayDecision::Action::Reject ? Decision::Reject
                         : d.action == OverlayDecision::Action::Edit ? Decision::Edit
                                                                     : Decision::Accept;
    candidate.prompt = d.prompt.value_or(std::string());
    candidate.answer = d.answer.value_or(std::string());
  }
  return {};
}

// Attribution confidence of the who-said cards of one source: the extracted quote inside one of
// the card's citations, said by the card's speaker.
void add_confidences(const Source& source, std::vector<Candidate>& candidates) {
  ExtractOptions options;
  if (source.date.size() == 10) options.article_date = source.date;
  options.want_facts = false;
  Result<Extraction> extraction = extract(source.text, options);
  if (!extraction) return;
  for (Candidate& candidate : candidates) {
    if (candidate.held_back || !is_who_said(candidate.card)) continue;
    for (const Citation& citation : candidate.card.citations) {
      if (citation.source != source.id) continue;
      for (const Quote& quote : extraction->quotes) {
        const bool inside = quote.start < citation.end && quote.end > citation.start;
        if (inside && quote.speaker && *quote.speaker == candidate.card.answer) {
          candidate.confidence = quote.confidence;
        }
      }
    }
  }
}

// Every candidate the generator could make, with its predicted keep and why: the built deck's
// cards get their scores, the rest join the list as cards made only if accepted.
Result<void> add_scores(const fs::path& deck_dir, BuilderDeck& deck) {
  Result<CandidateReport> report = deck_candidates(deck_dir, DeckBuildOptions{.curated = false});
  if (!report) return report.error();
  // By index: the list grows below, which moves its elements.
  std::map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < deck.candidates.size(); ++i) by_id[deck.candidates[i].card.id] = i;
  for (CandidateCard& scored : report->candidates) {
    if (const auto known = by_id.find(scored.card.id); known != by_id.end()) {
      deck.candidates[known->second].keep = scored.keep;
      deck.candidates[known->second].why = std::move(scored.why);
      continue;
    }
    if (scored.held_back) continue;  // listed from the build's report, with its reason
    Candidate candidate;
    candidate.card = std::move(scored.card);
    candidate.keep = scored.keep;
    candidate.why = std::move(scored.why);
    candidate.in_deck = false;
    deck.candidates.push_back(std::move(candidate));
  }
  return {};
}

}  // namespace

void JobProgress::set(const std::string& text, int now, int of) {
  std::lock_guard lock(mutex);
  stage = text;
  total = of < 1 ? 1 : of;
  done = now;
}

std::string JobProgress::stage_text() {
  std::lock_guard lock(mutex);
  return stage;
}

Result<BuilderDeck> load_candidates(const fs::path& deck_dir, JobProgress& progress) {
  progress.set("Generating cards from the articles", 0, 3);
  // A scratch collection: the generator's cards are made exactly as `citecard build` makes them,
  // and the learner's collection is untouched until the decisions are saved.
  static std::atomic<int> counter{0};
  const fs::path scratch =
      fs::temp_directory_path() /
      ("citecard-builder-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".db");
  struct Remove {
    fs::path path;
    ~Remove() {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(path.string() + suffix, ignored);
      }
    }
  } remove{scratch};

  BuilderDeck deck;
  deck.dir = deck_dir;
  std::vector<Source> sources;
  {
    Result<Collection> collection = Collection::open(scratch);
    if (!collection) return collection.error();
    Result<BuildReport> report = collection->build(deck_dir, DeckBuildOptions{.curated = false});
    if (!report) return report.error();
    deck.deck_id = report->deck;
    Result<std::vector<Card>> cards = collection->cards();
    if (!cards) return cards.error();
    for (Card& card : *cards) {
      if (card.deck != deck.deck_id) continue;
      Candidate candidate;
      candidate.card = std::move(card);
      deck.candidates.push_back(std::move(candidate));
    }
    for (const HeldBackQuote& held : report->held_back) {
      Candidate candidate;
      candidate.card.id = held.card_id;
      candidate.card.deck = deck.deck_id;
      candidate.card.type = card_type::kWhoSaid;
      candidate.card.prompt = "Who said: \u201C" + held.quote + "\u201D";
      candidate.card.answer = held.speaker;
      Citation citation;
      citation.source = held.source;
      citation.text = held.quote;
      candidate.card.citations.push_back(std::move(citation));
      candidate.confidence = held.confidence;
      candidate.held_back = true;
      candidate.held_back_reason = held.reason;
      candidate.to_review = held.confidence >= who_said_review_threshold();
      deck.candidates.push_back(std::move(candidate));
    }
    if (Result<void> scored = add_scores(deck_dir, deck); !scored) return scored.error();
    std::vector<std::string> source_ids;
    for (const Candidate& c : deck.candidates) {
      for (const Citation& citation : c.card.citations) {
        if (std::find(source_ids.begin(), source_ids.end(), citation.source) == source_ids.end()) {
          source_ids.push_back(citation.source);
        }
      }
    }
    for (const std::string& id : source_ids) {
      Result<Source> source = collection->source(deck.deck_id, id);
      if (source) sources.push_back(std::move(source).value());
    }
  }

  const int steps = static_cast<int>(sources.size()) + 2;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    progress.set("Attribution confidence: " + sources[i].title, static_cast<int>(i) + 1, steps);
    add_confidences(sources[i], deck.candidates);
  }
  progress.set("Reading deck.toml", steps - 1, steps);
  if (Result<void> read = read_existing_decisions(deck_dir / "deck.toml", deck); !read) {
    return read.error();
  }

  // Grouped by the article of each card's first citation, in the order articles first appear;
  // within an article the quotes waiting for review come first (the attribution is likely right
  // and only a reader's accept makes them), then the cards a reader most likely keeps.
  for (std::size_t i = 0; i < deck.candidates.size(); ++i) {
    Candidate& candidate = deck.candidates[i];
    const std::string source_id =
        candidate.card.citations.empty() ? std::string() : candidate.card.citations[0].source;
    for (const Source& source : sources) {
      if (source.id == source_id) candidate.source_title = source.title;
    }
    auto group = std::find_if(deck.articles.begin(), deck.articles.end(),
                              [&](const ArticleCandidates& a) { return a.source_id == source_id; });
    if (group == deck.articles.end()) {
      deck.articles.push_back(ArticleCandidates{source_id, candidate.source_title, {}});
      group = std::prev(deck.articles.end());
    }
    group->candidates.push_back(i);
  }
  for (ArticleCandidates& article : deck.articles)
    std::stable_sort(article.candidates.begin(), article.candidates.end(),
                     [&](std::size_t a, std::size_t b) {
                       const Candidate& x = deck.candidates[a];
                       const Candidate& y = deck.candidates[b];
                       if (x.to_review != y.to_review) return x.to_review;
                       return x.keep > y.keep;
                     });
  progress.set("Done", steps, steps);
  return deck;
}

std::vector<OverlayDecision> overlay_decisions(const BuilderDeck& deck) {
  std::vector<OverlayDecision> out;
  for (const Candidate& c : deck.candidates) {
    if (c.curated_by_hand || c.decision == Decision::Undecided) continue;
    const bool edited_prompt = !c.prompt.empty() && c.prompt != c.card.prompt;
    const bool edited_answer = !c.answer.empty() && c.answer != c.card.answer;
    OverlayDecision d;
    d.card_id = c.card.id;
    if (c.decision == Decision::Reject) {
      d.action = OverlayDecision::Action::Reject;
    } else if (c.decision == Decision::Edit && (edited_prompt || edited_answer)) {
      d.action = OverlayDecision::Action::Edit;
      if (edited_prompt) d.prompt = c.prompt;
      if (edited_answer) d.answer = c.answer;
      // The choices must hold the answer: the new one takes the generated answer's place.
      if (edited_answer && !c.held_back && !c.card.choices.empty()) {
        d.choices.emplace();
        for (const std::string& choice : c.card.choices)
          d.choices->push_back(choice == c.card.answer ? c.answer : choice);
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::string overlay_block(const BuilderDeck& deck) {
  return citecard::overlay_block(overlay_decisions(deck));
}

Result<void> save_decisions(const BuilderDeck& deck) {
  return write_overlay_decisions(deck.dir, overlay_decisions(deck));
}

}  // namespace citecard::gui
