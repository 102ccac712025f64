#include "builder_model.hpp"

#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "citecard/candidates.hpp"
#include "citecard/collection.hpp"
#include "citecard/extract.hpp"
#include "citecard/lint.hpp"

namespace citecard::gui {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBlockBegin =
    "# ─── Decisions made in the app's Builder (it rewrites this block; edit elsewhere) ───";
constexpr const char* kBlockEnd = "# ─── end of the Builder's decisions ───";

bool is_who_said(const Card& card) {
  return card.type == card_type::kWhoSaid || card.type == card_type::kWhoSaidTyped;
}

std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Line numbers (from 1) of the Builder's markers in `text`, or 0 when absent.
std::pair<std::size_t, std::size_t> block_lines(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::size_t number = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line == kBlockBegin && begin == 0) begin = number;
    if (line == kBlockEnd && begin != 0 && end == 0) end = number;
  }
  return {begin, end};
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The decisions deck.toml already holds, into the candidates: the Builder's own are restored,
// others mark their card as curated by hand.
Result<void> read_existing_decisions(const fs::path& deck_toml, BuilderDeck& deck) {
  if (!fs::exists(deck_toml)) return {};
  const std::string text = read_text(deck_toml);
  toml::table table;
  try {
    table = toml::parse(text, deck_toml.string());
  } catch (const toml::parse_error& error) {
    std::ostringstream why;
    why << error;
    return make_error("deck.toml: " + why.str());
  }
  const auto [begin, end] = block_lines(text);
  const toml::array* entries = table["card"].as_array();
  if (entries == nullptr) return {};
  std::map<std::string, Candidate*> by_id;
  for (Candidate& c : deck.candidates) by_id[c.card.id] = &c;
  for (const toml::node& node : *entries) {
    const toml::table* entry = node.as_table();
    if (entry == nullptr) continue;
    const std::string id = (*entry)["id"].value_or(std::string());
    auto found = by_id.find(id);
    if (found == by_id.end()) continue;
    Candidate& candidate = *found->second;
    const std::size_t line = entry->source().begin.line;
    const bool ours = begin != 0 && line > begin && (end == 0 || line < end);
    if (!ours) {
      candidate.curated_by_hand = true;
      continue;
    }
    const std::string action = (*entry)["action"].value_or(std::string("accept"));
    candidate.decision = action == "reject" ? Decision::Reject
                         : action == "edit" ? Decision::Edit
                                            : Decision::Accept;
    candidate.prompt = (*entry)["prompt"].value_or(std::string());
    candidate.answer = (*entry)["answer"].value_or(std::string());
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

std::string overlay_block(const BuilderDeck& deck) {
  std::string out = std::string(kBlockBegin) + "\n";
  for (const Candidate& c : deck.candidates) {
    if (c.curated_by_hand || c.decision == Decision::Undecided) continue;
    const bool edited_prompt = !c.prompt.empty() && c.prompt != c.card.prompt;
    const bool edited_answer = !c.answer.empty() && c.answer != c.card.answer;
    const bool edit = c.decision == Decision::Edit && (edited_prompt || edited_answer);
    out += "\n[[card]]\nid = " + toml_string(c.card.id) + "\n";
    if (c.decision == Decision::Reject) {
      out += "action = \"reject\"\n";
      continue;
    }
    if (!edit) {
      out += "action = \"accept\"\n";
      continue;
    }
    out += "action = \"edit\"\n";
    if (edited_prompt) out += "prompt = " + toml_string(c.prompt) + "\n";
    if (edited_answer) {
      out += "answer = " + toml_string(c.answer) + "\n";
      // The choices must hold the answer: the new one takes the generated answer's place.
      if (!c.held_back && !c.card.choices.empty()) {
        out += "choices = [";
        for (std::size_t i = 0; i < c.card.choices.size(); ++i) {
          const std::string& choice = c.card.choices[i];
          out += (i ? ", " : "") + toml_string(choice == c.card.answer ? c.answer : choice);
        }
        out += "]\n";
      }
    }
  }
  return out + kBlockEnd + "\n";
}

std::string replace_overlay_block(const std::string& deck_toml, const std::string& block) {
  const std::size_t begin = deck_toml.find(std::string(kBlockBegin) + "\n");
  if (begin == std::string::npos) {
    std::string out = deck_toml;
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (!out.empty()) out += '\n';
    return out + block;
  }
  std::size_t end = deck_toml.find(std::string(kBlockEnd), begin);
  end = end == std::string::npos                         ? deck_toml.size()
        : deck_toml.find('\n', end) == std::string::npos ? deck_toml.size()
                                                         : deck_toml.find('\n', end) + 1;
  return deck_toml.substr(0, begin) + block + deck_toml.substr(end);
}

Result<void> save_decisions(const BuilderDeck& deck) {
  const fs::path path = deck.dir / "deck.toml";
  const std::string before = fs::exists(path) ? read_text(path) : std::string();
  const std::string after = replace_overlay_block(before, overlay_block(deck));
  const fs::path temporary = path.string() + ".saving";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << after;
    out.flush();
    if (!out)
      return make_error("cannot write " + temporary.string() + ": is the deck folder writable?");
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) return make_error("cannot replace " + path.string() + ": " + error.message());
  return {};
}

}  // namespace citecard::gui
