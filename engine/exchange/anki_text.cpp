#include "exchange/anki_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "citecard/input_file.hpp"
#include "citecard/safe_text.hpp"
#include "exchange/delimited.hpp"
#include "exchange/html_text.hpp"
#include "exchange/note_fields.hpp"

namespace citecard::exchange {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

struct Header {
  char separator = '\t';
  bool html = true;
  std::vector<std::string> columns;  // names, when the file gives them
  std::set<std::size_t> special;     // 0-based guid, note type, deck and tags columns
  std::optional<std::size_t> deck_column;
  std::string deck;
};

std::optional<char> separator_named(const std::string& value) {
  const std::string v = lower(value);
  if (v == "tab" || v == "\\t") return '\t';
  if (v == "comma" || v == ",") return ',';
  if (v == "semicolon" || v == ";") return ';';
  if (v == "pipe" || v == "|") return '|';
  if (v == "space" || v == " ") return ' ';
  if (v == "colon" || v == ":") return ':';
  if (value.size() == 1) return value[0];
  return std::nullopt;
}

// Reads the '#key:value' lines at the top; returns where the notes start.
Result<std::size_t> read_header(std::string_view text, Header& h,
                                const std::filesystem::path& name) {
  std::size_t pos = 0;
  std::string columns_value;
  while (pos < text.size() && text[pos] == '#') {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos + 1, end - pos - 1));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = end + 1;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;  // a comment
    const std::string key = lower(trim(line.substr(0, colon)));
    const std::string value = line.substr(colon + 1);
    auto column = [&]() -> Result<std::size_t> {
      try {
        const long n = std::stol(value);
        if (n >= 1) return static_cast<std::size_t>(n - 1);
      } catch (const std::exception&) {
      }
      return make_error(
          fmt::format("{}: the header line #{} needs a column number from 1", name.string(), line),
          ErrorCode::Invalid);
    };
    if (key == "separator") {
      const auto sep = separator_named(value);
      if (!sep)
        return make_error(fmt::format("{}: unknown separator '{}'", name.string(), value),
                          ErrorCode::Invalid);
      h.separator = *sep;
    } else if (key == "html") {
      h.html = lower(trim(value)) == "true";
    } else if (key == "columns") {
      columns_value = value;
    } else if (key == "deck") {
      h.deck = trim(value);
    } else if (key == "deck column" || key == "guid column" || key == "notetype column" ||
               key == "tags column") {
      auto c = column();
      if (!c) return c.error();
      h.special.insert(*c);
      if (key == "deck column") h.deck_column = *c;
    }
  }
  // The column names are split only now: #separator may come after #columns.
  if (!columns_value.empty()) {
    const auto rows = parse_delimited(columns_value, h.separator);
    if (!rows.empty())
      for (const auto& c : rows[0]) h.columns.push_back(lower(trim(c)));
  }
  return std::min(pos, text.size());
}

}  // namespace

std::string anki_text(const std::vector<Card>& cards,
                      const std::map<std::string, std::string>& deck_titles) {
  std::string out =
      "#separator:tab\n#html:true\n#columns:Front\tBack\tChoices\tSource\tDeck\tTags\n"
      "#deck column:5\n#tags column:6\n";
  for (const Card& card : cards) {
    const NoteFields f = note_fields(card);
    const auto title = deck_titles.find(card.deck);
    const std::string deck =
        title == deck_titles.end() || title->second.empty() ? card.deck : title->second;
    out += delimited_row(
        {f.front, f.back, f.choices, f.source, deck, "citecard " + card.deck + " " + card.type},
        '\t');
  }
  return out;
}

// As SQLite's limit on a package's values (apkg_reader.cpp).
constexpr std::size_t kMaxFieldBytes = 16u << 20;

Result<AnkiFile> read_anki_text(std::string_view text, const std::filesystem::path& name) {
  if (text.find('\0') != std::string_view::npos)
    return make_error(fmt::format("{}: a binary file, not Anki's notes in plain text (.txt) nor "
                                  "an Anki package (.apkg)",
                                  name.string()),
                      ErrorCode::Invalid);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Header h;
  auto start = read_header(text, h, name);
  if (!start) return start.error();
  const auto records = parse_delimited(text.substr(*start), h.separator);
  if (records.empty())
    return make_error(fmt::format("{}: holds no notes", name.string()), ErrorCode::Invalid);

  // The field columns, in order, and which are the front, the back and the choices.
  auto is_field = [&](std::size_t i) { return h.special.count(i) == 0; };
  std::vector<std::size_t> field_columns;
  const std::size_t width = std::max(records[0].size(), h.columns.size());
  for (std::size_t i = 0; i < width; ++i)
    if (is_field(i)) field_columns.push_back(i);
  std::size_t front = field_columns.size() > 0 ? field_columns[0] : 0;
  std::size_t back = field_columns.size() > 1 ? field_columns[1] : 1;
  std::optional<std::size_t> choices;
  for (std::size_t i = 0; i < h.columns.size(); ++i) {
    if (!is_field(i)) continue;
    if (h.columns[i] == "front") front = i;
    if (h.columns[i] == "back") back = i;
    if (h.columns[i] == "choices") choices = i;
  }

  AnkiFile file;
  file.deck_name = h.deck;
  for (std::size_t r = 0; r < records.size(); ++r) {
    const auto& fields = records[r];
    // The same bound a package's fields have: no note is that long, and each copy made of it
    // (HTML to text, UTF-8 repair) would cost as much again.
    for (const auto& field : fields)
      if (field.size() > kMaxFieldBytes)
        return make_error(
            fmt::format("{}: note {} has a field of {}; citecard reads fields of at "
                        "most {}",
                        name.string(), r + 1, megabytes(field.size()), megabytes(kMaxFieldBytes)),
            ErrorCode::Invalid);
    if (fields.size() <= std::max(front, back))
      return make_error(
          fmt::format("{}: note {} has {} column{}; a note needs a front and a back "
                      "(is the separator right? the file says '{}')",
                      name.string(), r + 1, fields.size(), fields.size() == 1 ? "" : "s",
                      h.separator == '\t' ? std::string("tab") : std::string(1, h.separator)),
          ErrorCode::Invalid);
    // What is not UTF-8 (a file in another encoding, or a decoded &#xD800;) becomes U+FFFD.
    auto plain = [&](const std::string& f) {
      return well_formed_utf8(h.html ? from_html(f) : trim(f));
    };
    ImportedNoteRecord record;
    record.note.prompt = plain(fields[front]);
    record.note.answer = plain(fields[back]);
    if (choices && *choices < fields.size()) {
      if (h.html) {
        for (const auto& line : field_lines(fields[*choices]))
          record.note.choices.push_back(well_formed_utf8(line));
      } else {
        for (const auto& line : field_lines(to_html(fields[*choices])))
          record.note.choices.push_back(well_formed_utf8(line));
      }
    }
    if (record.note.prompt.empty()) {  // an image or sound alone: nothing to ask in text
      ++file.cards_skipped;
      continue;
    }
    if (file.deck_name.empty() && h.deck_column && *h.deck_column < fields.size())
      file.deck_name = fields[*h.deck_column];
    file.notes.push_back(std::move(record));
  }
  if (file.notes.empty())
    return make_error(fmt::format("{}: none of its notes has text on its front", name.string()),
                      ErrorCode::Invalid);
  if (file.deck_name.empty()) file.deck_name = name.stem().string();
  file.deck_name = well_formed_utf8(file.deck_name);
  return file;
}

}  // namespace citecard::exchange
