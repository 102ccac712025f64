#include "quote_scorer.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace citecard::scoring {
namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

bool outer_punct(unsigned char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
         c == '\'' || c == ' ' || c == '-' || c == '(' || c == ')';
}

std::string last_word(const std::string& key) {
  const auto pos = key.rfind(' ');
  return pos == std::string::npos ? key : key.substr(pos + 1);
}

std::string name_norm(const std::string& name) {
  std::string key = name_key(name);
  if (key.rfind("the ", 0) == 0) key = key.substr(4);
  // A courtesy title before a family name adds nothing a learner must know: "Mr. Garin" is
  // "Garin". (English courtesy titles, as any style guide lists them.)
  for (const char* title : {"mr. ", "mrs. ", "ms. ", "dr. ", "mr ", "mrs ", "ms ", "dr "}) {
    const std::string t = title;
    if (key.rfind(t, 0) == 0 && key.size() > t.size()) {
      key = key.substr(t.size());
      break;
    }
  }
  // A generational suffix is part of the name, but a reader who leaves it out names the same
  // person: "Harry B. Harris Jr." is "Harry B. Harris".
  for (const char* suffix : {" jr.", " jr", " sr.", " sr", " ii", " iii", " iv"}) {
    const std::string x = suffix;
    if (key.size() > x.size() && key.compare(key.size() - x.size(), x.size(), x) == 0) {
      key = key.substr(0, key.size() - x.size());
      while (!key.empty() && key.back() == ',') key.pop_back();
      break;
    }
  }
  return key;
}

// An annotated source is the whole noun phrase: the name with its title, place and appositive
// ("Gov. Terry E. Branstad of Iowa, a Republican who …"). A full name (two words or more) written
// inside the phrase before its first comma names that source.
bool full_name_within_source(const std::string& predicted_key, const std::string& gold_source) {
  if (predicted_key.find(' ') == std::string::npos) return false;
  const std::string head = name_norm(gold_source.substr(0, gold_source.find(',')));
  return (" " + head + " ").find(" " + predicted_key + " ") != std::string::npos;
}

}  // namespace

std::string normalise_quote(const std::string& text) {
  std::string s = text;
  for (const char* q : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"})
    s = replace_all(s, q, "\"");
  for (const char* q : {"\u2018", "\u2019", "\u201A"}) s = replace_all(s, q, "'");
  s = replace_all(s, "\u00A0", " ");
  s = replace_all(s, "\u2026", "...");
  std::string collapsed;
  bool space = false;
  for (char c : s) {
    const bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (is_space) {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  std::size_t b = 0, e = collapsed.size();
  while (b < e && outer_punct(static_cast<unsigned char>(collapsed[b]))) ++b;
  while (e > b && outer_punct(static_cast<unsigned char>(collapsed[e - 1]))) --e;
  return collapsed.substr(b, e - b);
}

bool quotes_match(const std::string& predicted, const std::string& gold) {
  const std::string p = normalise_quote(predicted), g = normalise_quote(gold);
  if (p.empty() || g.empty()) return false;
  if (p == g) return true;
  const std::string& shorter = p.size() < g.size() ? p : g;
  const std::string& longer = p.size() < g.size() ? g : p;
  return longer.find(shorter) != std::string::npos && shorter.size() * 10 >= longer.size() * 6;
}

bool speakers_match(const std::optional<std::string>& predicted, const GoldQuote& gold) {
  if (!gold.speaker) return !predicted.has_value();
  if (!predicted) return false;
  const std::string p = name_norm(*predicted);
  const std::string g = name_norm(*gold.speaker);
  if (p == g || full_name_within_source(p, *gold.speaker)) return true;
  for (const auto& m : gold.mentions) {
    if (name_norm(m) == p) return true;
  }
  return !p.empty() && last_word(p) == last_word(g);
}

static bool speakers_match_strict_by_last_word(const std::optional<std::string>& predicted,
                                               const GoldQuote& gold) {
  if (!gold.speaker) return !predicted.has_value();
  if (!predicted) return false;
  const std::string p = name_norm(*predicted);
  const std::string g = name_norm(*gold.speaker);
  if (p.empty()) return false;
  if (p == g || full_name_within_source(p, *gold.speaker)) return true;
  for (const auto& m : gold.mentions) {
    if (name_norm(m) == p) return true;
  }
  if (last_word(p) != last_word(g)) return false;
  // One is the other with a title or role in front: "Texas Lt. Gov. Dan Patrick".
  const std::string& shorter = p.size() < g.size() ? p : g;
  const std::string& longer = p.size() < g.size() ? g : p;
  if (longer.size() > shorter.size() &&
      longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0 &&
      longer[longer.size() - shorter.size() - 1] == ' ')
    return true;
  auto first_word = [](const std::string& key) { return key.substr(0, key.find(' ')); };
  const bool single = p.find(' ') == std::string::npos || g.find(' ') == std::string::npos;
  return single || first_word(p) == first_word(g);
}

bool speakers_match_strict(const std::optional<std::string>& predicted, const GoldQuote& gold) {
  if (speakers_match_strict_by_last_word(predicted, gold)) return true;
  if (!gold.speaker || !predicted) return false;
  // A gold of one word that opens the predicted name: a given name used alone ("Tom" for Tom
  // Ebeling) or a family name written first ("Shen" for Shen Xincheng).
  const std::string p = name_norm(*predicted);
  const std::string g = name_norm(*gold.speaker);
  return !g.empty() && g.find(' ') == std::string::npos && p.size() > g.size() &&
         p.compare(0, g.size() + 1, g + " ") == 0;
}

std::vector<int> match_predictions(const GoldArticle& gold, const std::vector<Quote>& predicted) {
  std::vector<int> match(predicted.size(), -1);
  std::vector<bool> used(predicted.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t g = 0; g < gold.quotes.size(); ++g) {
      if ((gold.quotes[g].kind == "speech") != (pass == 1)) continue;
      for (std::size_t k = 0; k < predicted.size(); ++k) {
        if (used[k] || !quotes_match(predicted[k].text, gold.quotes[g].text)) continue;
        used[k] = true;
        match[k] = static_cast<int>(g);
        break;
      }
    }
  }
  return match;
}

GoldArticle load_gold(const std::string& json_path) {
  std::ifstream in(json_path);
  if (!in) throw std::runtime_error("cannot open " + json_path);
  const auto j = nlohmann::json::parse(in);
  GoldArticle a;
  a.file = j.at("file").get<std::string>();
  for (const auto& q : j.at("quotes")) {
    GoldQuote g;
    g.text = q.at("text").get<std::string>();
    if (!q.at("speaker").is_null()) g.speaker = q.at("speaker").get<std::string>();
    for (const auto& m : q.value("mentions", nlohmann::json::array()))
      g.mentions.push_back(m.get<std::string>());
    g.partial = q.value("partial", false);
    g.kind = q.value("kind", std::string("speech"));
    g.speaker_scored = !q.contains("speaker_unscored");
    a.quotes.push_back(std::move(g));
  }
  for (const auto& x : j.value("excluded", nlohmann::json::array())) {
    a.excluded.push_back(x.at("text").get<std::string>());
  }
  return a;
}

Score score_article(const GoldArticle& gold, const std::vector<Quote>& predicted,
                    std::vector<std::string>* report) {
  Score s;
  std::vector<bool> used(predicted.size(), false);
  // "other" spans first: a prediction of one is neither right nor wrong.
  for (const auto& g : gold.quotes) {
    if (g.kind == "speech") continue;
    for (std::size_t k = 0; k < predicted.size(); ++k) {
      if (!used[k] && quotes_match(predicted[k].text, g.text)) {
        used[k] = true;
        break;
      }
    }
  }
  int ignored = 0;
  for (bool u : used) ignored += u;
  for (const auto& g : gold.quotes) {
    if (g.kind != "speech") continue;
    ++s.gold;
    bool found = false;
    for (std::size_t k = 0; k < predicted.size(); ++k) {
      if (used[k] || !quotes_match(predicted[k].text, g.text)) continue;
      used[k] = true;
      found = true;
      ++s.matched;
      if (!g.speaker_scored) break;
      ++s.speaker_scored;
      if (speakers_match(predicted[k].speaker, g)) {
        ++s.speaker_right;
      } else if (report) {
        report->push_back(gold.file + ": wrong speaker " +
                          (predicted[k].speaker ? *predicted[k].speaker : std::string("(none)")) +
                          " for \"" + g.text.substr(0, 60) + "\" (gold " +
                          (g.speaker ? *g.speaker : std::string("null")) + ")");
      }
      break;
    }
    if (!found && report)
      report->push_back(gold.file + ": missed \"" + g.text.substr(0, 70) + "\"");
  }
  s.predicted = static_cast<int>(predicted.size()) - ignored;
  if (report) {
    for (std::size_t k = 0; k < predicted.size(); ++k) {
      if (!used[k]) {
        report->push_back(
            gold.file + ": false alarm \"" + predicted[k].text.substr(0, 70) + "\" (" +
            (predicted[k].speaker ? *predicted[k].speaker : std::string("no speaker")) + ")");
      }
    }
  }
  return s;
}

}  // namespace citecard::scoring
