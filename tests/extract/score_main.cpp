// extract_score: runs the extractor over gold-annotated articles and prints quote precision,
// recall, F1 and speaker accuracy; exits 1 when below the given targets. CTest runs it on the
// summit gold (targets from the issue) and on the held-out articles.
//
//   extract_score --gold DIR --articles DIR [--min-f1 X] [--min-speaker X] [--verbose]
//                 [--dump FILE] [--card-threshold T] [--pronoun-dump FILE]
//                 [--speaker-dump FILE]
//
// --dump writes one JSON line per found quote whose gold speaker is known: the confidence
// model's features, the confidence and whether the speaker is right (strictly and leniently); the
// confidence model is fitted on such a dump (tests/extract/polnear/train_confidence.py).
// --pronoun-dump writes one JSON line per quote attributed through "he" or "she" whose gold
// speaker is known: the pronoun ranker's candidates with their cues and whether each is the gold
// speaker; the ranker is fitted on such a dump (tests/extract/polnear/train_pronoun_ranker.py).
// --speaker-dump writes one JSON line per quote whose gold speaker is known: every candidate the
// speaker model weighed (the rules' answer, the people and organisations named around the quote,
// "nobody"), its cues and whether it is the gold speaker; the model is fitted on such a dump
// (tests/extract/polnear/train_speaker_model.py).
// --card-threshold prints what who-said cards made at that confidence would be: how many name
// the right speaker (strict match), and how many gold quotes with a named speaker they cover.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fstream>
#include <nlohmann/json.hpp>

#include "citecard/extract.hpp"
#include "extract/attribution.hpp"
#include "quote_scorer.hpp"

namespace {

std::size_t words_in(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A gold speaker that is a name, not a description ("a spokesman", "the report").
bool named_speaker(const citecard::scoring::GoldQuote& g) {
  if (!g.speaker_scored || !g.speaker || g.speaker->empty()) return false;
  const std::string& s = *g.speaker;
  if (!(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (const char* article : {"The ", "A ", "An "})
    if (s.rfind(article, 0) == 0) return false;
  return true;
}

// Who-said cards are made only from quotes of four words or more (deck/generate/who_said.cpp).
constexpr std::size_t kCardMinWords = 4;

struct CardScore {
  int cards = 0;         // quotes at or above the threshold with a speaker
  int judged = 0;        // of those, matched to a gold quote whose speaker is known
  int right = 0;         // of those, naming the right speaker (strict)
  int unmatched = 0;     // cards from quoted text the gold does not list as speech
  int gold_named = 0;    // gold quotes (4+ words) with a named speaker
  int gold_covered = 0;  // of those, made into a card with the right speaker
};

}  // namespace

int main(int argc, char** argv) {
  std::string gold_dir, articles_dir;
  double min_f1 = 0, min_speaker = 0;
  bool verbose = false;
  std::string dump_path;
  double card_threshold = -1;
  std::string pronoun_dump_path;
  std::string speaker_dump_path;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--gold")
      gold_dir = next();
    else if (a == "--articles")
      articles_dir = next();
    else if (a == "--min-f1")
      min_f1 = std::atof(next().c_str());
    else if (a == "--min-speaker")
      min_speaker = std::atof(next().c_str());
    else if (a == "--verbose")
      verbose = true;
    else if (a == "--dump")
      dump_path = next();
    else if (a == "--pronoun-dump")
      pronoun_dump_path = next();
    else if (a == "--speaker-dump")
      speaker_dump_path = next();
    else if (a == "--card-threshold")
      card_threshold = std::atof(next().c_str());
  }
  if (gold_dir.empty() || articles_dir.empty()) {
    std::fprintf(stderr,
                 "usage: extract_score --gold DIR --articles DIR [--min-f1 X] [--min-speaker X]\n");
    return 2;
  }
  std::vector<std::filesystem::path> golds;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) {
    if (entry.path().extension() == ".json") golds.push_back(entry.path());
  }
  std::sort(golds.begin(), golds.end());
  citecard::scoring::Score total;
  CardScore cards;
  std::ofstream dump;
  if (!dump_path.empty()) dump.open(dump_path);
  std::ofstream pronoun_dump;
  if (!pronoun_dump_path.empty()) pronoun_dump.open(pronoun_dump_path);
  std::ofstream speaker_dump;
  if (!speaker_dump_path.empty()) speaker_dump.open(speaker_dump_path);
  std::vector<std::string> report;
  for (const auto& path : golds) {
    const auto gold = citecard::scoring::load_gold(path.string());
    auto article = citecard::read_article(std::filesystem::path(articles_dir) / gold.file);
    if (!article) {
      std::fprintf(stderr, "%s\n", article.error().message.c_str());
      return 2;
    }
    auto result = citecard::extract(article->text);
    if (!result) {
      std::fprintf(stderr, "%s: %s\n", gold.file.c_str(), result.error().message.c_str());
      return 2;
    }
    const auto s = citecard::scoring::score_article(gold, result->quotes, &report);
    const auto match = citecard::scoring::match_predictions(gold, result->quotes);
    std::vector<bool> covered(gold.quotes.size(), false);
    if (pronoun_dump.is_open()) {
      for (const auto& t : citecard::extract_detail::trace_pronoun_attributions(article->text)) {
        std::size_t k = 0;
        while (k < result->quotes.size() && result->quotes[k].start != t.quote_start) ++k;
        if (k == result->quotes.size() || match[k] < 0) continue;
        const auto& g = gold.quotes[static_cast<std::size_t>(match[k])];
        if (g.kind != "speech" || !g.speaker_scored) continue;
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto& [name, cues] : t.candidates) {
          candidates.push_back({{"name", name},
                                {"features", cues},
                                {"right", citecard::scoring::speakers_match_strict(name, g)}});
        }
        pronoun_dump << nlohmann::json{{"file", gold.file},
                                       {"gold", g.speaker ? *g.speaker : std::string()},
                                       {"rule", result->quotes[k].evidence.rule},
                                       {"candidates", candidates}}
                            .dump()
                     << "\n";
      }
    }
    if (speaker_dump.is_open()) {
      for (const auto& t : citecard::extract_detail::trace_speaker_choices(article->text)) {
        std::size_t k = 0;
        while (k < result->quotes.size() && result->quotes[k].start != t.quote_start) ++k;
        if (k == result->quotes.size() || match[k] < 0) continue;
        const auto& g = gold.quotes[static_cast<std::size_t>(match[k])];
        if (g.kind != "speech" || !g.speaker_scored) continue;
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto& [name, cues] : t.candidates) {
          std::optional<std::string> who;
          if (!name.empty()) who = name;
          candidates.push_back({{"name", name},
                                {"features", cues},
                                {"right", citecard::scoring::speakers_match(who, g)},
                                {"strict", citecard::scoring::speakers_match_strict(who, g)}});
        }
        speaker_dump << nlohmann::json{{"file", gold.file},
                                       {"gold", g.speaker ? *g.speaker : std::string()},
                                       {"chosen", t.chosen},
                                       {"candidates", candidates}}
                            .dump()
                     << "\n";
      }
    }
    for (std::size_t k = 0; k < result->quotes.size(); ++k) {
      const citecard::Quote& q = result->quotes[k];
      const auto* g = match[k] >= 0 ? &gold.quotes[static_cast<std::size_t>(match[k])] : nullptr;
      const bool judged = g && g->kind == "speech" && g->speaker_scored;
      if (dump.is_open() && judged && q.speaker) {
        nlohmann::json features = nlohmann::json::object();
        for (const auto& [name, value] : citecard::attribution_features(q)) features[name] = value;
        dump << nlohmann::json{{"file", gold.file},
                               {"features", features},
                               {"confidence", q.confidence},
                               {"right", citecard::scoring::speakers_match_strict(q.speaker, *g)},
                               {"lenient", citecard::scoring::speakers_match(q.speaker, *g)},
                               {"card", words_in(q.text) >= kCardMinWords},
                               {"speaker", *q.speaker},
                               {"mention", q.speaker_mention},
                               {"pronoun_share", q.evidence.mention == "pronoun"
                                                     ? q.evidence.resolution_share
                                                     : 1.0},
                               {"gold", g->speaker ? *g->speaker : std::string()},
                               {"start", q.start}}
                    .dump()
             << "\n";
      }
      if (card_threshold < 0 || !q.speaker || q.confidence < card_threshold ||
          words_in(q.text) < kCardMinWords)
        continue;
      ++cards.cards;
      if (!g || g->kind != "speech") ++cards.unmatched;
      if (!judged) continue;
      ++cards.judged;
      if (citecard::scoring::speakers_match_strict(q.speaker, *g)) {
        ++cards.right;
        covered[static_cast<std::size_t>(match[k])] = true;
      }
    }
    for (std::size_t i = 0; i < gold.quotes.size(); ++i) {
      const auto& g = gold.quotes[i];
      if (g.kind != "speech" || !named_speaker(g) || words_in(g.text) < kCardMinWords) continue;
      ++cards.gold_named;
      cards.gold_covered += covered[i];
    }
    std::printf("%-32s gold %3d  predicted %3d  matched %3d  speaker right %3d\n",
                gold.file.c_str(), s.gold, s.predicted, s.matched, s.speaker_right);
    total += s;
  }
  if (verbose) {
    for (const auto& line : report) std::printf("  %s\n", line.c_str());
  }
  std::printf(
      "quotes: precision %.3f  recall %.3f  F1 %.3f  speaker accuracy %.3f  (%d gold, %d "
      "predicted)\n",
      total.precision(), total.recall(), total.f1(), total.speaker_accuracy(), total.gold,
      total.predicted);
  if (card_threshold >= 0) {
    std::printf(
        "who-said cards at confidence >= %.2f: %d cards, %d judged, right speaker %.3f; %d from "
        "quotes the gold does not list; cover %.3f of %d gold quotes with a named speaker\n",
        card_threshold, cards.cards, cards.judged,
        cards.judged ? double(cards.right) / cards.judged : 1.0, cards.unmatched,
        cards.gold_named ? double(cards.gold_covered) / cards.gold_named : 1.0, cards.gold_named);
  }
  const bool ok = total.f1() >= min_f1 && total.speaker_accuracy() >= min_speaker;
  if (!ok) {
    std::printf("BELOW TARGET: F1 >= %.2f and speaker accuracy >= %.2f required\n", min_f1,
                min_speaker);
    for (const auto& line : report) std::printf("  %s\n", line.c_str());
  }
  return ok ? 0 : 1;
}
