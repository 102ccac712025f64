// The overlay's writer, beside its reader (deck_file.cpp reads [[card]] entries, overlay.cpp
// applies them): citecard/overlay.hpp.
#include <toml++/toml.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "citecard/overlay.hpp"

namespace citecard {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBlockBegin =
    "# ─── Decisions made in the app's Builder (it rewrites this block; edit elsewhere) ───";
constexpr const char* kBlockEnd = "# ─── end of the Builder's decisions ───";

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

// Line numbers (from 1) of the block's markers in `text`, or 0 when absent.
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

std::string entry_text(const OverlayDecision& d) {
  std::string out = "\n[[card]]\nid = " + toml_string(d.card_id) + "\n";
  switch (d.action) {
    case OverlayDecision::Action::Accept:
      return out + "action = \"accept\"\n";
    case OverlayDecision::Action::Reject:
      return out + "action = \"reject\"\n";
    case OverlayDecision::Action::Edit:
      break;
  }
  out += "action = \"edit\"\n";
  if (d.prompt) out += "prompt = " + toml_string(*d.prompt) + "\n";
  if (d.answer) out += "answer = " + toml_string(*d.answer) + "\n";
  if (d.choices) {
    out += "choices = [";
    for (std::size_t i = 0; i < d.choices->size(); ++i)
      out += (i ? ", " : "") + toml_string((*d.choices)[i]);
    out += "]\n";
  }
  return out;
}

}  // namespace

std::string overlay_block(const std::vector<OverlayDecision>& decisions) {
  std::string out = std::string(kBlockBegin) + "\n";
  for (const auto& d : decisions) out += entry_text(d);
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

Result<std::vector<OverlayDecision>> read_overlay_decisions(const fs::path& deck_toml) {
  std::vector<OverlayDecision> out;
  if (!fs::exists(deck_toml)) return out;
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
  if (entries == nullptr) return out;
  for (const toml::node& node : *entries) {
    const toml::table* entry = node.as_table();
    if (entry == nullptr) continue;
    OverlayDecision d;
    d.card_id = (*entry)["id"].value_or(std::string());
    const std::size_t line = entry->source().begin.line;
    d.in_block = begin != 0 && line > begin && (end == 0 || line < end);
    const std::string action = (*entry)["action"].value_or(std::string("accept"));
    d.action = action == "reject" ? OverlayDecision::Action::Reject
               : action == "edit" ? OverlayDecision::Action::Edit
                                  : OverlayDecision::Action::Accept;
    if (auto prompt = (*entry)["prompt"].value<std::string>()) d.prompt = *prompt;
    if (auto answer = (*entry)["answer"].value<std::string>()) d.answer = *answer;
    out.push_back(std::move(d));
  }
  return out;
}

Result<void> write_overlay_decisions(const fs::path& deck_dir,
                                     const std::vector<OverlayDecision>& decisions) {
  const fs::path path = deck_dir / "deck.toml";
  const std::string before = fs::exists(path) ? read_text(path) : std::string();
  const std::string after = replace_overlay_block(before, overlay_block(decisions));
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

}  // namespace citecard
